import { QuantityFormat } from './quantity-format';

/**
 * What a quantity may look like, appended to every parse error so the reader can fix the
 * value without looking anything up.
 */
export const ALLOWED_QUANTITY_FORMS =
  'a quantity is an optional sign, a decimal number (1, 0.5, .5, 1.5) and an optional suffix: '
  + 'decimal SI (n, u, m, k, M, G, T, P, E), binary SI (Ki, Mi, Gi, Ti, Pi, Ei) '
  + 'or a decimal exponent (e3, E-3), e.g. "100m", "1.5Gi", "1e3"';

/** Decimal SI suffixes and their power of ten (suffix.go, `decSuffixes`). */
const DECIMAL_SUFFIXES: Record<string, number> = { 'n': -9, 'u': -6, 'm': -3, '': 0, 'k': 3, 'M': 6, 'G': 9, 'T': 12, 'P': 15, 'E': 18 };
/** Binary SI suffixes and their power of two (suffix.go, `binSuffixes`). */
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
/** Power of ten -> decimal SI suffix, for printing. */
const DECIMAL_SUFFIX_BY_EXPONENT = new Map<number, string>(Object.entries(DECIMAL_SUFFIXES).map(([s, e]) => [e, s]));
/** Number of 1024 factors -> binary suffix, for printing. */
const BINARY_SUFFIX_BY_POWER = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

/** Exponents are stored in an int32 upstream; wider ones are rejected, not truncated. */
const MAX_EXPONENT = 2147483647;
/** The finest representable amount is 1n (10^-9): finer input is rounded up to it. */
const NANO_EXPONENT = -9;
/** BinarySI input is capped at the largest int64 (quantity.go, `maxAllowed`). */
const MAX_ALLOWED_BINARY = 2n ** 63n - 1n;
/**
 * Aligning two amounts whose exponents differ by more than this many digits would build
 * numbers too large to be a real resource figure; we refuse instead of exhausting memory.
 */
const MAX_ALIGN_DIGITS = 100_000;

/**
 * The grammar of apimachinery's `parseQuantityString`: sign, digits, optional fraction, then
 * suffix letters from `eEinumkKMGTP`, then an optional signed exponent.
 */
const QUANTITY_PATTERN = /^([+-]?)([0-9]*)(?:\.([0-9]*))?([eEinumkKMGTP]*)([+-]?[0-9]*)$/;

/**
 * An exact Kubernetes resource quantity (`100m`, `1.5Gi`, `1e3`), the way
 * `k8s.io/apimachinery/pkg/api/resource.Quantity` parses, adds, compares and prints it.
 *
 * Arithmetic is exact (a BigInt mantissa and a power of ten); no float ever touches a value.
 * `toString()` prints the canonical form of `Quantity.String()`: `1024Mi` prints `1Gi`,
 * `0.5` prints `500m`, and the suffix family follows the form the value was written in.
 *
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/
 */
export class Quantity {
  /**
   * Parses a quantity.
   *
   * Follows apimachinery's `ParseQuantity`: input finer than 1n is rounded up (away from zero)
   * to 1n, binary input is capped at 2^63-1, and a binary value between 0 and 1 is printed in
   * decimal SI. It is stricter in one place, on purpose: apimachinery reads text without any
   * digit (`"."`, `"-"`, `"Gi"`) as zero; we reject it, because such a value is always a typo.
   *
   * @param text the quantity, e.g. `"100m"`, `"1.5Gi"`, `"1e3"`
   * @throws Error naming the value and the allowed forms if `text` is not a quantity
   */
  public static parse(text: string): Quantity {
    const result = parseQuantityCached(text);
    if (typeof result === 'string') {
      throw new Error(`invalid quantity ${JSON.stringify(text)}: ${result}; ${ALLOWED_QUANTITY_FORMS}`);
    }
    return result;
  }

  /**
   * Reads a quantity as it appears in wire-format JSON: a string, or a number (YAML `cpu: 2`
   * or `cpu: 0.5`), which the API server also accepts.
   * @throws Error naming the value and the allowed forms if it is neither
   */
  public static fromJson(value: any): Quantity {
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) {
        throw new Error(`invalid quantity ${String(value)}: not a finite number; ${ALLOWED_QUANTITY_FORMS}`);
      }
      return Quantity.parse(String(value));
    }
    if (typeof value !== 'string') {
      throw new Error(`invalid quantity ${JSON.stringify(value) ?? String(value)}: expected a string or a number, got ${describeType(value)}; ${ALLOWED_QUANTITY_FORMS}`);
    }
    return Quantity.parse(value);
  }

  /**
   * Builds a quantity from an exact amount (`mantissa` x 10^`exponent`). Internal: BigInt must
   * not appear in the jsii surface.
   * @internal
   */
  public static _of(mantissa: bigint, exponent: number, format: QuantityFormat): Quantity {
    return new Quantity(mantissa, exponent, format);
  }

  /** Zero, in decimal SI (prints `0`). */
  public static zero(): Quantity {
    return new Quantity(0n, 0, QuantityFormat.DECIMAL_SI);
  }

  private canonical?: string;
  private magnitude?: number;
  /**
   * The value is `mantissa` x 10^`exponent`. Not normalised (`250m` is 250 x 10^-3, and
   * `500m + 500m` is 1000 x 10^-3): stripping trailing zeros after every operation cost BigInt
   * divisions for every sum synth makes, and keeping the parsed exponent lets sums of the same
   * unit (millicores, bytes) skip aligning. Printing normalises (`canonicalForm`).
   */
  private readonly mantissa: bigint;
  private readonly exponent: number;

  /** The form this quantity prints in. */
  public readonly format: QuantityFormat;

  private constructor(mantissa: bigint, exponent: number, format: QuantityFormat) {
    this.mantissa = mantissa;
    this.exponent = exponent;
    this.format = format;
  }

  /** True when the value is zero (whatever its suffix: `0Mi`, `0m`). */
  public get isZero(): boolean {
    return this.mantissa === 0n;
  }

  /** -1, 0 or 1 as the value is negative, zero or positive. */
  public get sign(): number {
    return this.mantissa === 0n ? 0 : this.mantissa < 0n ? -1 : 1;
  }

  /**
   * The sum. Like apimachinery's `Add`, the result keeps this quantity's format, unless this
   * quantity is zero, in which case it takes the other's (so `0 + 64Mi` prints `64Mi`).
   */
  public add(other: Quantity): Quantity {
    // Same exponent (all millicores, all bytes): no aligning; synth adds quantities for every pod.
    if (this.exponent === other.exponent) {
      return new Quantity(this.mantissa + other.mantissa, this.exponent, this.isZero ? other.format : this.format);
    }
    const [a, b, exponent] = this.align(other);
    return new Quantity(a + b, exponent, this.isZero ? other.format : this.format);
  }

  /** The difference, with the format rule of `add`. */
  public sub(other: Quantity): Quantity {
    const [a, b, exponent] = this.align(other);
    return new Quantity(a - b, exponent, this.isZero ? other.format : this.format);
  }

  /**
   * This quantity times a whole number (e.g. replicas), keeping its format.
   * @throws Error if `factor` is not a safe integer
   */
  public mul(factor: number): Quantity {
    if (!Number.isSafeInteger(factor)) {
      throw new Error(`cannot multiply quantity ${this.toString()} by ${factor}: the factor must be a whole number`);
    }
    return new Quantity(this.mantissa * BigInt(factor), this.exponent, this.format);
  }

  /** Negative, zero or positive as this quantity is less than, equal to or more than `other`. */
  public cmp(other: Quantity): number {
    if (this.exponent === other.exponent) return this.mantissa === other.mantissa ? 0 : this.mantissa < other.mantissa ? -1 : 1;
    if (this.sign !== other.sign) return this.sign < other.sign ? -1 : 1;
    if (this.sign === 0) return 0;
    // Same sign: compare magnitudes by their order of magnitude first, so values with
    // exponents far apart (1e2000000000 vs 1) never need aligning.
    const ma = this.orderOfMagnitude();
    const mb = other.orderOfMagnitude();
    if (ma !== mb) return (ma < mb ? -1 : 1) * this.sign;
    const [a, b] = this.align(other);
    return a === b ? 0 : a < b ? -1 : 1;
  }

  /** Digits of the mantissa plus the exponent; computed once (quantities are immutable, cmp is hot). */
  private orderOfMagnitude(): number {
    this.magnitude ??= digitCount(this.mantissa) + this.exponent;
    return this.magnitude;
  }

  /** True when both quantities have the same value (`1Gi` equals `1024Mi`; formats may differ). */
  public isEqualTo(other: Quantity): boolean {
    return this.cmp(other) === 0;
  }

  /** The larger of the two; this one when they are equal (as apimachinery's `maxResourceList`). */
  public max(other: Quantity): Quantity {
    return other.cmp(this) > 0 ? other : this;
  }

  /** The canonical form, exactly as apimachinery's `Quantity.String()` prints it. */
  public toString(): string {
    // Quantities are immutable, so the canonical form is computed once.
    this.canonical ??= this.canonicalForm();
    return this.canonical;
  }

  private canonicalForm(): string {
    if (this.isZero) return '0';
    const [mantissa, exponent] = normalise(this.mantissa, this.exponent);
    if (this.format === QuantityFormat.BINARY_SI) {
      const binary = toBinaryString(mantissa, exponent);
      if (binary !== undefined) return binary;
      return toDecimalString(mantissa, exponent, QuantityFormat.DECIMAL_SI);
    }
    return toDecimalString(mantissa, exponent, this.format);
  }

  /** JSON form: the canonical string, as the API server serialises quantities. */
  public toJSON(): string {
    return this.toString();
  }

  /** Both mantissas brought to the smaller exponent. */
  private align(other: Quantity): [bigint, bigint, number] {
    if (this.mantissa === 0n) return [0n, other.mantissa, other.exponent];
    if (other.mantissa === 0n) return [this.mantissa, 0n, this.exponent];
    const exponent = Math.min(this.exponent, other.exponent);
    if (Math.max(this.exponent, other.exponent) - exponent > MAX_ALIGN_DIGITS) {
      // Trailing zeros may be what puts them apart (1.000000000 vs 1e...): decide on normalised values.
      const [ma, ea] = normalise(this.mantissa, this.exponent);
      const [mb, eb] = normalise(other.mantissa, other.exponent);
      if (ma !== this.mantissa || mb !== other.mantissa) {
        return new Quantity(ma, ea, this.format).align(new Quantity(mb, eb, other.format));
      }
      throw new Error(`cannot combine quantities ${this.toString()} and ${other.toString()} exactly: their magnitudes are more than ${MAX_ALIGN_DIGITS} orders apart`);
    }
    return [
      this.mantissa * 10n ** BigInt(this.exponent - exponent),
      other.mantissa * 10n ** BigInt(other.exponent - exponent),
      exponent,
    ];
  }

}

/**
 * `parseQuantity` behind a small cache: synth parses the same few quantities ("50m", "64Mi") for
 * every pod, and a parsed Quantity is immutable, so it can be shared. Bounded: cleared when full.
 */
export function parseQuantityCached(text: string): Quantity | string {
  if (typeof text !== 'string') return parseQuantity(text);
  let result = PARSED.get(text);
  if (result === undefined) {
    result = parseQuantity(text);
    if (PARSED.size >= PARSED_MAX) PARSED.clear();
    PARSED.set(text, result);
  }
  return result;
}

const PARSED = new Map<string, Quantity | string>();
const PARSED_MAX = 4096;

/**
 * Parses a quantity; returns the reason as a string when it is not one. Internal: the public
 * surface is `Quantity.parse`, which throws.
 */
export function parseQuantity(text: string): Quantity | string {
  if (typeof text !== 'string') return `expected a string, got ${describeType(text)}`;
  if (text === '') return 'the value is empty';
  const m = QUANTITY_PATTERN.exec(text);
  if (!m) return describeBadShape(text);
  const [, sign, whole, fraction = '', letters, exponentText] = m;
  if (whole === '' && fraction === '') return 'no digits before the suffix';

  let format: QuantityFormat;
  let power10 = 0;
  let power2 = 0;
  if (exponentText !== '') {
    if (letters !== 'e' && letters !== 'E') return `unknown suffix ${JSON.stringify(letters + exponentText)}`;
    if (!/[0-9]/.test(exponentText)) return `the exponent ${JSON.stringify(letters + exponentText)} has no digits`;
    const e = Number(exponentText);
    if (!Number.isSafeInteger(e) || Math.abs(e) > MAX_EXPONENT) return `the exponent ${exponentText} is outside -${MAX_EXPONENT}..${MAX_EXPONENT}`;
    format = QuantityFormat.DECIMAL_EXPONENT;
    power10 = e;
  } else if (letters in DECIMAL_SUFFIXES) {
    format = QuantityFormat.DECIMAL_SI;
    power10 = DECIMAL_SUFFIXES[letters];
  } else if (letters in BINARY_SUFFIXES) {
    format = QuantityFormat.BINARY_SI;
    power2 = BINARY_SUFFIXES[letters];
  } else {
    return `unknown suffix ${JSON.stringify(letters)}`;
  }

  let mantissa = BigInt(whole + fraction) * 2n ** BigInt(power2);
  let exponent = power10 - fraction.length;
  if (mantissa !== 0n && exponent < NANO_EXPONENT) {
    // Round up to 1n, "if you want some resources, you should get some resources" (quantity.go).
    const shift = NANO_EXPONENT - exponent;
    if (shift > digitCount(mantissa)) {
      mantissa = 1n;
    } else {
      const divisor = 10n ** BigInt(shift);
      mantissa = (mantissa + divisor - 1n) / divisor;
    }
    exponent = NANO_EXPONENT;
  }
  if (format === QuantityFormat.BINARY_SI) {
    const scaledValue = exponent >= 0 ? mantissa * 10n ** BigInt(exponent) : mantissa;
    const scaledMax = exponent >= 0 ? MAX_ALLOWED_BINARY : MAX_ALLOWED_BINARY * 10n ** BigInt(-exponent);
    if (scaledValue > scaledMax) {
      mantissa = MAX_ALLOWED_BINARY;
      exponent = 0;
    } else if (mantissa !== 0n && exponent < 0 && mantissa < 10n ** BigInt(-exponent)) {
      // A binary amount below 1 (e.g. 0.000000000001Ki) is kept in decimal SI to avoid rounding.
      format = QuantityFormat.DECIMAL_SI;
    }
  }
  if (sign === '-') mantissa = -mantissa;
  return Quantity._of(mantissa, exponent, format);
}

function describeBadShape(text: string): string {
  if (/\s/.test(text)) return 'whitespace is not allowed';
  if ((text.match(/\./g) ?? []).length > 1) return 'more than one decimal point';
  const m = /^[+-]?[0-9]*(?:\.[0-9]*)?(.*)$/.exec(text);
  const rest = m ? m[1] : text;
  return `unknown suffix ${JSON.stringify(rest)}`;
}

function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

function normalise(mantissa: bigint, exponent: number): [bigint, number] {
  if (mantissa === 0n) return [0n, 0];
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent++;
  }
  return [mantissa, exponent];
}

function digitCount(n: bigint): number {
  return (n < 0n ? -n : n).toString().length;
}

/**
 * BinarySI printing (`CanonicalizeBytes`): values with magnitude under 1024 and values with a
 * fraction print in decimal SI; so do values with more than six factors of 1024 (past `Ei`).
 */
function toBinaryString(mantissa: bigint, exponent: number): string | undefined {
  if (exponent < 0) return undefined; // has a fraction
  const value = mantissa * 10n ** BigInt(exponent);
  const magnitude = value < 0n ? -value : value;
  if (magnitude < 1024n) return undefined;
  let rest = value;
  let power = 0;
  while (rest % 1024n === 0n) {
    rest /= 1024n;
    power++;
  }
  if (power >= BINARY_SUFFIX_BY_POWER.length) return undefined;
  return `${rest}${BINARY_SUFFIX_BY_POWER[power]}`;
}

/**
 * Decimal printing (`AsCanonicalBytes`): the exponent is lowered to a multiple of three and
 * printed as a decimal SI suffix; past `E` or below `n`, and in DecimalExponent, as `e<exp>`.
 */
function toDecimalString(mantissa: bigint, exponent: number, format: QuantityFormat): string {
  const printed = Math.floor(exponent / 3) * 3;
  const digits = mantissa * 10n ** BigInt(exponent - printed);
  if (format === QuantityFormat.DECIMAL_SI) {
    const suffix = DECIMAL_SUFFIX_BY_EXPONENT.get(printed);
    if (suffix !== undefined) return `${digits}${suffix}`;
  }
  return printed === 0 ? `${digits}` : `${digits}e${printed}`;
}
