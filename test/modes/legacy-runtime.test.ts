/**
 * The LEGACY mode's run-to-completion wrappers, run for real: the wrapped app marks its exit in a
 * temporary directory (standing for the shared emptyDir) and the wrapped sidecar stops on it, so
 * that a Job's pod can complete.
 */
import * as fs from 'fs';
import * as path from 'path';
import { eventually, exitWithin, killAll, readIfExists, signal, sleep, startContainer, tempDir } from './run-protocol';
import { KubernetesVersion } from '../../src/engine/kubernetes-version';
import { applySidecarMode } from '../../src/modes/apply-sidecar-mode';
import { SidecarMode } from '../../src/modes/sidecar-mode';

const SHELLS = ['/bin/sh', '/bin/bash'].filter((s) => fs.existsSync(s));

function legacyJob(dir: string, shell: string, app: { command: string[]; args?: string[] }, sidecar: { command: string[]; args?: string[] }, restartPolicy = 'Never') {
  const result = applySidecarMode({
    restartPolicy,
    initContainers: [{ name: 'logshipper', image: 'alpine', restartPolicy: 'Always', ...sidecar }],
    containers: [{ name: 'myjob', image: 'alpine', ...app }],
  }, SidecarMode.LEGACY, { targetVersion: KubernetesVersion.of('1.27'), lifecycleMountPath: dir, shell, pollSeconds: 0.05, stopTimeoutSeconds: 0.5 });
  expect(result.findings).toEqual([]);
  const [wrappedSidecar, wrappedApp] = result.podSpec.containers as any[];
  return { wrappedSidecar, wrappedApp };
}

afterEach(killAll);

describe.each(SHELLS)('LEGACY Job wrappers run with %s', (shell) => {
  let dir: string;
  let out: string;
  beforeEach(() => {
    dir = tempDir();
    out = path.join(dir, 'events.txt');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const RECORDING_SIDECAR = { command: ['sh', '-c', 'trap \'echo sidecar-stopped >> "$OUT"; exit 0\' TERM; echo sidecar-up >> "$OUT"; while :; do sleep 0.05; done'] };

  test('GIVEN a wrapped app and a wrapped sidecar WHEN the app exits THEN the sidecar is stopped after it and exits 0, and the app keeps its exit code', async () => {
    const { wrappedSidecar, wrappedApp } = legacyJob(dir, shell,
      { command: ['sh', '-c'], args: ['sleep 0.4; echo app-done >> "$OUT"; exit 3'] }, RECORDING_SIDECAR);
    const sidecar = startContainer('logshipper', wrappedSidecar, { OUT: out });
    const app = startContainer('myjob', wrappedApp, { OUT: out });

    expect(await exitWithin(app, 3000)).toBe(3);
    expect(readIfExists(path.join(dir, 'app-done.myjob'))).toBe('3\n');
    expect(await exitWithin(sidecar, 3000)).toBe(0);
    expect(readIfExists(out)).toBe('sidecar-up\napp-done\nsidecar-stopped\n');
  });

  test('GIVEN a sidecar that ignores SIGTERM WHEN the app exits THEN it is killed after the stop timeout and the wrapper still exits 0', async () => {
    const { wrappedSidecar, wrappedApp } = legacyJob(dir, shell,
      { command: ['true'] }, { command: ['sh', '-c', 'trap "" TERM; while :; do sleep 0.05; done'] });
    const sidecar = startContainer('logshipper', wrappedSidecar);
    await sleep(100);
    const started = Date.now();
    expect(await exitWithin(startContainer('myjob', wrappedApp), 3000)).toBe(0);
    expect(await exitWithin(sidecar, 5000)).toBe(0);
    expect((Date.now() - started) / 1000).toBeGreaterThanOrEqual(0.5);
  });

  test('GIVEN pod restartPolicy OnFailure WHEN the app fails THEN no marker is written and the sidecar keeps running (the kubelet restarts the app)', async () => {
    const { wrappedSidecar, wrappedApp } = legacyJob(dir, shell, { command: ['sh', '-c', 'exit 7'] }, RECORDING_SIDECAR, 'OnFailure');
    const sidecar = startContainer('logshipper', wrappedSidecar, { OUT: out });
    expect(await exitWithin(startContainer('myjob', wrappedApp), 3000)).toBe(7);
    expect(await exitWithin(sidecar, 600)).toBe('running');
    expect(fs.existsSync(path.join(dir, 'app-done.myjob'))).toBe(false);

    // The restarted app succeeds: now the sidecar stops.
    expect(await exitWithin(startContainer('myjob#2', { ...wrappedApp, command: wrappedApp.command.map((a: string) => (a === 'exit 7' ? 'exit 0' : a)) }), 3000)).toBe(0);
    expect(await exitWithin(sidecar, 3000)).toBe(0);
  });

  test('GIVEN a sidecar that crashes on its own WHEN the app is still running THEN the wrapper exits with the sidecar\'s code', async () => {
    const { wrappedSidecar } = legacyJob(dir, shell, { command: ['sleep', '5'] }, { command: ['sh', '-c', 'exit 42'] });
    expect(await exitWithin(startContainer('logshipper', wrappedSidecar), 3000)).toBe(42);
  });

  test('GIVEN SIGTERM to the wrapped app (pod deleted) THEN it is forwarded to the app, whose exit is marked and returned', async () => {
    const { wrappedApp } = legacyJob(dir, shell,
      { command: ['sh', '-c', 'trap \'echo app-term >> "$OUT"; exit 143\' TERM; while :; do sleep 0.05; done'] }, RECORDING_SIDECAR);
    const app = startContainer('myjob', wrappedApp, { OUT: out });
    await sleep(200);
    signal(app, 'SIGTERM');
    expect(await exitWithin(app, 3000)).toBe(143);
    expect(readIfExists(out)).toBe('app-term\n');
    expect(readIfExists(path.join(dir, 'app-done.myjob'))).toBe('143\n');
  });

  test('GIVEN arguments full of shell syntax WHEN the wrapped containers run THEN they reach the program verbatim (argv is never interpolated into the script)', async () => {
    const nasty = ['$(touch pwned)', '`touch pwned`', '"; touch pwned; "', '\'', '$HOME', '*', 'a b', '--'];
    const { wrappedApp } = legacyJob(dir, shell,
      { command: ['sh', '-c', 'for a in "$@"; do printf "%s\\n" "$a"; done > "$OUT"', 'argv0'], args: nasty }, RECORDING_SIDECAR);
    const app = startContainer('myjob', wrappedApp, { OUT: out });
    expect(await exitWithin(app, 3000)).toBe(0);
    expect(readIfExists(out)).toBe(nasty.map((a) => `${a}\n`).join(''));
    expect(await eventually(() => fs.existsSync(path.join(dir, 'app-done.myjob')), 1000)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.includes('pwned'))).toEqual([]);
    expect(fs.existsSync(path.join(process.cwd(), 'pwned'))).toBe(false);
  });
});
