/**
 * Splits a decoded input into documents the way kubectl does (k8s.io/apimachinery's
 * `YAMLOrJSONDecoder`), one block of text at a time, so that memory holds one document:
 *
 * - if the first character that is not a space, tab or line break is `{`, the whole input is a
 *   JSON stream: values one after the other (concatenated, or one per line as `jq -c` writes them);
 * - otherwise it is YAML, cut at lines that start with `---` followed by nothing but spaces or a
 *   comment (`---x` or `--- {a: 1}` is an error, as in kubectl). Lines end at `\n` only: a file
 *   with CR line ends is one piece, and kubectl reads its first document (see first-document.ts).
 */

/** One piece of the input as kubectl cuts it. */
export interface RawDocument {
  /** `yaml`: a kubectl chunk (read its first document); `json`: one JSON value. */
  readonly syntax: 'yaml' | 'json';
  readonly text: string;
  /** 1-based line and column of the first character of `text` in the input. */
  readonly line: number;
  readonly column: number;
  /** Characters in the longest line of `text` (YAML only). */
  readonly longestLine: number;
}

/** A problem that ends the reading of the input (kubectl stops there too). */
export interface SplitError {
  readonly error: string;
  readonly line: number;
  readonly column: number;
}

export type SplitOutput = RawDocument | SplitError;

export class DocumentSplitter {
  private mode: 'undecided' | 'yaml' | 'json' = 'undecided';
  private undecided = '';
  private failed = false;
  private readonly yaml: YamlSplitter;
  private readonly json: JsonSplitter;

  /**
   * @param maxDocumentChars a document (or a line) longer than this ends the reading with an error
   * @param emit receives every document and error in input order
   */
  constructor(private readonly maxDocumentChars: number, private readonly emit: (out: SplitOutput) => void) {
    const guarded = (out: SplitOutput) => {
      if (this.failed) return;
      if ('error' in out) this.failed = true;
      this.emit(out);
    };
    this.yaml = new YamlSplitter(maxDocumentChars, guarded);
    this.json = new JsonSplitter(maxDocumentChars, guarded);
  }

  /** True once an error ended the reading: the caller may stop feeding input. */
  public get stopped(): boolean {
    return this.failed;
  }

  public push(text: string): void {
    if (this.failed) return;
    if (this.mode === 'undecided') {
      this.undecided += text;
      const first = /[^ \t\r\n]/.exec(this.undecided);
      if (!first) {
        if (this.undecided.length > this.maxDocumentChars) this.decide('yaml');
        return;
      }
      this.decide(this.undecided[first.index] === '{' ? 'json' : 'yaml');
      return;
    }
    (this.mode === 'yaml' ? this.yaml : this.json).push(text);
  }

  public end(): void {
    if (this.failed) return;
    if (this.mode === 'undecided') this.decide('yaml');
    (this.mode === 'yaml' ? this.yaml : this.json).end();
  }

  private decide(mode: 'yaml' | 'json'): void {
    this.mode = mode;
    const text = this.undecided;
    this.undecided = '';
    (mode === 'yaml' ? this.yaml : this.json).push(text);
  }
}

class YamlSplitter {
  private parts: string[] = [];
  private size = 0;
  private carry = '';
  private line = 1;
  private chunkLine = 1;
  private longest = 0;

  constructor(private readonly max: number, private readonly emit: (out: SplitOutput) => void) {}

  public push(block: string): void {
    let from = 0;
    if (this.carry.length > 0) {
      // Complete the line cut by the last block on its own: `carry + block` would be a cons
      // string, on which V8's charCodeAt is many times slower for the whole block.
      const nl = block.indexOf('\n');
      if (nl === -1) {
        this.carry += block;
        if (this.size + this.carry.length > this.max) this.tooLarge();
        return;
      }
      const line = this.carry + block.slice(0, nl + 1);
      this.carry = '';
      if (!this.lines(line, 0)) return;
      from = nl + 1;
    }
    this.lines(block, from);
  }

  /** Takes the complete lines of `text` from `from`, keeping an unfinished last line as the carry. */
  private lines(text: string, from: number): boolean {
    let pos = from;
    let segment = from;
    let longest = this.longest;
    // One pass over the lines: no allocation per line (this loop sees every line of every input).
    for (let nl = text.indexOf('\n', pos); nl !== -1; nl = text.indexOf('\n', pos)) {
      if (text.charCodeAt(pos) === 45 && text.charCodeAt(pos + 1) === 45 && text.charCodeAt(pos + 2) === 45) {
        this.longest = longest;
        if (!this.separator(text, pos, nl)) return false;
        this.take(text.slice(segment, pos));
        this.flush();
        longest = 0;
        segment = nl + 1;
        this.chunkLine = this.line + 1;
      } else if (nl - pos > longest) {
        longest = nl - pos;
      }
      pos = nl + 1;
      this.line++;
    }
    this.longest = longest;
    this.take(text.slice(segment, pos));
    this.carry = text.slice(pos);
    if (this.size + this.carry.length > this.max) this.tooLarge();
    return true;
  }

  public end(): void {
    const text = this.carry;
    this.carry = '';
    if (text.length > 0) {
      if (text.startsWith('---')) {
        if (!this.separator(text, 0, text.length)) return;
      } else {
        if (text.length > this.longest) this.longest = text.length;
        this.take(text);
      }
    }
    this.flush();
  }

  /** A line starting with `---`: true if it separates documents, false after reporting an invalid one. */
  private separator(text: string, start: number, end: number): boolean {
    const rest = text.slice(start + 3, end).trim();
    if (rest.length > 0 && rest[0] !== '#') {
      this.emit({ error: `invalid document separator: a line starting with --- may hold only a comment after it, got ${JSON.stringify(shorten(text.slice(start, end).trimEnd()))} (kubectl refuses it)`, line: this.line, column: 1 });
      return false;
    }
    return true;
  }

  private take(s: string): void {
    if (s.length === 0) return;
    this.parts.push(s);
    this.size += s.length;
    if (this.size > this.max) this.tooLarge();
  }

  private flush(): void {
    if (this.size > 0) {
      const text = this.parts.length === 1 ? this.parts[0] : this.parts.join('');
      this.emit({ syntax: 'yaml', text, line: this.chunkLine, column: 1, longestLine: this.longest });
    }
    this.parts = [];
    this.size = 0;
    this.longest = 0;
  }

  private tooLarge(): void {
    this.emit({ error: `the document starting at line ${this.chunkLine} is larger than the limit of ${this.max} characters (raise it with --max-document-size)`, line: this.chunkLine, column: 1 });
  }
}

/**
 * Cuts a JSON stream into values by scanning brackets outside strings (resuming where the last
 * block ended, so a large value is scanned once); each value is then parsed by `JSON.parse`,
 * which reports what is malformed inside it.
 */
class JsonSplitter {
  private text = '';
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  /** Scan state of the value that starts at `pos`, when it is not complete yet. */
  private k = -1;
  private depth = 0;
  private inString = false;
  private escape = false;

  constructor(private readonly max: number, private readonly emit: (out: SplitOutput) => void) {}

  public push(block: string): void {
    if (this.pos > 0) {
      this.text = this.text.slice(this.pos);
      this.lineStart -= this.pos;
      if (this.k !== -1) this.k -= this.pos;
      this.pos = 0;
    }
    this.text += block;
    this.scan(false);
  }

  public end(): void {
    this.scan(true);
  }

  private scan(atEnd: boolean): void {
    const t = this.text;
    while (true) {
      if (this.k === -1) {
        let i = this.pos;
        while (i < t.length) {
          const c = t.charCodeAt(i);
          if (c === 10) {
            this.line++;
            this.lineStart = i + 1;
          } else if (c !== 32 && c !== 9 && c !== 13) {
            break;
          }
          i++;
        }
        this.pos = i;
        if (i >= t.length) return;
        const c = t.charCodeAt(i);
        if (c !== 123 && c !== 91 && c !== 34 && !/[-0-9tfn]/.test(t[i])) {
          return this.fail(`invalid character ${JSON.stringify(t[i])} looking for the beginning of a JSON value`);
        }
        this.k = i;
        this.depth = 0;
        this.inString = false;
        this.escape = false;
      }
      const end = this.valueEnd(t, atEnd);
      if (end === -1) {
        if (atEnd) return this.fail('unexpected end of JSON input (a value is not closed)');
        if (t.length - this.pos > this.max) this.fail(`the JSON value starting at line ${this.line} is larger than the limit of ${this.max} characters (raise it with --max-document-size)`);
        return;
      }
      const start = this.pos;
      this.emit({ syntax: 'json', text: t.slice(start, end), line: this.line, column: start - this.lineStart + 1, longestLine: 0 });
      for (let n = t.indexOf('\n', start); n !== -1 && n < end; n = t.indexOf('\n', n + 1)) {
        this.line++;
        this.lineStart = n + 1;
      }
      this.pos = end;
      this.k = -1;
    }
  }

  /** End of the value at `pos`, resuming at `k`; -1 when the text ends first. */
  private valueEnd(t: string, atEnd: boolean): number {
    const first = t.charCodeAt(this.pos);
    if (first !== 123 && first !== 91 && first !== 34) {
      // A number or a literal ends at the first character that cannot continue it.
      let k = this.k;
      while (k < t.length && /[-+.0-9a-zA-Z]/.test(t[k])) k++;
      this.k = k;
      return k < t.length || atEnd ? k : -1;
    }
    let k = this.k;
    for (; k < t.length; k++) {
      const ch = t.charCodeAt(k);
      if (this.inString) {
        if (this.escape) {this.escape = false;} else if (ch === 92) {this.escape = true;} else if (ch === 34) {
          this.inString = false;
          if (this.depth === 0) return k + 1;
        }
        continue;
      }
      if (ch === 34) {
        this.inString = true;
      } else if (ch === 123 || ch === 91) {this.depth++;} else if (ch === 125 || ch === 93) {
        this.depth--;
        if (this.depth === 0) return k + 1;
      }
    }
    this.k = k;
    return -1;
  }

  private fail(error: string): void {
    this.emit({ error, line: this.line, column: this.pos - this.lineStart + 1 });
  }
}

function shorten(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
