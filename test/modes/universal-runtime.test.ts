/**
 * The UNIVERSAL mode's shell protocol, run for real: the generated native twin and regular twin
 * commands are executed with a real shell in a temporary directory that stands for the shared
 * emptyDir (the generator's mount path), in both worlds of seed 004's "runtime feature detection
 * design": native sidecars supported (the kubelet restarts the native twin after its first run)
 * and not supported (it runs once, as a regular init container, and never again).
 */
import * as fs from 'fs';
import * as path from 'path';
import { catches, descendants, exitWithin, killAll, pollsGoneRound, readIfExists, signal, startContainer, stderrShows, tempDir, TEST_TIMEOUT_MS, until } from './run-protocol';
import { KubernetesVersion } from '../../src/engine/kubernetes-version';
import { applySidecarMode } from '../../src/modes/apply-sidecar-mode';
import { SidecarMode } from '../../src/modes/sidecar-mode';

jest.setTimeout(TEST_TIMEOUT_MS);

const SHELLS = ['/bin/sh', '/bin/bash'].filter((s) => fs.existsSync(s));
const POLL = 0.05;
/**
 * Detection timeouts. Where the regular twin must give up waiting (native sidecars not supported),
 * the test waits that long by design, so it is short. Where the native twin must win, it is long:
 * the twin then yields as soon as the claim appears, and no loaded machine can make a 1 s window
 * close before the native twin has started (the cause of this file's old flakiness).
 */
const GIVE_UP = 0.5;
const NEVER_GIVES_UP = 600;

/** The real sidecar: says who it is (WHO differs per process in the test), then keeps running. */
const REAL_SIDECAR = ['sh', '-c', 'echo "I-AM-THE-SIDECAR $WHO" >> "$OUT"; exec sleep 30'];
/** The app: runs until the sidecar has announced itself (so a twin that becomes the sidecar is seen doing so). */
const APP_UNTIL_SIDECAR_UP = ['sh', '-c', 'until [ -s "$OUT" ]; do sleep 0.02; done'];

const IDLE = 'cdk8s-sidecars: proxy: the native sidecar is running, this twin stays idle';
const TWIN_IS_SIDECAR = 'cdk8s-sidecars: proxy: native sidecars did not start, this regular container is the sidecar';

function universalPod(dir: string, shell: string, restartPolicy: string, detectionTimeoutSeconds: number) {
  const podSpec = {
    restartPolicy,
    initContainers: [{ name: 'proxy', image: 'proxy:1', restartPolicy: 'Always', command: REAL_SIDECAR }],
    containers: [{ name: 'app', image: 'app:1', command: APP_UNTIL_SIDECAR_UP }],
  };
  const result = applySidecarMode(podSpec, SidecarMode.UNIVERSAL, {
    targetVersion: KubernetesVersion.of('1.27'),
    lifecycleMountPath: dir,
    shell,
    pollSeconds: POLL,
    detectionTimeoutSeconds,
    stopTimeoutSeconds: 0.3,
  });
  expect(result.findings).toEqual([]);
  const spec: any = result.podSpec;
  const native = spec.initContainers[0];
  const twin = spec.containers.find((c: any) => c.name === 'proxy-twin');
  const app = spec.containers.find((c: any) => c.name === 'app');
  return { native, twin, app };
}

afterEach(killAll);

describe.each(SHELLS)('UNIVERSAL protocol run with %s', (shell) => {
  let dir: string;
  let out: string;
  const sidecarUp = () => until(() => readIfExists(out) !== '', undefined, dir);
  beforeEach(() => {
    dir = tempDir();
    out = path.join(dir, 'who-is-the-sidecar.txt');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The kubelet's first run of the native twin: it must exit 0 at once, or a cluster without the feature would hang in Init. */
  async function firstNativeRun(native: any): Promise<void> {
    expect(await exitWithin(startContainer('native#1', native, { WHO: 'native', OUT: out }))).toBe(0);
  }

  test('GIVEN native sidecars supported (the native twin is restarted) WHEN both twins run THEN the native twin is the sidecar and the twin idles (restartPolicy Always)', async () => {
    const { native, twin } = universalPod(dir, shell, 'Always', NEVER_GIVES_UP);

    await firstNativeRun(native);
    expect(fs.existsSync(path.join(dir, 'proxy.first-run'))).toBe(true);
    expect(readIfExists(out)).toBe('');

    // The kubelet restarts a restartable init container: the second run claims the role.
    const second = startContainer('native#2', native, { WHO: 'native', OUT: out });
    expect(await sidecarUp()).toBe(true);
    expect(readIfExists(path.join(dir, 'proxy.owner'))).toBe('native\n');

    // The regular twin starts after the init containers; it sees the claim and idles: it is found
    // waiting in its idle sleep, with its SIGTERM handler in place, and has not started the sidecar.
    const regular = startContainer('twin', twin, { WHO: 'twin', OUT: out });
    expect(await stderrShows(regular, IDLE)).toBe(true);
    expect(await until(() => regular.hasExited() || isIdling(regular))).toBe(true);
    expect(regular.hasExited()).toBe(false);
    expect(catches(regular, 'SIGTERM')).toBe(true);
    expect(readIfExists(out)).toBe('I-AM-THE-SIDECAR native\n');
    expect(second.hasExited()).toBe(false);

    // The idle twin stops promptly and cleanly on SIGTERM (pod deletion).
    signal(regular, 'SIGTERM');
    expect(await exitWithin(regular)).toBe(0);
  });

  test('GIVEN native sidecars supported WHEN the regular twin starts before the native restart (inside the bounded wait) THEN it still yields to the native twin', async () => {
    const { native, twin } = universalPod(dir, shell, 'Always', NEVER_GIVES_UP);
    await firstNativeRun(native);

    const regular = startContainer('twin', twin, { WHO: 'twin', OUT: out });
    // The twin is inside its bounded wait: its poll loop has gone round, and no one holds the role yet.
    expect(await pollsGoneRound(regular, 2)).toBe(true);
    expect(fs.existsSync(path.join(dir, 'proxy.owner'))).toBe(false);
    startContainer('native#2', native, { WHO: 'native', OUT: out });

    expect(await stderrShows(regular, IDLE)).toBe(true);
    expect(await sidecarUp()).toBe(true);
    expect(readIfExists(out)).toBe('I-AM-THE-SIDECAR native\n');
    expect(regular.hasExited()).toBe(false);
  });

  test('GIVEN native sidecars supported and a run-to-completion pod (restartPolicy Never) WHEN the twin sees the claim THEN it exits 0 at once', async () => {
    const { native, twin } = universalPod(dir, shell, 'Never', NEVER_GIVES_UP);
    await firstNativeRun(native);
    startContainer('native#2', native, { WHO: 'native', OUT: out });
    expect(await sidecarUp()).toBe(true);

    const regular = startContainer('twin', twin, { WHO: 'twin', OUT: out });
    expect(await exitWithin(regular)).toBe(0);
    expect(regular.stderr()).toContain(IDLE);
    expect(readIfExists(out)).toBe('I-AM-THE-SIDECAR native\n');
  });

  test('GIVEN native sidecars NOT supported (the native twin runs once and never restarts) WHEN the bounded wait ends THEN the regular twin becomes the sidecar', async () => {
    const { native, twin } = universalPod(dir, shell, 'Always', GIVE_UP);
    await firstNativeRun(native);

    const startedAt = Date.now();
    const regular = startContainer('twin', twin, { WHO: 'twin', OUT: out });
    expect(await sidecarUp()).toBe(true);
    const waited = (Date.now() - startedAt) / 1000;

    expect(readIfExists(out)).toBe('I-AM-THE-SIDECAR twin\n');
    expect(readIfExists(path.join(dir, 'proxy.owner'))).toBe('twin\n');
    // It did not decide before the native twin had its chance: it waited the bounded time.
    expect(waited).toBeGreaterThanOrEqual(GIVE_UP);
    // Its stderr is read as it arrives: wait for the line rather than assume it came before the file.
    expect(await stderrShows(regular, TWIN_IS_SIDECAR)).toBe(true);
    expect(regular.hasExited()).toBe(false);
  });

  test('GIVEN the twin is the sidecar WHEN the native twin runs again (pod sandbox recreated on a node without the feature, or a late restart) THEN it exits 0 instead of blocking Init', async () => {
    const { native, twin } = universalPod(dir, shell, 'Always', GIVE_UP);
    await firstNativeRun(native);
    startContainer('twin', twin, { WHO: 'twin', OUT: out });
    expect(await sidecarUp()).toBe(true);

    const again = startContainer('native#2', native, { WHO: 'native', OUT: out });
    expect(await exitWithin(again)).toBe(0);
    expect(readIfExists(out)).toBe('I-AM-THE-SIDECAR twin\n');
    expect(again.stderr()).toContain('cdk8s-sidecars: proxy: the regular-container twin is the sidecar of this pod, exiting');
  });

  test('GIVEN the native twin holds the role WHEN it crashes and the kubelet restarts it THEN it runs the sidecar again', async () => {
    const { native } = universalPod(dir, shell, 'Always', NEVER_GIVES_UP);
    await firstNativeRun(native);
    const second = startContainer('native#2', native, { WHO: 'native', OUT: out });
    expect(await sidecarUp()).toBe(true);
    signal(second, 'SIGKILL');
    await second.exit;

    startContainer('native#3', native, { WHO: 'native', OUT: out });
    expect(await until(() => readIfExists(out).split('\n').length === 3, undefined, dir)).toBe(true);
    expect(readIfExists(out)).toBe('I-AM-THE-SIDECAR native\nI-AM-THE-SIDECAR native\n');
  });

  test('GIVEN NOT supported and a Job (restartPolicy Never) WHEN the wrapped app exits THEN the twin acting as the sidecar stops and exits 0, and the app keeps its exit code', async () => {
    const { native, twin, app } = universalPod(dir, shell, 'Never', GIVE_UP);
    await firstNativeRun(native);
    const regular = startContainer('twin', twin, { WHO: 'twin', OUT: out });
    const appRun = startContainer('app', app, { OUT: out });

    expect(await exitWithin(appRun)).toBe(0);
    expect(readIfExists(path.join(dir, 'app-done.app'))).toBe('0\n');
    expect(await exitWithin(regular)).toBe(0);
    expect(readIfExists(out)).toBe('I-AM-THE-SIDECAR twin\n');
  });
});

/** The idle twin waits in `sleep 10` (its idle loop), not in a poll (`sleep <poll>`, 0.05 s here). */
function isIdling(r: { child: { pid?: number } }): boolean {
  return descendants(r.child.pid!).some((d) => path.basename(d.argv[0] ?? '') === 'sleep' && d.argv[1] === '10');
}
