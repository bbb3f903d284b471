import { ContainerRole } from '../../src/engine/container-role';
import { podContainers } from '../../src/engine/pod-containers';
import { PodManifest } from '../../src/engine/pod-manifest';

const podSpec = {
  initContainers: [{ name: 'setup', image: 'x' }, { name: 'proxy', image: 'x', restartPolicy: 'Always' }],
  containers: [{ name: 'app', image: 'x' }],
};

describe('PodManifest', () => {
  test.each([
    ['Pod', { spec: podSpec }, 'spec', undefined],
    ['PodTemplate', { template: { spec: podSpec } }, 'template.spec', undefined],
    ['Deployment', { spec: { replicas: 3, template: { spec: podSpec } } }, 'spec.template.spec', 3],
    ['StatefulSet', { spec: { replicas: 2, template: { spec: podSpec } } }, 'spec.template.spec', 2],
    ['ReplicaSet', { spec: { template: { spec: podSpec } } }, 'spec.template.spec', undefined],
    ['DaemonSet', { spec: { template: { spec: podSpec } } }, 'spec.template.spec', undefined],
    ['Job', { spec: { parallelism: 4, template: { spec: podSpec } } }, 'spec.template.spec', 4],
    ['CronJob', { spec: { jobTemplate: { spec: { template: { spec: podSpec } } } } }, 'spec.jobTemplate.spec.template.spec', undefined],
  ])('finds the pod of a %s at %s', (kind, body, expectedPath, replicas) => {
    const m = PodManifest.from({ apiVersion: 'x', kind, metadata: { name: 'n' }, ...body })!;
    expect(m).toBeDefined();
    expect(m.podSpecPath.toString()).toBe(expectedPath);
    expect(m.podSpec).toBe(podSpec);
    expect(m.replicas).toBe(replicas);
    expect(m.displayName).toBe(`${kind}/n`);
  });

  test.each([
    ['a Service', { apiVersion: 'v1', kind: 'Service', spec: {} }],
    ['a Deployment without template', { apiVersion: 'apps/v1', kind: 'Deployment', spec: {} }],
    ['a Pod whose spec is a string', { apiVersion: 'v1', kind: 'Pod', spec: 'nope' }],
    ['null', null],
    ['an array', []],
    ['a number', 42],
  ])('yields nothing for %s', (_name, manifest) => {
    expect(PodManifest.from(manifest)).toBeUndefined();
  });

  test('knows which kinds run to completion and the defaulted restartPolicy', () => {
    const job = PodManifest.from({ kind: 'Job', spec: { template: { spec: { ...podSpec, restartPolicy: 'Never' } } } })!;
    expect(job.runsToCompletion).toBe(true);
    expect(job.isLongRunning).toBe(false);
    expect(job.effectiveRestartPolicy).toBe('Never');
    const deploy = PodManifest.from({ kind: 'Deployment', spec: { template: { spec: podSpec } } })!;
    expect(deploy.isLongRunning).toBe(true);
    expect(deploy.effectiveRestartPolicy).toBe('Always');
  });
});

describe('podContainers', () => {
  test('lists init containers in order, then app containers, with roles and paths', () => {
    const m = PodManifest.from({ kind: 'Deployment', spec: { template: { spec: podSpec } } })!;
    expect(podContainers(m.podSpec, m.podSpecPath).map((c) => [c.name, c.role, c.path.toString()])).toEqual([
      ['setup', ContainerRole.REGULAR_INIT, 'spec.template.spec.initContainers[0]'],
      ['proxy', ContainerRole.SIDECAR, 'spec.template.spec.initContainers[1]'],
      ['app', ContainerRole.APP, 'spec.template.spec.containers[0]'],
    ]);
  });

  test('skips entries that are not objects instead of crashing', () => {
    const spec: any = { initContainers: [null, 'x', { name: 'ok' }], containers: 'not-a-list' };
    expect(podContainers(spec, PodManifest.fromPodSpec(spec)!.podSpecPath).map((c) => c.name)).toEqual(['ok']);
  });
});
