import { Chart, Cron, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import {
  ISidecarWorkload, ResourceReports, SidecarCronJob, SidecarDaemonSet, SidecarDeployment, SidecarJob, SidecarPod, SidecarStatefulSet,
} from '../../src';
import { PodManifest } from '../../src/engine/pod-manifest';

type Factory = (scope: Construct) => ISidecarWorkload;

/**
 * One row per workload kind: how to make it, its kind, its pod restartPolicy, and how many pods the
 * totals annotations count (cdk8s-plus defaults: 2 Deployment replicas, 1 StatefulSet replica, one pod
 * per Job run; none for a bare Pod, and none for a DaemonSet, whose count is the number of nodes).
 */
const WORKLOADS: Array<[string, Factory, string, string, number | undefined]> = [
  ['SidecarPod', (s) => new SidecarPod(s, 'w'), 'Pod', 'Always', undefined],
  ['SidecarDeployment', (s) => new SidecarDeployment(s, 'w'), 'Deployment', 'Always', 2],
  ['SidecarJob', (s) => new SidecarJob(s, 'w'), 'Job', 'Never', 1],
  ['SidecarStatefulSet', (s) => new SidecarStatefulSet(s, 'w', {
    service: new kplus.Service(s, 'svc', { clusterIP: 'None', ports: [{ port: 80 }] }),
  }), 'StatefulSet', 'Always', 1],
  ['SidecarDaemonSet', (s) => new SidecarDaemonSet(s, 'w'), 'DaemonSet', 'Always', undefined],
  ['SidecarCronJob', (s) => new SidecarCronJob(s, 'w', { schedule: Cron.daily() }), 'CronJob', 'Never', 1],
];

function synthWorkload(factory: Factory): any {
  const chart = Testing.chart();
  const w = factory(chart);
  w.addContainer({ name: 'app', image: 'app:1.0', portNumber: 8080 });
  const proxy = w.addSidecar({ name: 'proxy', image: 'envoy:1.30', portNumber: 15001 });
  w.addInitStep({ name: 'migrate', image: 'migrate:1.0', startAfter: [proxy] });
  w.requireReady(w.containers[0], proxy);
  const manifests = Testing.synth(chart);
  return manifests.find((m) => m.kind !== 'Service');
}

describe.each(WORKLOADS)('%s', (_name, factory, kind, restartPolicy, pods) => {
  const manifest = synthWorkload(factory);
  const pod = PodManifest.from(manifest)!;

  test(`GIVEN an app, a sidecar and an init step WHEN synthesized THEN it is a ${kind} with the sidecar first`, () => {
    expect(manifest.kind).toBe(kind);
    expect(pod.podSpec.initContainers!.map((c) => [c.name, c.restartPolicy])).toEqual([['proxy', 'Always'], ['migrate', undefined]]);
    expect(pod.podSpec.containers!.map((c) => c.name)).toEqual(['app']);
  });

  test(`THEN the pod restartPolicy is ${restartPolicy}`, () => {
    expect(pod.podSpec.restartPolicy).toBe(restartPolicy);
  });

  test('THEN the declarations are on the pod metadata', () => {
    expect(pod.podMetadata.annotations).toMatchObject({
      'cdk8s-sidecars.dev/start-after': '{"migrate":["proxy"]}',
      'cdk8s-sidecars.dev/needs-ready': '{"app":["proxy"]}',
    });
  });

  // What the snapshot of this manifest used to hold, as facts: the library's own output, stated.
  test('THEN the sidecar gets the small default resources and a TCP startupProbe on its port; the init step gets no probe; the app keeps cdk8s-plus\'s', () => {
    const [proxy, migrate] = pod.podSpec.initContainers!;
    expect(proxy.resources).toEqual({ requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '128Mi' } });
    expect(proxy.startupProbe).toMatchObject({ tcpSocket: { port: 15001 } });
    expect(migrate.startupProbe).toBeUndefined();
    expect(pod.podSpec.containers![0].startupProbe).toMatchObject({ tcpSocket: { port: 8080 } });
  });

  // app (cdk8s-plus default) 1000m/512Mi, limits 1500m/2048Mi; proxy 50m/64Mi, limit 128Mi memory, no cpu limit;
  // migrate (cdk8s-plus default) runs with proxy: 1050m/576Mi, the same as app + proxy. No cpu limit on the
  // proxy: the pod cgroup has no cpu cap.
  test(`THEN the pod carries the effective resources worked out by hand${pods ? `, and totals for ${pods} pod(s)` : ', and no totals'}`, () => {
    const a = pod.podMetadata.annotations!;
    expect(a['cdk8s-sidecars.dev/effective-requests']).toBe('cpu=1050m,memory=576Mi');
    expect(a['cdk8s-sidecars.dev/effective-limits']).toBe('cpu=unbounded,memory=2176Mi');
    expect(a['cdk8s-sidecars.dev/qos-class']).toBe('Burstable');
    if (pods === undefined) {
      expect(a['cdk8s-sidecars.dev/total-requests']).toBeUndefined();
      expect(a['cdk8s-sidecars.dev/total-limits']).toBeUndefined();
    } else {
      expect(a['cdk8s-sidecars.dev/total-requests']).toBe(`cpu=${1050 * pods}m,memory=${576 * pods}Mi`);
      expect(a['cdk8s-sidecars.dev/total-limits']).toBe(`cpu=unbounded,memory=${2176 * pods}Mi`);
    }
  });
});

describe('cdk8s-plus API stays available', () => {
  test('GIVEN a SidecarDeployment THEN kplus volumes, service accounts and exposeViaService work as before', () => {
    const chart = Testing.chart();
    const d = new SidecarDeployment(chart, 'web', { replicas: 3, serviceAccount: kplus.ServiceAccount.fromServiceAccountName(chart, 'sa', 'runner') });
    const data = kplus.Volume.fromEmptyDir(chart, 'data', 'data');
    d.addContainer({ name: 'app', image: 'app', portNumber: 8080, volumeMounts: [{ path: '/data', volume: data }] });
    d.addSidecar({ name: 'log', image: 'log', volumeMounts: [{ path: '/data', volume: data, readOnly: true }] });
    d.exposeViaService({ ports: [{ port: 80, targetPort: 8080 }] });
    const manifests = Testing.synth(chart);
    expect(manifests.map((m) => m.kind)).toEqual(['Deployment', 'Service']);
    const spec = manifests[0].spec.template.spec;
    expect(spec.serviceAccountName).toBe('runner');
    expect(spec.volumes).toEqual([{ name: 'data', emptyDir: {} }]);
    expect(spec.initContainers[0].volumeMounts).toEqual([{ name: 'data', mountPath: '/data', readOnly: true }]);
    expect(manifests[0].spec.replicas).toBe(3);
  });

  test('GIVEN sidecars in the props THEN they are added in order at construction', () => {
    const chart = Testing.chart();
    const job = new SidecarJob(chart, 'job', {
      containers: [{ name: 'app', image: 'app' }],
      sidecars: [{ name: 'a', image: 'a' }, { name: 'b', image: 'b' }],
    });
    expect(job.sidecars.map((s) => s.name)).toEqual(['a', 'b']);
    expect(Testing.synth(chart)[0].spec.template.spec.initContainers.map((c: any) => c.name)).toEqual(['a', 'b']);
  });
});

describe('ResourceReports', () => {
  test('GIVEN an app with two charts THEN the report has one row per workload with per-pod and total figures', () => {
    const app = Testing.app();
    const a = new Chart(app, 'a');
    const b = new Chart(app, 'b');
    const web = new SidecarDeployment(a, 'web', { metadata: { name: 'web' }, replicas: 3 });
    web.addContainer({ name: 'app', image: 'app', resources: { cpu: { request: kplus.Cpu.millis(200) }, memory: {} } });
    web.addSidecar({ name: 'log', image: 'log' });
    new kplus.ConfigMap(b, 'cm');
    const job = new SidecarJob(b, 'job', { metadata: { name: 'nightly' } });
    job.addContainer({ name: 'work', image: 'w', resources: { cpu: { request: kplus.Cpu.millis(500) }, memory: {} } });
    const report = ResourceReports.of(app);
    expect(report.rows.map((r) => [r.kind, r.name, r.requests, r.totalRequests])).toEqual([
      ['Deployment', 'web', { cpu: '250m', memory: '64Mi' }, { cpu: '750m', memory: '192Mi' }],
      ['Job', 'nightly', { cpu: '500m' }, { cpu: '500m' }],
    ]);
    expect(report.toMarkdown()).toContain('| Deployment | web |');
  });

  test('throws for a scope without charts', () => {
    const lonely = new Construct(undefined as any, '');
    expect(() => ResourceReports.of(lonely)).toThrow('[(app)] ResourceReports.of: scope: Not found: no chart under this scope. Fix: pass an App or a Chart');
  });
});
