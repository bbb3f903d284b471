import * as fs from 'fs';
import * as path from 'path';

/**
 * The cdk8s-plus-33 package is built from this source by rewriting one line of src/cdk8s-plus.ts
 * (scripts/build-variant.ts). That works only while no other file names a cdk8s-plus package.
 */
const SRC = path.join(__dirname, '..', 'src');
const ONE_MODULE = path.join(SRC, 'cdk8s-plus.ts');

function sourceFiles(): string[] {
  return fs.readdirSync(SRC, { recursive: true, encoding: 'utf-8' }).filter((f) => f.endsWith('.ts')).map((f) => path.join(SRC, f));
}

describe('the one cdk8s-plus module', () => {
  test('GIVEN every source file WHEN reading its imports THEN only src/cdk8s-plus.ts names a cdk8s-plus package', () => {
    const offenders = sourceFiles()
      .filter((f) => f !== ONE_MODULE)
      .flatMap((f) => fs.readFileSync(f, 'utf-8').split('\n')
        .filter((l) => /from 'cdk8s-plus-\d+(\/.*)?'|require\('cdk8s-plus-\d+/.test(l))
        .map((l) => `${path.relative(SRC, f)}: ${l.trim()}`));
    expect(offenders).toEqual([]);
  });

  test('GIVEN src/cdk8s-plus.ts THEN it re-exports exactly one cdk8s-plus major, on one line the variant build can rewrite', () => {
    const lines = fs.readFileSync(ONE_MODULE, 'utf-8').split('\n').filter((l) => /^export /.test(l));
    expect(lines).toEqual(["export * from 'cdk8s-plus-28';"]);
  });

  test('GIVEN the source files THEN the constructs do import cdk8s-plus through the one module (the check above is not vacuous)', () => {
    const users = sourceFiles().filter((f) => /from '(\.\.?\/)+cdk8s-plus'/.test(fs.readFileSync(f, 'utf-8')));
    expect(users.length).toBeGreaterThan(10);
  });
});
