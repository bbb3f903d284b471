import { Chart, Duration, Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { SidecarDeployment, SidecarJob } from '../../src';
import { ANNOTATION_PREFIX } from '../../src/engine/annotations';

/**
 * Drop-in: swapping a cdk8s-plus workload for its Sidecar* class changes nothing but what we add
 * on purpose: our `cdk8s-sidecars.dev/` annotations, and the smaller documented resource default of
 * a sidecar that sets none (`Sidecar.DEFAULT_RESOURCES` instead of cdk8s-plus's 1 CPU / 512Mi).
 * Each app is written once, against the cdk8s-plus API only, and synthesized both ways.
 */

type Make<P> = new (scope: Construct, id: string, props: P) => kplus.AbstractPod;

/** A Deployment written against cdk8s-plus: containers and init containers in props and added later, unnamed ones included. */
function deploymentApp(Workload: Make<kplus.DeploymentProps>): any[] {
  const chart = new Chart(Testing.app(), 'app');
  const d = new Workload(chart, 'web', {
    replicas: 3,
    podMetadata: { labels: { tier: 'web' } },
    containers: [{ name: 'app', image: 'app:1', portNumber: 8080, envVariables: { MODE: kplus.EnvValue.fromValue('prod') } }],
    initContainers: [{ image: 'proxy:1', restartPolicy: kplus.ContainerRestartPolicy.ALWAYS, portNumber: 15001 }],
    terminationGracePeriod: Duration.seconds(45),
  }) as kplus.Deployment;
  const volume = kplus.Volume.fromEmptyDir(d, 'shared', 'shared');
  d.addInitContainer({ image: 'setup:1', command: ['setup'], volumeMounts: [{ path: '/shared', volume }] });
  d.addInitContainer({
    name: 'logs',
    image: 'fluent-bit:3',
    restartPolicy: kplus.ContainerRestartPolicy.ALWAYS,
    resources: { cpu: { request: kplus.Cpu.millis(20) }, memory: { request: Size.mebibytes(32) } },
    volumeMounts: [{ path: '/shared', volume, readOnly: true }],
  });
  d.addContainer({ image: 'worker:1', volumeMounts: [{ path: '/shared', volume }] });
  d.exposeViaService({ ports: [{ port: 80, targetPort: 8080 }] });
  return Testing.synth(chart);
}

/** A Job written against cdk8s-plus, with an unnamed sidecar added after construction. */
function jobApp(Workload: Make<kplus.JobProps>): any[] {
  const chart = new Chart(Testing.app(), 'app');
  const job = new Workload(chart, 'report', { backoffLimit: 2, containers: [{ name: 'report', image: 'report:1', command: ['/bin/report'] }] }) as kplus.Job;
  job.addInitContainer({ image: 'shipper:1', restartPolicy: kplus.ContainerRestartPolicy.ALWAYS });
  return Testing.synth(chart);
}

/** Paths (`/0/spec/...`, keys as they are) where two synthesized apps differ. */
function differences(a: unknown, b: unknown, at = ''): string[] {
  if (a === b) return [];
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
  if (!isObj(a) || !isObj(b) || Array.isArray(a) !== Array.isArray(b)) return [at];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((k) => differences(a[k], b[k], `${at}/${k}`));
}

/** The differences that are neither our annotations nor the resources of the given sidecars (which set none). */
function unexpected(diffs: string[], sidecarsWithoutResources: string[]): string[] {
  return diffs
    .filter((d) => !d.includes(`/annotations/${ANNOTATION_PREFIX}`) && !d.endsWith('/metadata/annotations'))
    .filter((d) => !sidecarsWithoutResources.some((s) => d.startsWith(`${s}/resources`)));
}

/** Our annotations, wherever a difference is a whole annotations map: only keys of ours. */
function ourAnnotationsOnly(manifests: any[]): boolean {
  return manifests.every((m) => {
    const pods = [m.metadata, m.spec?.template?.metadata, m.spec?.jobTemplate?.spec?.template?.metadata];
    return pods.every((meta) => !meta?.annotations || Object.keys(meta.annotations).every((k) => k.startsWith(ANNOTATION_PREFIX)));
  });
}

describe('drop-in: a Sidecar* class in place of its cdk8s-plus class', () => {
  test('GIVEN one app written against the cdk8s-plus API WHEN synthesized with kplus.Deployment and with SidecarDeployment THEN only our annotations and the sidecar resource default differ', () => {
    const plain = deploymentApp(kplus.Deployment);
    const ours = deploymentApp(SidecarDeployment);
    const names = (m: any[]) => m[0].spec.template.spec.initContainers.map((c: any) => c.name);
    // cdk8s-plus's names for unnamed init containers, sidecars included: init-<n>.
    expect(names(ours)).toEqual(['init-0', 'init-1', 'logs']);
    expect(names(ours)).toEqual(names(plain));
    expect(ours.map((m) => m.kind)).toEqual(['Deployment', 'Service']);
    const diffs = differences(plain, ours);
    expect(unexpected(diffs, ['/0/spec/template/spec/initContainers/0'])).toEqual([]);
    expect(ourAnnotationsOnly(ours)).toBe(true);
    // What does differ is what the docs promise.
    expect(ours[0].spec.template.spec.initContainers[0].resources).toEqual({ requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '128Mi' } });
    expect(plain[0].spec.template.spec.initContainers[0].resources).toEqual({ requests: { cpu: '1000m', memory: '512Mi' }, limits: { cpu: '1500m', memory: '2048Mi' } });
  });

  test('GIVEN a Job written against the cdk8s-plus API WHEN synthesized with kplus.Job and with SidecarJob THEN only our annotations and the sidecar resource default differ', () => {
    const plain = jobApp(kplus.Job);
    const ours = jobApp(SidecarJob);
    expect(ours[0].spec.template.spec.initContainers.map((c: any) => c.name)).toEqual(['init-0']);
    expect(unexpected(differences(plain, ours), ['/0/spec/template/spec/initContainers/0'])).toEqual([]);
    expect(ourAnnotationsOnly(ours)).toBe(true);
  });
});
