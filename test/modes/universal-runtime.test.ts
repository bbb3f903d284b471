/**
 * The UNIVERSAL mode's shell protocol, run for real: the generated native twin and regular twin
 * commands are executed with a real shell in a temporary directory that stands for the shared
 * emptyDir (the generator's mount path), in both worlds of seed 004's "runtime feature detection
 * design": native sidecars supported (the kubelet restarts the native twin after its first run)
 * and not supported (it runs once, as a regular init container, and never again).
 */
import * as fs from 'fs';
import * as path from 'path';
import { eventually, exitWithin, killAll, readIfExists, signal, sleep, startContainer, tempDir } from './run-protocol';
import { KubernetesVersion } from '../../src/engine/kubernetes-version';
import { applySidecarMode } from '../../src/modes/apply-sidecar-mode';
import { SidecarMode } from '../../src/modes/sidecar-mode';

const SHELLS = ['/bin/sh', '/bin/bash'].filter((s) => fs.existsSync(s));
const POLL = 0.05;
// Long enough that a loaded CI machine starts a shell well inside it (the "inside the bounded wait" case needs that margin).
const DETECTION = 1.2;

/** The real sidecar: says who it is (WHO differs per process in the test), then keeps running. */
const REAL_SIDECAR = ['sh', '-c', 'echo "I-AM-THE-SIDECAR $WHO" >> "$OUT"; exec sleep 30'];

function universalPod(dir: string, shell: string, restartPolicy: string) {
  const podSpec = {
    restartPolicy,
    initContainers: [{ name: 'proxy', image: 'proxy:1', restartPolicy: 'Always', command: REAL_SIDECAR }],
    // The app outlives the bounded wait, so that a twin that becomes the sidecar has time to start.
    containers: [{ name: 'app', image: 'app:1', command: ['sh', '-c', `sleep ${DETECTION + 0.6}`] }],
  };
  const result = applySidecarMode(podSpec, SidecarMode.UNIVERSAL, {
    targetVersion: KubernetesVersion.of('1.27'),
    lifecycleMountPath: dir,
    shell,
    pollSeconds: POLL,
    detectionTimeoutSeconds: DETECTION,
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
  beforeEach(() => {
    dir = tempDir();
    out = path.join(dir, 'who-is-the-sidecar.txt');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('GIVEN native sidecars supported (the native twin is restarted) WHEN both twins run THEN the native twin is the sidecar and the twin idles (restartPolicy Always)', async () => {
    const { native, twin } = universalPod(dir, shell, 'Always');

    // First run: must exit 0 at once, or a cluster without the feature would hang in Init.
    const first = startContainer('native#1', native, { WHO: 'native', OUT: out });
    expect(await exitWithin(first, 3000)).toBe(0);
    expect(fs.existsSync(path.join(dir, 'proxy.first-run'))).toBe(true);
    expect(readIfExists(out)).toBe('');

    // The kubelet restarts a restartable init container: the second run claims the role.
    const second = startContainer('native#2', native, { WHO: 'native', OUT: out });
    expect(await eventually(() => readIfExists(out) !== '', 3000)).toBe(true);
    expect(readIfExists(path.join(dir, 'proxy.owner'))).toBe('native\n');

    // The regular twin starts after the init containers; it sees the claim and stays idle.
    const regular = startContainer('twin', twin, { WHO: 'twin', OUT: out });
    expect(await exitWithin(regular, DETECTION * 1000 * 3)).toBe('running');
    expect(readIfExists(out)).toBe('I-AM-THE-SIDECAR native\n');
    expect(regular.stderr()).toContain('cdk8s-sidecars: proxy: the native sidecar is running, this twin stays idle');
    expect(await exitWithin(second, 10)).toBe('running');

    // The idle twin stops promptly and cleanly on SIGTERM (pod deletion).
    signal(regular, 'SIGTERM');
    expect(await exitWithin(regular, 2000)).toBe(0);
  });

  test('GIVEN native sidecars supported WHEN the regular twin starts before the native restart (inside the bounded wait) THEN it still yields to the native twin', async () => {
    const { native, twin } = universalPod(dir, shell, 'Always');
    expect(await exitWithin(startContainer('native#1', native, { WHO: 'native', OUT: out }), 3000)).toBe(0);

    const regular = startContainer('twin', twin, { WHO: 'twin', OUT: out });
    await sleep(DETECTION * 1000 / 3);
    startContainer('native#2', native, { WHO: 'native', OUT: out });

    expect(await exitWithin(regular, DETECTION * 1000 * 3)).toBe('running');
    expect(readIfExists(out)).toBe('I-AM-THE-SIDECAR native\n');
  });

  test('GIVEN native sidecars supported and a run-to-completion pod (restartPolicy Never) WHEN the twin sees the claim THEN it exits 0 at once', async () => {
    const { native, twin } = universalPod(dir, shell, 'Never');
    expect(await exitWithin(startContainer('native#1', native, { WHO: 'native', OUT: out }), 3000)).toBe(0);
    startContainer('native#2', native, { WHO: 'native', OUT: out });
    expect(await eventually(() => readIfExists(out) !== '', 3000)).toBe(true);

    const regular = startContainer('twin', twin, { WHO: 'twin', OUT: out });
    expect(await exitWithin(regular, 3000)).toBe(0);
    expect(readIfExists(out)).toBe('I-AM-THE-SIDECAR native\n');
  });

  test('GIVEN native sidecars NOT supported (the native twin runs once and never restarts) WHEN the bounded wait ends THEN the regular twin becomes the sidecar', async () => {
    const { native, twin } = universalPod(dir, shell, 'Always');
    expect(await exitWithin(startContainer('native#1', native, { WHO: 'native', OUT: out }), 3000)).toBe(0);

    const startedAt = Date.now();
    const regular = startContainer('twin', twin, { WHO: 'twin', OUT: out });
    expect(await eventually(() => readIfExists(out) !== '', 5000)).toBe(true);
    const waited = (Date.now() - startedAt) / 1000;

    expect(readIfExists(out)).toBe('I-AM-THE-SIDECAR twin\n');
    expect(readIfExists(path.join(dir, 'proxy.owner'))).toBe('twin\n');
    // It did not decide before the native twin had its chance: it waited the bounded time.
    expect(waited).toBeGreaterThanOrEqual(DETECTION);
    expect(regular.stderr()).toContain('cdk8s-sidecars: proxy: native sidecars did not start, this regular container is the sidecar');
    expect(await exitWithin(regular, 10)).toBe('running');
  });

  test('GIVEN the twin is the sidecar WHEN the native twin runs again (pod sandbox recreated on a node without the feature, or a late restart) THEN it exits 0 instead of blocking Init', async () => {
    const { native, twin } = universalPod(dir, shell, 'Always');
    expect(await exitWithin(startContainer('native#1', native, { WHO: 'native', OUT: out }), 3000)).toBe(0);
    startContainer('twin', twin, { WHO: 'twin', OUT: out });
    expect(await eventually(() => readIfExists(out) !== '', 5000)).toBe(true);

    const again = startContainer('native#2', native, { WHO: 'native', OUT: out });
    expect(await exitWithin(again, 3000)).toBe(0);
    expect(readIfExists(out)).toBe('I-AM-THE-SIDECAR twin\n');
    expect(again.stderr()).toContain('cdk8s-sidecars: proxy: the regular-container twin is the sidecar of this pod, exiting');
  });

  test('GIVEN the native twin holds the role WHEN it crashes and the kubelet restarts it THEN it runs the sidecar again', async () => {
    const { native } = universalPod(dir, shell, 'Always');
    expect(await exitWithin(startContainer('native#1', native, { WHO: 'native', OUT: out }), 3000)).toBe(0);
    const second = startContainer('native#2', native, { WHO: 'native', OUT: out });
    expect(await eventually(() => readIfExists(out) !== '', 3000)).toBe(true);
    signal(second, 'SIGKILL');
    await second.exit;

    startContainer('native#3', native, { WHO: 'native', OUT: out });
    expect(await eventually(() => readIfExists(out).split('\n').length === 3, 3000)).toBe(true);
    expect(readIfExists(out)).toBe('I-AM-THE-SIDECAR native\nI-AM-THE-SIDECAR native\n');
  });

  test('GIVEN NOT supported and a Job (restartPolicy Never) WHEN the wrapped app exits THEN the twin acting as the sidecar stops and exits 0, and the app keeps its exit code', async () => {
    const { native, twin, app } = universalPod(dir, shell, 'Never');
    expect(await exitWithin(startContainer('native#1', native, { WHO: 'native', OUT: out }), 3000)).toBe(0);
    const regular = startContainer('twin', twin, { WHO: 'twin', OUT: out });
    const appRun = startContainer('app', app);

    expect(await exitWithin(appRun, 3000)).toBe(0);
    expect(readIfExists(path.join(dir, 'app-done.app'))).toBe('0\n');
    expect(await exitWithin(regular, 5000)).toBe(0);
    expect(readIfExists(out)).toBe('I-AM-THE-SIDECAR twin\n');
  });
});
