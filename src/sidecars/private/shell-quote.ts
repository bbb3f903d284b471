/**
 * Characters that never need quoting in a POSIX shell word. Anything else makes us quote the
 * whole word, so `/opt/logs.txt` stays readable while `/opt/a b;$(id)` becomes one literal word.
 */
const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * Quotes one argument for a POSIX `sh -c` command line so that the shell passes it through as
 * exactly one literal argument: inside single quotes nothing is special, and a single quote
 * itself is written as `'\''` (close, escaped quote, reopen). POSIX.1-2017 XCU 2.2.2.
 */
export function shellQuote(word: string): string {
  if (word === '') return "''";
  if (SAFE_WORD.test(word)) return word;
  return `'${word.replace(/'/g, "'\\''")}'`;
}

/** Joins argv into a command line for `sh -c`, each argument quoted. */
export function shellCommandLine(argv: string[]): string {
  return argv.map(shellQuote).join(' ');
}
