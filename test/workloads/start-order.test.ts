import { Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { SidecarDeployment, SidecarPod } from '../../src';

const initNames = (manifest: any, path = 'spec') => {
  const spec = path === 'spec' ? manifest.spec : manifest.spec.template.spec;
  return (spec.initContainers ?? []).map((c: any) => `${c.name}${c.restartPolicy === 'Always' ? '*' : ''}`);
};

describe('declared start order', () => {
  test('GIVEN a sidecar added with addSidecar THEN it is emitted as an init container with restartPolicy Always', () => {
    const chart = Testing.chart();
    const pod = new SidecarPod(chart, 'pod', { containers: [{ name: 'app', image: 'app' }] });
    pod.addSidecar({ name: 'proxy', image: 'envoy' });
    const [manifest] = Testing.synth(chart);
    expect(manifest.spec.initContainers).toHaveLength(1);
    expect(manifest.spec.initContainers[0]).toMatchObject({ name: 'proxy', image: 'envoy', restartPolicy: 'Always' });
    expect(manifest.spec.containers.map((c: any) => c.name)).toEqual(['app']);
    expect(manifest.spec.containers[0].restartPolicy).toBeUndefined();
  });

  test('GIVEN secret-fetch declared before network-proxy but to start after it THEN network-proxy is emitted first', () => {
    const chart = Testing.chart();
    const pod = new SidecarPod(chart, 'pod', { containers: [{ name: 'app', image: 'app' }] });
    const fetch = pod.addInitStep({ name: 'secret-fetch', image: 'sf' });
    const proxy = pod.addSidecar({ name: 'network-proxy', image: 'np' });
    fetch.startsAfter(proxy);
    expect(initNames(Testing.synth(chart)[0])).toEqual(['network-proxy*', 'secret-fetch']);
  });

  test('GIVEN steps without declarations THEN ties keep declaration order (stable), around declared ones', () => {
    const chart = Testing.chart();
    const d = new SidecarDeployment(chart, 'web', { containers: [{ name: 'app', image: 'app' }] });
    const log = d.addSidecar({ name: 'log', image: 'l' });
    const proxy = d.addSidecar({ name: 'proxy', image: 'p' });
    d.addInitStep({ name: 'migrate', image: 'm', startAfter: [proxy] });
    const iptables = d.addInitStep({ name: 'iptables', image: 'i' });
    proxy.startsAfter(iptables);
    d.addSidecar({ name: 'metrics', image: 'x' });
    expect(log).toBeDefined();
    expect(initNames(Testing.synth(chart)[0], 'template')).toEqual(['log*', 'iptables', 'proxy*', 'migrate', 'metrics*']);
  });

  test('GIVEN the same declarations in another call order THEN the derived order respects every declaration', () => {
    const chart = Testing.chart();
    const d = new SidecarDeployment(chart, 'web', { containers: [{ name: 'app', image: 'app' }] });
    const iptables = d.addInitStep({ name: 'iptables', image: 'i' });
    const proxy = d.addSidecar({ name: 'proxy', image: 'p', startAfter: [iptables] });
    d.addInitStep({ name: 'migrate', image: 'm', startAfter: [proxy] });
    expect(initNames(Testing.synth(chart)[0], 'template')).toEqual(['iptables', 'proxy*', 'migrate']);
  });

  test('throws at synth with the cycle named, in the one message grammar', () => {
    const chart = Testing.chart();
    const pod = new SidecarPod(chart, 'pod', { containers: [{ name: 'app', image: 'app' }] });
    const a = pod.addSidecar({ name: 'a', image: 'a' });
    const b = pod.addSidecar({ name: 'b', image: 'b', startAfter: [a] });
    const c = pod.addInitStep({ name: 'c', image: 'c', startAfter: [b] });
    a.startsAfter(c);
    expect(() => Testing.synth(chart)).toThrow(
      'Validation failed with the following errors:\n  [test/pod] SC-DECL-001 spec.initContainers: Invalid value: start-order cycle: a -> b -> c -> a. ' +
      'Fix: remove one of the declarations in the cycle (startsAfter()/startAfter or requireReady(); in a manifest, the start-after or needs-ready annotation)');
  });

  test('throws at synth when a step depends on a step of another workload', () => {
    const chart = Testing.chart();
    const one = new SidecarPod(chart, 'one', { containers: [{ name: 'app', image: 'app' }] });
    const two = new SidecarPod(chart, 'two', { containers: [{ name: 'app', image: 'app' }] });
    const foreign = one.addSidecar({ name: 'proxy', image: 'p' });
    two.addSidecar({ name: 'log', image: 'l', startAfter: [foreign] });
    expect(() => Testing.synth(chart)).toThrow(
      '[test/two] SC-DECL-002 spec.initContainers: Not found: "proxy": "log" is declared to start after "proxy", which is not an init step of this workload. ' +
      'Fix: declare dependencies only between sidecars and init containers of the same workload');
  });

  test('GIVEN regular init containers added with cdk8s-plus addInitContainer THEN they mix with sidecars and can be ordered', () => {
    const chart = Testing.chart();
    const pod = new SidecarPod(chart, 'pod', {
      containers: [{ name: 'app', image: 'app' }],
      initContainers: [{ name: 'setup', image: 's' }],
    });
    const kplusSidecar = pod.addInitContainer({ name: 'kplus-style', image: 'k', restartPolicy: kplus.ContainerRestartPolicy.ALWAYS });
    const late = pod.addInitContainer({ name: 'late', image: 'l' });
    pod.initStep(late).startsAfter(pod.initStep(kplusSidecar));
    pod.initStep(pod.initContainers[0]).startsAfter(pod.initStep(late));
    expect(initNames(Testing.synth(chart)[0])).toEqual(['kplus-style*', 'late', 'setup']);
    expect(pod.sidecars.map((s) => s.name)).toEqual(['kplus-style']);
  });

  test('throws at once for a probe on a regular init container, naming the container, the field and the fix', () => {
    const chart = Testing.chart();
    const pod = new SidecarPod(chart, 'pod', { containers: [{ name: 'app', image: 'app' }] });
    expect(() => pod.addInitStep({ name: 'setup', image: 's', liveness: kplus.Probe.fromCommand(['true']) })).toThrow(
      '[test/pod] addInitStep "setup": livenessProbe: Forbidden: may not be set for init containers without restartPolicy=Always. ' +
      'Fix: remove the probe, or make "setup" a sidecar with addSidecar() if it must keep running');
  });

  test('throws at once for restartPolicy Always given to addInitStep', () => {
    const chart = Testing.chart();
    const pod = new SidecarPod(chart, 'pod', { containers: [{ name: 'app', image: 'app' }] });
    expect(() => pod.addInitStep({ name: 'x', image: 's', restartPolicy: kplus.ContainerRestartPolicy.ALWAYS })).toThrow(
      '[test/pod] addInitStep "x": restartPolicy: Invalid value: "Always": makes it a sidecar. ' +
      'Fix: use addSidecar() for a container that keeps running, or drop restartPolicy for a regular init step');
  });

  test('throws when asked for the init step of a container that is not one', () => {
    const chart = Testing.chart();
    const pod = new SidecarPod(chart, 'pod');
    const app = pod.addContainer({ name: 'app', image: 'app' });
    expect(() => pod.initStep(app)).toThrow('[test/pod] initStep: container: Not found: "app": not an init container or sidecar of this workload. ' +
      'Fix: pass a container returned by addSidecar(), addInitStep() or addInitContainer() of this workload');
  });
});

describe('what reaches the output', () => {
  test('GIVEN a regular init container with portNumber THEN the cdk8s-plus default TCP startupProbe does not reach the output', () => {
    const chart = Testing.chart();
    const pod = new SidecarPod(chart, 'pod', { containers: [{ name: 'app', image: 'app' }] });
    pod.addInitStep({ name: 'setup', image: 's', portNumber: 9000 });
    const proxy = pod.addSidecar({ name: 'proxy', image: 'p', portNumber: 15000 });
    expect(proxy.isSidecar).toBe(true);
    const [manifest] = Testing.synth(chart);
    const setup = manifest.spec.initContainers.find((c: any) => c.name === 'setup');
    expect(setup.ports).toEqual([{ containerPort: 9000 }]);
    expect(setup.startupProbe).toBeUndefined();
    // On a sidecar the same default is legal and useful: it gates the next step on the port being open.
    expect(manifest.spec.initContainers.find((c: any) => c.name === 'proxy').startupProbe).toEqual({ failureThreshold: 3, tcpSocket: { port: 15000 } });
  });

  test('GIVEN a sidecar without resources THEN it gets the documented sidecar default, not the cdk8s-plus 1 CPU default', () => {
    const chart = Testing.chart();
    const pod = new SidecarPod(chart, 'pod', { containers: [{ name: 'app', image: 'app' }] });
    pod.addSidecar({ name: 'proxy', image: 'p' });
    const [manifest] = Testing.synth(chart);
    expect(manifest.spec.initContainers[0].resources).toEqual({ requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '128Mi' } });
  });

  test('GIVEN declarations THEN they are written as annotations the engine and the CLI read', () => {
    const chart = Testing.chart();
    const d = new SidecarDeployment(chart, 'web');
    const app = d.addContainer({ name: 'app', image: 'app' });
    const proxy = d.addSidecar({ name: 'proxy', image: 'p', shutdownTime: Duration.seconds(5) });
    d.addSidecar({ name: 'log', image: 'l', startAfter: [proxy] });
    d.requireReady(app, proxy);
    const [manifest] = Testing.synth(chart);
    expect(manifest.spec.template.metadata.annotations).toMatchObject({
      'cdk8s-sidecars.dev/start-after': '{"log":["proxy"]}',
      'cdk8s-sidecars.dev/needs-ready': '{"app":["proxy"]}',
      'cdk8s-sidecars.dev/shutdown-seconds': '{"proxy":5}',
    });
  });

  test('GIVEN cdk8s-plus spread: true THEN synth renders the pod once (the spread constraints are not duplicated)', () => {
    const chart = Testing.chart();
    new SidecarDeployment(chart, 'web', { spread: true, containers: [{ name: 'app', image: 'app' }] });
    const [manifest] = Testing.synth(chart);
    expect(manifest.spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution).toHaveLength(2);
  });
});
