/**
 * The command line was wrong: an unknown option, a missing argument, a bad option value.
 * Exit code 2; printed as one line with a hint to `--help`.
 */
export class UsageError extends Error {
  constructor(message: string, public readonly command?: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * An input could not be read or parsed (a missing file, a YAML syntax error, a document
 * that is not an object). Exit code 2. `where` is `file` or `file:line:column`.
 */
export class InputError extends Error {
  constructor(public readonly where: string, public readonly detail: string) {
    super(`${where}: ${detail}`);
    this.name = 'InputError';
  }
}

/** Exit codes, as `lint` documents them. */
export enum ExitCode {
  /** Nothing at or above `--fail-on`. */
  OK = 0,
  /** Findings at or above `--fail-on` (lint), or a refused migration's engine errors. */
  FINDINGS = 1,
  /** Usage error or unreadable input. */
  USAGE_OR_INPUT = 2,
}

/**
 * Messages from libraries and Node.js may span several lines (the `yaml` package appends a
 * code frame). A CLI error is one line: keep the first line, trimmed.
 */
export function oneLine(message: unknown): string {
  const text = message instanceof Error ? message.message : String(message);
  const first = text.split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '') ?? '';
  return first.length > 300 ? `${first.slice(0, 297)}...` : first;
}

/**
 * Engine errors list every problem on its own line (field path, value, fix); the CLI keeps all
 * of them but on one line, joined with `; `, so each error stays one line in a CI log.
 */
export function flattenLines(message: unknown): string {
  const text = message instanceof Error ? message.message : String(message);
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '').join('; ');
}
