import * as fs from 'fs';
import * as path from 'path';
import { App, Testing } from 'cdk8s';
import { parseAllDocuments } from 'yaml';

export const SEEDS = path.join(__dirname, '..', 'fixtures', 'seeds');
export const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

/** Parses every document of a YAML file. */
export function readYaml(file: string): any[] {
  return parseAllDocuments(fs.readFileSync(file, 'utf-8')).map((d) => d.toJS());
}

/** Synthesizes one example (examples/<name>.ts) with a test app and returns its manifests. */
export function synthExample(name: string): any[] {
  return synthExampleIn(Testing.app(), name);
}

/** Synthesizes one example into a given app (e.g. one with settings) and returns its manifests. */
export function synthExampleIn(app: App, name: string): any[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(path.join(EXAMPLES, `${name}.ts`));
  mod.build(app);
  return app.charts.flatMap((c) => Testing.synth(c));
}

/** Example names (files directly under examples/). */
export function exampleNames(): string[] {
  return fs.readdirSync(EXAMPLES, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.basename(e.name, '.ts'))
    .sort();
}
