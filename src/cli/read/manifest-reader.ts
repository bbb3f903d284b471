import { DocumentSplitter, RawDocument, SplitOutput } from './document-splitter';
import { parseYaml, TOO_DEEP, toKubectlValue, YamlReadError } from './exact-yaml';
import { NOT_PRINTABLE, readFast } from './fast-yaml';
import { firstDocument } from './first-document';
import { DecodeError, InputDecoder } from './input-decoder';
import { kubectlObjects } from './kubectl-objects';
import { InputError, oneLine } from '../cli-errors';
import { linePosition, SourceLocator } from '../source-locator';

/** Reads bytes of one input, block by block. */
export interface ByteSource {
  /** Up to `max` bytes; an empty buffer at the end. */
  read(max: number): Buffer;
  close(): void;
}

/** Limits that keep a hostile input from exhausting memory (see `--max-input-size`). */
export interface ReadLimits {
  /** Bytes of one input. */
  readonly maxInputBytes: number;
  /** Characters of one document (and of one line). */
  readonly maxDocumentBytes: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxInputBytes: 1024 * 1024 * 1024,
  maxDocumentBytes: 64 * 1024 * 1024,
};

/** One Kubernetes object read from an input, with a way back to its source positions. */
export interface SourcedManifest {
  /** The input's display name. */
  readonly file: string;
  /** 1-based document number in the stream. */
  readonly documentNumber: number;
  /** 0-based index in `items` when the object came from a list. */
  readonly listIndex?: number;
  /** The object as plain JSON (wire format), as kubectl reads it. */
  readonly manifest: any;
  /** Maps field paths of `manifest` to positions (parses the document on first use). */
  readonly locator: SourceLocator;
}

/** Something kubectl does silently that a user should know; printed, never an error. */
export class ReadNotice {
  constructor(public readonly where: string, public readonly detail: string) {}
  public get message(): string {
    return `${this.where}: note: ${this.detail}`;
  }
}

export type ReadItem = SourcedManifest | InputError | ReadNotice;

/** Bytes per read: large enough that block handling is noise, small enough to stay far below any document. */
const BLOCK = 1024 * 1024;

/**
 * Reads an input as kubectl reads it (document-splitter.ts, first-document.ts, the fast and exact
 * YAML readers, kubectl-objects.ts), one document at a time: each document is read, yielded and
 * dropped before the next is decoded, so memory holds one document and one block.
 *
 * Problems are yielded as `InputError`s in input order, never thrown: one broken document does
 * not hide the objects of the others. `select` skips documents by their text, unread. Reading stops at what ends kubectl's reading too (a bad
 * separator, an undecodable input) and at the limits.
 */
export function* readManifests(
  file: string,
  source: ByteSource,
  limits: ReadLimits = DEFAULT_LIMITS,
  select?: (documentText: string) => boolean,
): Generator<ReadItem> {
  const decoder = new InputDecoder();
  const queue: SplitOutput[] = [];
  const splitter = new DocumentSplitter(limits.maxDocumentBytes, (out) => queue.push(out));
  let bytes = 0;
  let documentNumber = 0;
  let ended = false;
  try {
    while (!ended && !splitter.stopped) {
      const block = source.read(BLOCK);
      ended = block.length === 0;
      bytes += block.length;
      if (bytes > limits.maxInputBytes) {
        yield* drain();
        yield new InputError(file, `is larger than the limit of ${formatBytes(limits.maxInputBytes)} (raise it with --max-input-size); stopped reading it`);
        return;
      }
      let text: string;
      try {
        text = decoder.decode(block, ended);
      } catch (e) {
        yield new InputError(file, e instanceof DecodeError ? e.message : oneLine(e));
        return;
      }
      const nul = text.indexOf('\u0000');
      if (nul !== -1) {
        splitter.push(text.slice(0, nul));
        yield* drain();
        yield new InputError(file, 'holds NUL bytes (a binary file, or UTF-16/32 text without a byte order mark?); YAML does not allow them and kubectl refuses the file');
        return;
      }
      if (text.length > 0) splitter.push(text);
      if (ended) splitter.end();
      yield* drain();
    }
  } finally {
    source.close();
  }

  function* drain(): Generator<ReadItem> {
    while (queue.length > 0) {
      const out = queue.shift()!;
      if ('error' in out) {
        yield new InputError(`${file}:${out.line}:${out.column}`, out.error);
        continue;
      }
      documentNumber++;
      // A caller that needs only some documents (lint's pass for LimitRanges) skips the others unread.
      if (select && !select(out.text)) continue;
      yield* readDocument(file, out, documentNumber);
    }
  }
}

/** Reads a whole text (migrate's input, tests). */
export function* readManifestsFromText(file: string, text: string, limits: ReadLimits = DEFAULT_LIMITS): Generator<ReadItem> {
  yield* readManifests(file, bufferSource(Buffer.from(text, 'utf-8')), limits);
}

/** A `ByteSource` over bytes in memory. */
export function bufferSource(bytes: Buffer): ByteSource {
  let at = 0;
  return {
    read: (max) => {
      const block = bytes.subarray(at, Math.min(bytes.length, at + max));
      at += block.length;
      return block;
    },
    close: () => undefined,
  };
}

/** Reads one piece of an input, as cut by `DocumentSplitter` (used by `readManifests` and by migrate). */
export function* readDocument(file: string, raw: RawDocument, documentNumber: number): Generator<ReadItem> {
  const where = (text: string, offset: number) => {
    const p = linePosition(text, offset);
    return `${file}:${raw.line + p.line - 1}:${p.line === 1 ? raw.column + p.column - 1 : p.column}`;
  };
  let text = raw.text;
  let value: unknown;
  if (raw.syntax === 'json') {
    const read = readJson(text);
    if ('error' in read) {
      yield new InputError(where(text, read.offset), read.error);
      return;
    }
    value = read.value;
  } else {
    const first = firstDocument(text);
    if (first.error) {
      yield new InputError(where(text, first.error.offset), first.error.message);
      return;
    }
    text = first.text;
    if (first.ignoredFrom !== undefined) {
      yield new ReadNotice(where(raw.text, first.ignoredFrom), 'kubectl reads only the first YAML document here and ignores what follows (a `...` line ends it, or the file\'s lines end in CR only); so does this tool');
    }
    const bad = NOT_PRINTABLE.exec(text);
    if (bad) {
      const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      yield new InputError(where(text, bad.index), `control character U+${code} is not allowed in YAML (kubectl refuses the file: "control characters are not allowed")`);
      return;
    }
    const fast = readFast(text, raw.longestLine);
    if (fast && 'tooDeep' in fast) {
      yield new InputError(where(text, fast.tooDeep), TOO_DEEP);
      return;
    }
    if (fast) {
      value = fast.value;
    } else {
      try {
        value = toKubectlValue(parseYaml(text));
      } catch (e) {
        if (e instanceof YamlReadError) yield new InputError(where(text, e.offset), e.message);
        else yield new InputError(where(text, 0), `cannot read document ${documentNumber}: ${e instanceof RangeError ? 'it is nested too deeply' : oneLine(e)}`);
        return;
      }
    }
  }
  const { objects, problems } = kubectlObjects(value);
  if (problems.length > 0) {
    const locator = new SourceLocator(text, raw.line, raw.column);
    for (const p of problems) {
      const pos = locator.locate(p.path);
      yield new InputError(`${file}:${pos.line}:${pos.column}`, p.message);
    }
  }
  for (const o of objects) {
    yield {
      file,
      documentNumber,
      listIndex: o.listIndex,
      manifest: o.manifest,
      locator: new SourceLocator(text, raw.line, raw.column, o.listIndex === undefined ? '' : `items[${o.listIndex}]`),
    };
  }
}

/** A JSON value as Go's encoding/json reads it into kubectl. */
function readJson(text: string): { value: unknown } | { error: string; offset: number } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const at = /position (\d+)/.exec(String((e as Error).message));
    return { error: `JSON syntax error: ${oneLine(e).replace(/ in JSON at position \d+.*$/, '')}`, offset: at ? Number(at[1]) : 0 };
  }
  // Go replaces lone UTF-16 surrogates with U+FFFD, refuses numbers beyond float64, and reads -0 as 0.
  const surrogates = /\\u[dD][89a-fA-F]/.test(text);
  const bigExponent = /\d[eE]\+?\d{3}/.test(text);
  const negativeZero = /-0(?:\.0*)?(?:[eE][-+]?\d+)?(?![\d.eE])/.test(text);
  if (surrogates || bigExponent || negativeZero) {
    try {
      value = fixJson(value);
    } catch (e) {
      return { error: oneLine(e), offset: 0 };
    }
  }
  return { value };
}

function fixJson(v: unknown): unknown {
  if (typeof v === 'string') return v.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error('a number is beyond float64 (kubectl refuses the file: "cannot unmarshal number ... into Go value of type float64")');
    return v === 0 ? 0 : v;
  }
  if (Array.isArray(v)) return v.map(fixJson);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) {
      const key = fixJson(k) as string;
      if (key === '__proto__') Object.defineProperty(out, key, { value: fixJson((v as any)[k]), writable: true, enumerable: true, configurable: true });
      else out[key] = fixJson((v as any)[k]);
    }
    return out;
  }
  return v;
}

export function formatBytes(n: number): string {
  const units: Array<[number, string]> = [[1024 ** 3, 'GiB'], [1024 ** 2, 'MiB'], [1024, 'KiB']];
  for (const [size, unit] of units) if (n >= size && n % size === 0) return `${n / size} ${unit}`;
  return `${n} bytes`;
}
