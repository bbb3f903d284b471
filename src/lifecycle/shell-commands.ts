/**
 * Which commands a container really runs: the simple commands of its argv, and of the shell
 * scripts inside it (`sh -c "..."`, `trap '...' EXIT`, `$(...)`), each with the operator that
 * precedes it. Enough of POSIX sh (XCU 2.2-2.9) to tell a command from an argument: quoting,
 * separators, comments, redirections, assignments and reserved words. Not a shell: no expansion,
 * no globbing, no functions.
 *
 * Why it matters: a Job's app that "calls the proxy's quit endpoint" only does so when `curl`
 * is in command position. In YAML a folded block (`>`) joins lines, so
 * `my_batch_job ...\ncurl http://localhost:9091/quitquitquit` becomes ONE command whose
 * arguments include "curl" (the Cloud SQL proxy's published Job example does exactly this).
 */

/** How a simple command is reached. */
export enum CommandLink {
  /** The first command, or one after `;`, `&`, a newline or `|`: it always runs. */
  ALWAYS = 'always',
  /** After `&&`: only when the command before succeeded. */
  ON_SUCCESS = 'on-success',
  /** After `||`: only when the command before failed. */
  ON_FAILURE = 'on-failure',
  /** The action of a `trap ... EXIT` (or any trap): when the shell exits. */
  TRAP = 'trap',
}

/** One simple command: its words after quote removal, and how it is reached. */
export interface SimpleCommand {
  readonly argv: string[];
  readonly link: CommandLink;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'busybox sh']);
const RESERVED_PREFIX = new Set(['!', 'if', 'then', 'else', 'elif', 'do', 'while', 'until', 'time', '{', '(']);
const RESERVED_ALONE = new Set(['fi', 'done', 'esac', '}', ')']);
const WRAPPERS = new Set(['exec', 'command', 'nohup', 'env']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** The last path segment of a program: `/usr/bin/curl` -> `curl`. */
export function programName(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

/**
 * The script of a shell run with `-c`: `sh [-e...] -c SCRIPT [name [args...]]`, the first operand
 * after -c (or a combined flag such as -ec); `undefined` when `argv` is not a shell given a script.
 */
export function shellScriptOf(argv: ReadonlyArray<string>): string | undefined {
  if (argv.length === 0 || !SHELLS.has(programName(argv[0]))) return undefined;
  for (let i = 1; i < argv.length; i++) {
    const w = argv[i];
    if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(w)) return argv[i + 1];
    if (!w.startsWith('-')) return undefined;
  }
  return undefined;
}

/**
 * Every simple command a container argv runs (`command` followed by `args`, as the kubelet joins
 * them): the argv itself, and recursively the scripts of shells (`sh -c`), traps and command
 * substitutions found in it.
 */
export function commandsOfArgv(argv: ReadonlyArray<string>, link: CommandLink = CommandLink.ALWAYS): SimpleCommand[] {
  const words = stripPrefix([...argv]);
  if (words.length === 0) return [];
  const out: SimpleCommand[] = [{ argv: words, link }];
  const program = programName(words[0]);
  const script = shellScriptOf(words);
  if (script !== undefined) {
    out.push(...commandsOfScript(script, link));
  } else if (program === 'trap' && words.length >= 2) {
    out.push(...commandsOfScript(words[1], CommandLink.TRAP));
  }
  return out;
}

/** A token of a shell script: a word after quote removal, or an operator (`;` `;;` newline `&&` `||` `&` `|` `(` `)`). */
export interface ScriptToken {
  readonly word?: string;
  readonly op?: string;
  /** The script of a command substitution (`$(...)` or backquotes) met inside the current command. */
  readonly nested?: string;
}

/**
 * The tokens of a shell script (XCU 2.3 token recognition, 2.2 quoting): words after quote removal,
 * operators, and the scripts of command substitutions in the order met. Comments and redirections
 * (with their targets and file-descriptor numbers) are dropped; `$((...))` arithmetic stays in its word.
 */
export function scriptTokens(script: string): ScriptToken[] {
  const out: ScriptToken[] = [];
  let word: string | undefined;
  let skipRedirectTarget = false;

  const endWord = () => {
    if (word === undefined) return;
    if (skipRedirectTarget) {
      skipRedirectTarget = false;
    } else {
      out.push({ word });
    }
    word = undefined;
  };
  const op = (text: string) => {
    endWord();
    out.push({ op: text });
  };
  const append = (text: string) => {
    word = (word ?? '') + text;
  };

  let i = 0;
  const s = script;
  while (i < s.length) {
    const ch = s[i];
    if (ch === '\\') {
      if (s[i + 1] === '\n') {
        i += 2; // line continuation
      } else {
        append(s[i + 1] ?? '');
        i += 2;
      }
    } else if (ch === '\'') {
      const end = s.indexOf('\'', i + 1);
      append(end < 0 ? s.slice(i + 1) : s.slice(i + 1, end));
      i = end < 0 ? s.length : end + 1;
    } else if (ch === '"') {
      let j = i + 1;
      let text = '';
      while (j < s.length && s[j] !== '"') {
        if (s[j] === '\\' && j + 1 < s.length && '"\\$`\n'.includes(s[j + 1])) {
          if (s[j + 1] !== '\n') text += s[j + 1];
          j += 2;
        } else if (s[j] === '$' && s[j + 1] === '(' && s[j + 2] !== '(') {
          const end = matchingParen(s, j + 1);
          out.push({ nested: s.slice(j + 2, end) });
          text += s.slice(j, end + 1);
          j = end + 1;
        } else {
          text += s[j];
          j++;
        }
      }
      append(text);
      i = j + 1;
    } else if (ch === '$' && s[i + 1] === '(') {
      // $((...)) is arithmetic, part of the word; $(...) a command substitution.
      const end = matchingParen(s, i + 1);
      if (s[i + 2] !== '(') out.push({ nested: s.slice(i + 2, end) });
      append(s.slice(i, end + 1));
      i = end + 1;
    } else if (ch === '`') {
      const end = s.indexOf('`', i + 1);
      out.push({ nested: end < 0 ? s.slice(i + 1) : s.slice(i + 1, end) });
      i = end < 0 ? s.length : end + 1;
    } else if (ch === '#' && word === undefined) {
      const end = s.indexOf('\n', i);
      i = end < 0 ? s.length : end;
    } else if (ch === ' ' || ch === '\t') {
      endWord();
      i++;
    } else if (ch === '\n') {
      op('\n');
      i++;
    } else if (ch === ';') {
      op(s[i + 1] === ';' ? ';;' : ';');
      i += s[i + 1] === ';' ? 2 : 1;
    } else if ((ch === '&' || ch === '|') && s[i + 1] === ch) {
      op(ch + ch);
      i += 2;
    } else if (ch === '&' || ch === '|' || ch === '(' || ch === ')') {
      op(ch);
      i++;
    } else if (ch === '>' || ch === '<') {
      // A redirection: an all-digit word just before it is its file descriptor, not an argument.
      if (word !== undefined && /^[0-9]+$/.test(word)) word = undefined;
      endWord();
      let j = i + 1;
      while (j < s.length && (s[j] === '>' || s[j] === '<' || s[j] === '|')) j++;
      if (s[j] === '&') {
        j++;
        while (j < s.length && /[0-9-]/.test(s[j])) j++;
      } else {
        skipRedirectTarget = true;
      }
      i = j;
    } else {
      append(ch);
      i++;
    }
  }
  endWord();
  return out;
}

/** Every simple command of a shell script, nested scripts included. */
export function commandsOfScript(script: string, first: CommandLink = CommandLink.ALWAYS): SimpleCommand[] {
  const out: SimpleCommand[] = [];
  let words: string[] = [];
  let link = first;

  const endCommand = (following: CommandLink) => {
    const cleaned = stripPrefix(words);
    if (cleaned.length > 0 && !(cleaned.length === 1 && RESERVED_ALONE.has(cleaned[0]))) {
      out.push(...commandsOfArgv(cleaned, link));
    }
    words = [];
    link = following === CommandLink.ALWAYS && first === CommandLink.TRAP ? CommandLink.TRAP : following;
  };

  for (const t of scriptTokens(script)) {
    if (t.word !== undefined) {
      words.push(t.word);
    } else if (t.nested !== undefined) {
      out.push(...commandsOfScript(t.nested, link));
    } else {
      endCommand(t.op === '&&' ? CommandLink.ON_SUCCESS : t.op === '||' ? CommandLink.ON_FAILURE : CommandLink.ALWAYS);
    }
  }
  endCommand(CommandLink.ALWAYS);
  return out;
}

/** A command of a parsed script (XCU 2.9): a simple command, a loop, or another compound command. */
export interface ShellNode {
  /** `simple`, `while`, `until`, `for`, `if`, `case`, `{`, `(` or `function` (a definition: its body does not run there). */
  readonly kind: string;
  /** A simple command's words, assignments and wrappers included; a function definition's name. */
  readonly words: string[];
  /** The lists inside a compound command: a loop's condition then its body; an if's conditions and branches; ... */
  readonly parts: ShellList[];
}

/** An and-or list (`a && b | c`) with the commands of its pipelines, and whether it runs in the background (`&`). */
export interface ShellItem {
  readonly commands: ShellNode[];
  readonly background: boolean;
}

/** A list of and-or lists, in order. */
export type ShellList = ShellItem[];

/**
 * The structure of a shell script (XCU 2.9.3-2.9.5 lists, compound commands, function definitions),
 * enough to tell what runs in the foreground and what a loop can leave. Tolerant: an unclosed
 * construct ends with the script, a stray operator is skipped; it never throws.
 */
export function parseScript(script: string): ShellList {
  const tokens = scriptTokens(script).filter((t) => t.nested === undefined);
  let i = 0;
  const word = (w: string) => tokens[i]?.word === w;
  const op = (o: string) => tokens[i]?.op === o;
  const accept = (w: string) => {
    if (word(w)) i++;
  };
  const skipNewlines = () => {
    while (op('\n')) i++;
  };

  const list = (stopWords: ReadonlyArray<string>, stopOps: ReadonlyArray<string> = []): ShellList => {
    const items: ShellItem[] = [];
    while (i < tokens.length) {
      while (op('\n') || op(';')) i++;
      const t = tokens[i];
      if (t === undefined || (t.op !== undefined && stopOps.includes(t.op)) || (t.word !== undefined && stopWords.includes(t.word))) break;
      const before = i;
      const commands: ShellNode[] = [];
      for (;;) {
        pipeline(commands);
        if (!op('&&') && !op('||')) break;
        i++;
        skipNewlines();
      }
      const background = op('&');
      if (background) i++;
      if (commands.length > 0) items.push({ commands, background });
      if (i === before) i++; // a stray operator: skip it
    }
    return items;
  };

  const pipeline = (into: ShellNode[]) => {
    while (word('!') || word('time')) i++;
    for (;;) {
      const c = command();
      if (c) into.push(c);
      if (!op('|')) return;
      i++;
      skipNewlines();
    }
  };

  const command = (): ShellNode | undefined => {
    const t = tokens[i];
    if (t === undefined) return undefined;
    if (t.op === '(') {
      i++;
      const body = list([], [')']);
      if (op(')')) i++;
      return { kind: '(', words: [], parts: [body] };
    }
    switch (t.word) {
      case 'while':
      case 'until': {
        i++;
        const condition = list(['do']);
        accept('do');
        const body = list(['done']);
        accept('done');
        return { kind: t.word, words: [], parts: [condition, body] };
      }
      case 'for': {
        i++;
        while (i < tokens.length && !word('do') && tokens[i].word !== undefined) i++; // name [in words...]
        while (op(';') || op('\n')) i++;
        accept('do');
        const body = list(['done']);
        accept('done');
        return { kind: 'for', words: [], parts: [[], body] };
      }
      case 'if': {
        i++;
        const parts: ShellList[] = [list(['then'])];
        accept('then');
        parts.push(list(['elif', 'else', 'fi']));
        while (word('elif')) {
          i++;
          parts.push(list(['then']));
          accept('then');
          parts.push(list(['elif', 'else', 'fi']));
        }
        if (word('else')) {
          i++;
          parts.push(list(['fi']));
        }
        accept('fi');
        return { kind: 'if', words: [], parts };
      }
      case 'case': {
        i++;
        while (i < tokens.length && !word('in')) i++;
        accept('in');
        const parts: ShellList[] = [];
        for (;;) {
          while (op('\n') || op(';') || op(';;')) i++;
          if (i >= tokens.length || word('esac')) break;
          if (op('(')) i++;
          while (i < tokens.length && !op(')')) i++; // the pattern
          i++;
          parts.push(list(['esac'], [';;']));
        }
        accept('esac');
        return { kind: 'case', words: [], parts };
      }
      case '{': {
        i++;
        const body = list(['}']);
        accept('}');
        return { kind: '{', words: [], parts: [body] };
      }
      case 'function': {
        i++;
        const name = tokens[i]?.word ?? '';
        i++;
        return definition(name);
      }
      default:
    }
    const words: string[] = [];
    while (i < tokens.length && tokens[i].word !== undefined) words.push(tokens[i++].word!);
    if (words.length === 1 && op('(') && tokens[i + 1]?.op === ')') {
      i += 2;
      return definition(words[0]);
    }
    return words.length > 0 ? { kind: 'simple', words, parts: [] } : undefined;
  };

  const definition = (name: string): ShellNode => {
    if (op('(') && tokens[i + 1]?.op === ')') i += 2;
    skipNewlines();
    const body = command();
    return { kind: 'function', words: [name], parts: body ? [[{ commands: [body], background: false }]] : [] };
  };

  return list([]);
}

/** Drops what comes before the program: reserved words, `VAR=value` assignments, `exec`/`env`/`nohup`/`command`. */
function stripPrefix(words: string[]): string[] {
  let i = 0;
  while (i < words.length && (RESERVED_PREFIX.has(words[i]) || ASSIGNMENT.test(words[i]) || WRAPPERS.has(words[i]))) i++;
  return words.slice(i);
}

/** Index of the `)` that closes the `(` at `open`, skipping quoted text; the end of the input when unclosed. */
function matchingParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const ch = s[i];
    if (ch === '\\') {
      i++;
    } else if (ch === '\'') {
      const end = s.indexOf('\'', i + 1);
      i = end < 0 ? s.length : end;
    } else if (ch === '(') {
      depth++;
    } else if (ch === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return s.length;
}

/**
 * The seconds a command sleeps before anything else, when its first simple command is
 * `sleep N` (N whole or decimal seconds, optionally with an `s` suffix); `undefined` otherwise.
 * Used for hooks such as argo-cd's sentinel postStart `sleep 30; redis-cli ...`.
 */
export function leadingSleepSeconds(argv: ReadonlyArray<string>): number | undefined {
  const all = commandsOfArgv(argv);
  // commandsOfArgv lists the outer argv first; for a shell, its script's commands follow.
  const first = all.length > 1 && SHELLS.has(programName(all[0].argv[0])) ? all[1] : all[0];
  if (!first || programName(first.argv[0]) !== 'sleep' || first.argv.length !== 2) return undefined;
  const m = /^([0-9]+(?:\.[0-9]+)?)s?$/.exec(first.argv[1]);
  return m ? Number(m[1]) : undefined;
}
