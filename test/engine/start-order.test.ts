import * as fc from 'fast-check';
import { hasStartCycle, resolveStartOrder } from '../../src/engine/start-order';

describe('resolveStartOrder', () => {
  test('GIVEN no declarations THEN declaration order is kept', () => {
    expect(resolveStartOrder([{ name: 'a', after: [] }, { name: 'b', after: [] }, { name: 'c', after: [] }]).order).toEqual(['a', 'b', 'c']);
  });

  test('GIVEN secret-fetch declared first but after network-proxy THEN network-proxy starts first', () => {
    const r = resolveStartOrder([{ name: 'secret-fetch', after: ['network-proxy'] }, { name: 'network-proxy', after: [] }]);
    expect(r).toEqual({ order: ['network-proxy', 'secret-fetch'], cycles: [], unknown: [] });
  });

  test('GIVEN ties THEN declaration order breaks them (stable)', () => {
    const r = resolveStartOrder([
      { name: 'x', after: ['iptables'] },
      { name: 'y', after: [] },
      { name: 'iptables', after: [] },
      { name: 'z', after: ['iptables'] },
    ]);
    expect(r.order).toEqual(['y', 'iptables', 'x', 'z']);
  });

  test('fails with the cycle named in start order', () => {
    const r = resolveStartOrder([
      { name: 'a', after: ['c'] },
      { name: 'b', after: ['a'] },
      { name: 'c', after: ['b'] },
      { name: 'd', after: [] },
    ]);
    expect(r.cycle).toEqual(['a', 'b', 'c', 'a']);
    // d is free; the cycle is broken at its earliest-declared step, a.
    expect(r.order).toEqual(['d', 'a', 'b', 'c']);
  });

  test('GIVEN two separate cycles and a declaration off them THEN both are named and the declaration still holds', () => {
    const r = resolveStartOrder([
      { name: 'a', after: ['b'] },
      { name: 'b', after: ['a'] },
      { name: 'x', after: ['y'] },
      { name: 'y', after: [] },
      { name: 'p', after: ['q'] },
      { name: 'q', after: ['p'] },
    ]);
    expect(r.cycles).toEqual([['a', 'b', 'a'], ['p', 'q', 'p']]);
    expect(r.order.indexOf('y')).toBeLessThan(r.order.indexOf('x'));
  });

  test('fails with a self-dependency as a one-step cycle', () => {
    expect(resolveStartOrder([{ name: 'a', after: ['a'] }]).cycle).toEqual(['a', 'a']);
  });

  test('reports dependencies on unknown steps and otherwise ignores them', () => {
    const r = resolveStartOrder([{ name: 'a', after: ['ghost'] }, { name: 'b', after: [] }]);
    expect(r.unknown).toEqual([['a', 'ghost']]);
    expect(r.order).toEqual(['a', 'b']);
  });

  test('law: every declared dependency starts before its dependant, and every step appears once', () => {
    // Random DAGs: a step may only depend on steps with a larger "rank", so there is never a cycle.
    const dag = fc.array(fc.nat(5), { minLength: 1, maxLength: 8 }).chain((ranks) =>
      fc.tuple(fc.constant(ranks), fc.array(fc.array(fc.nat(7), { maxLength: 3 }), { minLength: ranks.length, maxLength: ranks.length })));
    fc.assert(fc.property(dag, ([ranks, deps]) => {
      const steps = ranks.map((_r, i) => ({
        name: `s${i}`,
        after: deps[i].filter((j) => j < ranks.length && ranks[j] > ranks[i]).map((j) => `s${j}`),
      }));
      const r = resolveStartOrder(steps);
      expect(r.cycle).toBeUndefined();
      expect([...r.order].sort()).toEqual(steps.map((s) => s.name).sort());
      for (const s of steps) {
        for (const d of s.after) expect(r.order.indexOf(d)).toBeLessThan(r.order.indexOf(s.name));
      }
    }), { numRuns: 1000 });
  });

  test('law: hasStartCycle agrees with the sort (a cycle exactly when the sort has to break one)', () => {
    const deps = (n: number) => fc.array(fc.array(fc.nat(n - 1), { maxLength: 3 }), { minLength: n, maxLength: n });
    const graphs = fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(fc.constant(n), deps(n)));
    fc.assert(fc.property(graphs, ([n, edges]) => {
      const steps = Array.from({ length: n }, (_v, i) => ({ name: `s${i}`, after: edges[i].map((j) => `s${j}`) }));
      expect(hasStartCycle(steps)).toBe(resolveStartOrder(steps).cycles.length > 0);
    }), { numRuns: 1000 });
  });
});
