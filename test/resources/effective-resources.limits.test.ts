import { KubernetesVersion } from '../../src/engine/kubernetes-version';
import { EffectiveResources } from '../../src/resources/effective-resources';

/**
 * Effective limits as `PodLimits` (component-helpers/resource/helpers.go) computes them, and which
 * resources the pod leaves unbounded.
 */
describe('EffectiveResources limits', () => {
  describe('survivor "pod overhead added to a zero limit" (issue 14)', () => {
    test('GIVEN a container limit of 0 cpu and pod overhead THEN the cpu limit stays 0 (PodLimits adds overhead to non-zero limits only)', () => {
      const e = EffectiveResources.of({
        overhead: { cpu: '250m', memory: '120Mi' },
        containers: [{ name: 'app', image: 'app:1', resources: { limits: { cpu: '0', memory: '128Mi' } } }],
      });
      expect(e.limits).toEqual({ cpu: '0', memory: '248Mi' });
      // A zero limit caps nothing: the pod is unbounded for cpu.
      expect(e.unbounded).toEqual(['cpu']);
    });

    test('GIVEN excludeOverhead THEN neither limit carries overhead', () => {
      const e = EffectiveResources.of({
        overhead: { cpu: '250m', memory: '120Mi' },
        containers: [{ name: 'app', image: 'app:1', resources: { limits: { cpu: '0', memory: '128Mi' } } }],
      }, { excludeOverhead: true });
      expect(e.limits).toEqual({ cpu: '0', memory: '128Mi' });
    });
  });

  describe('survivor "ephemeral-storage counted as mentioned only through containers, not pod-level resources" (issue 14)', () => {
    test('GIVEN ephemeral-storage only in pod-level resources (1.34, PodLevelResources on) and no container limit for it THEN the pod is unbounded for ephemeral-storage', () => {
      const e = EffectiveResources.of({
        resources: { requests: { 'ephemeral-storage': '1Gi' } },
        containers: [{ name: 'app', image: 'app:1', resources: { limits: { cpu: '1', memory: '1Gi' } } }],
      }, { targetVersion: KubernetesVersion.of('1.34') });
      expect(e.unbounded).toEqual(['ephemeral-storage']);
    });

    test('GIVEN ephemeral-storage mentioned nowhere THEN it is not reported unbounded (only mentioned resources are)', () => {
      const e = EffectiveResources.of({ containers: [{ name: 'app', image: 'app:1', resources: { limits: { cpu: '1', memory: '1Gi' } } }] });
      expect(e.unbounded).toEqual([]);
    });
  });
});
