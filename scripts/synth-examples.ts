/**
 * The main job: synthesize every example under examples/ to dist/examples/<name>.k8s.yaml.
 *
 * Each example module exports `build(app: App): void`, so tests can synthesize the very same
 * code with `Testing.app()`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdk8s';

const EXAMPLES = path.join(__dirname, '..', 'examples');
const OUT = path.join(__dirname, '..', 'dist', 'examples');

function main(): void {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  const names = fs.readdirSync(EXAMPLES, { withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => e.name).sort();
  for (const file of names) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(EXAMPLES, file));
    if (typeof mod.build !== 'function') {
      throw new Error(`examples/${file} must export build(app: App): void`);
    }
    const app = new App({ outdir: OUT, outputFileExtension: '.k8s.yaml' });
    mod.build(app);
    app.synth();
  }
  const written = fs.readdirSync(OUT).filter((f) => f.endsWith('.k8s.yaml')).sort();
  if (written.length < names.length) {
    throw new Error(`expected at least ${names.length} manifests in dist/examples, found ${written.length}`);
  }
  for (const f of written) console.log(`dist/examples/${f}`);
  console.log(`synthesized ${names.length} examples into ${written.length} manifests`);
}

main();
