import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { Annotations } from '../../src/engine/annotations';
import { effectiveResourceAnnotations, formatResourceMap } from '../../src/resources/effective-resource-annotations';
import { EffectiveResources } from '../../src/resources/effective-resources';
import { findInvalidQuantities } from '../../src/resources/pod-resource-reader';
import { QosClass } from '../../src/resources/qos-class';
import { ResourceReport } from '../../src/resources/resource-report';

/** The seed Deployment (test/fixtures/seeds/deployment-sidecar.yaml) with explicit resources added. */
function seedDeployment(): any {
  const m = parse(fs.readFileSync(path.join(__dirname, '../fixtures/seeds/deployment-sidecar.yaml'), 'utf8'));
  const spec = m.spec.template.spec;
  spec.initContainers[0].resources = { requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } };
  spec.initContainers.push({ name: 'setup', image: 'alpine:latest', resources: { requests: { cpu: '50m', memory: '256Mi' } } });
  spec.containers[0].resources = { requests: { cpu: '100m', memory: '384Mi' }, limits: { memory: '384Mi' } };
  return m;
}

describe('EffectiveResources', () => {
  test('GIVEN the seed Deployment with resources WHEN computed THEN sidecars add to apps and overlap later init steps', () => {
    const e = EffectiveResources.ofManifest(seedDeployment());
    expect(e.requests).toEqual({ cpu: '350m', memory: '448Mi' });
    expect(e.limits).toEqual({ cpu: '500m', memory: '512Mi' });
    expect(e.unbounded).toEqual(['cpu', 'memory']);
    expect(e.qosClass).toBe(QosClass.BURSTABLE);
    expect(e.explain()).toBe([
      'requests:',
      '  cpu: max(app+sidecars = 100m + 250m = 350m, peak init step "setup" = 250m + 50m = 300m) = 350m',
      '  memory: max(app+sidecars = 384Mi + 64Mi = 448Mi, peak init step "setup" = 64Mi + 256Mi = 320Mi) = 448Mi',
      'limits:',
      '  cpu: unbounded: no cpu limit on "setup", "myapp" (declared limits: max(app+sidecars = 500m, peak init step "logshipper" = 500m) = 500m)',
      '  memory: unbounded: no memory limit on "setup" (declared limits: max(app+sidecars = 384Mi + 128Mi = 512Mi, peak init step "logshipper" = 128Mi) = 512Mi)',
      'qosClass: Burstable',
    ].join('\n'));
    expect(e.explanation.requests[0]).toMatchObject({ resource: 'cpu', longRunningTotal: '350m', peakInitStep: 'setup', peakInitTotal: '300m', containerTotal: '350m', total: '350m', unbounded: false });
  });

  test('GIVEN a big regular init step WHEN computed THEN the peak init step wins and overhead is added', () => {
    const e = EffectiveResources.of({
      overhead: { cpu: '10m' },
      initContainers: [{ name: 'proxy', restartPolicy: 'Always', resources: { requests: { cpu: '100m' } } }, { name: 'migrate', resources: { requests: { cpu: '1' } } }],
      containers: [{ name: 'app', resources: { requests: { cpu: '200m' } } }],
    });
    expect(e.requests).toEqual({ cpu: '1110m' });
    expect(e.explain().split('\n')[1]).toBe('  cpu: max(app+sidecars = 200m + 100m = 300m, peak init step "migrate" = 100m + 1 = 1100m) = 1100m + overhead 10m = 1110m');
    expect(EffectiveResources.of({ overhead: { cpu: '10m' }, containers: [{ resources: { requests: { cpu: '1' } } }] }, { excludeOverhead: true }).requests).toEqual({ cpu: '1' });
  });

  test('GIVEN limits only WHEN computed with API-server defaults THEN requests equal limits and the pod is Guaranteed', () => {
    const spec = { containers: [{ name: 'a', resources: { limits: { cpu: '500m', memory: '1Gi' } } }] };
    const e = EffectiveResources.of(spec);
    expect(e.requests).toEqual({ cpu: '500m', memory: '1Gi' });
    expect(e.qosClass).toBe(QosClass.GUARANTEED);
    expect(e.unbounded).toEqual([]);
    expect(EffectiveResources.of(spec, { apiServerDefaults: false }).requests).toEqual({});
  });

  test('GIVEN pod-level limits WHEN containers set none THEN nothing is unbounded and the pod-level figure replaces the sum', () => {
    const e = EffectiveResources.of({ resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } }, containers: [{ name: 'a', resources: { requests: { cpu: '100m' } } }] });
    expect(e.requests).toEqual({ cpu: '1', memory: '1Gi' });
    expect(e.unbounded).toEqual([]);
    expect(e.qosClass).toBe(QosClass.GUARANTEED);
    expect(e.explain().split('\n')[1]).toBe('  cpu: pod-level spec.resources.requests[cpu] = 1 (replaces app+sidecars = 100m)');
  });

  test('throws listing every invalid quantity with its field path, value and the allowed forms', () => {
    const m = {
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        template: {
          spec: {
            initContainers: [{ name: 'ok' }, { name: 'bad', resources: { limits: { cpu: '1.5.5Gi' } } }],
            containers: [{ name: 'app', resources: { requests: { cpu: '100mm', memory: '' }, limits: { memory: -1 } } }],
          },
        },
      },
    };
    expect(() => EffectiveResources.ofManifest(m)).toThrow(new Error([
      'Deployment/web has 4 invalid resource quantities:',
      '  spec.template.spec.initContainers[1].resources.limits[cpu]: Invalid value: "1.5.5Gi": more than one decimal point',
      '  spec.template.spec.containers[0].resources.requests[cpu]: Invalid value: "100mm": unknown suffix "mm"',
      '  spec.template.spec.containers[0].resources.requests[memory]: Invalid value: "": the value is empty',
      '  spec.template.spec.containers[0].resources.limits[memory]: Invalid value: -1: must be greater than or equal to 0',
      'Fix: write each as a Kubernetes quantity; a quantity is an optional sign, a decimal number (1, 0.5, .5, 1.5) and an optional suffix: '
      + 'decimal SI (n, u, m, k, M, G, T, P, E), binary SI (Ki, Mi, Gi, Ti, Pi, Ei) or a decimal exponent (e3, E-3), e.g. "100m", "1.5Gi", "1e3"',
    ].join('\n')));
    expect(findInvalidQuantities(m).map((i) => i.path)).toHaveLength(4);
  });

  test('throws for a manifest without a pod', () => {
    expect(() => EffectiveResources.ofManifest({ kind: 'Service', spec: {} })).toThrow(
      'expected a manifest with a pod (kind one of Pod, PodTemplate, Deployment, StatefulSet, ReplicaSet, ReplicationController, DaemonSet, Job, CronJob) and its pod spec, got kind "Service"');
  });
});

describe('effective resource annotations', () => {
  test('GIVEN the seed Deployment (2 replicas) THEN values are compact, sorted, unbounded marked, and totals doubled', () => {
    expect(effectiveResourceAnnotations(seedDeployment())).toEqual({
      [Annotations.EFFECTIVE_REQUESTS]: 'cpu=350m,memory=448Mi',
      [Annotations.EFFECTIVE_LIMITS]: 'cpu=unbounded,memory=unbounded',
      [Annotations.QOS_CLASS]: 'Burstable',
      [Annotations.TOTAL_REQUESTS]: 'cpu=700m,memory=896Mi',
      [Annotations.TOTAL_LIMITS]: 'cpu=unbounded,memory=unbounded',
    });
  });

  test('GIVEN a bare pod spec THEN no totals unless replicas are given', () => {
    const spec = { containers: [{ resources: { limits: { cpu: '1', memory: '1Gi' } } }] };
    expect(effectiveResourceAnnotations(spec)[Annotations.TOTAL_REQUESTS]).toBeUndefined();
    expect(effectiveResourceAnnotations(spec, 3)[Annotations.TOTAL_LIMITS]).toBe('cpu=3,memory=3Gi');
    expect(formatResourceMap({})).toBe('none');
  });
});

describe('ResourceReport', () => {
  test('GIVEN a Deployment, a DaemonSet and a Service THEN one row per workload, as JSON and Markdown', () => {
    const ds = { kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'ops' }, spec: { template: { spec: { containers: [{ name: 'a', resources: { limits: { cpu: '100m', memory: '64Mi' } } }] } } } };
    const report = ResourceReport.fromManifests([seedDeployment(), { kind: 'Service', metadata: { name: 's' } }, ds]);
    expect(report.rows.map((r) => [r.kind, r.name, r.replicas])).toEqual([['Deployment', 'myapp', 2], ['DaemonSet', 'agent', undefined]]);
    expect(report.toJson().rows[0].totalRequests).toEqual({ cpu: '700m', memory: '896Mi' });
    expect(report.toMarkdown()).toBe([
      '| Kind | Name | Namespace | Replicas | QoS | Requests per pod | Limits per pod | Total requests | Total limits |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      '| Deployment | myapp | - | 2 | Burstable | cpu=350m,memory=448Mi | cpu=unbounded,memory=unbounded | cpu=700m,memory=896Mi | cpu=unbounded,memory=unbounded |',
      '| DaemonSet | agent | ops | per node | Guaranteed | cpu=100m,memory=64Mi | cpu=100m,memory=64Mi | - | - |',
      '',
    ].join('\n'));
  });
});
