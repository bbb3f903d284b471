import * as path from 'path';
import { ApiObject, Chart, Include, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { CertReloaderSidecar } from './cert-reloader-sidecar';
import { SidecarDeployment } from '../../src';
import { Annotations } from '../../src/engine/annotations';
import { SidecarRules } from '../../src/rules/sidecar-rules';
import { FluentBitOutput } from '../../src/sidecars/fluent-bit-output';
import { LogShipperSidecar } from '../../src/sidecars/log-shipper-sidecar';
import { SidecarDefinition } from '../../src/sidecars/sidecar-definition';
import { SidecarInjector } from '../../src/sidecars/sidecar-injector';

/**
 * Issue 15: injection into third-party YAML (`Include`, Helm output: raw ApiObjects) is as complete
 * as into our workloads: the definition's bind() wires the app containers (shared volumes, env,
 * readiness), not only the sidecar container.
 */
const VENDOR = path.join(__dirname, 'fixtures', 'vendor-ledger.yaml');

function vendorChart(): Chart {
  const chart = new Chart(Testing.app(), 'prod');
  new Include(chart, 'ledger', { url: VENDOR });
  return chart;
}

function deploymentOf(chart: Chart): any {
  return Testing.synth(chart).find((m) => m.kind === 'Deployment');
}

/** Every volume a container mounts exists in the pod (the API server's "Not found" otherwise). */
function unmountedNames(spec: any): string[] {
  const volumes = new Set((spec.volumes ?? []).map((v: any) => v.name));
  const mounted = [...spec.initContainers ?? [], ...spec.containers].flatMap((c: any) => (c.volumeMounts ?? []).map((m: any) => m.name));
  return mounted.filter((n: string) => !volumes.has(n));
}

const shipper = () => LogShipperSidecar.tail().shipFromContainer('ledger', '/var/log/ledger/ledger.log');

describe('SidecarInjector into raw manifests and plain cdk8s-plus workloads: bind() wiring', () => {
  test('GIVEN an Included vendor Deployment WHEN a cert reloader is injected THEN every app container gets the cert volume read-only, the env and the readiness relation', () => {
    const chart = vendorChart();
    expect(SidecarInjector.inject(chart, new CertReloaderSidecar(), { podLabels: { app: 'ledger' } }).injected).toEqual(['prod/ledger/ledger-deployment']);
    const deployment = deploymentOf(chart);
    const spec = deployment.spec.template.spec;
    expect(spec.initContainers.map((c: any) => [c.name, c.restartPolicy])).toEqual([['cert-reloader', 'Always']]);
    expect(spec.volumes).toEqual([{ name: 'tls-certs', emptyDir: { medium: 'Memory', sizeLimit: '1Mi' } }]);
    const certEnv = [{ name: 'TLS_CERT_FILE', value: '/etc/tls/tls.crt' }, { name: 'TLS_KEY_FILE', value: '/etc/tls/tls.key' }];
    expect(spec.containers).toEqual([
      {
        name: 'ledger',
        image: 'vendor/ledger:4.1',
        args: ['--log-file=/var/log/ledger/ledger.log', '--tls-dir=/etc/tls'],
        env: [{ name: 'LEDGER_MODE', value: 'production' }, ...certEnv],
        volumeMounts: [{ name: 'tls-certs', mountPath: '/etc/tls', readOnly: true }],
      },
      { name: 'metrics', image: 'vendor/ledger-metrics:4.1', env: certEnv, volumeMounts: [{ name: 'tls-certs', mountPath: '/etc/tls', readOnly: true }] },
    ]);
    expect(JSON.parse(deployment.spec.template.metadata.annotations[Annotations.NEEDS_READY])).toEqual({ ledger: ['cert-reloader'], metrics: ['cert-reloader'] });
    expect(unmountedNames(spec)).toEqual([]);
    expect(SidecarRules.check(deployment).filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('GIVEN the same definition on a SidecarDeployment with the same containers THEN the raw manifest got the same wiring', () => {
    const raw = vendorChart();
    SidecarInjector.inject(raw, new CertReloaderSidecar());
    const ours = new Chart(Testing.app(), 'prod');
    const deployment = new SidecarDeployment(ours, 'ledger', { metadata: { name: 'ledger' } });
    deployment.addContainer({ name: 'ledger', image: 'vendor/ledger:4.1' });
    deployment.addContainer({ name: 'metrics', image: 'vendor/ledger-metrics:4.1' });
    new CertReloaderSidecar().addTo(deployment);

    const wiring = (d: any) => ({
      apps: d.spec.template.spec.containers.map((c: any) => ({ name: c.name, mounts: c.volumeMounts, env: c.env.filter((e: any) => e.name.startsWith('TLS_')) })),
      needsReady: JSON.parse(d.spec.template.metadata.annotations[Annotations.NEEDS_READY]),
      sidecar: d.spec.template.spec.initContainers[0],
      volumes: d.spec.template.spec.volumes,
    });
    expect(wiring(deploymentOf(raw))).toEqual(wiring(deploymentOf(ours)));
  });

  test('GIVEN a log shipper shipping from a vendor container by name WHEN injected THEN that container writes to the shared volume the shipper tails; the other is untouched', () => {
    const chart = vendorChart();
    SidecarInjector.inject(chart, shipper());
    const spec = deploymentOf(chart).spec.template.spec;
    expect(spec.initContainers[0]).toMatchObject({
      name: 'log-shipper',
      restartPolicy: 'Always',
      command: ['tail', '-F', '--', '/var/log/ledger/ledger.log'],
      volumeMounts: [{ name: 'log-shipper-logs', mountPath: '/var/log/ledger' }],
    });
    expect(spec.containers[0].volumeMounts).toEqual([{ name: 'log-shipper-logs', mountPath: '/var/log/ledger' }]);
    expect(spec.containers[1]).toEqual({ name: 'metrics', image: 'vendor/ledger-metrics:4.1' });
    expect(spec.volumes).toEqual([{ name: 'log-shipper-logs', emptyDir: {} }]);
    expect(unmountedNames(spec)).toEqual([]);
  });

  test('GIVEN a Fluent Bit shipper WHEN injected into a raw manifest THEN its ConfigMap is created in the manifest\'s chart and mounted', () => {
    const chart = vendorChart();
    SidecarInjector.inject(chart, LogShipperSidecar.fluentBit({ output: FluentBitOutput.stdout() }).shipFromContainer('ledger', '/var/log/ledger/ledger.log'));
    const manifests = Testing.synth(chart);
    const configMap = manifests.find((m) => m.kind === 'ConfigMap');
    expect(configMap.data['fluent-bit.conf']).toMatch(/^ {4}Path +\/var\/log\/ledger\/ledger\.log$/m);
    const spec = manifests.find((m) => m.kind === 'Deployment').spec.template.spec;
    expect(spec.volumes).toContainEqual({ name: 'log-shipper-config', configMap: { name: configMap.metadata.name } });
    expect(spec.containers[0].volumeMounts).toEqual([{ name: 'log-shipper-logs', mountPath: '/var/log/ledger' }]);
  });

  test('GIVEN a cert reloader and a log shipper WHEN injected one after the other THEN both start first in injection order and both wirings are there', () => {
    const chart = vendorChart();
    SidecarInjector.inject(chart, new CertReloaderSidecar());
    SidecarInjector.inject(chart, shipper());
    const deployment = deploymentOf(chart);
    const spec = deployment.spec.template.spec;
    expect(spec.initContainers.map((c: any) => c.name)).toEqual(['cert-reloader', 'log-shipper']);
    expect(spec.containers[0].volumeMounts).toEqual([
      { name: 'tls-certs', mountPath: '/etc/tls', readOnly: true },
      { name: 'log-shipper-logs', mountPath: '/var/log/ledger' },
    ]);
    expect(deployment.spec.template.metadata.annotations[SidecarInjector.INJECTED_ANNOTATION]).toBe('["cert-reloader","log-shipper"]');
    expect(unmountedNames(spec)).toEqual([]);
    // and injecting again changes nothing
    const once = Testing.synth(chart);
    expect(SidecarInjector.inject(chart, new CertReloaderSidecar()).injected).toEqual([]);
    expect(Testing.synth(chart)).toEqual(once);
  });

  test('GIVEN a Helm-like raw ApiObject with init containers WHEN injected THEN the sidecar goes first and bind() reaches the app containers only', () => {
    const chart = new Chart(Testing.app(), 'prod');
    new ApiObject(chart, 'job', {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'migrate' },
      spec: { template: { spec: { restartPolicy: 'Never', initContainers: [{ name: 'wait-db', image: 'busybox:1.36' }], containers: [{ name: 'migrate', image: 'vendor/migrate:4.1' }] } } },
    });
    SidecarInjector.inject(chart, new CertReloaderSidecar());
    const spec = Testing.synth(chart)[0].spec.template.spec;
    expect(spec.initContainers.map((c: any) => c.name)).toEqual(['cert-reloader', 'wait-db']);
    expect(spec.initContainers[1]).toEqual({ name: 'wait-db', image: 'busybox:1.36' });
    expect(spec.containers[0].volumeMounts).toEqual([{ name: 'tls-certs', mountPath: '/etc/tls', readOnly: true }]);
  });

  test('throws, listing every conflict at once, when the vendor container already sets the env or mounts another volume on the path', () => {
    const chart = new Chart(Testing.app(), 'prod');
    new ApiObject(chart, 'web', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        template: {
          spec: {
            containers: [{ name: 'web', image: 'web:1', env: [{ name: 'TLS_CERT_FILE', value: '/certs/server.pem' }], volumeMounts: [{ name: 'certs', mountPath: '/etc/tls' }] }],
            volumes: [{ name: 'certs', secret: { secretName: 'web-tls' } }],
          },
        },
      },
    });
    expect(() => SidecarInjector.inject(chart, new CertReloaderSidecar())).toThrow(
      '[prod/web] spec.template.spec.containers[0].volumeMounts: Duplicate value: "/etc/tls": container "web" already has {"mountPath":"/etc/tls","name":"certs"}, ' +
      'where sidecar "cert-reloader" would add {"mountPath":"/etc/tls","name":"tls-certs","readOnly":true}; ' +
      'spec.template.spec.containers[0].env: Duplicate value: "TLS_CERT_FILE": container "web" already has {"name":"TLS_CERT_FILE","value":"/certs/server.pem"}, ' +
      'where sidecar "cert-reloader" would add {"name":"TLS_CERT_FILE","value":"/etc/tls/tls.crt"}. ' +
      'Fix: rename the volume, mount path or variable in the sidecar definition, or filter this workload out of the injection');
    // nothing was written half-way
    expect(Testing.synth(chart)[0].spec.template.spec.initContainers).toBeUndefined();
  });

  test('throws at once, with the fix, when shipFromContainer() is given a relative path', () => {
    expect(() => LogShipperSidecar.tail().shipFromContainer('ledger', 'ledger.log')).toThrow(
      /^LogShipperSidecar "log-shipper": shipFromContainer\("ledger", "ledger\.log"\): Invalid value: .*\. Fix: give the absolute path of the file the container writes, such as "\/var\/log\/app\/app\.log"$/);
  });

  test('throws naming the containers there are when a log shipper ships from a container the vendor pod does not have', () => {
    const chart = vendorChart();
    expect(() => SidecarInjector.inject(chart, LogShipperSidecar.tail().shipFromContainer('api', '/var/log/api.log'))).toThrow(
      '[prod/ledger/ledger-deployment] LogShipperSidecar "log-shipper": cannot add the shipper:\n' +
      '  - shipFromContainer("api", "/var/log/api.log"): Not found: container "api" is not a container of this workload (it has "ledger", "metrics")\n' +
      'Fix: ship only from containers of this workload, pass the volume they already mount as `volume`, and give log files distinct names');
  });

  test('throws rather than drop what bind() does that YAML injection cannot carry (here: adding a container)', () => {
    class Greedy extends SidecarDefinition {
      constructor() { super({ name: 'greedy' }); }
      protected sidecarOptions() { return { image: 'greedy:1' }; }
      protected bind(workload: any) { workload.addContainer({ name: 'extra', image: 'extra:1' }); }
    }
    const chart = vendorChart();
    expect(() => SidecarInjector.inject(chart, new Greedy())).toThrow(
      '[prod/ledger/ledger-deployment] cannot inject sidecar "greedy":\n' +
      '  - spec.template.spec: Forbidden: adding sidecar "greedy" added container(s) "extra", which injection into a raw manifest cannot carry over\n' +
      'Fix: inject this definition into Sidecar* workloads only, or filter this workload out of the injection');
  });

  test('GIVEN shipFromContainer on a SidecarDeployment THEN it ships from the container of that name, as shipFrom() does', () => {
    const chart = new Chart(Testing.app(), 'prod');
    const deployment = new SidecarDeployment(chart, 'app', { metadata: { name: 'app' } });
    deployment.addContainer({ name: 'app', image: 'app:1', securityContext: { user: 1000 } });
    LogShipperSidecar.tail().shipFromContainer('app', '/var/log/app/app.log').addTo(deployment);
    const spec = Testing.synth(chart)[0].spec.template.spec;
    expect(spec.containers[0].volumeMounts).toEqual([{ name: 'log-shipper-logs', mountPath: '/var/log/app' }]);
  });

  test('GIVEN a plain cdk8s-plus Deployment WHEN a log shipper (shipFrom its container) and a cert reloader are injected THEN bind() wires its real containers and the relations accumulate', () => {
    const chart = new Chart(Testing.app(), 'prod');
    const plain = new kplus.Deployment(chart, 'ledger', { metadata: { name: 'ledger' } });
    const ledger = plain.addContainer({ name: 'ledger', image: 'vendor/ledger:4.1', securityContext: { user: 1000 } });
    plain.addInitContainer({ name: 'wait-db', image: 'busybox:1.36', securityContext: { user: 1000 } });
    SidecarInjector.inject(chart, LogShipperSidecar.tail().shipFrom(ledger, '/var/log/ledger/ledger.log'));
    SidecarInjector.inject(chart, new CertReloaderSidecar());
    const deployment = deploymentOf(chart);
    const spec = deployment.spec.template.spec;
    expect(spec.initContainers.map((c: any) => [c.name, c.restartPolicy])).toEqual([['log-shipper', 'Always'], ['cert-reloader', 'Always'], ['wait-db', undefined]]);
    expect(spec.containers[0].volumeMounts).toEqual([
      { name: 'log-shipper-logs', mountPath: '/var/log/ledger' },
      { name: 'tls-certs', mountPath: '/etc/tls', readOnly: true },
    ]);
    expect(spec.containers[0].env).toEqual([{ name: 'TLS_CERT_FILE', value: '/etc/tls/tls.crt' }, { name: 'TLS_KEY_FILE', value: '/etc/tls/tls.key' }]);
    expect(JSON.parse(deployment.spec.template.metadata.annotations[Annotations.NEEDS_READY])).toEqual({ ledger: ['cert-reloader'] });
    expect(deployment.spec.template.metadata.annotations[SidecarInjector.INJECTED_ANNOTATION]).toBe('["log-shipper","cert-reloader"]');
    expect(JSON.parse(deployment.spec.template.metadata.annotations[Annotations.SHUTDOWN_SECONDS])).toEqual({ 'cert-reloader': 1 });
    expect(unmountedNames(spec)).toEqual([]);
    expect(SidecarRules.check(deployment).filter((f) => f.severity === 'error')).toEqual([]);
  });
});
