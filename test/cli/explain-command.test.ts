import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { captureIo, run } from './capture-io';
import { main } from '../../src/cli/main';
import { LifecyclePlan } from '../../src/lifecycle/lifecycle-plan';
import { SidecarPod } from '../../src/workloads/sidecar-pod';

const FIXTURE = 'test/cli/fixtures/legacy-deployment.yaml';
// (Not `y` or `n`: kubectl reads those as booleans.)
const TWO = 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: x, image: x}]}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: b}\nspec: {containers: [{name: z, image: z}]}\n';

describe('explain (real engine)', () => {
  test('GIVEN a Deployment WHEN explained as text THEN the lifecycle plan and the resource arithmetic with QoS are shown under the object and its position', async () => {
    const r = await run(['explain', FIXTURE]);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`Deployment/web (${FIXTURE}:2:1)`);
    expect(r.stdout).toContain('Lifecycle plan: Deployment/web (Kubernetes 1.29)');
    expect(r.stdout).toContain('EFFECTIVE RESOURCES (per pod, as the scheduler and the kubelet count them)');
    expect(r.stdout).toContain('    cpu: app+sidecars = 200m + 50m = 250m');
    expect(r.stdout).toContain('  qosClass: Burstable');
    expect(r.code).toBe(0);
  });

  test('GIVEN json WHEN explained THEN each object carries its position, lifecycle and resources', async () => {
    const r = await run(['explain', '--format', 'json', FIXTURE]);
    const [e] = JSON.parse(r.stdout);
    expect({ object: e.object, file: e.file, line: e.line, requests: e.resources.requests, qos: e.resources.qosClass })
      .toEqual({ object: 'Deployment/web', file: FIXTURE, line: 2, requests: { cpu: '250m', memory: '160Mi' }, qos: 'Burstable' });
    expect(e.lifecycle).toBeDefined();
  });

  test('GIVEN markdown WHEN explained THEN a heading, a mermaid block and the arithmetic are printed', async () => {
    const r = await run(['explain', '--format', 'markdown', FIXTURE]);
    expect(r.stdout.startsWith('## Deployment/web\n')).toBe(true);
    expect(r.stdout).toContain('```mermaid\n');
    expect(r.stdout).toContain('### Effective resources');
  });

  test('GIVEN svg and one object WHEN explained THEN one SVG document is printed', async () => {
    const r = await run(['explain', '--format', 'svg', FIXTURE]);
    expect(r.stdout.trimStart().startsWith('<svg') || r.stdout.startsWith('<?xml')).toBe(true);
    expect(r.stdout.trimEnd().endsWith('</svg>')).toBe(true);
  });

  test('fails with exit 2 when mermaid is asked for several objects, listing them', async () => {
    const r = await run(['explain', '--format', 'mermaid', 'two.yaml'], { files: { 'two.yaml': TWO } });
    expect(r).toEqual({ code: 2, stdout: '', written: {}, stderr: 'two.yaml: --format mermaid prints one picture, but 2 objects match (Pod/a, Pod/b); choose one with --object KIND/NAME\n' });
  });

  test('GIVEN --object WHEN explained THEN only that object is shown', async () => {
    const r = await run(['explain', '--format', 'mermaid', '--object', 'Pod/b', 'two.yaml'], { files: { 'two.yaml': TWO } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('participant c1 as z');
    expect(r.stdout).not.toContain('participant c1 as x');
  });

  test('fails with exit 2 when --object matches nothing', async () => {
    const r = await run(['explain', '--object', 'nope', 'two.yaml'], { files: { 'two.yaml': TWO } });
    expect(r.stderr).toBe("two.yaml: no pod-bearing object matches --object 'nope' (found: Pod/a, Pod/b)\n");
    expect(r.code).toBe(2);
  });

  test('fails with exit 2 and one line when the engine cannot explain (invalid quantities)', async () => {
    const text = 'kind: Pod\nmetadata: {name: q}\nspec: {containers: [{name: a, image: a, resources: {requests: {cpu: lots}}}]}\n';
    const r = await run(['explain', 'q.yaml'], { files: { 'q.yaml': text } });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toMatch(/^q\.yaml:1:1: cannot explain Pod\/q: .*spec\.containers\[0\]\.resources\.requests\[cpu\].*lots/);
  });

  test('GIVEN n and 2n sidecars WHEN explained as JSON THEN the output doubles (linear in sidecars, not quadratic)', async () => {
    const pod = (n: number) => JSON.stringify({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { initContainers: Array.from({ length: n }, (_, i) => ({ name: `s${i}`, image: 'x', restartPolicy: 'Always' })), containers: [{ name: 'app', image: 'x' }] },
    });
    const size = async (n: number) => (await run(['explain', '--format', 'json', 'p.json'], { files: { 'p.json': pod(n) } })).stdout.length;
    const [a, b] = [await size(100), await size(200)];
    expect(b / a).toBeGreaterThan(1.8);
    expect(b / a).toBeLessThan(2.2);
  });

  test('GIVEN a stream of pods WHEN explained as JSON THEN each object is written as soon as it is explained (one valid JSON array)', async () => {
    const stream = Array.from({ length: 50 }, (_, i) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p${i}}\nspec: {containers: [{name: app, image: x}]}\n`).join('---\n');
    const writes: string[] = [];
    const { io } = captureIo({ files: { 's.yaml': stream } });
    const observed = { ...io, writeStdout: (t: string) => { writes.push(t); } };
    expect(await main(['explain', '--format', 'json', 's.yaml'], observed)).toBe(0);
    expect(writes.length).toBeGreaterThanOrEqual(50);
    expect(JSON.parse(writes.join('')).map((e: any) => e.object)).toEqual(Array.from({ length: 50 }, (_, i) => `Pod/p${i}`));
  });
});

describe('names that are also Object.prototype members', () => {
  const manifest = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', annotations: { 'cdk8s-sidecars.dev/needs-ready': '{"constructor":["__proto__"]}', 'cdk8s-sidecars.dev/shutdown-seconds': '{"__proto__":5}' } },
    spec: { initContainers: [{ name: '__proto__', image: 'x', restartPolicy: 'Always', startupProbe: { tcpSocket: { port: 1 } } }], containers: [{ name: 'constructor', image: 'x' }, { name: 'toString', image: 'x' }] },
  };

  test('GIVEN containers named constructor, toString and __proto__ WHEN planned THEN the plan names them, with the declared relations and shutdown time', () => {
    const plan = LifecyclePlan.of(manifest);
    expect(plan.startup.map((s: any) => s.container)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(plan.startup.find((s: any) => s.container === 'constructor')?.needsReady).toEqual(['__proto__']);
    expect(plan.startup.find((s: any) => s.container === 'toString')?.needsReady).toEqual([]);
    expect(plan.shutdown.find((s: any) => s.container === '__proto__')?.declaredSeconds).toBe(5);
    for (const out of [plan.toText(), JSON.stringify(plan.toJson()), plan.toMermaid(), plan.toSvg()]) expect(out).toContain('constructor');
  });

  test('GIVEN the same pod WHEN explained by the CLI THEN exit 0 and no error', async () => {
    const r = await run(['explain', 'p.json'], { files: { 'p.json': JSON.stringify(manifest) } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  test('GIVEN a SidecarPod with a container named constructor and lifecycleDocs WHEN synthesized THEN the lifecycle docs are written', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-sidecars-docs-'));
    try {
      const app = new App({ outdir });
      const pod = new SidecarPod(new Chart(app, 'c'), 'p', { lifecycleDocs: true });
      pod.addContainer({ name: 'constructor', image: 'x' });
      pod.addSidecar({ name: 'hasownproperty', image: 'y' });
      app.synth();
      const md = fs.readdirSync(outdir).find((f: string) => f.endsWith('.lifecycle.md'));
      expect(md).toBeDefined();
      expect(fs.readFileSync(path.join(outdir, md!), 'utf-8')).toContain('constructor');
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
