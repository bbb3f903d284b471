import * as fc from 'fast-check';
import { Quantity } from '../../src/resources/quantity';
import { QuantityFormat } from '../../src/resources/quantity-format';

/**
 * Laws of the exact quantity arithmetic. A Quantity keeps the exponent it was parsed or computed
 * with (250m is 250 x 10^-3, not 25 x 10^-2) and normalises only to print, so the laws below pin
 * that the representation never shows: equal values compare equal and print the same.
 */
const FORMATS = [QuantityFormat.DECIMAL_SI, QuantityFormat.BINARY_SI, QuantityFormat.DECIMAL_EXPONENT];
const mantissa = fc.bigInt({ min: -(10n ** 24n), max: 10n ** 24n });
const exponent = fc.integer({ min: -9, max: 18 });
const format = fc.constantFrom(...FORMATS);
const quantity = fc.tuple(mantissa, exponent, format).map(([m, e, f]) => Quantity._of(m, e, f));

describe('Quantity laws (fast-check, 1,000 runs each)', () => {
  test('GIVEN one value written with k extra trailing zeros THEN it compares equal and prints the same', () => {
    fc.assert(fc.property(mantissa, exponent, format, fc.integer({ min: 0, max: 12 }), (m, e, f, k) => {
      const plain = Quantity._of(m, e, f);
      const padded = Quantity._of(m * 10n ** BigInt(k), e - k, f);
      return plain.cmp(padded) === 0 && padded.cmp(plain) === 0 && plain.toString() === padded.toString();
    }), { numRuns: 1000 });
  });

  test('GIVEN any two quantities THEN cmp agrees with exact rational comparison and is antisymmetric', () => {
    fc.assert(fc.property(mantissa, exponent, mantissa, exponent, (ma, ea, mb, eb) => {
      const a = Quantity._of(ma, ea, QuantityFormat.DECIMAL_SI);
      const b = Quantity._of(mb, eb, QuantityFormat.DECIMAL_SI);
      const low = Math.min(ea, eb);
      const x = ma * 10n ** BigInt(ea - low);
      const y = mb * 10n ** BigInt(eb - low);
      const expected = x === y ? 0 : x < y ? -1 : 1;
      return a.cmp(b) === expected && b.cmp(a) === -expected;
    }), { numRuns: 1000 });
  });

  test('GIVEN any quantities THEN addition is commutative and associative in value, and zero is neutral', () => {
    fc.assert(fc.property(quantity, quantity, quantity, (a, b, c) => {
      return a.add(b).cmp(b.add(a)) === 0
        && a.add(b).add(c).cmp(a.add(b.add(c))) === 0
        && a.add(Quantity.zero()).cmp(a) === 0
        && a.add(b).sub(b).cmp(a) === 0;
    }), { numRuns: 1000 });
  });

  test('GIVEN any non-negative quantity below 2^63 THEN its printed form parses back to the same value', () => {
    // Below 2^63: parsing clamps larger binary amounts to 2^63-1, as apimachinery does.
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.integer({ min: -9, max: 9 }), format, (m, e, f) => {
      const q = Quantity._of(m, e, f);
      return Quantity.parse(q.toString()).cmp(q) === 0;
    }), { numRuns: 1000 });
  });

  test('GIVEN a quantity and a whole factor THEN mul equals repeated addition', () => {
    fc.assert(fc.property(quantity, fc.integer({ min: 0, max: 20 }), (q, n) => {
      let sum = Quantity.zero();
      for (let i = 0; i < n; i++) sum = sum.add(q);
      return q.mul(n).cmp(sum) === 0;
    }), { numRuns: 1000 });
  });
});
