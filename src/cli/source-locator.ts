import { Document, isAlias, isMap, isSeq, Node, Pair, YAMLMap } from 'yaml';
import { isMergeKey, keyOf, parseYaml, ParsedYaml } from './read/exact-yaml';

/** A place in an input, 1-based, as editors and GitHub annotations count. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** One step of a printed field path: `.name` or `[index-or-key]`. */
export interface PathStep {
  readonly kind: 'child' | 'index';
  readonly name: string;
}

/**
 * Splits a field path as the API server prints it (`spec.initContainers[1].resources.limits[cpu]`,
 * see src/engine/field-path.ts) back into steps. Bracketed keys may hold dots
 * (`metadata.annotations[cdk8s-sidecars.dev/suppress]`), so brackets are read first.
 */
export function parseFieldPath(text: string): PathStep[] {
  const steps: PathStep[] = [];
  let name = '';
  const flush = () => {
    if (name !== '') steps.push({ kind: 'child', name });
    name = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '.') {
      flush();
    } else if (ch === '[') {
      flush();
      const end = text.indexOf(']', i + 1);
      const inner = end === -1 ? text.slice(i + 1) : text.slice(i + 1, end);
      steps.push({ kind: 'index', name: inner });
      i = end === -1 ? text.length : end;
    } else {
      name += ch;
    }
  }
  flush();
  return steps;
}

/**
 * Maps field paths of one object read from an input back to source positions. The document is
 * parsed for positions only when a position is asked for (most objects have no finding), and
 * paths are followed as kubectl reads them: converted keys (`yes:` is `true`), merge keys
 * (a field merged from an anchor points into the anchor), aliases. A field that does not exist
 * (a finding about a *missing* field) maps to the closest node that does.
 */
export class SourceLocator {
  private parsed?: ParsedYaml;

  /**
   * @param text the document's text (a YAML document or a JSON value), as read
   * @param line 1-based line of its first character in the input
   * @param column 1-based column of its first character
   * @param objectPath where the object is inside the document (`items[3]` for a List item, else empty)
   */
  constructor(
    private readonly text: string,
    private readonly line: number,
    private readonly column: number,
    private readonly objectPath: string = '',
  ) {}

  /** Position of the object itself (its first key, or its list item). */
  public start(): SourcePosition {
    if (this.objectPath === '') return this.toPosition(firstContent(this.text));
    return this.locate('');
  }

  /** Position of the field at `path` (its key, or its list item), or of its closest existing ancestor. */
  public locate(path: string): SourcePosition {
    this.parsed ??= parseYaml(this.text);
    const doc = this.parsed.doc;
    let node: unknown = doc.contents;
    let offset = rangeStart(node) ?? firstContent(this.text);
    const full = this.objectPath === '' ? path : path === '' ? this.objectPath : `${this.objectPath}.${path}`;
    for (const step of parseFieldPath(full)) {
      node = deref(doc, node);
      if (isSeq(node) && step.kind === 'index' && /^\d+$/.test(step.name)) {
        const item = node.items[Number(step.name)];
        const at = rangeStart(item);
        if (at === undefined) break;
        offset = at;
        node = item;
      } else if (isMap(node)) {
        const pair = findPair(doc, node, step.name, 0);
        if (!pair) break;
        const at = rangeStart(pair.key);
        if (at !== undefined) offset = at;
        node = pair.value;
        if (node === null || node === undefined) break;
      } else {
        break;
      }
    }
    return this.toPosition(offset);
  }

  private toPosition(offset: number): SourcePosition {
    const { line, column } = linePosition(this.text, offset);
    return { line: this.line + line - 1, column: line === 1 ? this.column + column - 1 : column };
  }
}

/**
 * The pair that gives `key` its value in `map`, as goyaml.v2 decodes it: later pairs win, and a
 * merge (`<<`) provides the keys of its maps (earlier maps of a merge list win).
 */
function findPair(doc: Document, map: YAMLMap, key: string, depth: number): Pair | undefined {
  if (depth > 50) return undefined;
  let found: Pair | undefined;
  for (const pair of map.items) {
    if (isMergeKey(pair.key)) {
      const source = deref(doc, pair.value);
      const maps = isSeq(source) ? [...source.items].reverse() : [source];
      for (const m of maps) {
        const target = deref(doc, m);
        if (!isMap(target)) continue;
        const merged = findPair(doc, target, key, depth + 1);
        if (merged) found = merged;
      }
    } else if (keyOf(doc, pair.key) === key) {
      found = pair;
    }
  }
  return found;
}

function deref(doc: Document, node: unknown): unknown {
  if (!isAlias(node)) return node;
  try {
    return node.resolve(doc) ?? node;
  } catch {
    return node;
  }
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return Array.isArray(range) ? range[0] : undefined;
}

/** 1-based line and column of `offset` in `text`; a line ends at LF, CRLF or a lone CR (as in YAML). */
export function linePosition(text: string, offset: number): SourcePosition {
  let line = 1;
  let start = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: end - start + 1 };
}

/** Offset of the first character that is not blank, a comment, a directive or a `---` line. */
function firstContent(text: string): number {
  const re = /[^\s]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const lineEnd = text.slice(m.index).search(/[\r\n]|$/);
    const line = text.slice(m.index, m.index + lineEnd);
    if (line.startsWith('#') || line.startsWith('%') || /^---(?:\s|$)/.test(line)) {
      re.lastIndex = m.index + lineEnd;
      continue;
    }
    return m.index;
  }
  return 0;
}
