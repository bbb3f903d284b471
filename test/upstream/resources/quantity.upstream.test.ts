import {
  DecQuantity, TEST_BINARY_SI_PAST_EI, TEST_BINARY_SI_ZERO_EXPONENT_STRING, TEST_QUANTITY_CMP, TEST_QUANTITY_NEG,
  TEST_QUANTITY_PARSE, TEST_QUANTITY_PARSE_EMIT, TEST_QUANTITY_PARSE_INVALID, TEST_QUANTITY_STRING,
  TEST_QUANTITY_STRING_BELOW_NANO, TEST_QUANTITY_ZERO_PRESERVES_SUFFIX, DIGITLESS_INPUTS_ACCEPTED_UPSTREAM,
} from './quantity-tables';
import { Quantity } from '../../../src/resources/quantity';
import { QuantityFormat } from '../../../src/resources/quantity-format';

// Upstream: staging/src/k8s.io/apimachinery/pkg/api/resource/quantity_test.go (tables as data).

const FORMATS: Record<string, QuantityFormat> = {
  DecimalSI: QuantityFormat.DECIMAL_SI,
  BinarySI: QuantityFormat.BINARY_SI,
  DecimalExponent: QuantityFormat.DECIMAL_EXPONENT,
};

function build(d: DecQuantity): Quantity {
  return Quantity._of(BigInt(d.mantissa), d.exponent, FORMATS[d.format]);
}

describe('TestQuantityParse', () => {
  test.each(TEST_QUANTITY_PARSE)('GIVEN %s WHEN parsed THEN it has the upstream amount and format', (input, expected) => {
    const got = Quantity.parse(input);
    expect(got.cmp(build(expected))).toBe(0);
    expect(got.format).toBe(FORMATS[expected.format]);
  });

  test.each(TEST_QUANTITY_PARSE)('GIVEN -%s WHEN parsed THEN it is the negated amount in the same format', (input, expected) => {
    const got = Quantity.parse('-' + input);
    expect(got.cmp(Quantity.zero().sub(build(expected)))).toBe(0);
    expect(got.format).toBe(FORMATS[expected.format]);
  });

  test.each(TEST_QUANTITY_PARSE)('GIVEN +%s WHEN parsed THEN it is the same amount', (input, expected) => {
    const got = Quantity.parse('+' + input);
    expect(got.cmp(build(expected))).toBe(0);
    expect(got.format).toBe(FORMATS[expected.format]);
  });

  test.each(TEST_QUANTITY_PARSE_INVALID.map((s) => [s]))('throws for the invalid input %j', (input) => {
    expect(() => Quantity.parse(input)).toThrow(/^invalid quantity /);
  });

  test('throws for the empty string', () => {
    expect(() => Quantity.parse('')).toThrow('invalid quantity "": the value is empty; a quantity is');
  });

  test.each(DIGITLESS_INPUTS_ACCEPTED_UPSTREAM.map((s) => [s]))('throws for %j, which apimachinery reads as zero (deliberately stricter)', (input) => {
    expect(() => Quantity.parse(input)).toThrow(`invalid quantity ${JSON.stringify(input)}: no digits before the suffix;`);
  });
});

describe('TestQuantityString', () => {
  test.each(TEST_QUANTITY_STRING)('GIVEN %j THEN it prints %s', (amount, canonical, alternate) => {
    expect(build(amount).toString()).toBe(canonical);
    // the canonical form parses back to the same amount
    expect(Quantity.parse(canonical).cmp(build(amount))).toBe(0);
    if (alternate !== '') expect(Quantity.parse(alternate).toString()).toBe(canonical);
    if (!build(amount).isZero) expect(Quantity.zero().sub(build(amount)).toString()).toBe('-' + canonical);
  });

  test.each(TEST_QUANTITY_STRING_BELOW_NANO)('TestQuantityStringBelowNano: GIVEN %j THEN it prints %s', (amount, canonical) => {
    expect(build(amount).toString()).toBe(canonical);
  });

  test.each(TEST_BINARY_SI_ZERO_EXPONENT_STRING)('TestBinarySIZeroExponentString: GIVEN %j THEN it prints %s', (amount, canonical) => {
    expect(build(amount).toString()).toBe(canonical);
  });
});

describe('TestQuantityParseEmit', () => {
  test.each(TEST_QUANTITY_PARSE_EMIT)('GIVEN %s THEN it prints %s, and its negation prints the negated form', (input, canonical) => {
    expect(Quantity.parse(input).toString()).toBe(canonical);
    expect(Quantity.parse('-' + input).toString()).toBe('-' + canonical);
  });
});

describe('TestQuantityCmp', () => {
  test.each(TEST_QUANTITY_CMP)('GIVEN %s and %s THEN Cmp is %d', (x, y, expected) => {
    expect(Quantity.parse(x).cmp(Quantity.parse(y))).toBe(expected);
    expect(Quantity.parse(y).cmp(Quantity.parse(x))).toBe(0 - expected || 0);
  });
});

describe('TestQuantityAddZeroPreservesSuffix / TestQuantitySubZeroPreservesSuffix', () => {
  test.each(TEST_QUANTITY_ZERO_PRESERVES_SUFFIX.map((s) => [s]))('GIVEN %s THEN adding or subtracting zero keeps its suffix', (value) => {
    const q = Quantity.parse(value);
    const zero = Quantity.parse('0');
    expect(q.add(zero).toString()).toBe(value);
    expect(zero.add(q).toString()).toBe(value);
    expect(q.sub(zero).toString()).toBe(value);
    expect(zero.sub(q).toString()).toBe('-' + value);
  });
});

describe('TestQuantityNeg', () => {
  test.each(TEST_QUANTITY_NEG)('GIVEN %j THEN its negation prints %s', (amount, canonical) => {
    expect(Quantity.zero().sub(build(amount)).toString()).toBe(canonical);
  });
});

describe('TestBinarySIPastEiArithmeticRoundTrip', () => {
  test('GIVEN 1Ei WHEN multiplied by 1024 THEN it prints the full digits and parses back equal', () => {
    const q = Quantity.parse(TEST_BINARY_SI_PAST_EI.input).mul(TEST_BINARY_SI_PAST_EI.factor);
    expect(q.toString()).toBe(TEST_BINARY_SI_PAST_EI.expect);
    expect(Quantity.parse(q.toString()).isEqualTo(q)).toBe(true);
  });
});
