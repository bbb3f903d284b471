import * as fs from 'fs';
import * as jsyaml from 'js-yaml';
import { CliIo, nodeIo } from '../src/cli/cli-io';
import { main } from '../src/cli/main';
import { readManifests } from '../src/cli/read/manifest-reader';

/**
 * The CLI as users run it, minus the terminal: `main(['lint', file, '--quiet'])` with the real
 * file system and the output thrown away (a clean input prints nothing with --quiet anyway).
 */
export async function lintOnce(file: string): Promise<{ size: number; exitCode: number }> {
  let output = '';
  const io = silentIo((text) => { output += text; });
  const exitCode = await main(['lint', file, '--quiet'], io);
  if (exitCode !== 0) {
    // Measuring a lint that fails would measure error reporting, not the rules: refuse.
    throw new Error(`bench: lint of the generated input exited ${exitCode}, expected 0 (a clean input): ${output.slice(0, 2000).trimEnd()}`);
  }
  return { size: fs.statSync(file).size, exitCode };
}

/**
 * The yardstick of issue 13: js-yaml (its default schema) parsing the same input, read whole as
 * UTF-8 text, every document. Lint does this much and more (kubectl's reading, the rules, positions
 * where findings point), so the ratio lint / js-yaml says what the rest costs.
 */
export function jsyamlOnce(file: string): { size: number; exitCode: number } {
  const docs = jsyaml.loadAll(fs.readFileSync(file, 'utf-8'));
  return { size: docs.length, exitCode: 0 };
}

/** The CLI's own reading layer over the same file (kubectl's reading, one document at a time), without the rules. */
export function readOnce(file: string): { size: number; exitCode: number } {
  let objects = 0;
  for (const item of readManifests(file, nodeIo().openFile(file))) {
    if (item instanceof Error) throw new Error(`bench: the generated input does not read: ${item.message}`);
    objects++;
  }
  return { size: objects, exitCode: 0 };
}

/** The largest document of a multi-document YAML file, in bytes (what peak memory is compared with). */
export function largestDocumentBytes(file: string): number {
  const text = fs.readFileSync(file, 'utf-8');
  return Math.max(...text.split(/^---[ \t]*$/m).map((d) => Buffer.byteLength(d)));
}

function silentIo(onOutput: (text: string) => void): CliIo {
  return { ...nodeIo(), stderrIsTty: false, writeStdout: onOutput, writeStderr: onOutput };
}
