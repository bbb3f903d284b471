/**
 * Runs the commands our modes generate, the way the kubelet would (`command` then `args`), as
 * real processes with a real shell, in their own process group so that a test can always kill
 * everything it started.
 */
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface Running {
  readonly name: string;
  readonly child: ChildProcess;
  /** Resolves with the exit code (or 128 + signal number), once. */
  readonly exit: Promise<number>;
  stderr(): string;
}

const started: Running[] = [];

/** Starts a container's process: argv = command ++ args, env added to ours. */
export function startContainer(name: string, container: { command?: string[]; args?: string[] }, env: Record<string, string> = {}): Running {
  const argv = [...(container.command ?? []), ...(container.args ?? [])];
  if (argv.length === 0) throw new Error(`container ${name} has no command to run`);
  const child = spawn(argv[0], argv.slice(1), { env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d) => { err += String(d); });
  const exit = new Promise<number>((resolve) => {
    child.on('exit', (code, exitSignal) => resolve(code ?? 128 + (exitSignal ? os.constants.signals[exitSignal] : 0)));
  });
  const running = { name, child, exit, stderr: () => err };
  started.push(running);
  return running;
}

/** The exit code, or `'running'` if the process is still running after `ms`. */
export async function exitWithin(r: Running, ms: number): Promise<number | 'running'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'running'>((resolve) => { timer = setTimeout(() => resolve('running'), ms); });
  const result = await Promise.race([r.exit, timeout]);
  clearTimeout(timer);
  return result;
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

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'sidecar-modes-'));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `cond` holds or `ms` pass; returns whether it held. */
export async function eventually(cond: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (cond()) return true;
    await sleep(20);
  }
  return cond();
}

export function readIfExists(file: string): string {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf-8') : '';
}
