import { c, pod, sidecar, where } from './helpers';

/** SC-API-003 (src/rules/init-container-probes-lifecycle.ts): probes and lifecycle hooks on regular init containers. */
describe('SC-API-003 init-container-probes-lifecycle', () => {
  describe('survivor "an explicit null probe on a regular init container flagged" (issue 14)', () => {
    test('GIVEN a regular init container whose probes and lifecycle are null (JSON for "unset", as YAML `livenessProbe:` reads) THEN compliant', () => {
      const nulls = { livenessProbe: null, readinessProbe: null, startupProbe: null, lifecycle: null };
      expect(where(pod({ initContainers: [c('setup', nulls)], containers: [c('app')] }), 'SC-API-003')).toEqual([]);
    });

    test('fails GIVEN the same container with an actual probe, at that probe', () => {
      const probe = { livenessProbe: null, startupProbe: { exec: { command: ['true'] } } };
      expect(where(pod({ initContainers: [c('setup', probe)], containers: [c('app')] }), 'SC-API-003')).toEqual(['error spec.initContainers[0].startupProbe']);
    });
  });

  test('GIVEN a sidecar with every probe THEN not applicable (they are allowed on sidecars)', () => {
    const probe = { exec: { command: ['true'] } };
    expect(where(pod({ initContainers: [sidecar('proxy', { livenessProbe: probe, readinessProbe: probe, startupProbe: probe })], containers: [c('app')] }), 'SC-API-003')).toEqual([]);
  });
});
