/**
 * Runs the commands our modes generate, the way the kubelet would (`command` then `args`), as
 * real processes with a real shell, in their own process group so that a test can always kill
 * everything it started.
 *
 * Tests never sleep for a fixed time: they wait for an event (a process exits, a line appears on its
 * stderr, a marker file changes, a process installs a signal handler or starts its next poll), each
 * wait bounded by `BOUND_MS`. A passing test therefore takes as long as the protocol needs and no
 * more, and a loaded machine only makes it slower, never red; the bound is reached only when the
 * behaviour is broken. Linux only: the process-tree and signal-mask conditions read /proc.
 */
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** How long any one wait may take before the test fails: far above what the protocol needs. */
export const BOUND_MS = 20_000;
/** Jest's own per-test timeout for these files: room for a few bounded waits. */
export const TEST_TIMEOUT_MS = 3 * BOUND_MS;

export interface Running {
  readonly name: string;
  readonly child: ChildProcess;
  /**
   * Resolves with the exit code (or 128 + signal number), once the process has exited and its
   * stderr is closed, so `stderr()` is complete then.
   */
  readonly exit: Promise<number>;
  /** Everything the process has written to stderr so far. */
  stderr(): string;
  /** True once the process has exited. */
  hasExited(): boolean;
}

const started: Running[] = [];

/** Starts a container's process: argv = command ++ args, env added to ours. */
export function startContainer(name: string, container: { command?: string[]; args?: string[] }, env: Record<string, string> = {}): Running {
  const argv = [...(container.command ?? []), ...(container.args ?? [])];
  if (argv.length === 0) throw new Error(`container ${name} has no command to run`);
  const child = spawn(argv[0], argv.slice(1), { env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  let exited = false;
  child.stderr!.on('data', (d) => { err += String(d); });
  child.on('exit', () => { exited = true; });
  // 'close' (not 'exit'): Node may emit 'exit' before the last stderr data has been read.
  const exit = new Promise<number>((resolve) => {
    child.on('close', (code, exitSignal) => resolve(code ?? 128 + (exitSignal ? os.constants.signals[exitSignal] : 0)));
  });
  const running = { name, child, exit, stderr: () => err, hasExited: () => exited };
  started.push(running);
  return running;
}

/** The exit code, or `'running'` if the process is still running after `ms`. */
export async function exitWithin(r: Running, ms: number = BOUND_MS): Promise<number | 'running'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'running'>((resolve) => { timer = setTimeout(() => resolve('running'), ms); });
  const result = await Promise.race([r.exit, timeout]);
  clearTimeout(timer);
  return result;
}

/** Resolves true as soon as the process's stderr contains `text` (checked on every chunk), false after `ms`. */
export function stderrShows(r: Running, text: string, ms: number = BOUND_MS): Promise<boolean> {
  if (r.stderr().includes(text)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const stream = r.child.stderr!;
    const done = (result: boolean) => {
      clearTimeout(timer);
      stream.off('data', onData);
      stream.off('close', onClose);
      resolve(result);
    };
    const onData = () => { if (r.stderr().includes(text)) done(true); };
    const onClose = () => done(r.stderr().includes(text));
    const timer = setTimeout(() => done(false), ms);
    // Registered after startContainer's own listener, so r.stderr() already holds the chunk.
    stream.on('data', onData);
    stream.on('close', onClose);
  });
}

/**
 * Resolves true as soon as `cond()` holds, false after `ms`. `cond` is checked whenever something
 * in `dir` changes (inotify), and every 50 ms as well for conditions no file event announces (a
 * process tree, a signal mask) or an event the watcher coalesced.
 */
export function until(cond: () => boolean, ms: number = BOUND_MS, dir?: string): Promise<boolean> {
  if (cond()) return Promise.resolve(true);
  return new Promise((resolve) => {
    const watcher = dir ? fs.watch(dir, () => check()) : undefined;
    const poll = setInterval(() => check(), 50);
    const timer = setTimeout(() => finish(cond()), ms);
    function check(): void {
      if (cond()) finish(true);
    }
    function finish(result: boolean): void {
      watcher?.close();
      clearInterval(poll);
      clearTimeout(timer);
      resolve(result);
    }
  });
}

/** Sends a signal to a process (not its group): what the kubelet does to a container's PID 1. */
export function signal(r: Running, sig: NodeJS.Signals): void {
  try {
    process.kill(r.child.pid!, sig);
  } catch { /* already gone */ }
}

/** Kills every process group started by `startContainer` (stray sleeps included). */
export async function killAll(): Promise<void> {
  for (const r of started.splice(0)) {
    try {
      process.kill(-r.child.pid!, 'SIGKILL');
    } catch { /* already gone */ }
  }
}

/** argv of every living descendant of a process (children first), from /proc. */
export function descendants(pid: number): Array<{ pid: number; argv: string[] }> {
  const out: Array<{ pid: number; argv: string[] }> = [];
  const walk = (p: number) => {
    for (const c of readProc(`/proc/${p}/task/${p}/children`).split(' ').filter(Boolean).map(Number)) {
      out.push({ pid: c, argv: readProc(`/proc/${c}/cmdline`).split('\0').filter(Boolean) });
      walk(c);
    }
  };
  walk(pid);
  return out;
}

/**
 * Resolves true once the process tree of `r` has started `n` new `sleep` processes: its poll loop has
 * gone round `n` times (our scripts wait between two checks with `sleep`), false after `ms`.
 */
export async function pollsGoneRound(r: Running, n: number, ms: number = BOUND_MS): Promise<boolean> {
  const isSleep = (d: { argv: string[] }) => path.basename(d.argv[0] ?? '') === 'sleep';
  const before = new Set(descendants(r.child.pid!).filter(isSleep).map((d) => d.pid));
  const seen = new Set<number>();
  return until(() => {
    for (const d of descendants(r.child.pid!).filter(isSleep)) if (!before.has(d.pid)) seen.add(d.pid);
    return seen.size >= n;
  }, ms);
}

/** True when the process has a handler for `sig` installed (SigCgt of /proc/PID/status). */
export function catches(r: Running, sig: NodeJS.Signals): boolean {
  const line = readProc(`/proc/${r.child.pid}/status`).split('\n').find((l) => l.startsWith('SigCgt:'));
  if (!line) return false;
  const mask = BigInt(`0x${line.slice('SigCgt:'.length).trim()}`);
  return (mask / 2n ** BigInt(os.constants.signals[sig] - 1)) % 2n === 1n;
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'sidecar-modes-'));
}

export function readIfExists(file: string): string {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf-8') : '';
}

/** A /proc file, or '' when the process has gone meanwhile. */
function readProc(file: string): string {
  try {
    return fs.readFileSync(file, 'utf-8').trim();
  } catch {
    return '';
  }
}
