/**
 * The LEGACY mode's run-to-completion wrappers, run for real: the wrapped app marks its exit in a
 * temporary directory (standing for the shared emptyDir) and the wrapped sidecar stops on it, so
 * that a Job's pod can complete.
 */
import * as fs from 'fs';
import * as path from 'path';
import { catches, exitWithin, killAll, pollsGoneRound, readIfExists, signal, startContainer, tempDir, TEST_TIMEOUT_MS, until } from './run-protocol';
import { KubernetesVersion } from '../../src/engine/kubernetes-version';
import { applySidecarMode } from '../../src/modes/apply-sidecar-mode';
import { SidecarMode } from '../../src/modes/sidecar-mode';

jest.setTimeout(TEST_TIMEOUT_MS);

const SHELLS = ['/bin/sh', '/bin/bash'].filter((s) => fs.existsSync(s));
const STOP_TIMEOUT = 0.5;

function legacyJob(dir: string, shell: string, app: { command: string[]; args?: string[] }, sidecar: { command: string[]; args?: string[] }, restartPolicy = 'Never') {
  const result = applySidecarMode({
    restartPolicy,
    initContainers: [{ name: 'logshipper', image: 'alpine', restartPolicy: 'Always', ...sidecar }],
    containers: [{ name: 'myjob', image: 'alpine', ...app }],
  }, SidecarMode.LEGACY, { targetVersion: KubernetesVersion.of('1.27'), lifecycleMountPath: dir, shell, pollSeconds: 0.05, stopTimeoutSeconds: STOP_TIMEOUT });
  expect(result.findings).toEqual([]);
  const [wrappedSidecar, wrappedApp] = result.podSpec.containers as any[];
  return { wrappedSidecar, wrappedApp };
}

afterEach(killAll);

describe.each(SHELLS)('LEGACY Job wrappers run with %s', (shell) => {
  let dir: string;
  let out: string;
  /** Waits (bounded) until the events file holds `line`. */
  const logged = (line: string) => until(() => readIfExists(out).split('\n').includes(line), undefined, dir);
  beforeEach(() => {
    dir = tempDir();
    out = path.join(dir, 'events.txt');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const RECORDING_SIDECAR = { command: ['sh', '-c', 'trap \'echo sidecar-stopped >> "$OUT"; exit 0\' TERM; echo sidecar-up >> "$OUT"; while :; do sleep 0.05; done'] };
  /** An app that starts its work once the sidecar is up, as a real one would connect to it. */
  const waitForSidecar = 'until grep -q sidecar-up "$OUT" 2>/dev/null; do sleep 0.02; done; ';

  test('GIVEN a wrapped app and a wrapped sidecar WHEN the app exits THEN the sidecar is stopped after it and exits 0, and the app keeps its exit code', async () => {
    const { wrappedSidecar, wrappedApp } = legacyJob(dir, shell,
      { command: ['sh', '-c'], args: [`${waitForSidecar}echo app-done >> "$OUT"; exit 3`] }, RECORDING_SIDECAR);
    const sidecar = startContainer('logshipper', wrappedSidecar, { OUT: out });
    const app = startContainer('myjob', wrappedApp, { OUT: out });

    expect(await exitWithin(app)).toBe(3);
    expect(readIfExists(path.join(dir, 'app-done.myjob'))).toBe('3\n');
    expect(await exitWithin(sidecar)).toBe(0);
    expect(readIfExists(out)).toBe('sidecar-up\napp-done\nsidecar-stopped\n');
  });

  test('GIVEN a sidecar that ignores SIGTERM WHEN the app exits THEN it is killed after the stop timeout and the wrapper still exits 0', async () => {
    const { wrappedSidecar, wrappedApp } = legacyJob(dir, shell,
      { command: ['true'] }, { command: ['sh', '-c', 'trap "" TERM; echo sidecar-up >> "$OUT"; while :; do sleep 0.05; done'] });
    const sidecar = startContainer('logshipper', wrappedSidecar, { OUT: out });
    expect(await logged('sidecar-up')).toBe(true);
    const started = Date.now();
    expect(await exitWithin(startContainer('myjob', wrappedApp))).toBe(0);
    expect(await exitWithin(sidecar)).toBe(0);
    expect((Date.now() - started) / 1000).toBeGreaterThanOrEqual(STOP_TIMEOUT);
  });

  test('GIVEN pod restartPolicy OnFailure WHEN the app fails THEN no marker is written and the sidecar keeps running (the kubelet restarts the app)', async () => {
    const { wrappedSidecar, wrappedApp } = legacyJob(dir, shell, { command: ['sh', '-c', 'exit 7'] }, RECORDING_SIDECAR, 'OnFailure');
    const sidecar = startContainer('logshipper', wrappedSidecar, { OUT: out });
    expect(await exitWithin(startContainer('myjob', wrappedApp))).toBe(7);
    // The supervisor has looked for the markers again since the app failed (its poll went round twice)
    // and left the sidecar running.
    expect(await pollsGoneRound(sidecar, 2)).toBe(true);
    expect(sidecar.hasExited()).toBe(false);
    expect(fs.existsSync(path.join(dir, 'app-done.myjob'))).toBe(false);

    // The restarted app succeeds: now the sidecar stops.
    expect(await exitWithin(startContainer('myjob#2', { ...wrappedApp, command: wrappedApp.command.map((a: string) => (a === 'exit 7' ? 'exit 0' : a)) }))).toBe(0);
    expect(await exitWithin(sidecar)).toBe(0);
  });

  test('GIVEN a sidecar that crashes on its own WHEN the app is still running THEN the wrapper exits with the sidecar\'s code', async () => {
    const { wrappedSidecar } = legacyJob(dir, shell, { command: ['sleep', '5'] }, { command: ['sh', '-c', 'exit 42'] });
    expect(await exitWithin(startContainer('logshipper', wrappedSidecar))).toBe(42);
  });

  test('GIVEN SIGTERM to the wrapped app (pod deleted) THEN it is forwarded to the app, whose exit is marked and returned', async () => {
    const { wrappedApp } = legacyJob(dir, shell,
      { command: ['sh', '-c', 'trap \'echo app-term >> "$OUT"; exit 143\' TERM; echo app-up >> "$OUT"; while :; do sleep 0.05; done'] }, RECORDING_SIDECAR);
    const app = startContainer('myjob', wrappedApp, { OUT: out });
    // Both have their handlers: the app (it says so) and the wrapper, which forwards the signal.
    expect(await logged('app-up')).toBe(true);
    expect(await until(() => catches(app, 'SIGTERM'))).toBe(true);
    signal(app, 'SIGTERM');
    expect(await exitWithin(app)).toBe(143);
    expect(readIfExists(out)).toBe('app-up\napp-term\n');
    expect(readIfExists(path.join(dir, 'app-done.myjob'))).toBe('143\n');
  });

  test('GIVEN arguments full of shell syntax WHEN the wrapped containers run THEN they reach the program verbatim (argv is never interpolated into the script)', async () => {
    const nasty = ['$(touch pwned)', '`touch pwned`', '"; touch pwned; "', '\'', '$HOME', '*', 'a b', '--'];
    const { wrappedApp } = legacyJob(dir, shell,
      { command: ['sh', '-c', 'for a in "$@"; do printf "%s\\n" "$a"; done > "$OUT"', 'argv0'], args: nasty }, RECORDING_SIDECAR);
    const app = startContainer('myjob', wrappedApp, { OUT: out });
    expect(await exitWithin(app)).toBe(0);
    expect(readIfExists(out)).toBe(nasty.map((a) => `${a}\n`).join(''));
    expect(fs.existsSync(path.join(dir, 'app-done.myjob'))).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.includes('pwned'))).toEqual([]);
    expect(fs.existsSync(path.join(process.cwd(), 'pwned'))).toBe(false);
  });
});
