import * as fs from 'fs';
import { CLI_MD, renderCliMd, shellWords } from '../../scripts/cli-md';

/** docs/cli.md shows real output: every console block is re-run and must print what the page shows. */
describe('docs/cli.md', () => {
  jest.setTimeout(120_000);

  test('GIVEN the page WHEN every example command is run again THEN the page is unchanged (regenerate with `npx projen cli-md`)', async () => {
    const doc = fs.readFileSync(CLI_MD, 'utf-8');
    expect(await renderCliMd(doc)).toBe(doc);
  });

  test('GIVEN the page THEN it shows every command and every new format', () => {
    const doc = fs.readFileSync(CLI_MD, 'utf-8');
    const commands = doc.split('\n').filter((l) => l.startsWith('$ cdk8s-sidecars ')).map((l) => shellWords(l.slice(2)));
    const has = (...words: string[]) => commands.some((c) => words.every((w) => c.includes(w)));
    for (const cmd of ['lint', 'explain', 'migrate', 'rules']) expect(has(cmd)).toBe(true);
    for (const format of ['github', 'json', 'sarif']) expect(has('lint', '--format', format)).toBe(true);
    for (const format of ['markdown', 'json', 'mermaid', 'svg']) expect(has('explain', '--format', format)).toBe(true);
    expect(has('rules', '--format', 'markdown')).toBe(true);
    expect(has('lint', '--disable')).toBe(true);
    expect(has('migrate', '--position')).toBe(true);
  });

  test.each([
    ['a b', ['a', 'b']],
    ['lint "a b" \'c d\' e\\"', ['lint', 'a b', 'c d', 'e\\"']],
  ])('GIVEN the command line %s THEN it splits as a shell would', (line, words) => {
    expect(shellWords(line)).toEqual(words);
  });
});
