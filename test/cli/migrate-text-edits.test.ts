import * as fs from 'fs';
import * as path from 'path';
import { captureIo, REPO, run } from './capture-io';
import { main } from '../../src/cli/main';
import { bufferSource, readManifests } from '../../src/cli/read/manifest-reader';

/**
 * migrate keeps the pod's behaviour (the sidecar starts where the regular container used to) and
 * every byte it does not have to change.
 */
const MYSQL = 'test/cli/fixtures/mysql-statefulset.yaml';
const mysqlText = fs.readFileSync(path.join(REPO, MYSQL), 'utf-8');

function objects(text: string | Buffer): any[] {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf-8');
  return [...readManifests('x', bufferSource(bytes))].filter((i: any) => i.manifest).map((i: any) => i.manifest);
}

function initNames(manifest: any): string[] {
  return manifest.spec.template.spec.initContainers.map((c: any) => c.name);
}

describe('migrate: where the sidecar goes', () => {
  test('GIVEN the Kubernetes docs\' MySQL StatefulSet WHEN xtrabackup is migrated THEN it starts after clone-mysql (which writes what it reads), and the summary says so', async () => {
    const r = await run(['migrate', MYSQL, '-s', 'xtrabackup']);
    expect(r.code).toBe(0);
    const [after] = objects(r.stdout);
    expect(initNames(after)).toEqual(['init-mysql', 'clone-mysql', 'xtrabackup']);
    expect(after.spec.template.spec.initContainers[2].restartPolicy).toBe('Always');
    expect(after.spec.template.spec.containers.map((c: any) => c.name)).toEqual(['mysql']);
    expect(r.stderr).toBe([
      `migrated ${MYSQL}:`,
      "  StatefulSet/mysql: moved container 'xtrabackup' from spec.template.spec.containers[1] to spec.template.spec.initContainers[2], "
        + "after 'init-mysql', 'clone-mysql' (it started after every init container as a regular container, and still does); set restartPolicy: Always",
      '',
    ].join('\n'));
  });

  test('GIVEN the MySQL StatefulSet WHEN migrated THEN the text differs from the input only by the moved lines and the one restartPolicy line', async () => {
    const r = await run(['migrate', MYSQL, '-s', 'xtrabackup']);
    const before = mysqlText.split('\n');
    const after = r.stdout.split('\n');
    const shipper = before.indexOf('      - name: xtrabackup');
    const volumes = before.indexOf('      volumes:');
    const block = before.slice(shipper, volumes);
    // The block leaves containers, and comes back right after clone-mysql's last line, under initContainers.
    const expected = [...before.slice(0, shipper), ...before.slice(volumes)];
    const containersAt = expected.indexOf('      containers:');
    const withRestart = [block[0], block[1], '        restartPolicy: Always', ...block.slice(2)];
    expected.splice(containersAt, 0, ...withRestart);
    expect(after).toEqual(expected);
  });

  test.each([
    [['--position', 'first'], ['xtrabackup', 'init-mysql', 'clone-mysql'], "first (--position first: it now starts before 'init-mysql', 'clone-mysql')"],
    [['--position', 'after=init-mysql'], ['init-mysql', 'xtrabackup', 'clone-mysql'], "after 'init-mysql' (--position after=init-mysql)"],
  ])('GIVEN %j WHEN migrating THEN the sidecar goes there and the summary says where', async (flags, order, where) => {
    const r = await run(['migrate', MYSQL, '-s', 'xtrabackup', ...flags]);
    expect(initNames(objects(r.stdout)[0])).toEqual(order);
    expect(r.stderr).toContain(`to spec.template.spec.initContainers[${order.indexOf('xtrabackup')}], ${where}; set restartPolicy: Always`);
    expect(r.code).toBe(0);
  });

  test('fails with exit 2 when --position after= names no init container, listing those that exist', async () => {
    const r = await run(['migrate', MYSQL, '-s', 'xtrabackup', '--position', 'after=nope']);
    expect(r.stderr).toBe(`${MYSQL}: --position after=nope: StatefulSet/mysql has no init container named 'nope' (init containers: 'init-mysql', 'clone-mysql')\n`);
    expect(r).toMatchObject({ code: 2, stdout: '' });
  });

  test('fails with exit 2 on an unknown --position', async () => {
    const r = await run(['migrate', MYSQL, '-s', 'xtrabackup', '--position', 'last']);
    expect(r.stderr).toBe("cdk8s-sidecars migrate: --position must be keep, first or after=NAME, got 'last' (see 'cdk8s-sidecars migrate --help')\n");
    expect(r.code).toBe(2);
  });
});

describe('migrate: byte for byte outside the moved containers', () => {
  const DOC = (name: string) => [
    '# leading comment',
    'apiVersion: v1',
    'kind: Pod',
    `metadata: {name: ${name}}   # spaced   comment`,
    'spec:',
    '  containers:',
    '    - name: app',
    '      image: "app:1"',
    '    - name: proxy',
    "      image: 'proxy:1'",
    '      args: [--a,   --b]',
    '',
  ].join('\n');

  test('GIVEN several documents WHEN one pod is migrated THEN the other documents are untouched, byte for byte', async () => {
    const other = 'apiVersion: v1\nkind: ConfigMap\nmetadata:    {name: c}\ndata: {k: "v"}   # keep\n';
    const text = `${other}---\n${DOC('p')}---\n${other}`;
    const r = await run(['migrate', 'in.yaml', '-s', 'proxy'], { files: { 'in.yaml': text } });
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(`${other}---\n`)).toBe(true);
    expect(r.stdout.endsWith(`---\n${other}`)).toBe(true);
    expect(r.stdout).toContain('metadata: {name: p}   # spaced   comment');
    expect(r.stdout).toContain("  initContainers:\n    - name: proxy\n      image: 'proxy:1'\n      restartPolicy: Always\n      args: [--a,   --b]\n");
  });

  test('GIVEN CRLF line ends WHEN migrated THEN every line of the result ends in CRLF, inserted ones too', async () => {
    const text = DOC('p').replace(/\n/g, '\r\n');
    const r = await run(['migrate', 'in.yaml', '-s', 'proxy'], { files: { 'in.yaml': text } });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\r\n').every((l) => !l.includes('\n'))).toBe(true);
    expect(r.stdout).toContain('  initContainers:\r\n    - name: proxy\r\n');
  });

  test('GIVEN a JSON manifest WHEN migrated THEN the result is JSON, the rest of the text unchanged', async () => {
    const json = JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'j' }, spec: { containers: [{ name: 'app', image: 'app' }, { name: 'proxy', image: 'proxy' }] } }, null, 2);
    const r = await run(['migrate', 'in.json', '-s', 'proxy', '-o', 'out.json'], { files: { 'in.json': json } });
    expect(r.code).toBe(0);
    const out = Object.values(r.written)[0];
    expect(JSON.parse(out).spec).toEqual({ containers: [{ name: 'app', image: 'app' }], initContainers: [{ name: 'proxy', image: 'proxy', restartPolicy: 'Always' }] });
    expect(out.split('\n').slice(0, 5)).toEqual(json.split('\n').slice(0, 5));
  });

  test('GIVEN a JSON stream (jq -c) WHEN one object is migrated THEN the other lines are untouched', async () => {
    const line = (n: string, c: string[]) => JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: n }, spec: { containers: c.map((x) => ({ name: x, image: x })) } });
    const text = `${line('a', ['app'])}\n${line('b', ['app', 'proxy'])}\n${line('c', ['app'])}\n`;
    const r = await run(['migrate', 'in.json', '-s', 'proxy'], { files: { 'in.json': text } });
    const lines = r.stdout.split('\n');
    expect([lines[0], lines[2]]).toEqual([line('a', ['app']), line('c', ['app'])]);
    expect(JSON.parse(lines[1]).spec.initContainers).toEqual([{ name: 'proxy', image: 'proxy', restartPolicy: 'Always' }]);
  });

  test('GIVEN UTF-16 with a byte order mark WHEN migrated to a file THEN the file is UTF-16 with the mark', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(DOC('p'), 'utf16le')]);
    const { io, memory } = captureIo({ files: { 'in.yaml': bytes } });
    expect(await main(['migrate', 'in.yaml', '-s', 'proxy', '-o', 'out.yaml'], io)).toBe(0);
    const out = memory.get(path.join(REPO, 'out.yaml'))!;
    expect([...out.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(objects(out)[0].spec.initContainers[0]).toEqual({ name: 'proxy', image: 'proxy:1', restartPolicy: 'Always', args: ['--a', '--b'] });
  });

  test('GIVEN a container written through a YAML anchor WHEN migrating it THEN exit 2 with one line (text edits need it written in place)', async () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nx: &c [{name: app, image: a}, {name: proxy, image: p}]\nspec:\n  containers: *c\n';
    const r = await run(['migrate', 'in.yaml', '-s', 'proxy'], { files: { 'in.yaml': text } });
    expect(r.stderr).toBe('in.yaml: Pod/p: its containers list is written through a YAML alias or is not a list; migrate edits only lists written in place\n');
    expect(r.code).toBe(2);
  });
});
