import * as fc from 'fast-check';
import { EffectiveResources } from '../../src/resources/effective-resources';
import { Quantity } from '../../src/resources/quantity';

/**
 * Laws of the effective request, checked against a brute-force simulation of the startup
 * timeline. Amounts are generated as whole millicores and written in several quantity forms,
 * so the oracle works on plain integers, independent of Quantity's arithmetic.
 */

type Role = 'init' | 'sidecar' | 'app';
interface Gen { readonly role: Role; readonly milli?: number; readonly form: number }

const spell = (milli: number, form: number): string => {
  switch (form % 4) {
    case 0: return `${milli}m`;
    case 1: return milli % 1000 === 0 ? `${milli / 1000}` : `${milli}m`;
    case 2: return `${milli}e-3`;
    default: return `${(milli / 1000).toFixed(3)}`; // e.g. 0.250; exact in decimal text
  }
};

const container = fc.record({
  role: fc.constantFrom<Role>('init', 'sidecar', 'app'),
  milli: fc.option(fc.integer({ min: 0, max: 4000 }), { nil: undefined }),
  form: fc.nat(3),
});
const pod = fc.array(container, { minLength: 1, maxLength: 6 });

/**
 * A pod with two regular init containers (at `i` < `j`) and no sidecar between them: any
 * containers before, app or regular init containers between (app containers do not change the
 * init order), any containers after. Any pod with such a pair has this shape (up to the sizes), and every run has one.
 */
const regularInit = container.map((c): Gen => ({ ...c, role: 'init' }));
const podWithSwappablePair = fc.record({
  before: fc.array(container, { maxLength: 3 }),
  x: regularInit,
  between: fc.array(container.filter((c) => c.role !== 'sidecar'), { maxLength: 2 }),
  y: regularInit,
  after: fc.array(container, { maxLength: 3 }),
}).map(({ before, x, between, y, after }) => ({
  cs: [...before, x, ...between, y, ...after],
  i: before.length,
  j: before.length + 1 + between.length,
}));

/** Init steps with a regular init container directly followed by a sidecar (at `i`), and app containers. */
const podWithInitThenSidecar = fc.record({
  before: fc.array(container.filter((c) => c.role !== 'app'), { maxLength: 3 }),
  x: regularInit,
  y: container.map((c): Gen => ({ ...c, role: 'sidecar' })),
  after: fc.array(container.filter((c) => c.role !== 'app'), { maxLength: 3 }),
  apps: fc.array(container.map((c): Gen => ({ ...c, role: 'app' })), { minLength: 1, maxLength: 2 }),
}).map(({ before, x, y, after, apps }) => ({ init: [...before, x, y, ...after], apps, i: before.length }));

function toPodSpec(cs: ReadonlyArray<Gen>): any {
  const json = (c: Gen, i: number) => ({
    name: `c${i}`,
    ...(c.role === 'sidecar' ? { restartPolicy: 'Always' } : {}),
    ...(c.milli === undefined ? {} : { resources: { requests: { cpu: spell(c.milli, c.form) } } }),
  });
  return {
    initContainers: cs.map((c, i) => [c, i] as const).filter(([c]) => c.role !== 'app').map(([c, i]) => json(c, i)),
    containers: cs.map((c, i) => [c, i] as const).filter(([c]) => c.role === 'app').map(([c, i]) => json(c, i)),
  };
}

/** Max over every moment of the startup timeline of the sum of what runs then; undefined if nothing sets cpu. */
function simulate(cs: ReadonlyArray<Gen>): number | undefined {
  const init = cs.filter((c) => c.role !== 'app');
  const apps = cs.filter((c) => c.role === 'app');
  if (!cs.some((c) => c.milli !== undefined)) return undefined;
  const running: Gen[] = [];
  let peak = 0;
  const sum = (xs: Gen[]) => xs.reduce((s, c) => s + (c.milli ?? 0), 0);
  for (const c of init) {
    // moment: c runs (a regular init container alone with the sidecars started before it;
    // a sidecar joins the ones already running and keeps running)
    peak = Math.max(peak, sum([...running, c]));
    if (c.role === 'sidecar') running.push(c);
  }
  return Math.max(peak, sum([...running, ...apps])); // steady state
}

const cpuOf = (cs: ReadonlyArray<Gen>): string | undefined => EffectiveResources.of(toPodSpec(cs), { apiServerDefaults: false }).requests.cpu;
const amount = (q: string | undefined): Quantity => (q === undefined ? Quantity.zero() : Quantity.parse(q));

describe('effective cpu request (property tests, 1000 runs each)', () => {
  test('GIVEN any pod THEN it equals the brute-force maximum over the startup timeline', () => {
    fc.assert(fc.property(pod, (cs) => {
      const expected = simulate(cs);
      const actual = cpuOf(cs);
      if (expected === undefined) return actual === undefined;
      return actual !== undefined && Quantity.parse(actual).isEqualTo(Quantity.parse(`${expected}m`));
    }), { numRuns: 1000 });
  });

  test('GIVEN any pod WHEN a container is added anywhere THEN the figure never goes down', () => {
    fc.assert(fc.property(pod, container, fc.nat(), (cs, extra, at) => {
      const i = at % (cs.length + 1);
      return amount(cpuOf([...cs.slice(0, i), extra, ...cs.slice(i)])).cmp(amount(cpuOf(cs))) >= 0;
    }), { numRuns: 1000 });
  });

  test('GIVEN two regular init containers with no sidecar between them WHEN swapped THEN the figure is unchanged', () => {
    let checked = 0;
    fc.assert(fc.property(podWithSwappablePair, ({ cs, i, j }) => {
      // the generator's guarantee, so the law below is checked on every run
      expect([cs[i].role, cs[j].role, i < j, cs.slice(i + 1, j).some((c) => c.role === 'sidecar')]).toEqual(['init', 'init', true, false]);
      checked++;
      const swapped = [...cs];
      [swapped[i], swapped[j]] = [cs[j], cs[i]];
      return amount(cpuOf(swapped)).isEqualTo(amount(cpuOf(cs)));
    }), { numRuns: 1000 });
    expect(checked).toBe(1000);
  });

  test('GIVEN a regular init container directly followed by a sidecar WHEN the sidecar moves ahead of it THEN the figure never goes down', () => {
    let checked = 0;
    fc.assert(fc.property(podWithInitThenSidecar, ({ init, apps, i }) => {
      expect([init[i].role, init[i + 1].role]).toEqual(['init', 'sidecar']);
      const moved = [...init];
      [moved[i], moved[i + 1]] = [init[i + 1], init[i]];
      checked++;
      return amount(cpuOf([...moved, ...apps])).cmp(amount(cpuOf([...init, ...apps]))) >= 0;
    }), { numRuns: 1000 });
    expect(checked).toBe(1000);
  });
});
