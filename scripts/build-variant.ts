/**
 * Builds the package of this library for another cdk8s-plus major from the same source:
 * `ts-node scripts/build-variant.ts 33` (task `package:plus-33`) writes
 * dist/js/cdk8s-sidecars-plus-33@<version>.jsii.tgz.
 *
 * How: copy src/ into .tmp/variants/<name>/, rewrite the one line of src/cdk8s-plus.ts that names
 * the cdk8s-plus package, give the copy its own package.json (name, cdk8s-plus peer, jsii targets),
 * compile it with jsii there (so the variant is type-checked against that major's own types) and
 * pack it with jsii-pacmak. The copy sits inside this repository, so its dependencies (cdk8s,
 * cdk8s-plus-33, constructs) resolve from this repository's node_modules, installed from the lockfile.
 *
 * Naming (docs/languages.md): cdk8s-plus names its majors `cdk8s-plus-<k8s minor>`; the variant adds
 * that same suffix to our name, `cdk8s-sidecars-plus-33`, so the package says which cdk8s-plus it fits.
 * The default package, `cdk8s-sidecars`, stays on cdk8s-plus-28.
 */
import { execFileSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const ONE_MODULE = path.join('src', 'cdk8s-plus.ts');
const DEFAULT_PLUS = 'cdk8s-plus-28';
const HASH_FILE = '.source-hash';

/** A cdk8s-plus major this library is also built for. */
export interface Variant {
  /** The Kubernetes minor in cdk8s-plus's package name, e.g. `33`. */
  readonly major: string;
  /** `cdk8s-plus-33`. */
  readonly plusPackage: string;
  /** `cdk8s-sidecars-plus-33`. */
  readonly name: string;
}

export function variantOf(major: string): Variant {
  if (!/^\d+$/.test(major)) {
    throw new Error(`build-variant: major: Invalid value: ${JSON.stringify(major)}: must be the number in a cdk8s-plus package name, e.g. "33"`);
  }
  const root = rootPackage();
  const plusPackage = `cdk8s-plus-${major}`;
  if (!root.devDependencies?.[plusPackage]) {
    throw new Error(`build-variant: ${plusPackage}: Not found: not a devDependency of ${root.name}. Fix: add it in .projenrc.ts (addDevDeps) and run npx projen`);
  }
  return { major, plusPackage, name: `${root.name}-plus-${major}` };
}

/** Where the variant's package is assembled and compiled. */
export function variantDir(variant: Variant): string {
  return path.join(ROOT, '.tmp', 'variants', variant.name);
}

/** The npm package jsii-pacmak writes, beside the default package's. */
export function variantTarball(variant: Variant): string {
  return path.join(ROOT, 'dist', 'js', `${variant.name}@${rootPackage().version}.jsii.tgz`);
}

/**
 * A hash of everything the variant is built from. `ensureVariant()` rebuilds when it changed, so a
 * test never runs against a package built from older source.
 */
export function sourceHash(): string {
  const hash = crypto.createHash('sha256');
  const files = [
    ...fs.readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf-8' }).map((f) => path.join('src', f)),
    'package.json', 'tsconfig.json', 'README.md', 'LICENSE', path.join('scripts', 'build-variant.ts'),
  ].filter((f) => fs.statSync(path.join(ROOT, f)).isFile()).sort();
  for (const f of files) hash.update(`${f}\0`).update(fs.readFileSync(path.join(ROOT, f))).update('\0');
  return hash.digest('hex');
}

/** The variant's tarball, built first if missing or built from other source. */
export function ensureVariant(variant: Variant, log: (line: string) => void = () => undefined): string {
  const tarball = variantTarball(variant);
  const hashFile = path.join(variantDir(variant), HASH_FILE);
  const fresh = fs.existsSync(tarball) && fs.existsSync(hashFile) && fs.readFileSync(hashFile, 'utf-8') === sourceHash();
  if (!fresh) buildVariant(variant, log);
  return tarball;
}

export function buildVariant(variant: Variant, log: (line: string) => void = (l) => console.log(l)): string {
  const hash = sourceHash();
  const dir = variantDir(variant);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });

  log(`${variant.name}: copying src/ with ${ONE_MODULE} importing ${variant.plusPackage}`);
  fs.cpSync(path.join(ROOT, 'src'), path.join(dir, 'src'), { recursive: true });
  const moduleFile = path.join(dir, ONE_MODULE);
  const line = `export * from '${DEFAULT_PLUS}';`;
  const source = fs.readFileSync(moduleFile, 'utf-8');
  if (source.split('\n').filter((l) => l === line).length !== 1) {
    throw new Error(`build-variant: ${ONE_MODULE}: Invalid value: expected the line ${JSON.stringify(line)} exactly once. ` +
      'Fix: keep the one re-export of cdk8s-plus on a line of its own (test/cdk8s-plus-module.test.ts checks it)');
  }
  fs.writeFileSync(moduleFile, source.replace(line, `export * from '${variant.plusPackage}';`));

  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(variantPackage(variant), undefined, 2) + '\n');
  for (const f of ['tsconfig.json', 'LICENSE', '.npmignore']) fs.copyFileSync(path.join(ROOT, f), path.join(dir, f));
  fs.writeFileSync(path.join(dir, 'README.md'), variantReadme(variant));
  // npm pack bundles bundledDependencies from the package's own node_modules.
  for (const dep of rootPackage().bundledDependencies ?? []) {
    fs.cpSync(path.join(ROOT, 'node_modules', dep), path.join(dir, 'node_modules', dep), { recursive: true });
  }

  log(`${variant.name}: jsii (type-checks the source against ${variant.plusPackage})`);
  run('jsii', ['--silence-warnings=reserved-word'], dir);
  log(`${variant.name}: jsii-pacmak --target js`);
  run('jsii-pacmak', ['--target', 'js', '--outdir', path.join(ROOT, 'dist'), '--force'], dir);
  const tarball = variantTarball(variant);
  if (!fs.existsSync(tarball)) throw new Error(`build-variant: ${path.relative(ROOT, tarball)}: Not found after jsii-pacmak`);
  fs.writeFileSync(path.join(dir, HASH_FILE), hash);
  log(`${variant.name}: ${path.relative(ROOT, tarball)}`);
  return tarball;
}

/** The root package.json, rewritten for the variant: name, description, cdk8s-plus peer, jsii targets. */
function variantPackage(variant: Variant): any {
  const root = rootPackage();
  const plusVersion = String(root.devDependencies[variant.plusPackage]).replace(/^[\^~]/, '');
  const peerDependencies: { [name: string]: string } = {};
  for (const [name, range] of Object.entries<string>(root.peerDependencies)) {
    if (name === DEFAULT_PLUS) peerDependencies[variant.plusPackage] = `^${plusVersion}`;
    else peerDependencies[name] = range;
  }
  const { devDependencies: _dev, scripts: _scripts, jest: _jest, '//': _generated, ...kept } = root;
  return {
    ...kept,
    name: variant.name,
    description: `${root.description} Built for ${variant.plusPackage}.`,
    keywords: [...(root.keywords ?? []), variant.plusPackage],
    peerDependencies,
    jsii: { ...root.jsii, targets: variantTargets(root.jsii.targets ?? {}, variant.major) },
  };
}

/** The default package's jsii targets with the major added the way cdk8s-plus adds it to its own. */
export function variantTargets(targets: any, major: string): any {
  const out: any = {};
  if (targets.python) out.python = { distName: `${targets.python.distName}-plus-${major}`, module: `${targets.python.module}_plus_${major}` };
  if (targets.java) {
    out.java = {
      package: `${targets.java.package}.plus${major}`,
      maven: { groupId: targets.java.maven.groupId, artifactId: `${targets.java.maven.artifactId}-plus-${major}` },
    };
  }
  if (targets.dotnet) out.dotnet = { namespace: `${targets.dotnet.namespace}.Plus${major}`, packageId: `${targets.dotnet.packageId}.Plus${major}` };
  if (targets.go) out.go = { ...targets.go, packageName: `cdk8ssidecarsplus${major}` };
  return out;
}

function variantReadme(variant: Variant): string {
  const root = rootPackage();
  const note = [
    `> **This is \`${variant.name}\`, the build of \`${root.name}\` for [${variant.plusPackage}](https://www.npmjs.com/package/${variant.plusPackage}).**`,
    `> Install it with its peer: \`npm install ${variant.name} ${variant.plusPackage}\`, and import from \`'${variant.name}'\``,
    `> wherever this README imports from \`'${root.name}'\` (and \`${variant.plusPackage}\` wherever it imports \`${DEFAULT_PLUS}\`).`,
    '',
    '',
  ].join('\n');
  return note + fs.readFileSync(path.join(ROOT, 'README.md'), 'utf-8');
}

function rootPackage(): any {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf-8'));
}

function run(bin: string, args: string[], cwd: string): void {
  try {
    execFileSync(path.join(ROOT, 'node_modules', '.bin', bin), args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf-8' });
  } catch (e: any) {
    throw new Error(`build-variant: ${bin} ${args.join(' ')} failed in ${path.relative(ROOT, cwd)}:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

if (require.main === module) {
  try {
    const majors = process.argv.slice(2);
    if (majors.length === 0) throw new Error('usage: ts-node scripts/build-variant.ts <cdk8s-plus major>... (e.g. 33)');
    for (const major of majors) buildVariant(variantOf(major));
  } catch (e) {
    console.error((e as Error).message);
    process.exitCode = 1;
  }
}
