import * as fc from 'fast-check';
import { EffectiveResources } from '../../src/resources/effective-resources';

/**
 * How a summed request prints, checked against an independent formulation of apimachinery's
 * rules, written from their description rather than from our code:
 * - helpers.go sums app containers first, then sidecars, each in declaration order;
 * - `Quantity.Add` keeps the format of the left operand, unless that operand is zero;
 * - `CanonicalizeBytes` prints a whole binary amount of at least 1024 as the largest power of
 *   1024 that divides it (Ki..Ei), anything else as decimal SI (the largest power of 1000).
 * Amounts are plain BigInt byte counts here; no Quantity is used by the oracle.
 */

type Unit = '' | 'k' | 'M' | 'Ki' | 'Mi';
const FACTOR: Record<Unit, bigint> = { '': 1n, 'k': 1000n, 'M': 1000n ** 2n, 'Ki': 1024n, 'Mi': 1024n ** 2n };
const BINARY = (u: Unit) => u === 'Ki' || u === 'Mi';

interface Term { readonly sidecar: boolean; readonly n: number; readonly unit: Unit }

const term = fc.record({
  sidecar: fc.boolean(),
  n: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5000 })),
  unit: fc.constantFrom<Unit>('', 'k', 'M', 'Ki', 'Mi'),
});

function expectedPrint(terms: Term[]): string {
  const ordered = [...terms.filter((t) => !t.sidecar), ...terms.filter((t) => t.sidecar)];
  const total = ordered.reduce((sum, t) => sum + BigInt(t.n) * FACTOR[t.unit], 0n);
  if (total === 0n) return '0';
  const firstNonZero = ordered.find((t) => t.n !== 0)!;
  return BINARY(firstNonZero.unit) && total >= 1024n
    ? inLargestUnit(total, 1024n, ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'])
    : inLargestUnit(total, 1000n, ['', 'k', 'M', 'G', 'T', 'P', 'E']);
}

/** `total` as a whole number of the largest unit (a power of `base`) that divides it. */
function inLargestUnit(total: bigint, base: bigint, suffixes: string[]): string {
  let rest = total;
  let p = 0;
  while (rest % base === 0n && p < suffixes.length - 1) {
    rest /= base;
    p++;
  }
  return `${rest}${suffixes[p]}`;
}

describe('a summed request prints as Kubernetes prints it', () => {
  test('GIVEN app containers and sidecars with memory requests in mixed units THEN the effective request prints like apimachinery would', () => {
    fc.assert(fc.property(fc.array(term, { minLength: 1, maxLength: 6 }).filter((ts) => ts.some((t) => !t.sidecar)), (terms) => {
      const spec = {
        initContainers: terms.filter((t) => t.sidecar).map((t, i) => ({ name: `s${i}`, restartPolicy: 'Always', resources: { requests: { memory: `${t.n}${t.unit}` } } })),
        containers: terms.filter((t) => !t.sidecar).map((t, i) => ({ name: `a${i}`, resources: { requests: { memory: `${t.n}${t.unit}` } } })),
      };
      expect(EffectiveResources.of(spec).requests.memory).toBe(expectedPrint(terms));
    }), { numRuns: 300 });
  });

  test('GIVEN the oracle THEN it reproduces the issue\'s example (128Mi app + 64M sidecar = 193572Ki)', () => {
    expect(expectedPrint([{ sidecar: true, n: 64, unit: 'M' }, { sidecar: false, n: 128, unit: 'Mi' }])).toBe('193572Ki');
  });
});
