import { run } from './capture-io';
import { fakeEngine } from './fake-engine';
import { ErrorType } from '../../src/engine/error-type';
import { Severity } from '../../src/engine/severity';

const POD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata: {name: p}',
  'spec:',
  '  containers:',
  '  - name: app',
  '    image: app:1',
  '  - name: proxy # the mesh proxy',
  '    image: proxy:1',
  '    restartPolicy: Never',
  '  - name: logs',
  '    image: logs:1',
  '  initContainers: []',
  '',
].join('\n');

describe('migrate (real engine unless stated)', () => {
  test('GIVEN two names WHEN migrating THEN both go to the front of initContainers in the given order with restartPolicy Always, comments kept', async () => {
    const r = await run(['migrate', 'pod.yaml', '--sidecar', 'logs,proxy'], { files: { 'pod.yaml': POD } });
    expect(r.stdout).toBe([
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  containers:',
      '  - name: app',
      '    image: app:1',
      '  initContainers:',
      '  - name: logs',
      '    image: logs:1',
      '    restartPolicy: Always',
      '  - name: proxy # the mesh proxy',
      '    image: proxy:1',
      '    restartPolicy: Always',
      '',
    ].join('\n'));
    expect(r.code).toBe(0);
  });

  test('GIVEN --out WHEN migrating THEN the file is written, stdout stays empty and the summary names the file', async () => {
    const r = await run(['migrate', 'pod.yaml', '-s', 'proxy', '--out', 'new.yaml'], { files: { 'pod.yaml': POD } });
    expect(r.stdout).toBe('');
    expect(Object.keys(r.written)).toEqual([expect.stringMatching(/new\.yaml$/)]);
    expect(r.stderr.split('\n')[0]).toBe('migrated pod.yaml -> new.yaml:');
  });

  test('fails with exit 2 naming the missing container and the containers that exist', async () => {
    const r = await run(['migrate', 'pod.yaml', '-s', 'proxy,nope'], { files: { 'pod.yaml': POD } });
    expect(r).toEqual({ code: 2, stdout: '', written: {}, stderr: "pod.yaml: no regular container named 'nope' (regular containers: Pod/p: app, proxy, logs)\n" });
  });

  test('fails with exit 2 when the name is already an init container', async () => {
    const text = 'kind: Pod\nmetadata: {name: p}\nspec:\n  initContainers: [{name: s, image: s, restartPolicy: Always}]\n  containers: [{name: a, image: a}]\n';
    const r = await run(['migrate', 'pod.yaml', '-s', 's'], { files: { 'pod.yaml': text } });
    expect(r.stderr).toBe("pod.yaml: 's' is already an init container of Pod/p (spec.initContainers[0]); migrate moves regular containers only\n");
    expect(r.code).toBe(2);
  });

  test('fails with exit 2 on what kubectl refuses to read (a list as a key, a null key), naming each, and writes nothing', async () => {
    const text = 'kind: Pod\nmetadata: {name: p}\nspec:\n  ~: x\n---\nkind: Pod\nspec:\n  [a]: x\n';
    const r = await run(['migrate', 'pod.yaml', '-s', 'app', '--out', 'out.yaml'], { files: { 'pod.yaml': text } });
    expect(r.stderr).toBe([
      'pod.yaml:4:3: unsupported map key of type <nil>: a null key (write it quoted to mean the string)',
      'pod.yaml:8:3: invalid map key: a mapping key is a collection; Kubernetes objects take only string keys',
      '',
    ].join('\n'));
    expect(r.written).toEqual({});
    expect(r.code).toBe(2);
  });

  test('fails with exit 2 when every regular container would move', async () => {
    const r = await run(['migrate', 'pod.yaml', '-s', 'app,proxy,logs'], { files: { 'pod.yaml': POD } });
    expect(r.stderr).toBe("pod.yaml: moving 'app', 'proxy', 'logs' would leave Pod/p without a regular container (spec.containers: a pod needs at least one); keep the application container regular\n");
    expect(r.code).toBe(2);
  });

  test('fails with exit 1 and writes nothing when the engine finds an error the input did not have', async () => {
    const engine = fakeEngine((m) => (m.spec.initContainers?.length ? [{ ruleId: 'T-9', severity: Severity.ERROR, type: ErrorType.FORBIDDEN, path: 'spec.initContainers[0]', detail: 'test', message: 'Forbidden: test', fix: 'undo' }] : []));
    const r = await run(['migrate', 'pod.yaml', '-s', 'proxy', '-o', 'x.yaml'], { files: { 'pod.yaml': POD } }, engine);
    expect(r).toEqual({
      code: 1,
      stdout: '',
      written: {},
      stderr: 'cdk8s-sidecars migrate: refused: the result would add 1 error; nothing was written\n  pod.yaml: Pod/p: T-9 spec.initContainers[0]: Forbidden: test. Fix: undo\n',
    });
  });

  test('GIVEN an error already in the input WHEN migrating THEN it does not block the migration', async () => {
    const engine = fakeEngine(() => [{ ruleId: 'T-8', severity: Severity.ERROR, type: ErrorType.INVALID, path: '', detail: 'old', message: 'Invalid value: old', fix: 'x' }]);
    const r = await run(['migrate', 'pod.yaml', '-s', 'proxy'], { files: { 'pod.yaml': POD } }, engine);
    expect(r.code).toBe(0);
  });
});
