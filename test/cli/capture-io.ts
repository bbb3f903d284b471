import * as path from 'path';
import { CliEngine } from '../../src/cli/cli-engine';
import { CliIo, nodeIo } from '../../src/cli/cli-io';
import { main } from '../../src/cli/main';

/** The repository root: fixture paths in tests are relative to it, as a user would type them. */
export const REPO = path.join(__dirname, '..', '..');

export interface CaptureOptions {
  /** Files that exist only in memory, by path relative to `cwd` (they shadow the disk). */
  readonly files?: Record<string, string | Buffer>;
  /** Standard input. */
  readonly stdin?: string | Buffer;
  /** Working directory (default: the repository root). */
  readonly cwd?: string;
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Files written by the run (absolute path -> text). */
  readonly written: Record<string, string>;
}

/** A real `CliIo` over the disk, with in-memory files layered on top and every output captured. */
export function captureIo(options: CaptureOptions = {}) {
  const cwd = options.cwd ?? REPO;
  const real = nodeIo();
  const memory = new Map<string, Buffer>(Object.entries(options.files ?? {}).map(([p, c]) => [path.resolve(cwd, p), Buffer.isBuffer(c) ? c : Buffer.from(c, 'utf-8')]));
  const out = { stdout: '', stderr: '', written: {} as Record<string, string> };
  const isMemoryDir = (abs: string) => [...memory.keys()].some((k) => k.startsWith(abs + path.sep));
  const io: CliIo = {
    cwd,
    writeStdout: (t) => { out.stdout += t; },
    writeStderr: (t) => { out.stderr += t; },
    readStdin: async () => (options.stdin === undefined ? Buffer.alloc(0) : Buffer.isBuffer(options.stdin) ? options.stdin : Buffer.from(options.stdin, 'utf-8')),
    readFile: (abs) => memory.get(abs) ?? real.readFile(abs),
    writeFile: (abs, text) => { out.written[abs] = text; },
    kindOf: (abs) => (memory.has(abs) ? 'file' : isMemoryDir(abs) ? 'directory' : real.kindOf(abs)),
    listDirectory: (abs) => {
      const fromMemory = [...memory.keys()].filter((k) => k.startsWith(abs + path.sep)).map((k) => k.slice(abs.length + 1).split(path.sep)[0]);
      const fromDisk = real.kindOf(abs) === 'directory' ? real.listDirectory(abs) : [];
      return [...new Set([...fromDisk, ...fromMemory])];
    },
  };
  return { io, out };
}

/** Runs the CLI in process. */
export async function run(argv: string[], options: CaptureOptions = {}, engine?: CliEngine): Promise<CliRun> {
  const { io, out } = captureIo(options);
  const code = await main(argv, io, engine);
  return { code, ...out };
}
