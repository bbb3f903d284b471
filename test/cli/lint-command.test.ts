import { run } from './capture-io';
import { fakeEngine } from './fake-engine';
import { ErrorType } from '../../src/engine/error-type';
import { Severity } from '../../src/engine/severity';

const POD = (name: string) => [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  `  name: ${name}`,
  'spec:',
  '  containers:',
  '  - name: app',
  '    image: app:1',
  '',
].join('\n');

/** One finding on every pod: an error on the first container's image. */
const imageError = fakeEngine(() => [{
  ruleId: 'T-001',
  severity: Severity.ERROR,
  type: ErrorType.INVALID,
  path: 'spec.containers[0].image',
  value: 'app:1',
  detail: 'test finding',
  message: 'Invalid value: "app:1": test finding',
  fix: 'do the test fix',
}]);
const warningOnly = fakeEngine(() => [{
  ruleId: 'T-002',
  severity: Severity.WARNING,
  type: ErrorType.RECOMMENDED,
  path: 'spec.containers[0].livenessProbe',
  detail: 'test warning',
  message: 'Recommended value: test warning',
  fix: 'add a probe',
}]);
const clean = fakeEngine(() => []);

describe('lint: positions and formats (engine double)', () => {
  test('GIVEN a finding on a field WHEN linting text THEN the line names file:line:column, severity, rule, path, message and fix', async () => {
    const r = await run(['lint', 'pod.yaml'], { files: { 'pod.yaml': POD('a') } }, imageError);
    expect(r.stdout).toBe([
      'pod.yaml:8:5 error T-001 spec.containers[0].image: Invalid value: "app:1": test finding. Fix: do the test fix',
      '1 error, 0 warnings, 0 info in 1 pod-bearing object (1 file, 1 document)',
      '',
    ].join('\n'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
  });

  test('GIVEN a multi-document stream WHEN linting THEN each finding points into its own document', async () => {
    const r = await run(['lint', '-q', 'pods.yaml'], { files: { 'pods.yaml': `${POD('a')}---\n${POD('b')}` } }, imageError);
    expect(r.stdout.split('\n').filter(Boolean).map((l) => l.split(' ')[0])).toEqual(['pods.yaml:8:5', 'pods.yaml:17:5']);
  });

  test('GIVEN a kind: List WHEN linting THEN items are checked and positions point into each item', async () => {
    const list = ['apiVersion: v1', 'kind: List', 'items:',
      '- apiVersion: v1', '  kind: Pod', '  metadata: {name: a}', '  spec:', '    containers:', '    - name: app', '      image: app:1',
      '- apiVersion: v1', '  kind: ConfigMap', '  metadata: {name: c}',
      '- apiVersion: v1', '  kind: Pod', '  metadata: {name: b}', '  spec:', '    containers:', '    - {name: app, image: "app:1"}', ''].join('\n');
    const r = await run(['lint', '--quiet', 'list.yaml'], { files: { 'list.yaml': list } }, imageError);
    expect(r.stdout.split('\n').filter(Boolean).map((l) => l.split(' ')[0])).toEqual(['list.yaml:10:7', 'list.yaml:19:19']);
    expect(imageError.checked.slice(-2).map((m) => m.metadata.name)).toEqual(['a', 'b']);
  });

  test('GIVEN JSON input WHEN linting THEN positions are JSON positions', async () => {
    const json = JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'j' }, spec: { containers: [{ name: 'app', image: 'app:1' }] } }, null, 2);
    const r = await run(['lint', '-q', 'pod.json'], { files: { 'pod.json': json } }, imageError);
    expect(r.stdout.split(' ')[0]).toBe('pod.json:11:9');
  });

  test('GIVEN a directory WHEN linting THEN *.yaml, *.yml and *.json below it are read recursively in sorted order, others ignored', async () => {
    const r = await run(['lint', '-q', 'm'], {
      files: { 'm/b.yml': POD('b'), 'm/a.yaml': POD('a'), 'm/sub/c.json': JSON.stringify({ kind: 'Pod', spec: { containers: [{ name: 'x', image: 'y' }] } }), 'm/readme.md': '# no' },
    }, imageError);
    expect(r.stdout.split('\n').filter(Boolean).map((l) => l.split(':')[0])).toEqual(['m/a.yaml', 'm/b.yml', 'm/sub/c.json']);
  });

  test('GIVEN standard input as - WHEN linting THEN it is read and named <stdin>', async () => {
    const r = await run(['lint', '-q', '-'], { stdin: POD('s') }, imageError);
    expect(r.stdout.split(' ')[0]).toBe('<stdin>:8:5');
  });

  test('GIVEN --format json WHEN linting THEN stdout is one JSON document with findings, positions and a summary', async () => {
    const r = await run(['lint', '--format', 'json', 'pod.yaml'], { files: { 'pod.yaml': POD('a') } }, imageError);
    expect(JSON.parse(r.stdout)).toEqual({
      findings: [{
        file: 'pod.yaml',
        line: 8,
        column: 5,
        object: 'Pod/a',
        ruleId: 'T-001',
        severity: 'error',
        type: 'Invalid value',
        path: 'spec.containers[0].image',
        value: 'app:1',
        detail: 'test finding',
        message: 'Invalid value: "app:1": test finding',
        fix: 'do the test fix',
      }],
      suppressed: [],
      inputErrors: [],
      summary: { files: 1, documents: 1, podObjects: 1, errors: 1, warnings: 0, infos: 0, suppressed: 0, inputErrors: 0 },
    });
  });

  test('GIVEN --format github WHEN linting THEN each finding is a workflow command with escaped properties and data', async () => {
    const r = await run(['lint', '--format', 'github', 'a,b.yaml'], { files: { 'a,b.yaml': POD('a') } }, imageError);
    expect(r.stdout).toBe('::error file=a%2Cb.yaml,line=8,col=5,title=T-001::Pod/a: T-001 spec.containers[0].image: Invalid value: "app:1": test finding. Fix: do the test fix\n');
    const w = await run(['lint', '--format', 'github', 'p.yaml'], { files: { 'p.yaml': POD('a') } }, warningOnly);
    expect(w.stdout.startsWith('::warning file=p.yaml,line=7,col=5,title=T-002::')).toBe(true);
  });

  test('GIVEN no findings WHEN linting with --quiet THEN nothing is printed and the exit code is 0', async () => {
    const r = await run(['lint', '--quiet', 'pod.yaml'], { files: { 'pod.yaml': POD('a') } }, clean);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '', written: {} });
  });

  test('GIVEN objects without a pod WHEN linting THEN they are skipped and not checked', async () => {
    const engine = fakeEngine(() => []);
    const r = await run(['lint', 'x.yaml'], { files: { 'x.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\n---\n# only a comment\n---\nkind: Secret\n' } }, engine);
    expect(engine.checked).toEqual([]);
    expect(r.stdout).toBe('no findings in 0 pod-bearing objects (1 file, 2 documents)\n');
    expect(r.code).toBe(0);
  });

  test('GIVEN a LimitRange in another file WHEN linting THEN it is handed to the engine as context', async () => {
    const seen: any[][] = [];
    const engine = { ...clean, check: (_m: any, context: any[]) => { seen.push(context); return { findings: [], suppressed: [] }; } };
    await run(['lint', 'a.yaml', 'b.yaml'], { files: { 'a.yaml': POD('a'), 'b.yaml': 'apiVersion: v1\nkind: LimitRange\nmetadata: {name: lr}\n' } }, engine);
    expect(seen).toEqual([[{ apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'lr' } }]]);
  });

  test.each([
    // A document that starts with `{` makes kubectl read the input as JSON: `---` first keeps it YAML.
    ['flow style', '---\n{apiVersion: v1, kind: LimitRange, metadata: {name: lr}}\n'],
    ['JSON', '{"apiVersion": "v1", "kind": "LimitRange", "metadata": {"name": "lr"}}\n'],
    ['quoted and tagged', "apiVersion: v1\nkind: !!str 'LimitRange'\nmetadata: {name: lr}\n"],
  ])('GIVEN a LimitRange written in %s THEN the context pass still finds it (the pass is skipped only for inputs naming neither kind)', async (_style, text) => {
    const seen: any[][] = [];
    const engine = { ...clean, check: (_m: any, context: any[]) => { seen.push(context); return { findings: [], suppressed: [] }; } };
    await run(['lint', 'a.yaml', 'b.yaml'], { files: { 'a.yaml': POD('a'), 'b.yaml': text } }, engine);
    expect(seen).toEqual([[{ apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'lr' } }]]);
  });
});

describe('lint: exit codes (engine double)', () => {
  test.each([
    ['error', imageError, [], 1],
    ['warning', warningOnly, [], 0],
    ['warning', warningOnly, ['--fail-on', 'warning'], 1],
    ['error', imageError, ['--fail-on', 'warning'], 1],
    ['none', clean, ['--fail-on', 'warning'], 0],
  ] as const)('GIVEN findings of severity %s and options %j WHEN linting THEN the exit code is %i', async (_s, engine, opts, code) => {
    const r = await run(['lint', ...opts, 'pod.yaml'], { files: { 'pod.yaml': POD('a') } }, engine);
    expect(r.code).toBe(code);
  });

  test('fails with exit 2 naming every unreadable input, and still reports the findings of the readable ones', async () => {
    const r = await run(['lint', 'missing.yaml', 'pod.yaml', 'bad.yaml', 'gone/'], {
      files: { 'pod.yaml': POD('a'), 'bad.yaml': 'kind: Pod\nspec: [unclosed\n' },
    }, imageError);
    expect(r.stderr).toBe([
      'missing.yaml: no such file or directory',
      'gone/: no such file or directory',
      'bad.yaml:3:1: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
      '',
    ].join('\n'));
    expect(r.stdout.startsWith('pod.yaml:8:5 error T-001')).toBe(true);
    expect(r.code).toBe(2);
  });

  test('fails with exit 2 on a pod-bearing kind without a pod spec, since it cannot be checked', async () => {
    const r = await run(['lint', 'd.yaml'], { files: { 'd.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {template: 5}\n' } }, clean);
    expect(r.stderr).toBe('d.yaml:1:1: Deployment/d has no pod spec mapping where a Deployment keeps it; cannot check it\n');
    expect(r.code).toBe(2);
  });

  test('fails with exit 2 on a document that is not a mapping', async () => {
    const r = await run(['lint', 'x.yaml'], { files: { 'x.yaml': 'just a string\n' } }, clean);
    expect(r.stderr).toBe('x.yaml:1:1: the document is a string ("just a string"), expected a Kubernetes object (a mapping with apiVersion and kind)\n');
    expect(r.code).toBe(2);
  });

  test.each([
    ['a mapping as a key', 'kind: Pod\nmetadata:\n  ? {name: a}\n  : x\n', 'k.yaml:3:5: invalid map key: a mapping key is a collection; Kubernetes objects take only string keys'],
    ['a list as a key', 'kind: Pod\nspec:\n  [a, b]: x\n', 'k.yaml:3:3: invalid map key: a mapping key is a collection; Kubernetes objects take only string keys'],
    ['an alias of a list as a key', 'kind: Pod\nlist: &l [x]\n*l : y\n', 'k.yaml:3:1: invalid map key: a mapping key is a collection; Kubernetes objects take only string keys'],
    ['a null key', 'kind: Pod\nspec:\n  ~: x\n', 'k.yaml:3:3: unsupported map key of type <nil>: a null key (write it quoted to mean the string)'],
  ])('fails with exit 2 on %s, which Kubernetes refuses, without a runtime warning', async (_what, text, message) => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      const r = await run(['lint', 'k.yaml'], { files: { 'k.yaml': text } }, clean);
      expect(r.stderr).toBe(`${message}\n`);
      expect(r.code).toBe(2);
      await new Promise((resolve) => setImmediate(resolve)); // process warnings are emitted on the next tick
      expect(warnings).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });

  test('GIVEN a repeated key WHEN linted THEN the last one counts, as kubectl reads it (no error)', async () => {
    const engine = fakeEngine(() => []);
    const r = await run(['lint', 'k.yaml'], { files: { 'k.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nmetadata: {name: b}\nspec: {containers: [{name: app, image: app}]}\n' } }, engine);
    expect(engine.checked.map((m) => m.metadata.name)).toEqual(['b']);
    expect(r.code).toBe(0);
  });

  test('fails with exit 2 on a binary file', async () => {
    const r = await run(['lint', 'x.yaml'], { files: { 'x.yaml': Buffer.from([0x6b, 0x00, 0xff, 0x12]) } }, clean);
    expect(r.stderr).toBe('x.yaml: holds NUL bytes (a binary file, or UTF-16/32 text without a byte order mark?); YAML does not allow them and kubectl refuses the file\n');
    expect(r.code).toBe(2);
  });

  test('fails with exit 2 on a YAML alias bomb instead of expanding it', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]', ''].join('\n');
    const r = await run(['lint', 'bomb.yaml'], { files: { 'bomb.yaml': bomb } }, clean);
    expect(r.stderr).toBe("bomb.yaml:1:12: document contains excessive aliasing (goyaml.v2's guard against alias bombs); kubectl refuses it\n");
    expect(r.code).toBe(2);
  });

  test('fails with exit 2 and one line when the engine throws, naming the object', async () => {
    const throwing = { ...clean, check: () => { throw new Error('first line\n  second line'); } };
    const r = await run(['lint', 'pod.yaml'], { files: { 'pod.yaml': POD('a') } }, throwing);
    expect(r.stderr).toBe('pod.yaml:1:1: the rules engine could not check Pod/a: first line; second line\n');
    expect(r.code).toBe(2);
  });
});
