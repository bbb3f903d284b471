import { Alias, Composer, Document, isAlias, isMap, isScalar, isSeq, LineCounter, Node, Pair, Parser, Scalar } from 'yaml';
import { keyString, resolvePlain, resolveTagged, ResolvedScalar } from './yaml11-scalars';

/**
 * The exact reader: one YAML document, read with the `yaml` package for its syntax tree and
 * positions, converted to JSON by the rules of kubectl's goyaml.v2 and sigs.k8s.io/yaml
 * (yaml11-scalars.ts for scalars; here: tags, aliases, merge keys, key conversion, limits).
 * Slower than the fast path (fast-yaml.ts), so it reads only what the fast path leaves, and
 * re-reads a document when a finding needs a position in it.
 */

/** kubectl's goyaml.v2 refuses nesting deeper than 10,000 levels; this reader stops at 1,000 (see docs/cli.md). */
export const MAX_DEPTH = 1000;
export const TOO_DEEP = `nested deeper than this tool reads (${MAX_DEPTH.toLocaleString('en-US')} levels; kubectl reads 10,000); no Kubernetes object nests that deep`;
/** goyaml.v2 finds a plain (implicit) key only within 1,024 characters. */
const MAX_IMPLICIT_KEY = 1024;

/** An input problem inside one document, at a character offset of its text. */
export class YamlReadError extends Error {
  constructor(message: string, public readonly offset: number) {
    super(message);
    this.name = 'YamlReadError';
  }
}

/** A parsed document and how to find positions in it. */
export interface ParsedYaml {
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** The text parsed (lone CRs made LF). */
  readonly text: string;
}

/** Parses one document's text (only its first document counts, as for kubectl). */
export function parseYaml(source: string): ParsedYaml {
  // A lone CR ends a line in YAML (goyaml.v2 and js-yaml read it so); the `yaml` package wants LF.
  // Same length, so every offset stays an offset of the source.
  const text = /\r(?!\n)/.test(source) ? source.replace(/\r(?!\n)/g, '\n') : source;
  const lineCounter = new LineCounter();
  const parser = new Parser(lineCounter.addNewLine);
  // Only the syntax: every scalar is resolved here, by kubectl's rules, not by a YAML schema.
  const composer = new Composer({ schema: 'failsafe', uniqueKeys: false, merge: false, prettyErrors: false, strict: false });
  let first: Document.Parsed | undefined;
  for (const doc of composer.compose(parser.parse(text))) {
    if (!first) first = doc as Document.Parsed;
  }
  return { doc: first ?? new Document() as Document.Parsed, lineCounter, text };
}

/**
 * Converts a parsed document to the value kubectl reads. Throws `YamlReadError` for what kubectl
 * refuses: syntax errors, unknown aliases, invalid merges, keys with no JSON form, tag mismatches,
 * `.inf`/`.nan` values, excessive aliasing, nesting deeper than `MAX_DEPTH`.
 */
export function toKubectlValue(parsed: ParsedYaml): unknown {
  const { doc } = parsed;
  // Escapes are checked (and double-quoted scalars decoded) by goyaml.v2's rules below, which
  // differ from YAML 1.2's: `\'` is valid there and `\/` is not.
  const syntax = doc.errors.find((e) => e.code !== 'BAD_DQ_ESCAPE');
  if (syntax) {
    const message = firstLine(syntax.message);
    throw new YamlReadError(/call stack/i.test(message) ? TOO_DEEP : `YAML syntax error: ${message}`, syntax.pos[0]);
  }
  try {
    return new Converter(doc, parsed.text).value(doc.contents, 0);
  } catch (e) {
    if (e instanceof RangeError) throw new YamlReadError(TOO_DEEP, 0);
    throw e;
  }
}

/**
 * goyaml.v2's guard against alias bombs (decode.go): once more than 100 of over 1,000 decoded
 * nodes came through aliases, the share of aliased nodes may not exceed a ratio that falls from
 * 99% (up to 400,000 decodes) to 10% (from 4,000,000).
 */
function allowedAliasRatio(decodes: number): number {
  if (decodes <= 400_000) return 0.99;
  if (decodes >= 4_000_000) return 0.10;
  return 0.99 - 0.89 * ((decodes - 400_000) / 3_600_000);
}

class Converter {
  private decodes = 0;
  private aliased = 0;
  private aliasDepth = 0;
  private readonly expanding = new Set<Node>();

  constructor(private readonly doc: Document.Parsed, private readonly text: string) {}

  public value(node: unknown, depth: number): unknown {
    this.count(node);
    if (depth > MAX_DEPTH) throw new YamlReadError(TOO_DEEP, offsetOf(node));
    if (node === null || node === undefined) return null;
    if (isAlias(node)) return this.viaAlias(node, (target) => this.value(target, depth));
    if (isScalar(node)) return this.scalarValue(node);
    if (isSeq(node)) return node.items.map((item) => this.value(item, depth + 1));
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      this.fillMap(out, node.items, depth);
      return out;
    }
    throw new YamlReadError('unsupported YAML node', offsetOf(node));
  }

  /** Sets the pairs on `out` in goyaml.v2's order: later keys win, and a merge overwrites the keys before it. */
  private fillMap(out: Record<string, unknown>, pairs: Pair[], depth: number): void {
    for (const pair of pairs) {
      if (isMergeKey(pair.key)) {
        this.merge(out, pair.value, depth);
        continue;
      }
      const key = this.key(pair.key);
      setOwn(out, key, this.value(pair.value, depth + 1));
    }
  }

  private merge(out: Record<string, unknown>, source: unknown, depth: number): void {
    const wantMap = () => new YamlReadError('map merge requires map or sequence of maps as the value', offsetOf(source));
    const mergeOne = (n: unknown) => {
      this.count(n);
      if (isAlias(n)) {
        this.viaAlias(n, (target) => {
          if (!isMap(target)) throw wantMap();
          this.fillMap(out, target.items, depth + 1);
          return undefined;
        });
      } else if (isMap(n)) {
        this.fillMap(out, n.items, depth + 1);
      } else {
        throw wantMap();
      }
    };
    if (isSeq(source)) {
      // Earlier maps take precedence: merge them last.
      for (let i = source.items.length - 1; i >= 0; i--) mergeOne(source.items[i]);
    } else {
      mergeOne(source);
    }
  }

  private key(node: unknown): string {
    this.count(node);
    const target = isAlias(node) ? this.resolveAlias(node) : node;
    if (isMap(target) || isSeq(target)) {
      throw new YamlReadError('invalid map key: a mapping key is a collection; Kubernetes objects take only string keys', offsetOf(node));
    }
    if (target === null || target === undefined) {
      throw new YamlReadError('unsupported map key of type <nil>: an empty key', offsetOf(node));
    }
    const range = (node as Node).range;
    if (range && range[1] - range[0] > MAX_IMPLICIT_KEY && !this.explicitKey(range[0])) {
      throw new YamlReadError(`a key longer than ${MAX_IMPLICIT_KEY} characters must be written as an explicit key (\`? key\`); kubectl refuses it`, range[0]);
    }
    const r = this.resolveScalar(target as Scalar);
    const k = keyString(r);
    if (typeof k !== 'string') throw new YamlReadError(k.error, offsetOf(node));
    return k;
  }

  private scalarValue(node: Scalar): unknown {
    const r = this.resolveScalar(node);
    if (r.kind === 'float' && !Number.isFinite(r.value as number)) {
      throw new YamlReadError(`${String(node.source)} (${r.value}) has no JSON value; kubectl refuses it (quote it to mean the string)`, offsetOf(node));
    }
    return r.value;
  }

  /** True if the key starting at `offset` follows a `?` indicator. */
  private explicitKey(offset: number): boolean {
    let i = offset - 1;
    while (i >= 0 && (this.text[i] === ' ' || this.text[i] === '\t')) i--;
    return i >= 0 && this.text[i] === '?';
  }

  private resolveScalar(node: Scalar): ResolvedScalar {
    let text = typeof node.source === 'string' ? node.source : String(node.value ?? '');
    if (node.type === 'QUOTE_DOUBLE' && node.range) {
      const decoded = decodeDoubleQuoted(this.text.slice(node.range[0], node.range[1]));
      if (typeof decoded !== 'string') throw new YamlReadError(decoded.error, node.range[0] + decoded.offset);
      text = decoded;
    }
    if (node.tag) {
      const r = resolveTagged(node.tag, text);
      if ('error' in r) throw new YamlReadError(r.error, offsetOf(node));
      return r;
    }
    if (node.type === 'PLAIN') return resolvePlain(text) ?? { kind: 'str', value: text };
    return { kind: 'str', value: text };
  }

  private viaAlias<T>(alias: Alias, read: (target: Node) => T): T {
    const target = this.resolveAlias(alias);
    if (this.expanding.has(target)) throw new YamlReadError(`anchor '${alias.source}' value contains itself`, offsetOf(alias));
    this.expanding.add(target);
    this.aliasDepth++;
    try {
      return read(target);
    } finally {
      this.aliasDepth--;
      this.expanding.delete(target);
    }
  }

  private resolveAlias(alias: Alias): Node {
    const target = alias.resolve(this.doc) as Node | undefined;
    if (!target) throw new YamlReadError(`unknown anchor '${alias.source}' referenced`, offsetOf(alias));
    return target;
  }

  private count(node: unknown): void {
    this.decodes++;
    if (this.aliasDepth > 0) this.aliased++;
    if (this.aliased > 100 && this.decodes > 1000 && this.aliased / this.decodes > allowedAliasRatio(this.decodes)) {
      throw new YamlReadError('document contains excessive aliasing (goyaml.v2\'s guard against alias bombs); kubectl refuses it', offsetOf(node));
    }
  }
}

/** `<<` written plain or tagged `!!merge`: a merge key (a quoted `"<<"` is a plain key). */
export function isMergeKey(key: unknown): boolean {
  if (!isScalar(key) || key.source !== '<<') return false;
  return key.tag ? key.tag === 'tag:yaml.org,2002:merge' : key.type === 'PLAIN';
}

/** Sets a key as an own property, `__proto__` included. */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  else obj[key] = value;
}

/** The JSON key kubectl makes of a key node, or `undefined` when it has none (used to locate paths). */
export function keyOf(doc: Document, node: unknown): string | undefined {
  const target = isAlias(node) ? node.resolve(doc) : node;
  if (!isScalar(target)) return undefined;
  const text = typeof target.source === 'string' ? target.source : String(target.value ?? '');
  let r: ResolvedScalar | { error: string };
  if (target.tag) r = resolveTagged(target.tag, text);
  else r = target.type === 'PLAIN' ? resolvePlain(text) ?? { kind: 'str', value: text } : { kind: 'str', value: text };
  if ('error' in r) return undefined;
  const k = keyString(r);
  return typeof k === 'string' ? k : undefined;
}

export function offsetOf(node: unknown): number {
  const range = (node as { range?: number[] } | null | undefined)?.range;
  return Array.isArray(range) ? range[0] : 0;
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  'a': '\x07',
  'b': '\b',
  't': '\t',
  '\t': '\t',
  'n': '\n',
  'v': '\v',
  'f': '\f',
  'r': '\r',
  'e': '\x1b',
  ' ': ' ',
  '"': '"',
  '\'': '\'',
  '\\': '\\',
  'N': '\u0085',
  '_': '\u00a0',
  'L': '\u2028',
  'P': '\u2029',
};
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/**
 * A double-quoted scalar (`raw` with its quotes) as goyaml.v2 reads it: its escapes (YAML 1.1's:
 * `\'` is one, `\/` is not; surrogate code points are refused) and line folding (a line break is a
 * space, each empty line a newline, an escaped line break nothing; continuation lines lose their
 * leading blanks and lines their trailing ones).
 */
export function decodeDoubleQuoted(raw: string): string | { error: string; offset: number } {
  const s = raw.slice(1, raw.endsWith('"') && raw.length > 1 ? -1 : undefined);
  let out = '';
  let keep = 0; // length of `out` that folding may not trim (content up to the last non-blank or escape)
  let i = 0;
  const isBreak = (k: number) => s[k] === '\n' || s[k] === '\r';
  const skipBreak = (k: number) => (s[k] === '\r' && s[k + 1] === '\n' ? k + 2 : k + 1);
  const skipBlanks = (k: number) => {
    while (s[k] === ' ' || s[k] === '\t') k++;
    return k;
  };
  while (i < s.length) {
    const c = s[i];
    if (c === '\\') {
      const e = s[i + 1];
      if (isBreak(i + 1)) {
        i = skipBlanks(skipBreak(i + 1));
        while (isBreak(i)) {
          out += '\n';
          i = skipBlanks(skipBreak(i));
        }
        keep = out.length;
        continue;
      }
      if (e !== undefined && ESCAPES[e] !== undefined) {
        out += ESCAPES[e];
        keep = out.length;
        i += 2;
        continue;
      }
      const digits = e === undefined ? undefined : HEX_DIGITS[e];
      if (digits === undefined) return { error: `found unknown escape character ${JSON.stringify(`\\${e ?? ''}`)} in a double-quoted string (kubectl refuses it)`, offset: i + 1 };
      const hex = s.slice(i + 2, i + 2 + digits);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) return { error: 'did not find expected hexdecimal number in an escape of a double-quoted string (kubectl refuses it)', offset: i + 1 };
      const code = parseInt(hex, 16);
      if ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) {
        return { error: `found invalid Unicode character escape code \\${e}${hex} (a surrogate or beyond U+10FFFF; kubectl refuses it)`, offset: i + 1 };
      }
      out += String.fromCodePoint(code);
      keep = out.length;
      i += 2 + digits;
      continue;
    }
    if (isBreak(i)) {
      out = out.slice(0, keep);
      i = skipBlanks(skipBreak(i));
      let empty = 0;
      while (isBreak(i)) {
        empty++;
        i = skipBlanks(skipBreak(i));
      }
      out += empty === 0 ? ' ' : '\n'.repeat(empty);
      keep = out.length;
      continue;
    }
    out += c;
    if (c !== ' ' && c !== '\t') keep = out.length;
    i++;
  }
  return out;
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}
