import { Chart, Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { SidecarDeployment } from '../../src';
import { Annotations } from '../../src/engine/annotations';
import { PodSecurityLevel } from '../../src/rules/pod-security-level';
import { SidecarRules } from '../../src/rules/sidecar-rules';
import { ProxySidecar } from '../../src/sidecars/proxy-sidecar';

function setup() {
  const chart = new Chart(Testing.app(), 'test');
  const workload = new SidecarDeployment(chart, 'web', { metadata: { name: 'web' } });
  const app = workload.addContainer({ name: 'app', image: 'app:1.0', securityContext: { user: 1000 } });
  return { chart, workload, app };
}

describe('ProxySidecar', () => {
  test('GIVEN an iptables step, a proxy after it and a migration that needs the network WHEN synthesized THEN init order, probes, preStop and relations', () => {
    const { chart, workload, app } = setup();
    // declared before the iptables step on purpose: the order comes from the declarations
    const migrate = workload.addInitStep({ name: 'migrate', image: 'migrate:1.0', securityContext: { user: 1000 } });
    const iptables = workload.addInitStep({ name: 'iptables', image: 'proxy-init:1.0', securityContext: { user: 1000 } });
    const proxy = new ProxySidecar({ image: 'envoyproxy/envoy:v1.31.0', listenPort: 15001, adminPort: 15000, startAfter: [iptables] }).addTo(workload);
    workload.requireReady(migrate.container, proxy);

    const json = Testing.synth(chart)[0];
    const spec = json.spec.template.spec;
    expect(spec.initContainers.map((c: any) => c.name)).toEqual(['iptables', 'proxy', 'migrate']);
    const p = spec.initContainers[1];
    expect(p.readinessProbe).toBeUndefined();
    expect(p).toMatchObject({
      restartPolicy: 'Always',
      ports: [{ containerPort: 15001, name: 'proxy' }, { containerPort: 15000, name: 'proxy-admin' }],
      startupProbe: { httpGet: { path: '/ready', port: 15000 }, periodSeconds: 1, failureThreshold: 30 },
      lifecycle: { preStop: { httpGet: { path: '/drain', port: 15000 } } },
    });
    const annotations = json.spec.template.metadata.annotations;
    expect(JSON.parse(annotations[Annotations.NEEDS_READY])).toEqual({ app: ['proxy'], migrate: ['proxy'] });
    // migrate starts after the proxy because it needs it ready: one relation, written once (needs-ready).
    expect(JSON.parse(annotations[Annotations.START_AFTER])).toEqual({ proxy: ['iptables'] });
    expect(JSON.parse(annotations[Annotations.SHUTDOWN_SECONDS])).toEqual({ proxy: 5 });
    expect(app.name).toBe('app');
    // the rules agree: no error on the proxy (startupProbe present, order respected), restricted PSS passes for it
    const findings = SidecarRules.check(json, { podSecurity: PodSecurityLevel.RESTRICTED }).filter((f) => f.path.includes('initContainers[1]'));
    expect(findings).toEqual([]);
  });

  test('GIVEN gateAppContainers false and a command drain WHEN synthesized THEN no readiness relation and an exec preStop', () => {
    const { chart, workload } = setup();
    new ProxySidecar({
      image: 'haproxy:3.0',
      listenPort: 8080,
      adminPort: 8404,
      readinessPath: '/healthz',
      gateAppContainers: false,
      preStop: kplus.Handler.fromCommand(['/bin/drain', '--wait=10s']),
      drainTime: Duration.seconds(12),
      name: 'edge',
    }).addTo(workload);
    const json = Testing.synth(chart)[0];
    const p = json.spec.template.spec.initContainers[0];
    expect(p.name).toBe('edge');
    expect(p.lifecycle.preStop).toEqual({ exec: { command: ['/bin/drain', '--wait=10s'] } });
    expect(p.startupProbe.httpGet).toEqual({ path: '/healthz', port: 8404, scheme: 'HTTP' });
    expect(json.spec.template.metadata.annotations[Annotations.NEEDS_READY]).toBeUndefined();
    expect(JSON.parse(json.spec.template.metadata.annotations[Annotations.SHUTDOWN_SECONDS])).toEqual({ edge: 12 });
  });

  test('throws for invalid options, listing every problem', () => {
    expect(() => new ProxySidecar({ image: '', listenPort: 0, adminPort: 1.5, readinessPath: 'ready' })).toThrow(
      'ProxySidecar "proxy": image: Required value: got "". Fix: give the proxy\'s image, e.g. "envoyproxy/envoy:v1.31.0"\n' +
      'ProxySidecar "proxy": listenPort: Invalid value: 0: must be an integer between 1 and 65535. Fix: give listenPort a port number between 1 and 65535\n' +
      'ProxySidecar "proxy": adminPort: Invalid value: 1.5: must be an integer between 1 and 65535. Fix: give adminPort a port number between 1 and 65535\n' +
      'ProxySidecar "proxy": readinessPath: Invalid value: "ready": must start with "/". Fix: give an absolute HTTP path such as "/ready"');
    expect(() => new ProxySidecar({ image: 'envoy', listenPort: 80, adminPort: 80 })).toThrow(
      'ProxySidecar "proxy": adminPort: Duplicate value: 80: must differ from listenPort. Fix: give the admin endpoint a port of its own');
  });

  // Issue 12 defect: the proxy gated only the app containers present at addTo().
  test('GIVEN an app container added after the proxy WHEN synthesized THEN it needs the proxy ready too', () => {
    const { chart, workload } = setup();
    new ProxySidecar({ image: 'envoyproxy/envoy:v1.31.0', listenPort: 15001, adminPort: 15000 }).addTo(workload);
    workload.addContainer({ name: 'late', image: 'late:1.0', securityContext: { user: 1000 } });
    const annotations = Testing.synth(chart)[0].spec.template.metadata.annotations;
    expect(JSON.parse(annotations[Annotations.NEEDS_READY])).toEqual({ app: ['proxy'], late: ['proxy'] });
  });

  test('GIVEN gateAppContainers false THEN no app container needs the proxy', () => {
    const { chart, workload } = setup();
    new ProxySidecar({ image: 'envoyproxy/envoy:v1.31.0', listenPort: 15001, adminPort: 15000, gateAppContainers: false }).addTo(workload);
    expect(Testing.synth(chart)[0].spec.template.metadata.annotations[Annotations.NEEDS_READY]).toBeUndefined();
  });

  test('throws for a name that is not a container name', () => {
    expect(() => new ProxySidecar({ image: 'envoy', listenPort: 80, adminPort: 81, name: 'My_Proxy' })).toThrow(
      'ProxySidecar: name: Invalid value: "My_Proxy": a container name must be a lowercase RFC 1123 label of at most 63 characters ' +
      "(a-z, 0-9 and '-', starting and ending with a letter or digit). Fix: use a name such as \"log-shipper\"");
  });
});
