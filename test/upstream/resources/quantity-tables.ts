/**
 * Test tables of apimachinery's Quantity, ported as data (input -> expected output).
 *
 * Upstream: kubernetes/kubernetes
 *   staging/src/k8s.io/apimachinery/pkg/api/resource/quantity_test.go
 *   (read at commit 002cd1a0cd960ebe9d6f194d342384d6fe0fedcf)
 *
 * Expected amounts are written as upstream's `decQuantity(mantissa, exponent, format)`:
 * the value is mantissa x 10^exponent.
 */

export type UpstreamFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** An exact amount, as upstream's `decQuantity(i, exponent, format)`. */
export interface DecQuantity {
  readonly mantissa: string;
  readonly exponent: number;
  readonly format: UpstreamFormat;
}

const dec = (mantissa: number | string, exponent: number, format: UpstreamFormat): DecQuantity => ({ mantissa: String(mantissa), exponent, format });

/** `TestQuantityParse`, `table`: input -> expected amount and format. */
export const TEST_QUANTITY_PARSE: ReadonlyArray<[string, DecQuantity]> = [
  ['0', dec(0, 0, 'DecimalSI')],
  ['0n', dec(0, 0, 'DecimalSI')],
  ['0u', dec(0, 0, 'DecimalSI')],
  ['0m', dec(0, 0, 'DecimalSI')],
  ['0Ki', dec(0, 0, 'BinarySI')],
  ['0k', dec(0, 0, 'DecimalSI')],
  ['0Mi', dec(0, 0, 'BinarySI')],
  ['0M', dec(0, 0, 'DecimalSI')],
  ['0Gi', dec(0, 0, 'BinarySI')],
  ['0G', dec(0, 0, 'DecimalSI')],
  ['0Ti', dec(0, 0, 'BinarySI')],
  ['0T', dec(0, 0, 'DecimalSI')],
  // Quantity less numbers are allowed
  ['1', dec(1, 0, 'DecimalSI')],
  // Binary suffixes
  ['1Ki', dec(1024, 0, 'BinarySI')],
  ['8Ki', dec(8 * 1024, 0, 'BinarySI')],
  ['7Mi', dec(7 * 1024 * 1024, 0, 'BinarySI')],
  ['6Gi', dec(6 * 1024 * 1024 * 1024, 0, 'BinarySI')],
  ['5Ti', dec(5 * 1024 * 1024 * 1024 * 1024, 0, 'BinarySI')],
  ['4Pi', dec(String(4n * 1024n ** 5n), 0, 'BinarySI')],
  ['3Ei', dec(String(3n * 1024n ** 6n), 0, 'BinarySI')],
  ['10Ti', dec(10 * 1024 * 1024 * 1024 * 1024, 0, 'BinarySI')],
  ['100Ti', dec(100 * 1024 * 1024 * 1024 * 1024, 0, 'BinarySI')],
  // Decimal suffixes
  ['5n', dec(5, -9, 'DecimalSI')],
  ['4u', dec(4, -6, 'DecimalSI')],
  ['3m', dec(3, -3, 'DecimalSI')],
  ['9', dec(9, 0, 'DecimalSI')],
  ['8k', dec(8, 3, 'DecimalSI')],
  ['50k', dec(5, 4, 'DecimalSI')],
  ['7M', dec(7, 6, 'DecimalSI')],
  ['6G', dec(6, 9, 'DecimalSI')],
  ['5T', dec(5, 12, 'DecimalSI')],
  ['40T', dec(4, 13, 'DecimalSI')],
  ['300T', dec(3, 14, 'DecimalSI')],
  ['2P', dec(2, 15, 'DecimalSI')],
  ['1E', dec(1, 18, 'DecimalSI')],
  // Decimal exponents
  ['1E-3', dec(1, -3, 'DecimalExponent')],
  ['1e3', dec(1, 3, 'DecimalExponent')],
  ['1E6', dec(1, 6, 'DecimalExponent')],
  ['1e9', dec(1, 9, 'DecimalExponent')],
  ['1E12', dec(1, 12, 'DecimalExponent')],
  ['1e15', dec(1, 15, 'DecimalExponent')],
  ['1E18', dec(1, 18, 'DecimalExponent')],
  // Nonstandard but still parsable
  ['1e14', dec(1, 14, 'DecimalExponent')],
  ['1e13', dec(1, 13, 'DecimalExponent')],
  ['1e3', dec(1, 3, 'DecimalExponent')],
  ['100.035k', dec(100035, 0, 'DecimalSI')],
  // Things that look like floating point
  ['0.001', dec(1, -3, 'DecimalSI')],
  ['0.0005k', dec(5, -1, 'DecimalSI')],
  ['0.005', dec(5, -3, 'DecimalSI')],
  ['0.05', dec(5, -2, 'DecimalSI')],
  ['0.5', dec(5, -1, 'DecimalSI')],
  ['0.00050k', dec(5, -1, 'DecimalSI')],
  ['0.00500', dec(5, -3, 'DecimalSI')],
  ['0.05000', dec(5, -2, 'DecimalSI')],
  ['0.50000', dec(5, -1, 'DecimalSI')],
  ['0.5e0', dec(5, -1, 'DecimalExponent')],
  ['0.5e-1', dec(5, -2, 'DecimalExponent')],
  ['0.5e-2', dec(5, -3, 'DecimalExponent')],
  ['0.5e0', dec(5, -1, 'DecimalExponent')],
  ['10.035M', dec(10035, 3, 'DecimalSI')],
  ['1.2e3', dec(12, 2, 'DecimalExponent')],
  ['1.3E+6', dec(13, 5, 'DecimalExponent')],
  ['1.40e9', dec(14, 8, 'DecimalExponent')],
  ['1.53E12', dec(153, 10, 'DecimalExponent')],
  ['1.6e15', dec(16, 14, 'DecimalExponent')],
  ['1.7E18', dec(17, 17, 'DecimalExponent')],
  ['9.01', dec(901, -2, 'DecimalSI')],
  ['8.1k', dec(81, 2, 'DecimalSI')],
  ['7.123456M', dec(7123456, 0, 'DecimalSI')],
  ['6.987654321G', dec(6987654321, 0, 'DecimalSI')],
  ['5.444T', dec(5444, 9, 'DecimalSI')],
  ['40.1T', dec(401, 11, 'DecimalSI')],
  ['300.2T', dec(3002, 11, 'DecimalSI')],
  ['2.5P', dec(25, 14, 'DecimalSI')],
  ['1.01E', dec(101, 16, 'DecimalSI')],
  // Things that saturate/round
  ['3.001n', dec(4, -9, 'DecimalSI')],
  ['1.1E-9', dec(2, -9, 'DecimalExponent')],
  ['0.0000000001', dec(1, -9, 'DecimalSI')],
  ['0.0000000005', dec(1, -9, 'DecimalSI')],
  ['0.00000000050', dec(1, -9, 'DecimalSI')],
  ['0.5e-9', dec(1, -9, 'DecimalExponent')],
  ['0.9n', dec(1, -9, 'DecimalSI')],
  ['0.00000012345', dec(124, -9, 'DecimalSI')],
  ['0.00000012354', dec(124, -9, 'DecimalSI')],
  ['9Ei', dec('9223372036854775807', 0, 'BinarySI')], // Quantity{d: maxAllowed, Format: BinarySI}
  ['9223372036854775807Ki', dec('9223372036854775807', 0, 'BinarySI')], // maxAllowed
  ['12E', dec(12, 18, 'DecimalSI')],
  // We'll accept fractional binary stuff, too.
  ['100.035Ki', dec(10243584, -2, 'BinarySI')],
  ['0.5Mi', dec(0.5 * 1024 * 1024, 0, 'BinarySI')],
  ['0.05Gi', dec(536870912, -1, 'BinarySI')],
  ['0.025Ti', dec(274877906944, -1, 'BinarySI')],
  // Things written by trolls
  ['0.000000000001Ki', dec(2, -9, 'DecimalSI')], // rounds up, changes format
  ['.001', dec(1, -3, 'DecimalSI')],
  ['.0001k', dec(100, -3, 'DecimalSI')],
  ['1.', dec(1, 0, 'DecimalSI')],
  ['1.G', dec(1, 9, 'DecimalSI')],
];

/** `TestQuantityParse`, `invalid`: inputs that must be rejected. */
export const TEST_QUANTITY_PARSE_INVALID: ReadonlyArray<string> = [
  '1.1.M',
  '1+1.0M',
  '0.1mi',
  '0.1am',
  'aoeu',
  '.5i',
  '1i',
  '-3.01i',
  '-3.01e-',
  // an exponent outside the int32 scale is rejected rather than truncated
  '1e4294967297',
  // trailing whitespace is forbidden
  ' 1',
  '1 ',
];

/**
 * `TestQuantityString`: amount -> canonical string, and an alternate spelling that must
 * print the same canonical string ('' when upstream gives none).
 */
export const TEST_QUANTITY_STRING: ReadonlyArray<[DecQuantity, string, string]> = [
  [dec(1024 * 1024 * 1024, 0, 'BinarySI'), '1Gi', '1024Mi'],
  [dec(300 * 1024 * 1024, 0, 'BinarySI'), '300Mi', '307200Ki'],
  [dec(6 * 1024, 0, 'BinarySI'), '6Ki', ''],
  [dec(1001 * 1024 * 1024 * 1024, 0, 'BinarySI'), '1001Gi', '1025024Mi'],
  [dec(1024 * 1024 * 1024 * 1024, 0, 'BinarySI'), '1Ti', '1024Gi'],
  [dec(5, 0, 'BinarySI'), '5', '5000m'],
  [dec(500, -3, 'BinarySI'), '500m', '0.5'],
  [dec(1, 9, 'DecimalSI'), '1G', '1000M'],
  [dec(1000, 6, 'DecimalSI'), '1G', '0.001T'],
  [dec(1000000, 3, 'DecimalSI'), '1G', ''],
  [dec(1000000000, 0, 'DecimalSI'), '1G', ''],
  [dec(1, -3, 'DecimalSI'), '1m', '1000u'],
  [dec(80, -3, 'DecimalSI'), '80m', ''],
  [dec(1080, -3, 'DecimalSI'), '1080m', '1.08'],
  [dec(108, -2, 'DecimalSI'), '1080m', '1080000000n'],
  [dec(10800, -4, 'DecimalSI'), '1080m', ''],
  [dec(300, 6, 'DecimalSI'), '300M', ''],
  [dec(1, 12, 'DecimalSI'), '1T', ''],
  // DecimalSI has no suffix beyond "E" (10^18): exponent notation instead.
  [dec(1, 18, 'DecimalSI'), '1E', ''],
  [dec(1, 21, 'DecimalSI'), '1e21', '1000E'],
  [dec(5, 21, 'DecimalSI'), '5e21', '5000E'],
  [dec(1, 24, 'DecimalSI'), '1e24', '1000000E'],
  // BinarySI has no suffix beyond "Ei" (2^60): exact decimal instead.
  [dec(1, 70, 'BinarySI'), '10e69', ''],
  [dec(2, 70, 'BinarySI'), '20e69', ''],
  [dec(1, 72, 'BinarySI'), '1e72', ''],
  [dec(1234567, 6, 'DecimalSI'), '1234567M', ''],
  [dec(1234567, -3, 'BinarySI'), '1234567m', ''],
  [dec(3, 3, 'DecimalSI'), '3k', ''],
  [dec(1025, 0, 'BinarySI'), '1025', ''],
  [dec(0, 0, 'DecimalSI'), '0', ''],
  [dec(0, 0, 'BinarySI'), '0', ''],
  [dec(1, 9, 'DecimalExponent'), '1e9', '.001e12'],
  [dec(1, -3, 'DecimalExponent'), '1e-3', '0.001e0'],
  [dec(1, -9, 'DecimalExponent'), '1e-9', '1000e-12'],
  [dec(80, -3, 'DecimalExponent'), '80e-3', ''],
  [dec(300, 6, 'DecimalExponent'), '300e6', ''],
  [dec(1, 12, 'DecimalExponent'), '1e12', ''],
  [dec(1, 3, 'DecimalExponent'), '1e3', ''],
  [dec(3, 3, 'DecimalExponent'), '3e3', ''],
  [dec(3, 3, 'DecimalSI'), '3k', ''],
  [dec(0, 0, 'DecimalExponent'), '0', '00'],
  [dec(1, -9, 'DecimalSI'), '1n', ''],
  [dec(80, -9, 'DecimalSI'), '80n', ''],
  [dec(1080, -9, 'DecimalSI'), '1080n', ''],
  [dec(108, -8, 'DecimalSI'), '1080n', ''],
  [dec(10800, -10, 'DecimalSI'), '1080n', ''],
  [dec(1, -6, 'DecimalSI'), '1u', ''],
  [dec(80, -6, 'DecimalSI'), '80u', ''],
  [dec(1080, -6, 'DecimalSI'), '1080u', ''],
];

/** `TestQuantityStringBelowNano`: amounts below 1n (reachable by construction only). */
export const TEST_QUANTITY_STRING_BELOW_NANO: ReadonlyArray<[DecQuantity, string]> = [
  [dec(1, -12, 'DecimalSI'), '1e-12'],
  [dec(1, -10, 'DecimalSI'), '100e-12'],
];

/** `TestBinarySIZeroExponentString`. */
export const TEST_BINARY_SI_ZERO_EXPONENT_STRING: ReadonlyArray<[DecQuantity, string]> = [
  [dec(2000, 0, 'BinarySI'), '2000'],
  [dec(-2000, 0, 'BinarySI'), '-2000'],
];

/** `TestQuantityParseEmit`: input -> canonical string (and "-" input -> "-" output). */
export const TEST_QUANTITY_PARSE_EMIT: ReadonlyArray<[string, string]> = [
  ['1Ki', '1Ki'],
  ['1Mi', '1Mi'],
  ['1Gi', '1Gi'],
  ['1024Mi', '1Gi'],
  ['1000M', '1G'],
  ['.001Ki', '1024m'],
  ['.000001Ki', '1024u'],
  ['.000000001Ki', '1024n'],
  ['.000000000001Ki', '2n'],
];

/** `TestQuantityCmp`, `table`: x, y -> sign of x.Cmp(y). */
export const TEST_QUANTITY_CMP: ReadonlyArray<[string, string, number]> = [
  ['0', '0', 0],
  ['100m', '50m', 1],
  ['50m', '100m', -1],
  ['10000T', '100Gi', 1],
];

/** `TestQuantityAddZeroPreservesSuffix` / `TestQuantitySubZeroPreservesSuffix`: values. */
export const TEST_QUANTITY_ZERO_PRESERVES_SUFFIX: ReadonlyArray<string> = ['100m', '1Gi'];

/** `TestQuantityNeg`: amount -> canonical string of its negation. */
export const TEST_QUANTITY_NEG: ReadonlyArray<[DecQuantity, string]> = [
  [dec(901, -2, 'DecimalSI'), '-9010m'],
];

/** `TestBinarySIPastEiArithmeticRoundTrip`: 1Ei x 1024 = 2^70 prints its full decimal digits. */
export const TEST_BINARY_SI_PAST_EI: { readonly input: string; readonly factor: number; readonly expect: string } = {
  input: '1Ei',
  factor: 1024,
  expect: '1180591620717411303424',
};

/** `TestParseQuantityString`: inputs apimachinery reads without digits, which we reject (see quantity.ts). */
export const DIGITLESS_INPUTS_ACCEPTED_UPSTREAM: ReadonlyArray<string> = ['.', '-.'];
