import * as fs from 'fs';
import * as path from 'path';

/**
 * The validation plugin sits beside the CLI, on top of the engine only: engine <- plugin. It must
 * load without cdk8s, cdk8s-plus or constructs (it checks manifests, whatever wrote them), and the
 * engine must not know it.
 */
const SRC = path.join(__dirname, '..', '..', 'src');
const PLUGIN = path.join(SRC, 'plugin');
const ENGINE = /^\.\.\/(engine|resources|rules|lifecycle|modes|validation)\//;
const ALLOWED_PACKAGES = new Set(['fs', 'path', 'yaml']);

function importsOf(file: string): string[] {
  return [...fs.readFileSync(file, 'utf-8').matchAll(/^\s*(?:import|export)\b[^;]*? from '([^']+)'/gm)].map((m) => m[1]);
}

describe('plugin layering', () => {
  const files = fs.readdirSync(PLUGIN, { recursive: true, encoding: 'utf-8' }).filter((f) => f.endsWith('.ts')).map((f) => path.join(PLUGIN, f));

  test('GIVEN src/plugin THEN it has files to check (the test cannot pass vacuously)', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  test('GIVEN every file of src/plugin WHEN reading its imports THEN it imports the engine, its own folder and Node/yaml only', () => {
    const offenders = files.flatMap((f) => importsOf(f)
      .filter((m) => !(m.startsWith('./') || ENGINE.test(m) || ALLOWED_PACKAGES.has(m)))
      .map((m) => `${path.relative(SRC, f)}: ${m}`));
    expect(offenders).toEqual([]);
  });

  test('GIVEN the rest of src WHEN reading its imports THEN only index.ts imports the plugin', () => {
    const all = fs.readdirSync(SRC, { recursive: true, encoding: 'utf-8' }).filter((f) => f.endsWith('.ts') && !f.startsWith(`plugin${path.sep}`));
    const offenders = all.filter((f) => f !== 'index.ts' && importsOf(path.join(SRC, f)).some((m) => /(^|\/)plugin\//.test(m)));
    expect(offenders).toEqual([]);
  });
});
