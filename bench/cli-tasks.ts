import * as fs from 'fs';
import { CliIo } from '../src/cli/cli-io';
import { readInputText } from '../src/cli/input-files';
import { main } from '../src/cli/main';
import { readManifests } from '../src/cli/manifest-stream';

/**
 * The CLI as users run it, minus the terminal: `main(['lint', file, '--quiet'])` with an io that
 * reads the real file and throws the output away (a clean input prints nothing with --quiet anyway).
 */
export async function lintOnce(file: string): Promise<{ size: number; exitCode: number }> {
  let output = '';
  const io = silentIo((text) => { output += text; }, (text) => { output += text; });
  const exitCode = await main(['lint', file, '--quiet'], io);
  if (exitCode !== 0) {
    // Measuring a lint that fails would measure error reporting, not the rules: refuse.
    throw new Error(`bench: lint of the generated input exited ${exitCode}, expected 0 (a clean input): ${output.slice(0, 2000).trimEnd()}`);
  }
  return { size: fs.statSync(file).size, exitCode };
}

/**
 * "Only parsing": the CLI's own reading layer over the same file (the same text decoding, the
 * same `yaml` parser, composer and `toJS` per document, and the source locators), without the rules.
 */
export function parseOnce(file: string): Promise<{ size: number; exitCode: number }> {
  return readInputText(silentIo(() => undefined), { displayName: file, absolutePath: file }).then((text) => {
    let objects = 0;
    for (const item of readManifests(file, text)) {
      if (item instanceof Error) throw new Error(`bench: the generated input does not parse: ${item.message}`);
      objects++;
    }
    return { size: objects, exitCode: 0 };
  });
}

function silentIo(onStderr: (text: string) => void, onStdout: (text: string) => void = () => undefined): CliIo {
  return {
    cwd: process.cwd(),
    writeStdout: onStdout,
    writeStderr: onStderr,
    readStdin: async () => Buffer.alloc(0),
    readFile: (p) => fs.readFileSync(p),
    writeFile: () => { throw new Error('bench: lint must not write files'); },
    kindOf: (p) => (fs.existsSync(p) ? (fs.statSync(p).isDirectory() ? 'directory' : 'file') : 'missing'),
    listDirectory: (p) => fs.readdirSync(p),
  };
}
