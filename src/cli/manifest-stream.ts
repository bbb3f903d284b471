import { Composer, Document, isAlias, isMap, isScalar, isSeq, LineCounter, Node, Parser, visit } from 'yaml';
import { InputError, oneLine } from './cli-errors';
import { SourceLocator } from './source-locator';
import { isObject } from '../engine/wire-types';

/**
 * Aliases a document may expand. The `yaml` package's own default; set here explicitly because
 * this is our guard against "billion laughs" inputs that expand a few lines into gigabytes.
 */
export const MAX_ALIAS_COUNT = 100;

/** One Kubernetes object read from an input, with a way back to its source positions. */
export interface SourcedManifest {
  /** The input's display name. */
  readonly file: string;
  /** 1-based document number in the stream. */
  readonly documentNumber: number;
  /** 0-based index in `items` when the object came from a `kind: List`. */
  readonly listIndex?: number;
  /** The object as plain JSON (wire format). */
  readonly manifest: any;
  /** Maps field paths of `manifest` (paths inside the List item for List items) to positions. */
  readonly locator: SourceLocator;
}

/**
 * Reads a YAML (or JSON: JSON is YAML) stream one document at a time. Each document is
 * composed, converted and yielded before the next is parsed, and nothing is kept once the
 * consumer moves on, so a 1,000-document stream needs the memory of one document (plus the text).
 *
 * Problems are yielded as `InputError`s in stream order, never thrown: one broken document does
 * not hide the findings of the others.
 */
export function* readManifests(file: string, text: string): Generator<SourcedManifest | InputError> {
  const tooDeep = nestingProblem(text);
  if (tooDeep) {
    yield new InputError(file, tooDeep);
    return;
  }
  const lineCounter = new LineCounter();
  const where = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return `${file}:${line}:${col}`;
  };
  const parser = new Parser(lineCounter.addNewLine);
  // Unique keys are checked below in linear time: the composer's own check compares every pair of
  // keys, and 20,000 keys in one mapping would take seconds.
  const composer = new Composer({ prettyErrors: false, uniqueKeys: false });
  let documentNumber = 0;
  const documents = composer.compose(parser.parse(text));
  while (true) {
    let next: IteratorResult<Document.Parsed>;
    try {
      next = documents.next();
    } catch (e) {
      // The parser and composer recurse on nesting; thousands of `[[[[` overflow the stack.
      yield new InputError(file, e instanceof RangeError
        ? `document ${documentNumber + 1} is nested too deeply to read (${oneLine(e)})`
        : `cannot parse document ${documentNumber + 1}: ${oneLine(e)}`);
      return;
    }
    if (next.done) return;
    documentNumber++;
    yield* objectsOf(next.value, file, documentNumber, lineCounter, where);
  }
}

function* objectsOf(
  doc: Document.Parsed,
  file: string,
  documentNumber: number,
  lineCounter: LineCounter,
  where: (offset: number) => string,
): Generator<SourcedManifest | InputError> {
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      yield new InputError(where(err.pos[0]), `YAML syntax error: ${oneLine(err.message)}`);
    }
    return;
  }
  const keyProblem = mappingKeyProblem(doc);
  if (keyProblem) {
    yield new InputError(where(keyProblem.offset), `YAML ${keyProblem.message}`);
    return;
  }
  const docStart = doc.contents?.range?.[0] ?? doc.range[0];
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const detail = /alias/i.test(oneLine(e))
      ? `document ${documentNumber} expands more than ${MAX_ALIAS_COUNT} YAML aliases; refusing to read it (guard against alias bombs)`
      : `cannot read document ${documentNumber}: ${oneLine(e)}`;
    yield new InputError(where(docStart), detail);
    return;
  }
  // An empty document (a stray `---`, a comment-only file, Helm's blank templates) holds nothing to check.
  if (value === null || value === undefined) return;
  if (!isObject(value)) {
    yield new InputError(where(docStart), `document ${documentNumber} is ${describe(value)}, expected a Kubernetes object (a mapping with apiVersion and kind)`);
    return;
  }
  if (value.kind === 'List' || (typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items))) {
    const itemsNode = doc.getIn(['items'], true);
    if (!Array.isArray(value.items) || !isSeq(itemsNode)) {
      yield new InputError(where(docStart), `document ${documentNumber} is a ${value.kind} whose items is ${describe(value.items)}, expected a list of objects`);
      return;
    }
    for (let i = 0; i < value.items.length; i++) {
      const item = value.items[i];
      const node = itemsNode.items[i] as Node | undefined;
      if (!isObject(item)) {
        yield new InputError(where((node as any)?.range?.[0] ?? docStart), `document ${documentNumber}: items[${i}] is ${describe(item)}, expected a Kubernetes object`);
        continue;
      }
      yield { file, documentNumber, listIndex: i, manifest: item, locator: new SourceLocator(isMap(node) ? node : undefined, lineCounter, doc) };
    }
    return;
  }
  yield { file, documentNumber, manifest: value, locator: new SourceLocator(doc.contents as Node, lineCounter, doc) };
}

/** Names a JSON value's type for messages: `a string ("abc")`, `a list`, `a number (5)`. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const shown = JSON.stringify(value) ?? String(value);
  return `a ${typeof value} (${shown.length > 40 ? `${shown.slice(0, 37)}...` : shown})`;
}

/** Deeper flow nesting than this is refused. Kubernetes objects nest about 15 levels. */
export const MAX_FLOW_DEPTH = 256;
/** Longer indentation (spaces, tabs and compact `- ` indicators) than this is refused. */
export const MAX_INDENT = 1024;

/**
 * The YAML parser slows down sharply (and finally overflows its stack) on pathological nesting
 * such as 20,000 `[`; a linear pre-scan refuses such input up front so every run ends in bounded
 * time. Brackets inside quoted strings are counted too: that can only over-count on strings with
 * hundreds of unclosed brackets, which no manifest holds.
 */
export function nestingProblem(text: string): string | undefined {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  let inIndent = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) {
      line++;
      lineStart = i + 1;
      inIndent = true;
      continue;
    }
    if (inIndent && ch !== 32 && ch !== 9 && ch !== 45) {
      inIndent = false;
    } else if (inIndent && i - lineStart >= MAX_INDENT) {
      return `line ${line} is indented or nested more than ${MAX_INDENT} columns deep; refusing to read it (Kubernetes objects are far shallower)`;
    }
    if (ch === 91 || ch === 123) {
      depth++;
      if (depth > MAX_FLOW_DEPTH) {
        return `line ${line} nests more than ${MAX_FLOW_DEPTH} [ or { levels deep; refusing to read it (Kubernetes objects are far shallower)`;
      }
    } else if ((ch === 93 || ch === 125) && depth > 0) {
      depth--;
    }
  }
  return undefined;
}

/**
 * The first mapping key Kubernetes would refuse, found in linear time: a key repeated within one
 * mapping, or a key that is itself a mapping or a list (YAML allows `? {a: b}` and `[x]: y`; JSON,
 * and so every Kubernetes object, takes only string keys). The message completes `YAML ...: `.
 */
export function mappingKeyProblem(doc: Document): { message: string; offset: number } | undefined {
  let found: { message: string; offset: number } | undefined;
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const written = pair.key as Node | null;
        // An alias key stands for what it names (`*a: x` where `a` is a list).
        const key = isAlias(written) ? written.resolve(doc) ?? written : written;
        const what = isMap(key) ? 'a mapping' : isSeq(key) ? 'a list'
          // Tagged scalars that read as objects: `!!binary` (bytes), `!!timestamp` (a date).
          : isScalar(key) && typeof key.value === 'object' && key.value !== null ? `a ${(key.tag ?? 'tagged').replace('tag:yaml.org,2002:', '!!')} value` : undefined;
        if (what !== undefined) {
          found = { message: `unsupported key: a mapping key is ${what}; Kubernetes objects take only string keys`, offset: written?.range?.[0] ?? 0 };
          return visit.BREAK;
        }
        if (!isScalar(key)) continue;
        const k = `${typeof key.value}:${String(key.value)}`;
        if (seen.has(k)) {
          found = { message: `syntax error: Map keys must be unique ('${String(key.value)}' appears twice)`, offset: key.range?.[0] ?? 0 };
          return visit.BREAK;
        }
        seen.add(k);
      }
      return undefined;
    },
  });
  return found;
}
