import { Quantity } from '../../src/resources/quantity';
import { QuantityFormat } from '../../src/resources/quantity-format';

/**
 * Parsing and printing at the edges the upstream tables leave out, found by mutation testing
 * (docs/testing.md). Expected values follow apimachinery's quantity.go: `ParseQuantity` (binary
 * amounts capped at 2^63-1; a binary amount strictly between 0 and 1 switches to DecimalSI) and
 * `CanonicalizeBytes` (binary amounts under 1024 print in decimal SI).
 */
describe('Quantity printing', () => {
  test.each([
    ['1Pi', '1Pi'],
    ['3Ei', '3Ei'],
    // Binary, but under 1024: printed in decimal SI.
    ['0.9765625Ki', '1k'],
    // A fraction just under the cap is kept, not capped.
    ['8191.5Pi', '8388096Ti'],
    // 8192Pi is 2^63: capped at 2^63-1.
    ['8192Pi', '9223372036854775807'],
    // Far below 1n: rounded up to 1n, at once (no 10^2147483647-digit division).
    ['1e-2147483647', '1e-9'],
    ['5e-20', '1e-9'],
    // Zero stays zero, however many fraction digits it is written with.
    ['0.000000000000', '0'],
    // DecimalExponent with a zero exponent prints no suffix.
    ['1e0', '1'],
  ])('GIVEN %s THEN it prints %s', (input, printed) => {
    expect(Quantity.parse(input).toString()).toBe(printed);
  });

  test.each([
    ['0.0Ki', QuantityFormat.BINARY_SI, '0'],
    // Exactly one byte is not "between 0 and 1": it stays BinarySI.
    ['0.0009765625Ki', QuantityFormat.BINARY_SI, '1'],
    ['0.5Ki', QuantityFormat.BINARY_SI, '512'],
    ['0.000000000001Ki', QuantityFormat.DECIMAL_SI, '2n'],
  ])('GIVEN %s THEN its format is %s and it prints %s', (input, format, printed) => {
    const q = Quantity.parse(input);
    expect([q.format, q.toString()]).toEqual([format, printed]);
  });
});

describe('Quantity.parse errors name the problem', () => {
  test.each([
    ['1Ki5', 'unknown suffix "Ki5"'],
    ['1e+', 'the exponent "e+" has no digits'],
    ['1e99999999999', 'the exponent 99999999999 is outside -2147483647..2147483647'],
    ['1 Ki', 'whitespace is not allowed'],
    ['1.2.3', 'more than one decimal point'],
    ['1.5xyz', 'unknown suffix "xyz"'],
    ['-1.5xyz', 'unknown suffix "xyz"'],
    ['15.xyz', 'unknown suffix "xyz"'],
    ['1.25xyz', 'unknown suffix "xyz"'],
    ['1x5', 'unknown suffix "x5"'],
  ])('throws for %j: %s', (input, reason) => {
    expect(() => Quantity.parse(input)).toThrow(`invalid quantity ${JSON.stringify(input)}: ${reason}; `);
  });

  test.each([
    [5, 'invalid quantity 5: expected a string, got a number; '],
    [null, 'invalid quantity null: expected a string, got null; '],
    [[], 'invalid quantity []: expected a string, got a list; '],
    [{}, 'invalid quantity {}: expected a string, got an object; '],
  ])('throws for %j passed from JavaScript (the type says string)', (value, message) => {
    expect(() => Quantity.parse(value as any)).toThrow(message);
  });
});

describe('Quantity arithmetic at the edges', () => {
  test('GIVEN a fractional factor THEN mul throws naming it', () => {
    expect(() => Quantity.parse('1').mul(1.5)).toThrow('cannot multiply quantity 1 by 1.5: the factor must be a whole number');
  });

  test('GIVEN different values THEN isEqualTo is false; equal values in other units THEN true', () => {
    expect(Quantity.parse('1').isEqualTo(Quantity.parse('2'))).toBe(false);
    expect(Quantity.parse('1Gi').isEqualTo(Quantity.parse('1024Mi'))).toBe(true);
  });

  test('GIVEN values 200,000 orders of magnitude apart THEN they compare without aligning (which would refuse)', () => {
    expect(Quantity.parse('1e200000').cmp(Quantity.parse('1'))).toBe(1);
    expect(Quantity.parse('1').cmp(Quantity.parse('1e200000'))).toBe(-1);
    expect(Quantity.parse('-1e200000').cmp(Quantity.parse('-1'))).toBe(-1);
  });

  test('GIVEN zero and a value far away THEN adding needs no aligning', () => {
    expect(Quantity.zero().add(Quantity.parse('1e200000')).toString()).toBe('100e199998');
    expect(Quantity.parse('1e200000').add(Quantity.zero()).toString()).toBe('100e199998');
  });

  test('GIVEN values exactly 100,000 orders apart THEN they add exactly; further apart THEN adding refuses, naming both', () => {
    expect(Quantity.parse('1e100000').add(Quantity.parse('1')).toString()).toBe(`1${'0'.repeat(99999)}1`);
    // Both large but close: what counts is how far apart they are, not how large.
    expect(Quantity.parse('1e60000').add(Quantity.parse('2e60001')).toString()).toBe('21e60000');
    expect(() => Quantity.parse('1e200000').add(Quantity.parse('1'))).toThrow(
      'cannot combine quantities 100e199998 and 1 exactly: their magnitudes are more than 100000 orders apart');
  });

  test('GIVEN 1000 and 1e100002 (100,002 orders apart as written, 99,999 once 1000 is read as 1e3) THEN they add, whichever is first', () => {
    const far = Quantity.parse('1e100002');
    expect(Quantity.parse('1000').add(far).sub(far).toString()).toBe('1k');
    expect(far.add(Quantity.parse('1000')).sub(far).toString()).toBe('1e3');
  });
});

describe('Quantity.fromJson (a quantity as YAML gives it: a string, or a number)', () => {
  test.each([
    [2, '2'],
    [0.5, '500m'],
    ['100m', '100m'],
  ])('GIVEN %j THEN %s', (value, printed) => {
    expect(Quantity.fromJson(value).toString()).toBe(printed);
  });

  test.each([
    [NaN, 'invalid quantity NaN: not a finite number; '],
    [Infinity, 'invalid quantity Infinity: not a finite number; '],
    [true, 'invalid quantity true: expected a string or a number, got a boolean; '],
    [null, 'invalid quantity null: expected a string or a number, got null; '],
    [{ a: 1 }, 'invalid quantity {"a":1}: expected a string or a number, got an object; '],
  ])('throws for %j', (value, message) => {
    expect(() => Quantity.fromJson(value)).toThrow(message);
  });
});
