import { Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { SidecarPod } from '../../src';
import { resolveStartOrder, StartOrderStep } from '../../src/engine/start-order';

/**
 * Start-order cycles. The oracle for "is there a cycle" is a depth-first search written here,
 * independent of the Kahn's algorithm the code uses; a reported cycle is checked edge by edge
 * against the declarations.
 */

/**
 * True when, following "starts after" edges from `from` (every step when omitted), a step is met again
 * while still being explored: the relation has a cycle there. Edges to unknown names are ignored.
 */
function reachesCycle(steps: ReadonlyArray<StartOrderStep>, from?: string): boolean {
  const byName = new Map<string, StartOrderStep>();
  for (const s of steps) if (!byName.has(s.name)) byName.set(s.name, s);
  const state = new Map<string, 'open' | 'closed'>();
  const visit = (name: string): boolean => {
    if (state.get(name) === 'open') return true;
    if (state.get(name) === 'closed') return false;
    state.set(name, 'open');
    for (const dep of byName.get(name)!.after) if (byName.has(dep) && visit(dep)) return true;
    state.set(name, 'closed');
    return false;
  };
  return from === undefined ? [...byName.keys()].some(visit) : visit(from);
}
const hasCycle = (steps: ReadonlyArray<StartOrderStep>) => reachesCycle(steps);

/** A step that cannot be ordered lists, before any other known step, one that can: the walk must skip that edge. */
function entersCycleThroughOrderedStep(steps: ReadonlyArray<StartOrderStep>): boolean {
  const known = new Set(steps.map((s) => s.name));
  return steps.some((s) => {
    const first = s.after.find((d) => known.has(d));
    return reachesCycle(steps, s.name) && first !== undefined && !reachesCycle(steps, first);
  });
}

/** Random relations over a few steps: any edge, self-loops and names of no step included, so cycles are common. */
const relationArb = fc.integer({ min: 1, max: 7 }).chain((n) => fc.array(
  fc.array(fc.oneof({ weight: 6, arbitrary: fc.nat(n - 1).map((j) => `s${j}`) }, { weight: 1, arbitrary: fc.constant('ghost') }), { maxLength: 3 }),
  { minLength: n, maxLength: n },
).map((deps) => deps.map((after, i) => ({ name: `s${i}`, after }))));

describe('resolveStartOrder cycles', () => {
  describe('survivor "the cycle walk follows an edge into an already ordered step (then a TypeError)" (issue 14)', () => {
    // "b" starts after "a" (orderable) and after "c"; "c" starts after "b": the walk from "b" must not
    // follow its first edge, into the already ordered "a".
    const steps = [{ name: 'a', after: [] }, { name: 'b', after: ['a', 'c'] }, { name: 'c', after: ['b'] }];

    test('GIVEN a cycle whose first member also starts after an ordered step THEN the cycle is named, without that step', () => {
      expect(resolveStartOrder(steps)).toEqual({ order: ['a', 'b', 'c'], cycle: ['b', 'c', 'b'], cycles: [['b', 'c', 'b']], unknown: [] });
    });

    test('GIVEN the same declarations on a SidecarPod THEN synth fails with SC-DECL-001 naming the cycle', () => {
      const chart = Testing.chart();
      const pod = new SidecarPod(chart, 'pod', { containers: [{ name: 'app', image: 'app' }] });
      const a = pod.addInitStep({ name: 'a', image: 'a' });
      const b = pod.addInitStep({ name: 'b', image: 'b', startAfter: [a] });
      const c = pod.addSidecar({ name: 'c', image: 'c', startAfter: [b] });
      b.startsAfter(c);
      expect(() => Testing.synth(chart)).toThrow(/SC-DECL-001 spec\.initContainers: Invalid value: start-order cycle: b -> c -> b\b/);
    });
  });

  test('law: a cycle is reported exactly when the relation has one, as a closed path of declared edges between distinct steps', () => {
    fc.assert(fc.property(relationArb, (steps) => {
      const r = resolveStartOrder(steps);
      expect(r.cycle !== undefined).toBe(hasCycle(steps));
      expect([...r.order].sort()).toEqual(steps.map((s) => s.name).sort());
      if (r.cycle === undefined) return;
      expect(r.cycle.length).toBeGreaterThanOrEqual(2);
      expect(r.cycle[r.cycle.length - 1]).toBe(r.cycle[0]);
      expect(new Set(r.cycle.slice(0, -1)).size).toBe(r.cycle.length - 1);
      // Printed in start order: each step is followed by one declared to start after it.
      for (let i = 0; i + 1 < r.cycle.length; i++) {
        expect(steps.find((s) => s.name === r.cycle![i + 1])!.after).toContain(r.cycle[i]);
      }
    }), { numRuns: 500 });
  });

  test('law: unknown names are reported once per declaration and never ordered', () => {
    fc.assert(fc.property(relationArb, (steps) => {
      const r = resolveStartOrder(steps);
      const expected = steps.flatMap((s) => [...new Set(s.after)].filter((d) => d === 'ghost').map((d) => [s.name, d]));
      expect(r.unknown).toEqual(expected);
      expect(r.order).not.toContain('ghost');
    }), { numRuns: 300 });
  });

  test('the generator reaches cycles, acyclic relations and cycles entered through an already ordered step', () => {
    const samples = fc.sample(relationArb, { numRuns: 1000, seed: 14 });
    expect(samples.filter(hasCycle).length).toBeGreaterThan(200);
    expect(samples.filter((s) => !hasCycle(s)).length).toBeGreaterThan(200);
    expect(samples.filter(entersCycleThroughOrderedStep).length).toBeGreaterThan(50);
  });
});
