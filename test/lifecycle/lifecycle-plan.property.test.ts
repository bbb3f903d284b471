import * as fc from 'fast-check';
import { ContainerRole } from '../../src/engine/container-role';
import { LifecyclePlan } from '../../src/lifecycle/lifecycle-plan';

/** Random pods: a few regular init containers and sidecars in any order, 1-3 apps, declared times. */
const container = (role: 'init' | 'sidecar' | 'app') => fc.record({
  role: fc.constant(role),
  preStop: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
  shutdown: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
});
const podArb = fc.record({
  grace: fc.integer({ min: 1, max: 90 }),
  init: fc.array(fc.oneof(container('init'), container('sidecar')), { maxLength: 5 }),
  apps: fc.array(container('app'), { minLength: 1, maxLength: 3 }),
});

function toManifest(p: any): any {
  const seconds: { [name: string]: number } = {};
  const build = (c: any, name: string) => {
    if (c.shutdown !== undefined) seconds[name] = c.shutdown;
    return {
      name,
      ...(c.role === 'sidecar' ? { restartPolicy: 'Always' } : {}),
      ...(c.preStop !== undefined && c.role !== 'init' ? { lifecycle: { preStop: { sleep: { seconds: c.preStop } } } } : {}),
    };
  };
  const initContainers = p.init.map((c: any, i: number) => build(c, `${c.role}-${i}`));
  const containers = p.apps.map((c: any, i: number) => build(c, `app-${i}`));
  return {
    kind: 'Pod',
    metadata: { name: 'p', annotations: { 'cdk8s-sidecars.dev/shutdown-seconds': JSON.stringify(seconds) } },
    spec: { terminationGracePeriodSeconds: p.grace, initContainers, containers },
  };
}

describe('LifecyclePlan laws (fast-check)', () => {
  test('GIVEN any pod WHEN planning THEN sidecars get SIGTERM in reverse declaration order, never before every app exited or the budget ran out', () => {
    fc.assert(fc.property(podArb, (p) => {
      const plan = LifecyclePlan.of(toManifest(p));
      const G = plan.grace.gracePeriodSeconds;
      const appsDone = Math.max(...plan.shutdown.filter((s) => s.role === ContainerRole.APP).map((s) => s.exitsAt));
      const sidecarSteps = plan.shutdown.filter((s) => s.role === ContainerRole.SIDECAR);
      const declared = plan.startup.filter((s) => s.role === ContainerRole.SIDECAR).map((s) => s.container);
      expect(sidecarSteps.map((s) => s.container)).toEqual([...declared].reverse());
      let previous = -1;
      for (const s of sidecarSteps) {
        expect(s.sigtermAt).toBeGreaterThanOrEqual(Math.min(appsDone, G));
        expect(s.sigtermAt).toBeGreaterThanOrEqual(previous);
        previous = s.sigtermAt;
      }
    }));
  });

  test('GIVEN any pod WHEN planning THEN every container gets at least 2s between SIGTERM and SIGKILL and exits by SIGKILL', () => {
    fc.assert(fc.property(podArb, (p) => {
      const plan = LifecyclePlan.of(toManifest(p));
      const G = plan.grace.gracePeriodSeconds;
      for (const s of plan.shutdown) {
        expect(s.sigtermAt).toBeLessThanOrEqual(G);
        expect(s.sigkillAt).toEqual(s.sigtermAt + Math.max(G - s.sigtermAt, 2));
        expect(s.exitsAt).toBeLessThanOrEqual(s.sigkillAt);
        expect(s.killed).toEqual(s.sigtermAt + s.shutdownSeconds > s.sigkillAt || s.preStopSeconds > G);
      }
    }));
  });

  test('GIVEN a budget at least what the sequence needs WHEN planning THEN nothing is killed and it ends exactly when needed', () => {
    fc.assert(fc.property(podArb, (p) => {
      const needed = LifecyclePlan.of(toManifest({ ...p, grace: 100000 })).grace.neededSeconds;
      const plan = LifecyclePlan.of(toManifest({ ...p, grace: Math.max(needed, 1) }));
      expect(plan.grace.exceeded).toBe(false);
      expect(plan.grace.endsAt).toEqual(needed);
    }));
  });

  test('GIVEN any pod WHEN planning THEN startup keeps declaration order and steady state holds exactly the non-init containers', () => {
    fc.assert(fc.property(podArb, (p) => {
      const m = toManifest(p);
      const plan = LifecyclePlan.of(m);
      expect(plan.startOrder).toEqual([...m.spec.initContainers, ...m.spec.containers].map((c: any) => c.name));
      const running = plan.startup.filter((s) => s.role !== ContainerRole.REGULAR_INIT).map((s) => s.container);
      expect(plan.steadyState.readinessGates).toEqual(running);
      expect([...plan.stopOrder].sort()).toEqual([...running].sort());
      expect(plan.startup.filter((s) => s.races).every((s) => s.role === ContainerRole.SIDECAR)).toBe(true);
    }));
  });
});
