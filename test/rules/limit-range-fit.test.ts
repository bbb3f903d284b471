import * as fc from 'fast-check';
import { formatFinding } from '../../src/engine/finding-format';
import { Quantity } from '../../src/resources/quantity';
import { _ratio } from '../../src/rules/limit-range-fit';
import { SidecarRules } from '../../src/rules/sidecar-rules';

const RULE = 'SC-RES-002';

const limitRange = (limits: any[], namespace?: string, name = 'limits') =>
  ({ apiVersion: 'v1', kind: 'LimitRange', metadata: { name, ...(namespace !== undefined ? { namespace } : {}) }, spec: { limits } });
const workload = (spec: any, namespace?: string) =>
  ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', ...(namespace !== undefined ? { namespace } : {}) }, spec: { template: { spec } } });
const app = (resources: any) => ({ name: 'app', image: 'example/app:1', resources });
const proxy = (resources: any) => ({ name: 'proxy', image: 'envoy:1', restartPolicy: 'Always', resources });
const setup = (resources: any) => ({ name: 'setup', image: 'busybox', resources });

/** Formatted SC-RES-002 findings of `manifest` checked together with `others` (manifest last). */
function check(manifest: any, ...others: any[]): string[] {
  const result = SidecarRules.checkAll([...others, manifest]);
  return result[result.length - 1].findings.filter((f) => f.ruleId === RULE).map(formatFinding);
}

const smallPod = workload({ initContainers: [proxy({ requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '100m', memory: '128Mi' } })], containers: [app({ requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '200m', memory: '512Mi' } })] }, 'shop');

describe('SC-RES-002 limit-range-fit', () => {
  describe('Compliance', () => {
    test('GIVEN every container within the Container min/max/ratio and the pod within the Pod max THEN no finding', () => {
      const lr = limitRange([
        { type: 'Container', min: { cpu: '50m' }, max: { cpu: '1', memory: '1Gi' }, maxLimitRequestRatio: { cpu: '2' } },
        { type: 'Pod', max: { memory: '640Mi' } },
      ], 'shop');
      expect(check(smallPod, lr)).toEqual([]);
    });

    test('GIVEN a limit exactly at the ratio (900m / 300m = 3) THEN no finding (exact comparison)', () => {
      const lr = limitRange([{ type: 'Container', maxLimitRequestRatio: { cpu: '3' } }]);
      expect(check(workload({ containers: [app({ requests: { cpu: '300m' }, limits: { cpu: '900m' } })] }), lr)).toEqual([]);
    });

    test('GIVEN a Container min and a container without request THEN LimitRanger defaults the request to the min (SetDefaults_LimitRangeItem): no finding', () => {
      const lr = limitRange([{ type: 'Container', min: { cpu: '50m' } }]);
      expect(check(workload({ initContainers: [proxy({})], containers: [app({})] }), lr)).toEqual([]);
    });
  });

  describe('Not applicable', () => {
    const tooBig = workload({ initContainers: [proxy({ limits: { memory: '2Gi' } })], containers: [app({})] }, 'shop');
    const lr = (ns?: string) => limitRange([{ type: 'Container', max: { memory: '1Gi' } }], ns);

    test('GIVEN no LimitRange in the app THEN no finding', () => {
      expect(check(tooBig)).toEqual([]);
    });

    test('GIVEN the LimitRange in another namespace THEN no finding', () => {
      expect(check(tooBig, lr('billing'))).toEqual([]);
      expect(check(tooBig, lr())).toEqual([]);
    });

    test('GIVEN a LimitRange without namespace and a workload in "default" (and the reverse) THEN they share the namespace', () => {
      const inDefault = workload({ initContainers: [proxy({ limits: { memory: '2Gi' } })], containers: [app({})] }, 'default');
      const unset = workload({ initContainers: [proxy({ limits: { memory: '2Gi' } })], containers: [app({})] });
      expect(check(inDefault, lr())).toHaveLength(1);
      expect(check(unset, lr('default'))).toHaveLength(1);
      expect(check(unset, lr())).toHaveLength(1);
    });

    test('GIVEN one manifest checked alone with SidecarRules.check THEN no finding (no policy in the app)', () => {
      expect(SidecarRules.check(tooBig).filter((f) => f.ruleId === RULE)).toEqual([]);
    });
  });

  describe('Noncompliance', () => {
    test('fails GIVEN a sidecar limit above the Container max THEN LimitRanger\'s message at the sidecar\'s limit', () => {
      const lr = limitRange([{ type: 'Container', max: { memory: '512Mi' } }], 'shop');
      const w = workload({ initContainers: [proxy({ limits: { memory: '1Gi' } })], containers: [app({ limits: { memory: '256Mi' } })] }, 'shop');
      expect(check(w, lr)).toEqual([
        'SC-RES-002 spec.template.spec.initContainers[0].resources.limits[memory]: Forbidden: maximum memory usage per Container is 512Mi, but limit is 1Gi. Fix: set resources.limits[memory] on container "proxy" to at most 512Mi, or raise max[memory] of LimitRange "limits"',
      ]);
    });

    test('fails GIVEN a regular init container request below the Container min THEN init containers are checked too', () => {
      const lr = limitRange([{ type: 'Container', min: { cpu: '50m' } }]);
      const w = workload({ initContainers: [setup({ requests: { cpu: '10m' } })], containers: [app({ requests: { cpu: '100m' } })] });
      expect(check(w, lr)).toEqual([
        'SC-RES-002 spec.template.spec.initContainers[0].resources.requests[cpu]: Forbidden: minimum cpu usage per Container is 50m, but request is 10m. Fix: set resources.requests[cpu] on container "setup" to at least 50m, or lower min[cpu] of LimitRange "limits"',
      ]);
    });

    test('fails GIVEN a LimitRange default above its own max THEN the finding says the value was injected', () => {
      const lr = limitRange([{ type: 'Container', default: { memory: '2Gi' }, max: { memory: '1Gi' } }]);
      expect(check(workload({ containers: [app({})] }), lr)).toEqual([
        'SC-RES-002 spec.template.spec.containers[0].resources.limits[memory]: Forbidden: maximum memory usage per Container is 1Gi, but limit is 2Gi (LimitRange "limits" injected this default limit because container "app" sets no memory limit). Fix: set resources.limits[memory] on container "app" to at most 1Gi, or raise max[memory] of LimitRange "limits"',
      ]);
    });

    test('fails GIVEN an explicit request above the injected default limit THEN validation rejects it after the mutation', () => {
      const lr = limitRange([{ type: 'Container', default: { memory: '256Mi' } }]);
      expect(check(workload({ initContainers: [proxy({ requests: { memory: '512Mi' } })], containers: [app({ requests: { memory: '64Mi' } })] }), lr)).toEqual([
        'SC-RES-002 spec.template.spec.initContainers[0].resources.requests[memory]: Invalid value: "512Mi": must be less than or equal to memory limit of 256Mi (LimitRange "limits" injected this default limit because container "proxy" sets no memory limit). Fix: set resources.limits[memory] on container "proxy" to at least 512Mi, or lower its request',
      ]);
    });

    test('fails GIVEN a limit/request ratio above maxLimitRequestRatio THEN the ratio is printed with six decimals', () => {
      const lr = limitRange([{ type: 'Container', maxLimitRequestRatio: { cpu: '3' } }]);
      expect(check(workload({ containers: [app({ requests: { cpu: '300m' }, limits: { cpu: '1' } })] }), lr)).toEqual([
        'SC-RES-002 spec.template.spec.containers[0].resources.limits[cpu]: Forbidden: cpu max limit to request ratio per Container is 3, but provided ratio is 3.333333. Fix: set resources.requests[cpu] and resources.limits[cpu] on container "app" so that the limit is at most 3 times the request, or raise maxLimitRequestRatio[cpu] of LimitRange "limits"',
      ]);
    });

    test('fails GIVEN a Pod max and no container with a limit THEN "No limit is specified" at the pod spec', () => {
      const lr = limitRange([{ type: 'Pod', max: { memory: '1Gi' } }]);
      expect(check(workload({ containers: [app({ requests: { memory: '64Mi' } })] }), lr)).toEqual([
        'SC-RES-002 spec.template.spec: Forbidden: maximum memory usage per Pod is 1Gi. No limit is specified. Fix: bring the pod\'s effective memory limit to at most 1Gi (app containers and sidecars add up for the pod\'s whole life; EffectiveResources.explain() shows the sum), or change max[memory] of the Pod item of LimitRange "limits"',
      ]);
    });
  });

  describe('Pod type uses effective figures (sidecars for the whole life, init steps not summed)', () => {
    const lr = limitRange([{ type: 'Pod', max: { memory: '1Gi' } }]);

    test('GIVEN app 600Mi + sidecar 300Mi and a regular init container of 1000Mi THEN 900Mi and 1000Mi both fit 1Gi: no finding', () => {
      const w = workload({ initContainers: [setup({ limits: { memory: '1000Mi' } }), proxy({ limits: { memory: '300Mi' } })], containers: [app({ limits: { memory: '600Mi' } })] });
      expect(check(w, lr)).toEqual([]);
    });

    test('fails GIVEN app 600Mi + sidecar 500Mi THEN the pod limit is 1100Mi, over the Pod max although each container fits', () => {
      const w = workload({ initContainers: [setup({ limits: { memory: '1000Mi' } }), proxy({ limits: { memory: '500Mi' } })], containers: [app({ limits: { memory: '600Mi' } })] });
      expect(check(w, lr)).toEqual([
        'SC-RES-002 spec.template.spec: Forbidden: maximum memory usage per Pod is 1Gi, but limit is 1100Mi. Fix: bring the pod\'s effective memory limit to at most 1Gi (app containers and sidecars add up for the pod\'s whole life; EffectiveResources.explain() shows the sum), or change max[memory] of the Pod item of LimitRange "limits"',
      ]);
    });

    test('fails GIVEN a regular init container after a sidecar THEN that step counts the sidecar (800Mi + 300Mi = 1100Mi)', () => {
      const w = workload({ initContainers: [proxy({ limits: { memory: '300Mi' } }), setup({ limits: { memory: '800Mi' } })], containers: [app({ limits: { memory: '100Mi' } })] });
      expect(check(w, lr)).toEqual([expect.stringContaining('Forbidden: maximum memory usage per Pod is 1Gi, but limit is 1100Mi.')]);
    });
  });

  describe('ratio arithmetic (exceedsAllowed / ratioString of admission.go)', () => {
    const q = (s: string) => Quantity.parse(s);
    test.each([
      ['1', '8', '0.125000'],
      ['2', '3', '0.666667'],
      ['1', '2000000', '0.000000'], // 0.0000005: half-even rounds to the even 0
      ['3', '2000000', '0.000002'], // 0.0000015: half-even rounds to the even 2
      ['1Gi', '256Mi', '4.000000'],
      ['1500m', '1', '1.500000'],
    ])('GIVEN limit %s and request %s THEN the ratio prints %s', (l, r, text) => {
      expect(_ratio.ratioText(q(l), q(r))).toBe(text);
    });

    test('GIVEN whole numbers THEN limit exceeds request x ratio exactly when limit > request * ratio (property)', () => {
      fc.assert(fc.property(fc.integer({ min: 1, max: 10 ** 9 }), fc.integer({ min: 1, max: 10 ** 6 }), fc.integer({ min: 1, max: 100 }), fc.constantFrom('', 'm', 'Mi'), (l, r, k, suffix) => {
        const expected = BigInt(l) > BigInt(r) * BigInt(k);
        expect(_ratio.exceedsRatio(q(`${l}${suffix}`), q(`${r}${suffix}`), q(String(k)))).toBe(expected);
      }));
    });
  });
});
