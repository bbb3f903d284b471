import { c, pod, sidecar, where } from './helpers';
import { Annotations } from '../../src/engine/annotations';
import { SidecarRules } from '../../src/rules/sidecar-rules';

/** SC-STARTUP-001 (src/rules/sidecar-startup-probe.ts): a sidecar others need ready has a startupProbe. */
const needs = (relation: Record<string, string[]>) => ({ name: 'p', annotations: { [Annotations.NEEDS_READY]: JSON.stringify(relation) } });

describe('SC-STARTUP-001 sidecar-startup-probe', () => {
  describe('survivor "a needed regular init container or app container asked for a startupProbe" (issue 14)', () => {
    test('GIVEN an app that needs a regular init container ready THEN no startupProbe is asked of it (a startupProbe is forbidden there; SC-ORDER-001 reports the declaration)', () => {
      const m = pod({ initContainers: [c('setup')], containers: [c('app')] }, needs({ app: ['setup'] }));
      expect(where(m, 'SC-STARTUP-001')).toEqual([]);
      expect(where(m, 'SC-ORDER-001')).toEqual(['error spec.containers[0]']);
    });

    test('GIVEN an app that needs another app container ready THEN no startupProbe is asked of it', () => {
      expect(where(pod({ containers: [c('app'), c('db')] }, needs({ app: ['db'] })), 'SC-STARTUP-001')).toEqual([]);
    });
  });

  describe('survivor "only the last container needing a sidecar named" (issue 14)', () => {
    test('GIVEN two app containers that need the same sidecar without a startupProbe THEN one warning that names both', () => {
      const found = SidecarRules.check(pod({ initContainers: [sidecar('proxy')], containers: [c('web'), c('worker')] }, needs({ web: ['proxy'], worker: ['proxy'] })))
        .filter((f) => f.ruleId === 'SC-STARTUP-001');
      expect(found.map((f) => `${f.severity} ${f.path}`)).toEqual(['warning spec.initContainers[0].startupProbe']);
      expect(found[0].message).toContain('"web"');
      expect(found[0].message).toContain('"worker"');
    });
  });
});
