/**
 * The part of a kubectl chunk that kubectl reads: goyaml.v2 decodes the first YAML document of a
 * chunk and ignores the rest, silently. A chunk holds more than one document when a `...` line
 * ends the first, or when the file's lines end in CR only (kubectl then cuts nothing, see
 * document-splitter.ts, and `---` lines start new documents inside the one chunk).
 */
export interface FirstDocument {
  /** The first document's text (a prefix of the chunk). */
  readonly text: string;
  /** Where ignored content starts (a character offset in the chunk), when there is any. */
  readonly ignoredFrom?: number;
  /** What goyaml.v2 refuses before the first document starts. */
  readonly error?: { readonly message: string; readonly offset: number };
}

/** A `%` directive line before any content. */
const DIRECTIVE = /(?:^|[\r\n])%/;

/** `---` or `...` at the start of a line (after \n, \r or the chunk start), followed by a blank or the end. */
const MARKER = /(?:^|[\r\n])(---|\.\.\.)(?=[ \t\r\n]|$)/g;

export function firstDocument(chunk: string): FirstDocument {
  const directive = chunk.indexOf('%') === -1 ? null : DIRECTIVE.exec(chunk);
  if (chunk.indexOf('---') === -1 && chunk.indexOf('...') === -1) {
    // Directives must be followed by `---`; kubectl's cutting removes those lines, so a directive
    // in a chunk has no document start (`%YAML 1.1` then `---` is refused by kubectl).
    if (directive && !hasContent(chunk, 0, directive.index)) return { text: chunk, error: { message: 'did not find expected <document start>: a %YAML or %TAG directive must be followed by --- on the same piece of the file, and kubectl cuts the file at every --- line (kubectl refuses it)', offset: directive.index } };
    return { text: chunk };
  }
  MARKER.lastIndex = 0;
  let m: RegExpExecArray | null;
  let started = false;
  while ((m = MARKER.exec(chunk)) !== null) {
    const at = m.index + (m[0].length - m[1].length);
    // A `---` before any content starts the first document; any other marker ends it.
    if (m[1] === '---' && !started && !hasContent(chunk, 0, at)) {
      started = true;
      continue;
    }
    if (m[1] === '...' && !started && !hasContent(chunk, 0, at)) {
      return { text: chunk, error: { message: 'did not find expected node content: a document end marker (...) with no document before it (kubectl refuses it)', offset: at } };
    }
    return hasContent(chunk, at + 3, chunk.length) ? { text: chunk.slice(0, at), ignoredFrom: at } : { text: chunk.slice(0, at) };
  }
  return { text: chunk };
}

/** True if `s[from, to)` holds anything but blank lines, comments and directives. */
function hasContent(s: string, from: number, to: number): boolean {
  for (const line of s.slice(from, to).split(/\r\n|\r|\n/)) {
    const t = line.trim();
    if (t !== '' && !t.startsWith('#') && !t.startsWith('%')) return true;
  }
  return false;
}
