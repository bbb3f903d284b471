import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { Annotations } from '../../src/engine/annotations';
import { KubernetesVersion } from '../../src/engine/kubernetes-version';
import { effectiveResourceAnnotations, formatResourceMap } from '../../src/resources/effective-resource-annotations';
import { EffectiveResources } from '../../src/resources/effective-resources';
import { findInvalidQuantities } from '../../src/resources/pod-resource-reader';
import { QosClass } from '../../src/resources/qos-class';
import { ResourceReport } from '../../src/resources/resource-report';

const v = (text: string) => KubernetesVersion.of(text);

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
    const e = EffectiveResources.of({ resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } }, containers: [{ name: 'a', resources: { requests: { cpu: '100m' } } }] }, { targetVersion: v('1.34') });
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

describe('quantities print as Kubernetes prints them', () => {
  /** The pod: app 128Mi plus sidecar 64M. */
  const spec = {
    initContainers: [{ name: 'proxy', restartPolicy: 'Always', resources: { requests: { memory: '64M' } } }],
    containers: [{ name: 'app', resources: { requests: { memory: '128Mi' } } }],
  };

  test('GIVEN app 128Mi and a sidecar 64M WHEN summed THEN the app comes first, as in helpers.go, and the sum prints 193572Ki in JSON and text alike', () => {
    const e = EffectiveResources.of(spec);
    expect(e.requests).toEqual({ memory: '193572Ki' });
    expect(e.explanation.requests[0]).toMatchObject({ longRunningTotal: '193572Ki', containerTotal: '193572Ki', total: '193572Ki' });
    expect(e.explain().split('\n')[1]).toBe('  memory: max(app+sidecars = 128Mi + 64M = 193572Ki, peak init step "proxy" = 64M) = 193572Ki');
    expect(effectiveResourceAnnotations(spec)[Annotations.EFFECTIVE_REQUESTS]).toBe('memory=193572Ki');
  });

  test('GIVEN the sidecar first in a sum of init steps THEN the sidecar\'s format wins there (restartable sum, then the init step\'s own figure first)', () => {
    const e = EffectiveResources.of({
      initContainers: [
        { name: 'proxy', restartPolicy: 'Always', resources: { requests: { memory: '64M' } } },
        { name: 'setup', resources: { requests: { memory: '1Gi' } } },
      ],
      containers: [{ name: 'app', resources: { requests: { memory: '1M' } } }],
    });
    // setup's step is its own 1Gi plus the proxy's 64M (own first): 1137741824, a multiple of 1024 -> 1111076Ki
    expect(e.requests).toEqual({ memory: '1111076Ki' });
  });

  test('GIVEN a binary sum with a fraction THEN it prints in decimal, as CanonicalizeBytes does', () => {
    const e = EffectiveResources.of({ containers: [{ resources: { requests: { memory: '1Ki' } } }, { resources: { requests: { memory: '500m' } } }] });
    expect(e.requests).toEqual({ memory: '1024500m' });
  });
});

describe('pod-level resources follow the target version', () => {
  const spec = {
    resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } },
    containers: [{ name: 'a', resources: { requests: { cpu: '100m', memory: '64Mi' } } }],
  };

  test.each(['1.29', '1.31', '1.32', '1.33'])('GIVEN target %s (the field does not exist or its gate is off by default) THEN the containers decide', (version) => {
    const e = EffectiveResources.of(spec, { targetVersion: v(version) });
    expect(e.requests).toEqual({ cpu: '100m', memory: '64Mi' });
    expect(e.qosClass).toBe(QosClass.BURSTABLE);
    expect(e.explain()).not.toContain('pod-level');
  });

  test.each(['1.34', '1.35', '1.36'])('GIVEN target %s THEN pod-level resources replace the container sum and decide the QoS class', (version) => {
    const e = EffectiveResources.of(spec, { targetVersion: v(version) });
    expect(e.requests).toEqual({ cpu: '1', memory: '1Gi' });
    expect(e.qosClass).toBe(QosClass.GUARANTEED);
  });

  test('GIVEN the gate switched on explicitly at 1.33 (alpha) THEN pod-level resources count', () => {
    expect(EffectiveResources.of(spec, { targetVersion: v('1.33'), podLevelResources: true }).requests).toEqual({ cpu: '1', memory: '1Gi' });
  });

  test('GIVEN no options THEN the default target (1.29) applies: pod-level resources are not served there', () => {
    expect(EffectiveResources.of(spec).requests).toEqual({ cpu: '100m', memory: '64Mi' });
  });

  describe('an empty pod-level resources: {}', () => {
    const guaranteedContainers = { resources: {}, containers: [{ name: 'a', resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } } }] };
    test('GIVEN target 1.36 (PodLevelResourcesFixKubeletQOSClass on) THEN the containers decide: Guaranteed', () => {
      expect(EffectiveResources.of(guaranteedContainers, { targetVersion: v('1.36') }).qosClass).toBe(QosClass.GUARANTEED);
    });
    test.each(['1.34', '1.35'])('GIVEN target %s (before the fix) THEN qos.go takes the empty pod-level figures: BestEffort', (version) => {
      expect(EffectiveResources.of(guaranteedContainers, { targetVersion: v(version) }).qosClass).toBe(QosClass.BEST_EFFORT);
    });
    test('GIVEN target 1.33 (field dropped) THEN the containers decide: Guaranteed', () => {
      expect(EffectiveResources.of(guaranteedContainers, { targetVersion: v('1.33') }).qosClass).toBe(QosClass.GUARANTEED);
    });
    test('GIVEN pod-level resources with only an unsupported resource at 1.36 THEN the containers decide too (IsPodLevelResourcesSet is false)', () => {
      const onlyStorage = { ...guaranteedContainers, resources: { requests: { 'ephemeral-storage': '1Gi' } } };
      expect(EffectiveResources.of(onlyStorage, { targetVersion: v('1.36') }).qosClass).toBe(QosClass.GUARANTEED);
    });
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
