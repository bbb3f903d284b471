import * as fc from 'fast-check';
import { ContainerRole } from '../../src/engine/container-role';
import { KubernetesVersion } from '../../src/engine/kubernetes-version';
import { LifecyclePlan } from '../../src/lifecycle/lifecycle-plan';
import { SimContainer, simulateShutdown } from '../support/kubelet-shutdown';

/**
 * Random pods: regular init containers and sidecars in any order, 1-3 apps, declared shutdown
 * times, and preStop hooks of every kind: sleep (a known length), exec and httpGet (a length that
 * cannot be known), or none. Grace periods include 0 and periods shorter than the hooks.
 */
const hook = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('sleep' as const), seconds: fc.integer({ min: 0, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('exec' as const, 'httpGet' as const) }) },
);
const container = (role: 'init' | 'sidecar' | 'app') => fc.record({
  role: fc.constant(role),
  preStop: role === 'init' ? fc.constant(undefined) : hook,
  shutdown: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
});
const podArb = fc.record({
  grace: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 90 })),
  init: fc.array(fc.oneof(container('init'), container('sidecar')), { maxLength: 5 }),
  apps: fc.array(container('app'), { minLength: 1, maxLength: 3 }),
  restartPolicy: fc.constantFrom('Always', 'Never', 'OnFailure'),
  version: fc.constantFrom('1.28', '1.29', '1.33'),
});
type Pod = typeof podArb extends fc.Arbitrary<infer T> ? T : never;

function preStopJson(h: any): any {
  if (h === undefined) return undefined;
  if (h.kind === 'sleep') return { sleep: { seconds: h.seconds } };
  // Commands with no `sleep` in them: their length is unknown to any reader of the manifest.
  return h.kind === 'exec' ? { exec: { command: ['/bin/drain', '--quiet'] } } : { httpGet: { path: '/drain', port: 8080 } };
}

function toManifest(p: Pod): any {
  const seconds: { [name: string]: number } = {};
  const build = (c: any, name: string) => {
    if (c.shutdown !== undefined) seconds[name] = c.shutdown;
    const preStop = preStopJson(c.preStop);
    return {
      name,
      ...(c.role === 'sidecar' ? { restartPolicy: 'Always' } : {}),
      ...(preStop ? { lifecycle: { preStop } } : {}),
    };
  };
  const initContainers = p.init.map((c: any, i: number) => build(c, `${c.role}-${i}`));
  const containers = p.apps.map((c: any, i: number) => build(c, `app-${i}`));
  return {
    kind: 'Pod',
    metadata: { name: 'p', annotations: { 'cdk8s-sidecars.dev/shutdown-seconds': JSON.stringify(seconds) } },
    spec: { restartPolicy: p.restartPolicy, terminationGracePeriodSeconds: p.grace, initContainers, containers },
  };
}

/** The simulation's view of the same pod (regular init containers have exited long before termination). */
function toSim(p: Pod): SimContainer[] {
  const sim = (c: any, name: string): SimContainer => ({
    name,
    sidecar: c.role === 'sidecar',
    hookSeconds: c.preStop === undefined ? undefined : c.preStop.kind === 'sleep' ? c.preStop.seconds : 0,
    shutdownSeconds: c.shutdown ?? 0,
  });
  return [
    ...p.init.map((c: any, i: number) => sim(c, `${c.role}-${i}`)).filter((c) => c.sidecar),
    ...p.apps.map((c: any, i: number) => sim(c, `app-${i}`)),
  ];
}

const plan = (p: Pod) => LifecyclePlan.of(toManifest(p), { targetVersion: KubernetesVersion.of(p.version) });
const ordered = (p: Pod) => p.version !== '1.28';

describe('LifecyclePlan laws (fast-check)', () => {
  test('GIVEN any pod, any grace period (0 included) and any hooks WHEN planning the shutdown THEN every container gets SIGTERM, SIGKILL and exits when a second-by-second simulation of the kubelet says', () => {
    fc.assert(fc.property(podArb, (p) => {
      const expected = simulateShutdown(toSim(p), p.grace, ordered(p), true);
      const actual = plan(p).shutdown;
      expect(actual.map((s) => s.container).sort()).toEqual([...expected.keys()].sort());
      for (const s of actual) {
        expect({ container: s.container, sigtermAt: s.sigtermAt, sigkillAt: s.sigkillAt, exitsAt: s.exitsAt, killed: s.killed })
          .toEqual({ container: s.container, ...expected.get(s.container) });
      }
    }), { numRuns: 300 });
  });

  test('GIVEN any run-to-completion pod WHEN planning completion THEN the sidecars are stopped as the simulation of a pod whose apps have exited says (1.28 included)', () => {
    fc.assert(fc.property(podArb.filter((p) => p.restartPolicy !== 'Always'), (p) => {
      const expected = simulateShutdown(toSim(p), p.grace, ordered(p), false);
      const stop = plan(p).completion!.stopSequence;
      expect(stop.map((s) => s.container).sort()).toEqual([...expected.keys()].sort());
      for (const s of stop) {
        const { sigtermAt, exitsAt, killed } = expected.get(s.container)!;
        expect({ container: s.container, sigtermAt: s.sigtermAt, exitsAt: s.exitsAt, killed: s.killed })
          .toEqual({ container: s.container, sigtermAt, exitsAt, killed });
      }
    }), { numRuns: 200 });
  });

  test('GIVEN any pod WHEN planning THEN the budget (end, need, overrun) is what the simulation gives, the need being the end with an unlimited grace period', () => {
    fc.assert(fc.property(podArb, (p) => {
      const sim = toSim(p);
      const endOf = (m: Map<string, { exitsAt: number }>) => Math.max(0, ...[...m.values()].map((o) => o.exitsAt));
      const bounded = simulateShutdown(sim, p.grace, ordered(p), true);
      const unbounded = simulateShutdown(sim.map((c) => c), 1_000_000, ordered(p), true);
      const g = plan(p).grace;
      expect(g.endsAt).toEqual(endOf(bounded));
      expect(g.neededSeconds).toEqual(endOf(unbounded));
      expect(g.exceeded).toEqual([...bounded.values()].some((o) => o.killed));
      expect(g.ordered).toEqual(ordered(p));
    }), { numRuns: 200 });
  });

  test('GIVEN any pod WHEN planning THEN sidecars get SIGTERM in reverse declaration order (1.29+), never before every app exited or the budget ran out', () => {
    fc.assert(fc.property(podArb.filter(ordered), (p) => {
      const result = plan(p);
      const G = result.grace.gracePeriodSeconds;
      const appsDone = Math.max(...result.shutdown.filter((s) => s.role === ContainerRole.APP).map((s) => s.exitsAt));
      const sidecarSteps = result.shutdown.filter((s) => s.role === ContainerRole.SIDECAR);
      const declared = result.startup.filter((s) => s.role === ContainerRole.SIDECAR).map((s) => s.container);
      expect(sidecarSteps.map((s) => s.container)).toEqual([...declared].reverse());
      let previous = -1;
      for (const s of sidecarSteps) {
        expect(s.sigtermAt).toBeGreaterThanOrEqual(Math.min(appsDone, G));
        expect(s.sigtermAt).toBeGreaterThanOrEqual(previous);
        previous = s.sigtermAt;
      }
    }));
  });

  test('GIVEN a budget at least what the sequence needs and hooks that fit it WHEN planning THEN nothing is killed and it ends exactly when needed', () => {
    fc.assert(fc.property(podArb, (p) => {
      const needed = plan({ ...p, grace: 100000 }).grace.neededSeconds;
      const longestHook = Math.max(0, ...[...p.init, ...p.apps].map((c: any) => (c.preStop?.kind === 'sleep' ? c.preStop.seconds : 0)));
      const result = plan({ ...p, grace: Math.max(needed, longestHook, 1) });
      expect(result.grace.exceeded).toBe(false);
      expect(result.grace.endsAt).toEqual(needed);
      expect(result.grace.summary).toMatch(/, ends at \d+s, \d+s to spare$/);
    }));
  });

  test('GIVEN any pod WHEN planning THEN startup keeps declaration order and steady state holds exactly the non-init containers', () => {
    fc.assert(fc.property(podArb, (p) => {
      const m = toManifest(p);
      const result = plan(p);
      expect(result.startOrder).toEqual([...m.spec.initContainers, ...m.spec.containers].map((c: any) => c.name));
      const running = result.startup.filter((s) => s.role !== ContainerRole.REGULAR_INIT).map((s) => s.container);
      expect(result.steadyState.readinessGates).toEqual(running);
      expect([...result.stopOrder].sort()).toEqual([...running].sort());
      expect(result.startup.filter((s) => s.races).every((s) => s.role === ContainerRole.SIDECAR)).toBe(true);
    }));
  });

  test('the generator reaches the edges the plan must get right: grace 0, exec and httpGet hooks, hooks longer than the grace period, 1.28', () => {
    const samples = fc.sample(podArb, { numRuns: 2000, seed: 14 });
    const hooks = samples.flatMap((p) => [...p.init, ...p.apps].map((c: any) => c.preStop)).filter(Boolean);
    expect(samples.filter((p) => p.grace === 0).length).toBeGreaterThan(100);
    expect(hooks.filter((h: any) => h.kind === 'exec').length).toBeGreaterThan(100);
    expect(hooks.filter((h: any) => h.kind === 'httpGet').length).toBeGreaterThan(100);
    expect(samples.filter((p) => [...p.init, ...p.apps].some((c: any) => c.preStop?.kind === 'sleep' && c.preStop.seconds > p.grace)).length).toBeGreaterThan(100);
    expect(samples.filter((p) => p.version === '1.28' && p.init.some((c) => c.role === 'sidecar')).length).toBeGreaterThan(100);
  });
});
