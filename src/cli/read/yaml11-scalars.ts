/**
 * How kubectl turns a YAML scalar into a JSON value: the YAML 1.1 resolution of sigs.k8s.io/yaml's
 * goyaml.v2 (`resolve.go`), followed by the JSON conversion of sigs.k8s.io/yaml (`yaml.go`,
 * `convertToJSONableObject`). Written from their behaviour as `kubectl label --local -o json` shows it
 * (recorded in test/fixtures/kubectl-reading/), not from their code:
 *
 * - a plain scalar's first character decides what it may be: `+`, `-` or a digit: a number; one of
 *   `yYnNtTfFoO~`: a word of the table below; `.`: a float or `.inf`/`.nan`; anything else: a string;
 * - booleans are YAML 1.1's `y`, `yes`, `on`, `true` (and `n`, `no`, `off`, `false`) in three casings;
 * - integers are Go's `strconv.ParseInt(s, 0, 64)` after removing every `_`: `0x`, `0o`, `0b` prefixes
 *   (either case), a leading `0` for octal, a sign; then `ParseUint` for 2^63..2^64-1; no wider integers;
 * - floats are decimal only (`1.5`, `.5`, `1e3`); a float beyond float64 stays a string; `-0` reads as `0`;
 * - `.inf`, `-.inf`, `.nan` are read, but no JSON can hold them: kubectl refuses the file (keys excepted);
 * - timestamps stay the strings they were written as.
 *
 * Keys are converted to JSON strings: integers in decimal, floats as Go's `FormatFloat(f, 'g', -1, 32)`,
 * booleans as `true`/`false`; a null or a 2^63..2^64-1 key makes kubectl refuse the file.
 */

/** What a scalar reads as, before the JSON conversion. */
export type ScalarKind = 'str' | 'bool' | 'null' | 'int' | 'uint' | 'float' | 'merge';

export interface ResolvedScalar {
  readonly kind: ScalarKind;
  /** The JSON-side value: a string, boolean, null or number (NaN and +-Infinity for the specials). */
  readonly value: unknown;
  /** Integers: the exact value, for keys beyond 2^53. */
  readonly exact?: bigint;
}

const WORDS = new Map<string, ResolvedScalar>();
function words(value: unknown, kind: ScalarKind, list: string[]): void {
  for (const w of list) WORDS.set(w, { kind, value });
}
words(true, 'bool', ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
words(false, 'bool', ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
words(null, 'null', ['', '~', 'null', 'Null', 'NULL']);
words(NaN, 'float', ['.nan', '.NaN', '.NAN']);
words(Infinity, 'float', ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']);
words(-Infinity, 'float', ['-.inf', '-.Inf', '-.INF']);
words('<<', 'merge', ['<<']);

/** The first character's hint: 1 number, 2 a word of the table, 3 `.`, 0 always a string. */
const HINT = new Uint8Array(128);
for (const c of '+-0123456789') HINT[c.charCodeAt(0)] = 1;
for (const c of 'yYnNtTfFoO~') HINT[c.charCodeAt(0)] = 2;
HINT['.'.charCodeAt(0)] = 3;
HINT['<'.charCodeAt(0)] = 2;

const DECIMAL_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/**
 * Resolves a plain (unquoted, untagged) scalar. Returns `undefined` when it is a string, which is
 * by far the most common case and costs one table look-up.
 */
export function resolvePlain(text: string): ResolvedScalar | undefined {
  const hint = text.length === 0 ? 2 : text.charCodeAt(0) < 128 ? HINT[text.charCodeAt(0)] : 0;
  if (hint === 0) return undefined;
  // Every word of the table has at most 6 characters (`+.inf`, `False`): most keys and values are longer.
  const word = text.length <= 6 ? WORDS.get(text) : undefined;
  if (word !== undefined) return word;
  if (hint === 3) {
    const f = goFloat(text);
    return f === undefined ? undefined : { kind: 'float', value: f };
  }
  if (hint !== 1) return undefined;
  return resolveNumber(text);
}

/** Characters a number may hold (digits, signs, `.`, `_`, exponents, prefixes, hex digits). */
const NUMBER_CHAR = new Uint8Array(128);
for (const c of '0123456789+-._eExXoObBaAcCdDfF') NUMBER_CHAR[c.charCodeAt(0)] = 1;

function resolveNumber(text: string): ResolvedScalar | undefined {
  // `128Mi`, `50m`, `-c`, `8080/TCP`: most scalars that start like a number are strings; say so in one scan.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || NUMBER_CHAR[c] === 0) return undefined;
  }
  const plain = text.indexOf('_') === -1 ? text : text.replace(/_/g, '');
  const int = parseGoInt(plain);
  if (int !== undefined) {
    if (int >= INT64_MIN && int <= INT64_MAX) return { kind: 'int', value: Number(int), exact: int };
    // ParseUint takes no sign.
    if (int > 0n && int <= UINT64_MAX && plain.charCodeAt(0) !== 43) return { kind: 'uint', value: Number(int), exact: int };
  }
  if (DECIMAL_FLOAT.test(plain)) {
    const f = goFloat(plain);
    if (f !== undefined) return { kind: 'float', value: f };
  }
  return undefined;
}

/** Go's `strconv.ParseFloat(s, 64)` on decimal syntax: `undefined` when it fails or overflows; `-0` reads as `0`. */
function goFloat(text: string): number | undefined {
  if (text.indexOf('_') !== -1 || /[^0-9eE.+-]/.test(text)) return undefined;
  const f = Number(text);
  if (!Number.isFinite(f)) return undefined;
  return f === 0 ? 0 : f;
}

/**
 * Go's `strconv.ParseInt(s, 0, 64)` syntax, without the range check: a sign, then `0x`/`0X` hex,
 * `0b`/`0B` binary, `0o`/`0O` or a leading `0` octal, else decimal. `undefined` on a syntax error.
 */
export function parseGoInt(s: string): bigint | undefined {
  let i = 0;
  let negative = false;
  if (s.charCodeAt(0) === 43 || s.charCodeAt(0) === 45) {
    negative = s.charCodeAt(0) === 45;
    i = 1;
  }
  let digits = s.slice(i);
  let base = 10;
  if (digits.length >= 2 && digits[0] === '0') {
    const p = digits[1];
    if (p === 'x' || p === 'X') { base = 16; digits = digits.slice(2); } else if (p === 'b' || p === 'B') { base = 2; digits = digits.slice(2); } else if (p === 'o' || p === 'O') { base = 8; digits = digits.slice(2); } else { base = 8; digits = digits.slice(1); }
  }
  if (digits.length === 0) return undefined;
  const valid = base === 16 ? /^[0-9a-fA-F]+$/ : base === 10 ? /^[0-9]+$/ : base === 8 ? /^[0-7]+$/ : /^[01]+$/;
  if (!valid.test(digits)) return undefined;
  const prefix = base === 16 ? '0x' : base === 8 ? '0o' : base === 2 ? '0b' : '';
  const v = BigInt(prefix + digits);
  return negative ? -v : v;
}

const RESOLVABLE = new Set(['!!bool', '!!int', '!!float', '!!null', '!!timestamp']);

/**
 * A scalar with an explicit tag (`!!int "12"`, `!!str yes`, `!custom x`), quoted or not: the value,
 * or an error message as goyaml.v2 words it. Local and unknown tags are not resolved: the scalar
 * stays the string written.
 */
export function resolveTagged(tag: string, text: string): ResolvedScalar | { error: string } {
  const short = tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
  if (short === '!!binary') return decodeBinary(text);
  if (!RESOLVABLE.has(short)) return { kind: 'str', value: text };
  if (short === '!!timestamp' && isTimestamp(text)) return { kind: 'str', value: text };
  const r = resolvePlain(text) ?? { kind: 'str', value: text };
  const got = r.kind === 'uint' ? '!!int' : `!!${r.kind}`;
  if (got === short) return r;
  if (short === '!!float' && got === '!!int') return { kind: 'float', value: r.value };
  return { error: `cannot decode ${got} \`${text}\` as a ${short}` };
}

/** goyaml.v2's timestamp formats: `2006-1-2`, `2006-1-2T15:4:5.999999999Z07:00` (also `t`), `2006-1-2 15:4:5.999999999`. */
export function isTimestamp(s: string): boolean {
  return /^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2}))|(?: \d{1,2}:\d{1,2}:\d{1,2}(?:\.\d{1,9})?))?$/.test(s);
}

function decodeBinary(text: string): ResolvedScalar | { error: string } {
  const compact = text.replace(/[\s]/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) {
    return { error: '!!binary value contains invalid base64 data' };
  }
  // The bytes become a Go string, and encoding/json writes invalid UTF-8 as U+FFFD, as the text decoder does.
  return { kind: 'str', value: decodeUtf8Go(Buffer.from(compact, 'base64')) };
}

/**
 * The JSON key kubectl makes of a resolved key scalar, or an error message (null keys and
 * 2^63..2^64-1 keys have no JSON form in sigs.k8s.io/yaml).
 */
export function keyString(r: ResolvedScalar): string | { error: string } {
  switch (r.kind) {
    case 'str': case 'merge': return String(r.value);
    case 'bool': return r.value ? 'true' : 'false';
    case 'null': return { error: 'unsupported map key of type <nil>: a null key (write it quoted to mean the string)' };
    case 'uint': return { error: `unsupported map key of type uint64 (${String(r.exact)})` };
    case 'int': return String(r.exact ?? r.value);
    case 'float': return goFormatFloat32(r.value as number);
  }
}

/** Go's `strconv.FormatFloat(f, 'g', -1, 32)`, with sigs.k8s.io/yaml's `.inf`, `-.inf`, `.nan`. */
export function goFormatFloat32(f: number): string {
  if (Number.isNaN(f)) return '.nan';
  if (f === Infinity) return '.inf';
  if (f === -Infinity) return '-.inf';
  const target = Math.fround(f);
  if (target === 0) return Object.is(target, -0) ? '-0' : '0';
  if (!Number.isFinite(target)) return target > 0 ? '+Inf' : '-Inf';
  // The shortest decimal that reads back as the same float32.
  let digits = '';
  let exp = 0;
  for (let p = 1; p <= 9; p++) {
    const s = Math.abs(target).toExponential(p - 1);
    if (Math.fround(Number(s)) === Math.abs(target)) {
      const [mantissa, e] = s.split('e');
      digits = mantissa.replace('.', '').replace(/0+$/, '') || '0';
      exp = Number(e);
      break;
    }
  }
  const sign = target < 0 ? '-' : '';
  // 'g' with the shortest digits: %e when the exponent is below -4 or at least 6 (Go's eprec for -1).
  if (exp < -4 || exp >= 6) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp) < 10 ? `0${Math.abs(exp)}` : String(Math.abs(exp));
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${e}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return `${sign}${digits}${'0'.repeat(exp + 1 - digits.length)}`;
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

/**
 * UTF-8 to text as Go decodes it (`unicode.UTF8.NewDecoder()`, encoding/json): each byte that
 * does not start or continue a valid sequence becomes one U+FFFD.
 */
export function decodeUtf8Go(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  let runStart = 0;
  const flush = (end: number) => {
    if (end > runStart) out += Buffer.from(bytes.buffer, bytes.byteOffset + runStart, end - runStart).toString('utf-8');
  };
  while (i < bytes.length) {
    const n = validSequenceLength(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    flush(i);
    out += '\uFFFD';
    i++;
    runStart = i;
  }
  flush(i);
  return out;
}

/** Length of the valid UTF-8 sequence at `i`, or 0. */
export function validSequenceLength(b: Uint8Array, i: number): number {
  const c = b[i];
  if (c < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < b.length && b[i + k] >= lo && b[i + k] <= hi;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (c === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (c === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xf1 && c <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}
