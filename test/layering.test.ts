import * as fs from 'fs';
import * as path from 'path';

/**
 * Layers point one way: engine <- constructs <- CLI. These tests read the import lines of every
 * source file, so a wrong-way import fails CI instead of waiting for review.
 */
const SRC = path.join(__dirname, '..', 'src');
const ENGINE_DIRS = ['engine', 'resources', 'rules', 'lifecycle', 'validation'];
const CONSTRUCT_DIRS = ['workloads', 'sidecars'];
const CDK8S_MODULES = /from '(cdk8s|cdk8s-plus-28|constructs)(\/.*)?'|require\('(cdk8s|cdk8s-plus-28|constructs)'\)/;

function filesUnder(dir: string): string[] {
  const full = path.join(SRC, dir);
  if (!fs.existsSync(full)) return [];
  return fs.readdirSync(full, { recursive: true, encoding: 'utf-8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(full, f));
}

function importsOf(file: string): string[] {
  return fs.readFileSync(file, 'utf-8').split('\n').filter((l) => /^\s*(import|export) .* from '|require\(/.test(l));
}

describe('layering', () => {
  test('GIVEN the engine folders WHEN reading their imports THEN none imports cdk8s, cdk8s-plus-28 or constructs', () => {
    const offenders = ENGINE_DIRS.flatMap(filesUnder)
      .flatMap((f) => importsOf(f).filter((l) => CDK8S_MODULES.test(l)).map((l) => `${path.relative(SRC, f)}: ${l.trim()}`));
    expect(offenders).toEqual([]);
  });

  test('GIVEN the engine folders WHEN reading their imports THEN none reaches into the constructs or the CLI', () => {
    const offenders = ENGINE_DIRS.flatMap(filesUnder)
      .flatMap((f) => importsOf(f).filter((l) => /from '\.\.\/(workloads|sidecars|cli)\//.test(l)).map((l) => `${path.relative(SRC, f)}: ${l.trim()}`));
    expect(offenders).toEqual([]);
  });

  test('GIVEN the construct folders WHEN reading their imports THEN none imports the CLI', () => {
    const offenders = CONSTRUCT_DIRS.flatMap(filesUnder)
      .flatMap((f) => importsOf(f).filter((l) => /from '\.\.\/cli\//.test(l)).map((l) => `${path.relative(SRC, f)}: ${l.trim()}`));
    expect(offenders).toEqual([]);
  });

  test('GIVEN the engine folders THEN there is at least one file to check (the test cannot pass vacuously)', () => {
    expect(ENGINE_DIRS.flatMap(filesUnder).length).toBeGreaterThan(5);
  });
});
