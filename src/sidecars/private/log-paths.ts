import * as path from 'path';

/**
 * Problems with one log file path, as `Invalid value` details; empty when the path is usable.
 *
 * The checks are about what the path is used for, not about shell safety: paths are passed as
 * literal arguments (argv) or quoted, so spaces, quotes, `$()` and `;` are all fine.
 * - absolute: the shipper and the app see the shared volume at the same directory;
 * - a file below a directory other than `/`: that directory is where the shared volume is mounted;
 * - no NUL: no argument or file name may hold one;
 * - no `.`/`..` segments: the mount directory must be the directory the app really writes to.
 */
export function logPathProblems(p: unknown): string[] {
  if (typeof p !== 'string' || p === '') return ['must be a non-empty absolute file path'];
  const problems: string[] = [];
  if (!p.startsWith('/')) problems.push('must be an absolute path (start with "/")');
  if (p.includes('\0')) problems.push('must not contain a NUL character');
  if (p.endsWith('/')) problems.push('must name a file, not a directory (no trailing "/")');
  if (p.split('/').some((s) => s === '.' || s === '..')) problems.push('must not contain "." or ".." segments');
  if (problems.length === 0 && path.posix.dirname(p) === '/') problems.push('must be in a directory below "/" (the shared volume is mounted on that directory)');
  return problems;
}

/** The directory the shared log volume is mounted on for a log file path. */
export function logDirectory(p: string): string {
  return path.posix.dirname(p);
}
