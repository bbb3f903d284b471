import { formatFinding } from '../../src/engine/finding-format';
import { SidecarRules } from '../../src/rules/sidecar-rules';

const RULE = 'SC-RES-003';

const quota = (hard: any, extra: any = {}, namespace = 'shop', name = 'compute') =>
  ({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name, namespace }, spec: { hard, ...extra } });
const deployment = (name: string, replicas: number | undefined, spec: any, namespace = 'shop') =>
  ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace }, spec: { ...(replicas !== undefined ? { replicas } : {}), template: { spec } } });
const app = (resources: any) => ({ name: 'app', image: 'example/app:1', resources });
const proxy = (resources: any) => ({ name: 'proxy', image: 'envoy:1', restartPolicy: 'Always', resources });
const setup = (resources: any) => ({ name: 'setup', image: 'busybox', resources });

/** app 300m + sidecar 200m: effective request 500m per pod. */
const withSidecar = { initContainers: [proxy({ requests: { cpu: '200m', memory: '64Mi' } })], containers: [app({ requests: { cpu: '300m', memory: '256Mi' } })] };

/** SC-RES-003 findings of every pod-bearing manifest, `name: finding`. */
function check(...manifests: any[]): string[] {
  return SidecarRules.checkAll(manifests).flatMap((r) => r.findings.filter((f) => f.ruleId === RULE).map((f) => `${r.name}: ${formatFinding(f)}`));
}

describe('SC-RES-003 resource-quota-fit', () => {
  describe('Compliance', () => {
    test('GIVEN 3 replicas x 500m = 1500m under requests.cpu 2 THEN no finding', () => {
      expect(check(quota({ 'requests.cpu': '2' }), deployment('web', 3, withSidecar))).toEqual([]);
    });

    test('GIVEN a total exactly at the hard limit (3 x 500m = 1500m) THEN no finding', () => {
      expect(check(quota({ 'requests.cpu': '1500m' }), deployment('web', 3, withSidecar))).toEqual([]);
    });
  });

  describe('Not applicable', () => {
    const over = deployment('web', 3, withSidecar);
    test('GIVEN no ResourceQuota, or one in another namespace THEN no finding', () => {
      expect(check(over)).toEqual([]);
      expect(check(quota({ 'requests.cpu': '1' }, {}, 'billing'), over)).toEqual([]);
    });

    test.each([
      ['a PriorityClass scope', { scopes: ['PriorityClass'] }],
      ['a scopeSelector', { scopeSelector: { matchExpressions: [{ scopeName: 'PriorityClass', operator: 'In', values: ['high'] }] } }],
      ['the BestEffort scope (the pod is Burstable)', { scopes: ['BestEffort'] }],
      ['the Terminating scope (no activeDeadlineSeconds)', { scopes: ['Terminating'] }],
    ])('GIVEN a quota with %s THEN it is not applied: no finding', (_n, extra) => {
      expect(check(quota({ 'requests.cpu': '1' }, extra), over)).toEqual([]);
    });

    test('GIVEN the NotBestEffort scope THEN the quota applies to this Burstable pod', () => {
      expect(check(quota({ 'requests.cpu': '1' }, { scopes: ['NotBestEffort', 'NotTerminating'] }), over)).toHaveLength(1);
    });

    test('GIVEN 0 replicas THEN no pod, no finding', () => {
      expect(check(quota({ 'requests.cpu': '100m' }), deployment('web', 0, withSidecar))).toEqual([]);
    });
  });

  describe('Noncompliance', () => {
    test('fails GIVEN replicas x effective requests over the hard limit THEN the quota\'s message for the first rejected pod', () => {
      expect(check(quota({ 'requests.cpu': '1200m' }), deployment('web', 3, withSidecar))).toEqual([
        'web: SC-RES-003 spec.template.spec: Forbidden: exceeded quota: compute, requested: requests.cpu=500m, used: requests.cpu=1, limited: requests.cpu=1200m (only 2 of 3 pods fit). Fix: lower the pod\'s effective requests.cpu (each sidecar counts for the pod\'s whole life; EffectiveResources.explain() shows the sum), run at most 2 replicas, or raise spec.hard[requests.cpu] to at least 1500m of ResourceQuota "compute"',
      ]);
    });

    test('fails GIVEN the pods hard limit THEN every replica counts one pod', () => {
      expect(check(quota({ pods: '2' }), deployment('web', 3, withSidecar))).toEqual([
        'web: SC-RES-003 spec.template.spec: Forbidden: exceeded quota: compute, requested: pods=1, used: pods=2, limited: pods=2 (only 2 of 3 pods fit). Fix: run at most 2 replicas, or raise spec.hard[pods] to at least 3 of ResourceQuota "compute"',
      ]);
    });

    test('fails GIVEN two workloads that fit alone but not together THEN the second one (input order) is reported, naming the first', () => {
      const a = deployment('a', 1, { containers: [app({ requests: { cpu: '700m' } })] });
      const b = deployment('b', 1, { containers: [app({ requests: { cpu: '700m' } })] });
      expect(check(quota({ cpu: '1' }), a, b)).toEqual([
        'b: SC-RES-003 spec.template.spec: Forbidden: exceeded quota: compute, requested: cpu=700m, used: cpu=700m, limited: cpu=1 (earlier in namespace "shop": Deployment/a). Fix: lower the pod\'s effective cpu (each sidecar counts for the pod\'s whole life; EffectiveResources.explain() shows the sum), or raise spec.hard[cpu] to at least 1400m of ResourceQuota "compute"',
      ]);
    });

    test('fails GIVEN a sidecar without limits and a limits.memory quota THEN "must specify" at the sidecar\'s resources', () => {
      const w = deployment('web', 1, { initContainers: [proxy({ requests: { memory: '64Mi' } })], containers: [app({ limits: { memory: '256Mi' } })] });
      expect(check(quota({ 'limits.memory': '1Gi', 'requests.memory': '1Gi' }), w)).toEqual([
        'web: SC-RES-003 spec.template.spec.initContainers[0].resources: Forbidden: failed quota: compute: must specify limits.memory. Fix: set resources.limits[memory] on container "proxy": quota "compute" limits them, so every container, sidecars included, must state them (or let a LimitRange default them)',
      ]);
    });

    test('GIVEN the same sidecar and a LimitRange default limit THEN admission fills it in: no finding', () => {
      const w = deployment('web', 1, { initContainers: [proxy({ requests: { memory: '64Mi' } })], containers: [app({ limits: { memory: '256Mi' } })] });
      const lr = { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'defaults', namespace: 'shop' }, spec: { limits: [{ type: 'Container', default: { memory: '128Mi' } }] } };
      expect(check(lr, quota({ 'limits.memory': '1Gi' }), w)).toEqual([]);
    });
  });

  describe('effective requests: a sidecar counts for the whole life, a regular init container does not add up', () => {
    const hard = quota({ 'requests.cpu': '1200m' });
    test('GIVEN app 300m and a regular init container of 400m THEN each pod counts max(300m, 400m) = 400m, 3 x 400m fits 1200m', () => {
      expect(check(hard, deployment('web', 3, { initContainers: [setup({ requests: { cpu: '400m' } })], containers: [app({ requests: { cpu: '300m' } })] }))).toEqual([]);
    });
    test('fails GIVEN app 300m and a 200m sidecar THEN each pod counts 500m and the third pod is rejected', () => {
      expect(check(hard, deployment('web', 3, withSidecar))).toEqual([expect.stringContaining('requested: requests.cpu=500m, used: requests.cpu=1, limited: requests.cpu=1200m (only 2 of 3 pods fit)')]);
    });
  });

  test('GIVEN a Deployment, a LimitRange and a ResourceQuota in one list (as SidecarChecks hands them over) THEN both rules report on the Deployment only', () => {
    const lr = {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: { name: 'limits', namespace: 'shop' },
      spec: {
        limits: [
          { type: 'Container', max: { memory: '1Gi' }, default: { memory: '256Mi', cpu: '500m' }, maxLimitRequestRatio: { cpu: '4' } },
          { type: 'Pod', max: { memory: '640Mi' } },
        ],
      },
    };
    const rq = quota({ 'requests.cpu': '1200m', 'limits.memory': '2Gi', 'pods': '10' });
    const dep = deployment('web', 3, {
      initContainers: [proxy({ requests: { cpu: '200m', memory: '256Mi' }, limits: { cpu: '2', memory: '512Mi' } })],
      containers: [app({ requests: { cpu: '300m', memory: '128Mi' } })],
    });
    const result = SidecarRules.checkAll([lr, rq, dep]);
    expect(result.map((r) => `${r.kind}/${r.name}`)).toEqual(['Deployment/web']);
    expect(result[0].findings.filter((f) => f.ruleId.startsWith('SC-RES-00') && f.ruleId !== 'SC-RES-001').map(formatFinding)).toEqual([
      'SC-RES-002 spec.template.spec.initContainers[0].resources.limits[cpu]: Forbidden: cpu max limit to request ratio per Container is 4, but provided ratio is 10.000000. Fix: set resources.requests[cpu] and resources.limits[cpu] on container "proxy" so that the limit is at most 4 times the request, or raise maxLimitRequestRatio[cpu] of LimitRange "limits"',
      'SC-RES-002 spec.template.spec: Forbidden: maximum memory usage per Pod is 640Mi, but limit is 768Mi. Fix: bring the pod\'s effective memory limit to at most 640Mi (app containers and sidecars add up for the pod\'s whole life; EffectiveResources.explain() shows the sum), or change max[memory] of the Pod item of LimitRange "limits"',
      'SC-RES-003 spec.template.spec: Forbidden: exceeded quota: compute, requested: limits.memory=768Mi,requests.cpu=500m, used: limits.memory=1536Mi,requests.cpu=1, limited: limits.memory=2Gi,requests.cpu=1200m (only 2 of 3 pods fit). Fix: lower the pod\'s effective limits.memory, requests.cpu (each sidecar counts for the pod\'s whole life; EffectiveResources.explain() shows the sum), run at most 2 replicas, or raise spec.hard[limits.memory] to at least 2304Mi and spec.hard[requests.cpu] to at least 1500m of ResourceQuota "compute"',
    ]);
  });
});
