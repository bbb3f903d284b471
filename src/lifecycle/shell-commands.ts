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
 * Every simple command a container argv runs (`command` followed by `args`, as the kubelet joins
 * them): the argv itself, and recursively the scripts of shells (`sh -c`), traps and command
 * substitutions found in it.
 */
export function commandsOfArgv(argv: ReadonlyArray<string>, link: CommandLink = CommandLink.ALWAYS): SimpleCommand[] {
  const words = stripPrefix([...argv]);
  if (words.length === 0) return [];
  const out: SimpleCommand[] = [{ argv: words, link }];
  const program = programName(words[0]);
  if (SHELLS.has(program)) {
    // sh [-e...] -c SCRIPT [name [args...]]: the first operand after -c (or a combined -ec) is the script.
    for (let i = 1; i < words.length; i++) {
      const w = words[i];
      if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(w)) {
        if (i + 1 < words.length) out.push(...commandsOfScript(words[i + 1], link));
        break;
      }
      if (!w.startsWith('-')) break;
    }
  } else if (program === 'trap' && words.length >= 2) {
    out.push(...commandsOfScript(words[1], CommandLink.TRAP));
  }
  return out;
}

/** Every simple command of a shell script, nested scripts included. */
export function commandsOfScript(script: string, first: CommandLink = CommandLink.ALWAYS): SimpleCommand[] {
  const out: SimpleCommand[] = [];
  let words: string[] = [];
  let word: string | undefined;
  let link = first;
  let nextLink = first;
  let skipRedirectTarget = false;

  const endWord = () => {
    if (word === undefined) return;
    if (skipRedirectTarget) {
      skipRedirectTarget = false;
    } else {
      words.push(word);
    }
    word = undefined;
  };
  const endCommand = (following: CommandLink) => {
    endWord();
    const cleaned = stripPrefix(words);
    if (cleaned.length > 0 && !(cleaned.length === 1 && RESERVED_ALONE.has(cleaned[0]))) {
      out.push(...commandsOfArgv(cleaned, link));
    }
    words = [];
    link = following === CommandLink.ALWAYS && first === CommandLink.TRAP ? CommandLink.TRAP : following;
    nextLink = link;
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
          out.push(...commandsOfScript(s.slice(j + 2, end), nextLink));
          text += s.slice(j, end + 1);
          j = end + 1;
        } else {
          text += s[j];
          j++;
        }
      }
      append(text);
      i = j + 1;
    } else if (ch === '$' && s[i + 1] === '(' && s[i + 2] !== '(') {
      const end = matchingParen(s, i + 1);
      out.push(...commandsOfScript(s.slice(i + 2, end), nextLink));
      append(s.slice(i, end + 1));
      i = end + 1;
    } else if (ch === '`') {
      const end = s.indexOf('`', i + 1);
      out.push(...commandsOfScript(end < 0 ? s.slice(i + 1) : s.slice(i + 1, end), nextLink));
      i = end < 0 ? s.length : end + 1;
    } else if (ch === '#' && word === undefined) {
      const end = s.indexOf('\n', i);
      i = end < 0 ? s.length : end;
    } else if (ch === ' ' || ch === '\t') {
      endWord();
      i++;
    } else if (ch === '\n' || ch === ';') {
      endCommand(CommandLink.ALWAYS);
      i += s[i + 1] === ';' && ch === ';' ? 2 : 1;
    } else if (ch === '&' && s[i + 1] === '&') {
      endCommand(CommandLink.ON_SUCCESS);
      i += 2;
    } else if (ch === '|' && s[i + 1] === '|') {
      endCommand(CommandLink.ON_FAILURE);
      i += 2;
    } else if (ch === '&' || ch === '|' || ch === '(' || ch === ')') {
      endCommand(CommandLink.ALWAYS);
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
  endCommand(CommandLink.ALWAYS);
  return out;
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
