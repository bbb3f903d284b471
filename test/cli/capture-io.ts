import * as crypto from 'crypto';
import * as path from 'path';
import { CliEngine } from '../../src/cli/cli-engine';
import { CliIo, FileInfo, nodeIo } from '../../src/cli/cli-io';
import { main } from '../../src/cli/main';
import { bufferSource } from '../../src/cli/read/manifest-reader';

/** The repository root: fixture paths in tests are relative to it, as a user would type them. */
export const REPO = path.join(__dirname, '..', '..');

export interface CaptureOptions {
  /** Files that exist only in memory, by path relative to `cwd` (they shadow the disk). */
  readonly files?: Record<string, string | Buffer>;
  /** Standard input. */
  readonly stdin?: string | Buffer;
  /** Working directory (default: the repository root). */
  readonly cwd?: string;
  /** Pretend standard error is a terminal, with this clock (ms per call). */
  readonly tty?: { readonly msPerCall: number };
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Files written by the run (absolute path -> text), after their rename into place. */
  readonly written: Record<string, string>;
}

/**
 * A real `CliIo` over the disk, with in-memory files layered on top and every output captured.
 * Writes go to memory too (a temporary file, then renamed: `written` holds the renamed ones).
 */
export function captureIo(options: CaptureOptions = {}) {
  const cwd = options.cwd ?? REPO;
  const real = nodeIo();
  const memory = new Map<string, Buffer>(Object.entries(options.files ?? {}).map(([p, c]) => [path.resolve(cwd, p), Buffer.isBuffer(c) ? c : Buffer.from(c, 'utf-8')]));
  const out = { stdout: '', stderr: '', written: {} as Record<string, string> };
  const isMemoryDir = (abs: string) => [...memory.keys()].some((k) => k.startsWith(abs + path.sep));
  const memoryInfo = (abs: string): FileInfo | undefined => {
    if (memory.has(abs)) return { kind: 'file', size: memory.get(abs)!.length, id: `memory:${abs}` };
    if (isMemoryDir(abs)) return { kind: 'directory', size: 0, id: `memory-dir:${abs}` };
    return undefined;
  };
  let clock = 0;
  const io: CliIo = {
    cwd,
    stderrIsTty: options.tty !== undefined,
    writeStdout: (t) => { out.stdout += t; },
    writeStderr: (t) => { out.stderr += t; },
    now: () => (clock += options.tty?.msPerCall ?? 0),
    stdin: async function* stdin() {
      if (options.stdin !== undefined) yield Buffer.isBuffer(options.stdin) ? options.stdin : Buffer.from(options.stdin, 'utf-8');
    },
    stat: (abs) => memoryInfo(abs) ?? real.stat(abs),
    isSymlink: (abs) => (memoryInfo(abs) ? false : real.isSymlink(abs)),
    realpath: (abs) => (memoryInfo(abs) ? abs : real.realpath(abs)),
    listDirectory: (abs) => {
      const fromMemory = [...memory.keys()].filter((k) => k.startsWith(abs + path.sep)).map((k) => k.slice(abs.length + 1).split(path.sep)[0]);
      const fromDisk = real.stat(abs).kind === 'directory' ? real.listDirectory(abs) : [];
      return [...new Set([...fromDisk, ...fromMemory])];
    },
    openFile: (abs) => (memory.has(abs) ? bufferSource(memory.get(abs)!) : real.openFile(abs)),
    createTempFile: (dir) => {
      const p = path.join(dir ?? path.join(cwd, '.tmp-memory'), `.cdk8s-sidecars-test-${crypto.randomBytes(4).toString('hex')}.tmp`);
      const chunks: Buffer[] = [];
      memory.set(p, Buffer.alloc(0));
      return {
        path: p,
        write: (b) => { chunks.push(Buffer.from(b)); },
        close: () => { memory.set(p, Buffer.concat(chunks)); },
        remove: () => { memory.delete(p); },
      };
    },
    rename: (from, to) => {
      const bytes = memory.get(from);
      if (bytes === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      memory.delete(from);
      memory.set(to, bytes);
      out.written[to] = bytes.toString('utf-8');
    },
  };
  return { io, out, memory };
}

/** Runs the CLI in process. */
export async function run(argv: string[], options: CaptureOptions = {}, engine?: CliEngine): Promise<CliRun> {
  const { io, out } = captureIo(options);
  const code = await main(argv, io, engine);
  return { code, ...out };
}
