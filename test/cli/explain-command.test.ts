import { run } from './capture-io';

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
});
