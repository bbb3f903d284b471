import { Composer, Document, isMap, isSeq, LineCounter, Node, Parser } from 'yaml';
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
  const lineCounter = new LineCounter();
  const where = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return `${file}:${line}:${col}`;
  };
  const parser = new Parser(lineCounter.addNewLine);
  const composer = new Composer({ prettyErrors: false });
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
