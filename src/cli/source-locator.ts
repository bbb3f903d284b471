import { Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, Node } from 'yaml';

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
 * Maps field paths of one parsed YAML node (a document, or an item of a `kind: List`) back to
 * source positions. A field that does not exist (a finding about a *missing* field) maps to the
 * closest node that does: the deepest existing ancestor.
 */
export class SourceLocator {
  constructor(
    private readonly root: Node | null | undefined,
    private readonly lineCounter: LineCounter,
    private readonly doc?: Document,
  ) {}

  /** Position of the object itself (its first key). */
  public start(): SourcePosition {
    return this.toPosition(this.root?.range?.[0] ?? 0);
  }

  /** Position of the field at `path` (its key, or its list item), or of its closest existing ancestor. */
  public locate(path: string): SourcePosition {
    let node: unknown = this.root;
    let offset = this.root?.range?.[0] ?? 0;
    for (const step of parseFieldPath(path)) {
      node = this.resolveAlias(node);
      if (isSeq(node) && step.kind === 'index' && /^\d+$/.test(step.name)) {
        const item = node.items[Number(step.name)];
        if (!item || !hasRange(item)) break;
        offset = item.range[0];
        node = item;
      } else if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === step.name);
        if (!pair) break;
        const key = pair.key;
        if (hasRange(key)) offset = key.range[0];
        node = pair.value;
        if (node == null) break;
      } else {
        break;
      }
    }
    return this.toPosition(offset);
  }

  private resolveAlias(node: unknown): unknown {
    if (this.doc && isAlias(node)) {
      try {
        return node.resolve(this.doc);
      } catch {
        return node;
      }
    }
    return node;
  }

  private toPosition(offset: number): SourcePosition {
    const { line, col } = this.lineCounter.linePos(offset);
    return { line, column: col };
  }
}

function hasRange(n: unknown): n is { range: [number, number, number] } {
  return typeof n === 'object' && n !== null && Array.isArray((n as any).range);
}
