import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ByteSource } from './read/manifest-reader';

/** What a path is, as `lint` needs to know before reading it. */
export type FileKind = 'file' | 'directory' | 'missing' | 'fifo' | 'socket' | 'character device' | 'block device' | 'other';

export interface FileInfo {
  readonly kind: FileKind;
  /** Bytes, for regular files. */
  readonly size: number;
  /** `dev:ino`: the same file or directory reached through two paths (links) has the same id. */
  readonly id: string;
}

/** A file being written beside its target, renamed over it only when complete. */
export interface TempFile {
  readonly path: string;
  write(bytes: Buffer): void;
  /** Flushes and closes. */
  close(): void;
  remove(): void;
}

/**
 * Everything the command line touches outside itself. `main()` only talks to the world
 * through this, so tests run it in process with files in memory and read the exit code.
 */
export interface CliIo {
  /** The working directory relative paths are resolved against. */
  readonly cwd: string;
  /** True when standard error is a terminal (progress lines are drawn only there). */
  readonly stderrIsTty: boolean;
  /** Writes to standard output (no newline added). */
  writeStdout(text: string): void;
  /** Writes to standard error (no newline added). */
  writeStderr(text: string): void;
  /** Milliseconds, for progress lines. */
  now(): number;
  /** Standard input, block by block. */
  stdin(): AsyncIterable<Buffer>;
  /** What `absolutePath` is, following symbolic links. */
  stat(absolutePath: string): FileInfo;
  /** True if `absolutePath` itself is a symbolic link. */
  isSymlink(absolutePath: string): boolean;
  /** The path with every symbolic link resolved. */
  realpath(absolutePath: string): string;
  /** Names (not paths) of the entries of a directory. */
  listDirectory(absolutePath: string): string[];
  /**
   * Opens a regular file for reading. Throws a Node.js-style error (`code` ENOENT, EACCES, ...)
   * when it cannot, and one with code `ENOTREG` (and `kind`) when it is not a regular file: a FIFO,
   * a socket or a device is never read (a FIFO would block, `/dev/zero` never ends).
   */
  openFile(absolutePath: string): ByteSource;
  /** A new temporary file in `directory` (beside a target that will replace it), or in the system's temp dir. */
  createTempFile(directory?: string): TempFile;
  /** Renames `from` over `to` (atomic on one file system). */
  rename(from: string, to: string): void;
}

/** The real process: `process.stdout`, the file system, `process.cwd()`. */
export function nodeIo(): CliIo {
  return {
    cwd: process.cwd(),
    stderrIsTty: process.stderr.isTTY === true,
    writeStdout: (text) => { process.stdout.write(text); },
    writeStderr: (text) => { process.stderr.write(text); },
    now: () => Date.now(),
    stdin: () => process.stdin as AsyncIterable<Buffer>,
    stat: (p) => {
      try {
        return infoOf(fs.statSync(p));
      } catch {
        return { kind: 'missing', size: 0, id: '' };
      }
    },
    isSymlink: (p) => {
      try {
        return fs.lstatSync(p).isSymbolicLink();
      } catch {
        return false;
      }
    },
    realpath: (p) => fs.realpathSync(p),
    listDirectory: (p) => fs.readdirSync(p),
    openFile: (p) => openRegularFile(p),
    createTempFile: (dir) => {
      const p = path.join(dir ?? os.tmpdir(), `.cdk8s-sidecars-${process.pid}-${crypto.randomBytes(6).toString('hex')}.tmp`);
      // wx: never follow or reuse an existing path.
      const fd = fs.openSync(p, 'wx', 0o600);
      let open = true;
      return {
        path: p,
        write: (bytes) => {
          let off = 0;
          while (off < bytes.length) off += fs.writeSync(fd, bytes, off, bytes.length - off);
        },
        close: () => {
          if (!open) return;
          open = false;
          fs.fsyncSync(fd);
          fs.closeSync(fd);
        },
        remove: () => {
          if (open) {
            open = false;
            fs.closeSync(fd);
          }
          fs.rmSync(p, { force: true });
        },
      };
    },
    rename: (from, to) => fs.renameSync(from, to),
  };
}

export function infoOf(s: fs.Stats): FileInfo {
  const kind: FileKind = s.isFile() ? 'file' : s.isDirectory() ? 'directory' : s.isFIFO() ? 'fifo' : s.isSocket() ? 'socket'
    : s.isCharacterDevice() ? 'character device' : s.isBlockDevice() ? 'block device' : 'other';
  return { kind, size: s.size, id: `${s.dev}:${s.ino}` };
}

/**
 * Opens without blocking (a FIFO with no writer would block `open` itself), then checks what was
 * opened, so a path swapped between a check and the open is still refused.
 */
function openRegularFile(p: string): ByteSource {
  // eslint-disable-next-line no-bitwise
  const fd = fs.openSync(p, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const info = infoOf(fs.fstatSync(fd));
    if (info.kind !== 'file') throw Object.assign(new Error(`not a regular file: ${info.kind}`), { code: 'ENOTREG', kind: info.kind });
  } catch (e) {
    fs.closeSync(fd);
    throw e;
  }
  let closed = false;
  return {
    read: (max) => {
      const buf = Buffer.allocUnsafe(max);
      const n = fs.readSync(fd, buf, 0, max, null);
      return n === max ? buf : buf.subarray(0, n);
    },
    close: () => {
      if (closed) return;
      closed = true;
      fs.closeSync(fd);
    },
  };
}

/** Resolves a user-given path against the io's working directory. */
export function resolvePath(io: CliIo, userPath: string): string {
  return path.resolve(io.cwd, userPath);
}
