/**
 * Keeps the examples of docs/cli.md true: every ```console block is a session of
 * `$ cdk8s-sidecars ...` commands, each followed by its real output (standard output and standard
 * error in the order they were written, as a terminal shows them), and `$ echo $?` lines followed
 * by the exit code. A command ending in `> FILE` shows standard error only (standard output is
 * discarded, no file is written). This script runs every command (in process, from the repository
 * root) and writes the outputs back; a block whose output ends with a `...` line keeps only as many
 * lines as it shows. `test/cli/cli-md.test.ts` fails when the page differs from what this renders.
 *
 * Run: `npx projen cli-md` (rewrites docs/cli.md).
 */
import * as fs from 'fs';
import * as path from 'path';
import { CliIo, nodeIo } from '../src/cli/cli-io';
import { main } from '../src/cli/main';

const ROOT = path.join(__dirname, '..');
export const CLI_MD = path.join(ROOT, 'docs', 'cli.md');

/** Splits a command line as a shell would for these examples (quotes, no expansion). */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null) words.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2] ?? m[3]);
  return words;
}

async function runCommand(argv: string[], showStdout: boolean): Promise<{ code: number; output: string }> {
  let output = '';
  const io: CliIo = {
    ...nodeIo(),
    cwd: ROOT,
    stderrIsTty: false,
    writeStdout: (t) => { if (showStdout) output += t; },
    writeStderr: (t) => { output += t; },
  };
  const code = await main(argv, io);
  return { code, output };
}

/** Renders the page: every console block's outputs replaced by the commands' real outputs. */
export async function renderCliMd(doc: string): Promise<string> {
  const out: string[] = [];
  const lines = doc.split('\n');
  let i = 0;
  while (i < lines.length) {
    out.push(lines[i]);
    if (lines[i] !== '```console') {
      i++;
      continue;
    }
    i++;
    const block: string[] = [];
    while (i < lines.length && lines[i] !== '```') block.push(lines[i++]);
    out.push(...await renderBlock(block));
    if (i < lines.length) out.push(lines[i++]);
  }
  return out.join('\n');
}

async function renderBlock(block: string[]): Promise<string[]> {
  const out: string[] = [];
  let lastCode = 0;
  for (let k = 0; k < block.length; k++) {
    const line = block[k];
    if (!line.startsWith('$ ')) continue;
    out.push(line);
    // The lines the page shows for this command (up to the next command).
    let end = k + 1;
    while (end < block.length && !block[end].startsWith('$ ')) end++;
    const shown = block.slice(k + 1, end);
    const truncated = shown.length > 0 && shown[shown.length - 1] === '...';
    if (line === '$ echo $?') {
      out.push(String(lastCode));
      continue;
    }
    const words = shellWords(line.slice(2));
    if (words[0] !== 'cdk8s-sidecars') throw new Error(`docs/cli.md: only cdk8s-sidecars and echo $? run in console blocks, got: ${line}`);
    const redirected = words.length >= 3 && words[words.length - 2] === '>';
    const result = await runCommand(words.slice(1, redirected ? -2 : undefined), !redirected);
    lastCode = result.code;
    const produced = result.output.replace(/\n$/, '').split('\n').filter((l, _n, all) => !(all.length === 1 && l === ''));
    if (truncated) out.push(...produced.slice(0, shown.length - 1), '...');
    else out.push(...produced);
  }
  return out;
}

if (require.main === module) {
  renderCliMd(fs.readFileSync(CLI_MD, 'utf-8')).then((md) => {
    fs.writeFileSync(CLI_MD, md);
    console.log('wrote docs/cli.md');
  }, (e) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
