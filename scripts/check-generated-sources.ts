/**
 * Checks the Python, Java, .NET and Go sources that `jsii-pacmak --code-only` wrote under dist/
 * (task package:sources), as far as this machine can (docs/languages.md):
 * - every type of the jsii assembly (.jsii) has its source in each language, under the names and
 *   packages the jsii targets in .projenrc.ts give;
 * - the Python sources byte-compile with python3 (`python3 -m compileall`).
 * Compiling Java, C# and Go needs the jsii runtimes and the cdk8s packages of each ecosystem, from
 * registries this machine cannot reach; those sources are checked for completeness only.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist');

interface Language {
  readonly name: string;
  /** Problems found, one line each. */
  check(types: string[], targets: any): string[];
}

function missingFiles(dir: string, types: string[], extension: string): string[] {
  if (!fs.existsSync(dir)) return [`${path.relative(ROOT, dir)}: Not found: no sources generated`];
  return types.filter((t) => !fs.existsSync(path.join(dir, `${t}${extension}`))).map((t) => `${path.relative(ROOT, path.join(dir, t + extension))}: Not found`);
}

const LANGUAGES: Language[] = [
  {
    name: 'Python',
    check(types, targets) {
      const init = path.join(DIST, 'python', 'src', targets.python.module, '__init__.py');
      if (!fs.existsSync(init)) return [`${path.relative(ROOT, init)}: Not found: no sources generated`];
      const source = fs.readFileSync(init, 'utf-8');
      const problems = types.filter((t) => !new RegExp(`^class ${t}\\b`, 'm').test(source)).map((t) => `${path.relative(ROOT, init)}: class ${t}: Not found`);
      try {
        execFileSync('python3', ['-m', 'compileall', '-q', path.join(DIST, 'python')], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf-8' });
      } catch (e: any) {
        problems.push(`python3 -m compileall dist/python failed:\n${e.stdout ?? ''}${e.stderr ?? e.message}`);
      }
      return problems;
    },
  },
  {
    name: 'Java',
    check: (types, targets) => missingFiles(path.join(DIST, 'java', 'src', 'main', 'java', ...targets.java.package.split('.')), types, '.java'),
  },
  {
    name: '.NET',
    check: (types, targets) => missingFiles(path.join(DIST, 'dotnet', targets.dotnet.packageId, targets.dotnet.namespace.replace(/\./g, path.sep)), types, '.cs'),
  },
  {
    name: 'Go',
    check: (types, targets) => missingFiles(path.join(DIST, 'go', targets.go.packageName ?? goPackageName()), types, '.go'),
  },
];

/** jsii-pacmak's default Go package name: the npm name without what Go does not allow. */
function goPackageName(): string {
  return readJson('package.json').name.replace(/[^a-z0-9]/gi, '').toLowerCase();
}

function readJson(file: string): any {
  return JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf-8'));
}

function main(): void {
  const assembly = readJson('.jsii');
  const targets = assembly.targets ?? {};
  // Top-level types only: the library has no jsii submodules (a test would fail here if it grew one).
  const types = Object.keys(assembly.types).map((fqn) => fqn.slice(assembly.name.length + 1));
  const nested = types.filter((t) => t.includes('.'));
  if (nested.length > 0) throw new Error(`check-generated-sources: submodule types are not handled yet: ${nested.join(', ')}`);
  const problems: string[] = [];
  for (const language of LANGUAGES) {
    const found = language.check(types, targets);
    problems.push(...found.map((p) => `${language.name}: ${p}`));
    if (found.length === 0) console.log(`${language.name}: ${types.length} types generated${language.name === 'Python' ? ', byte-compiled with python3' : ''}`);
  }
  if (problems.length > 0) {
    throw new Error(`generated sources are incomplete:\n${problems.map((p) => `  - ${p}`).join('\n')}\nFix: run npx projen compile, then npx projen package:sources`);
  }
}

try {
  main();
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 1;
}
