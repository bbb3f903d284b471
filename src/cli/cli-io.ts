import * as fs from 'fs';
import * as path from 'path';

/**
 * Everything the command line touches outside itself. `main()` only talks to the world
 * through this, so tests run it in process with files in memory and read the exit code.
 */
export interface CliIo {
  /** The working directory relative paths are resolved against. */
  readonly cwd: string;
  /** Writes to standard output (no newline added). */
  writeStdout(text: string): void;
  /** Writes to standard error (no newline added). */
  writeStderr(text: string): void;
  /** Reads all of standard input. */
  readStdin(): Promise<Buffer>;
  /** Reads a whole file (absolute path). Throws a Node.js `ENOENT`/`EISDIR`/... error when it cannot. */
  readFile(absolutePath: string): Buffer;
  /** Writes a whole file (absolute path). */
  writeFile(absolutePath: string, text: string): void;
  /** `file`, `directory` or `missing` (anything else, such as a socket, counts as `file` and fails on read). */
  kindOf(absolutePath: string): 'file' | 'directory' | 'missing';
  /** Names (not paths) of the entries of a directory. */
  listDirectory(absolutePath: string): string[];
}

/** The real process: `process.stdout`, the file system, `process.cwd()`. */
export function nodeIo(): CliIo {
  return {
    cwd: process.cwd(),
    writeStdout: (text) => { process.stdout.write(text); },
    writeStderr: (text) => { process.stderr.write(text); },
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
      return Buffer.concat(chunks);
    },
    readFile: (p) => fs.readFileSync(p),
    writeFile: (p, text) => fs.writeFileSync(p, text, 'utf-8'),
    kindOf: (p) => {
      try {
        return fs.statSync(p).isDirectory() ? 'directory' : 'file';
      } catch {
        return 'missing';
      }
    },
    listDirectory: (p) => fs.readdirSync(p),
  };
}

/** Resolves a user-given path against the io's working directory. */
export function resolvePath(io: CliIo, userPath: string): string {
  return path.resolve(io.cwd, userPath);
}
