import { c, pod, sidecar, where } from './helpers';
import { Annotations } from '../../src/engine/annotations';

/** SC-TERMINATION-001 (src/rules/termination-budget.ts): the shutdown fits in terminationGracePeriodSeconds. */
const shutdown = (seconds: Record<string, number>) => ({ name: 'p', annotations: { [Annotations.SHUTDOWN_SECONDS]: JSON.stringify(seconds) } });
const sleepHook = (s: number) => ({ lifecycle: { preStop: { sleep: { seconds: s } } } });
const execSleepHook = (s: string) => ({ lifecycle: { preStop: { exec: { command: ['sh', '-c', `sleep ${s}`] } } } });
const WARNING = ['warning spec.terminationGracePeriodSeconds'];

describe('SC-TERMINATION-001 termination-budget', () => {
  describe('survivor "the warning at exactly the grace period" (issue 14)', () => {
    test('GIVEN app 4s + sidecar 6s and a grace period of exactly 10s THEN compliant: it fits', () => {
      expect(where(pod({ terminationGracePeriodSeconds: 10, initContainers: [sidecar('proxy')], containers: [c('app', sleepHook(4))] }, shutdown({ proxy: 6 })), 'SC-TERMINATION-001')).toEqual([]);
    });

    test('fails GIVEN the same pod with 9s', () => {
      expect(where(pod({ terminationGracePeriodSeconds: 9, initContainers: [sidecar('proxy')], containers: [c('app', sleepHook(4))] }, shutdown({ proxy: 6 })), 'SC-TERMINATION-001')).toEqual(WARNING);
    });
  });

  describe('survivor "app containers summed instead of max-ed" (issue 14)', () => {
    test('GIVEN two apps with 5s preStop each (they stop in parallel) and a 5s sidecar in 10s THEN compliant', () => {
      const m = pod({ terminationGracePeriodSeconds: 10, initContainers: [sidecar('proxy')], containers: [c('a', sleepHook(5)), c('b', sleepHook(5))] }, shutdown({ proxy: 5 }));
      expect(where(m, 'SC-TERMINATION-001')).toEqual([]);
    });
  });

  describe('survivor "`sleep 2.5` read as 2" (issue 14)', () => {
    test('fails GIVEN an exec preStop `sleep 2.5` and an 8s sidecar in 10s: 10.5s do not fit', () => {
      expect(where(pod({ terminationGracePeriodSeconds: 10, initContainers: [sidecar('proxy')], containers: [c('app', execSleepHook('2.5'))] }, shutdown({ proxy: 8 })), 'SC-TERMINATION-001')).toEqual(WARNING);
    });

    test('GIVEN `sleep 2` and the same sidecar THEN compliant: 10s fit', () => {
      expect(where(pod({ terminationGracePeriodSeconds: 10, initContainers: [sidecar('proxy')], containers: [c('app', execSleepHook('2'))] }, shutdown({ proxy: 8 })), 'SC-TERMINATION-001')).toEqual([]);
    });
  });
});
