import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from './capture-io';
import { CliIo, nodeIo } from '../../src/cli/cli-io';
import { main } from '../../src/cli/main';

/**
 * Issue 13's "Why", one case per test: each ends with one clear line per problem, the documented
 * exit code (0, 1 or 2), no stack trace, and no partial or overwritten file.
 */
const READING = 'test/fixtures/kubectl-reading/inputs';

function expectCleanLines(stderr: string): string[] {
  const lines = stderr.split('\n').filter((l) => l !== '');
  for (const l of lines) {
    expect(l).not.toMatch(/^\s+at |internal error|TypeError|RangeError|Maximum call stack/);
  }
  return lines;
}

/** The CLI on the real file system, in `cwd`, with its output captured. */
async function runReal(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = { ...nodeIo(), cwd, writeStdout: (t) => { out.stdout += t; }, writeStderr: (t) => { out.stderr += t; } };
  const code = await main(argv, io);
  return { code, ...out };
}

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-sidecars-hostile-'));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

const POD = (name: string, extra = '') => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: app\n    image: registry.example/app:1.0\n${extra}`;

describe('GIVEN YAML that kubectl reads as YAML 1.1', () => {
  test('WHEN a Job\'s log shipper comes from an anchor through a merge key THEN lint sees it (SC-JOB-001), exit 1', async () => {
    const r = await run(['lint', '--quiet', `${READING}/merge-key-container.yaml`]);
    expect(r.stdout).toMatch(/merge-key-container\.yaml:\d+:\d+ error SC-JOB-001 spec\.template\.spec\.containers\[0\]: Forbidden: container "log-shipper" looks long-running/);
    expect(r.code).toBe(1);
  });

  test('WHEN privileged: on and hostNetwork: yes THEN they are true (Pod Security baseline errors at those fields), exit 1', async () => {
    const r = await run(['lint', '--format', 'json', `${READING}/yaml11-booleans.yaml`]);
    const paths = JSON.parse(r.stdout).findings.filter((f: any) => f.ruleId === 'SC-PSS-001').map((f: any) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['spec.hostNetwork', 'spec.containers[0].securityContext.privileged']));
    expect(r.code).toBe(1);
  });
});

describe('GIVEN input kubectl reads and the tool used to refuse', () => {
  test.each([
    ['UTF-16 with a byte order mark (PowerShell\'s >)', 'utf16le-bom.yaml', 2],
    ['concatenated JSON objects', 'json-concatenated.json', 3],
    ['one JSON object per line (jq -c)', 'json-lines.json', 3],
    ['CR-only line ends (kubectl reads the first document)', 'cr-only.yaml', 1],
  ])('WHEN it is %s THEN lint reads it: exit 0, %s', async (_what, fixture, objects) => {
    const r = await run(['lint', '--format', 'json', `${READING}/${fixture}`]);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ podObjects: objects, inputErrors: 0 });
    expect(r.code).toBe(0);
  });

  test('WHEN a List holds a List THEN exit 2 with one line naming the item (kubectl refuses it too)', async () => {
    const r = await run(['lint', `${READING}/list-nested.yaml`]);
    const lines = expectCleanLines(r.stderr);
    expect(lines).toEqual([`${READING}/list-nested.yaml:8:3: the list item is itself a list (it has items); kubectl does not read nested lists`]);
    expect(r.code).toBe(2);
  });
});

describe('GIVEN hostile inputs', () => {
  test('WHEN a FIFO is given (directly or in a directory) THEN exit 2 at once with one line each, never blocking', async () => {
    fs.mkdirSync(path.join(tmp, 'dir'));
    execFileSync('mkfifo', [path.join(tmp, 'pipe.yaml')]);
    execFileSync('mkfifo', [path.join(tmp, 'dir', 'inner.yaml')]);
    const r = await runReal(['lint', 'pipe.yaml', 'dir'], tmp);
    expect(expectCleanLines(r.stderr)).toEqual([
      "pipe.yaml: is a FIFO (named pipe), not a regular file; refusing to read it (pipe it to standard input with '-' if you mean to)",
      "dir/inner.yaml: is a FIFO (named pipe), not a regular file; refusing to read it (pipe it to standard input with '-' if you mean to)",
    ]);
    expect(r.code).toBe(2);
  });

  test('WHEN /dev/zero is given THEN exit 2 with one line (a device is never read)', async () => {
    const r = await runReal(['lint', '/dev/zero'], tmp);
    expect(expectCleanLines(r.stderr)).toEqual(["/dev/zero: is a character device, not a regular file; refusing to read it (pipe it to standard input with '-' if you mean to)"]);
    expect(r.code).toBe(2);
  });

  test('WHEN zeros arrive on standard input THEN reading stops at the document limit with one line, exit 2', async () => {
    const r = await run(['lint', '--max-document-size', '1MiB', '-'], { stdin: Buffer.alloc(3 * 1024 * 1024) });
    expect(expectCleanLines(r.stderr)[0]).toBe('<stdin>: holds a line longer than the limit of 1 MiB (raise it with --max-document-size); stopped reading it');
    expect(r.code).toBe(2);
  });

  test('WHEN a document is a single huge string THEN it is refused at --max-document-size with one line, exit 2', async () => {
    const text = `${POD('big')}x-blob: "${'a'.repeat(3 * 1024 * 1024)}"\n`;
    const r = await run(['lint', '--max-document-size', '1MiB', 'big.yaml'], { files: { 'big.yaml': text } });
    expect(expectCleanLines(r.stderr)).toEqual(['big.yaml:1:1: the document starting at line 1 is larger than the limit of 1048576 characters (raise it with --max-document-size)']);
    expect(r.code).toBe(2);
  });

  test('WHEN an input is larger than --max-input-size THEN it is refused with one line, exit 2', async () => {
    const r = await run(['lint', '--max-input-size', '1K', 'big.yaml'], { files: { 'big.yaml': `${POD('a')}---\n`.repeat(40) } });
    expect(expectCleanLines(r.stderr)).toEqual(['big.yaml: is larger than the limit of 1 KiB (raise it with --max-input-size); stopped reading it']);
    expect(r.code).toBe(2);
  });

  test('WHEN a directory holds two symbolic-link loops THEN every real file is linted once, the loops are noted, and no stack overflows', async () => {
    const dir = path.join(tmp, 'm');
    fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'a.yaml'), POD('a'));
    fs.writeFileSync(path.join(dir, 'sub', 'b.yaml'), POD('b'));
    fs.symlinkSync('..', path.join(dir, 'sub', 'up'));
    fs.symlinkSync('.', path.join(dir, 'self'));
    fs.symlinkSync('sub', path.join(dir, 'again'));
    fs.symlinkSync('a.yaml', path.join(dir, 'link.yaml'));
    const r = await runReal(['lint', '--format', 'json', 'm'], tmp);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ files: 2, podObjects: 2, inputErrors: 0 });
    expect(expectCleanLines(r.stderr)).toEqual([
      'note: m/sub/up: a symbolic link to a directory that contains it (a loop); not followed',
      'note: m/again: a link to a directory already read; not read again',
      'note: m/link.yaml: already read as another path (a link to the same file); read once',
      'note: m/self: a symbolic link to a directory that contains it (a loop); not followed',
    ]);
    expect(r.code).toBe(0);
  });

  test('WHEN containers are named constructor and __proto__ THEN explain plans them (no crash), exit 0', async () => {
    const r = await run(['explain', '--format', 'json', `${READING}/keys-proto.yaml`]);
    const [e] = JSON.parse(r.stdout);
    expect(e.lifecycle.startup.map((s: any) => s.container)).toEqual(['__proto__', 'constructor']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  test('WHEN names hold control characters THEN text and github output show them escaped, never raw', async () => {
    // A file name with an escape sequence, and names written with YAML escapes (raw control characters are refused).
    const text = POD('x').replace('name: x', 'name: "evil\\e[31mred"').replace('- name: app', '- name: "app\\e]0;title\\a"');
    const file = 'e\u001b[2J.yaml';
    const t = await run(['lint', file], { files: { [file]: text } });
    const g = await run(['lint', '--format', 'github', file], { files: { [file]: text } });
    const x = await run(['explain', file], { files: { [file]: text } });
    for (const out of [t.stdout, t.stderr, g.stdout, g.stderr, x.stdout, x.stderr]) expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(t.stdout).toContain('e\\x1b[2J.yaml:7:5 error SC-API-006');
    expect(g.stdout).toContain('file=e\\x1b[2J.yaml');
    expect(x.stdout).toContain('Pod/evil\\x1b[31mred');
    expect([t.code, g.code, x.code]).toEqual([1, 1, 0]);
  });

  test('WHEN a name holds line breaks, backticks, Markdown and XML THEN markdown, mermaid and SVG output stay well-formed', async () => {
    const text = POD('x').replace('- name: app', '- name: "a\\n```\\n# b <svg onload=1>; %%"');
    const md = await run(['explain', '--format', 'markdown', 'e.yaml'], { files: { 'e.yaml': text } });
    const mermaid = await run(['explain', '--format', 'mermaid', 'e.yaml'], { files: { 'e.yaml': text } });
    const svg = await run(['explain', '--format', 'svg', 'e.yaml'], { files: { 'e.yaml': text } });
    // Markdown: outside code fences there are only our headings and the source line.
    let fence: string | undefined;
    const outside: string[] = [];
    for (const line of md.stdout.split('\n')) {
      const open = /^(`{3,})/.exec(line);
      if (fence === undefined && open) fence = open[1];
      else if (fence !== undefined && line.startsWith(fence) && line.trim() === line.trim().replace(/[^`]/g, '')) fence = undefined;
      else if (fence === undefined) outside.push(line);
    }
    expect(fence).toBeUndefined();
    expect(outside.filter((l) => l.startsWith('#'))).toEqual(['## Pod/x', '### Lifecycle', '### Effective resources']);
    // Mermaid: one statement per line, no comment or statement break from the name.
    expect(mermaid.stdout).not.toMatch(/%%|;/);
    expect(mermaid.stdout).toContain('participant c1 as a\\x0a```\\x0a_ b _svg onload=1>_ __'.replace('>', '_'));
    // SVG: the name is text, not markup.
    expect(svg.stdout).not.toContain('<svg onload');
    expect(svg.stdout).toContain('&lt;svg onload=1&gt;');
    expect([md.code, mermaid.code, svg.code]).toEqual([0, 0, 0]);
  });

  test('WHEN a valid file holds brackets in strings and across documents THEN it is read (no bracket pre-scan refuses it), exit 0', async () => {
    const r = await run(['lint', '--quiet', `${READING}/brackets-in-strings.yaml`]);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  test('WHEN migrate reads thousands of broken documents THEN every one is reported once, in one line each, exit 2', async () => {
    const text = Array.from({ length: 3000 }, (_, i) => `kind: Pod\nmetadata: {name: p${i}}\nspec: [unclosed\n`).join('---\n');
    const r = await run(['migrate', 'bad.yaml', '-s', 'app'], { files: { 'bad.yaml': text } });
    const lines = expectCleanLines(r.stderr);
    expect(lines).toHaveLength(3000);
    expect(lines[0]).toMatch(/^bad\.yaml:\d+:\d+: YAML syntax error: /);
    expect(r.code).toBe(2);
  });
});

describe('GIVEN migrate --out', () => {
  const SOURCE = POD('p', '  - name: shipper\n    image: fluent/fluent-bit:3.1\n');

  test.each([
    ['the input itself', (dir: string) => ['in.yaml', 'in.yaml', dir]],
    ['the input through a symbolic link', (dir: string) => {
      fs.symlinkSync('in.yaml', path.join(dir, 'alias.yaml'));
      return ['in.yaml', 'alias.yaml', dir];
    }],
    ['a hard link to the input', (dir: string) => {
      fs.linkSync(path.join(dir, 'in.yaml'), path.join(dir, 'hard.yaml'));
      return ['in.yaml', 'hard.yaml', dir];
    }],
  ])('WHEN --out is %s THEN exit 2 with one line and the input is untouched', async (_what, setup) => {
    fs.writeFileSync(path.join(tmp, 'in.yaml'), SOURCE);
    const [input, out] = setup(tmp);
    const r = await runReal(['migrate', input, '-s', 'shipper', '--out', out], tmp);
    const lines = expectCleanLines(r.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${out.replace('.', '\\.')}: --out names the input in\\.yaml`));
    expect(r.code).toBe(2);
    expect(fs.readFileSync(path.join(tmp, 'in.yaml'), 'utf-8')).toBe(SOURCE);
  });

  test('WHEN --out is a new file THEN it is written whole through a temporary file beside it, and nothing else is left', async () => {
    fs.writeFileSync(path.join(tmp, 'in.yaml'), SOURCE);
    const r = await runReal(['migrate', 'in.yaml', '-s', 'shipper', '--out', 'out.yaml'], tmp);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(tmp).sort()).toEqual(['in.yaml', 'out.yaml']);
    expect(fs.readFileSync(path.join(tmp, 'out.yaml'), 'utf-8')).toContain('restartPolicy: Always');
    expect(fs.readFileSync(path.join(tmp, 'in.yaml'), 'utf-8')).toBe(SOURCE);
  });

  test('WHEN the migration is refused THEN an existing --out file is left as it was', async () => {
    fs.writeFileSync(path.join(tmp, 'in.yaml'), SOURCE);
    fs.writeFileSync(path.join(tmp, 'out.yaml'), 'previous\n');
    const r = await runReal(['migrate', 'in.yaml', '-s', 'nope', '--out', 'out.yaml'], tmp);
    expect(r.code).toBe(2);
    expect(fs.readFileSync(path.join(tmp, 'out.yaml'), 'utf-8')).toBe('previous\n');
    expect(fs.readdirSync(tmp).sort()).toEqual(['in.yaml', 'out.yaml']);
  });
});
