import { cdk8s, javascript } from 'projen';

const project = new cdk8s.ConstructLibraryCdk8s({
  name: 'cdk8s-sidecars',
  packageName: 'cdk8s-sidecars',
  description:
    'Kubernetes native sidecar containers for cdk8s: declared start order, exact effective resources, ' +
    'API-server rules at synth, and a lifecycle plan you can read before you deploy.',
  author: 'cdk8s-sidecars founders',
  authorAddress: 'founders@cdk8s-sidecars.dev',
  repositoryUrl: 'https://example.invalid/cdk8s-sidecars.git',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  // Match the TypeScript that jsii 5.9 compiles with, for ts-jest, ts-node and eslint too.
  typescriptVersion: '~5.9.0',
  jsiiVersion: '~5.9.0',
  keywords: ['cdk8s', 'kubernetes', 'sidecar', 'sidecar-containers', 'init-containers', 'jsii'],

  // cdk8s v2 with constructs v10: what cdk8s-plus-28 is built for.
  cdk8sVersion: '2.70.0',
  constructsVersion: '10.3.0',
  cdk8sVersionPinning: false,
  constructsVersionPinning: false,
  peerDeps: ['cdk8s-plus-28@^2.5.6'],

  // Runtime dependencies of a jsii library must be bundled.
  bundledDeps: ['yaml@^2.6.0'],
  devDeps: [
    '@types/node@^20',
    'cdk8s-plus-28@2.5.6',
    // ts-jest needs jest-util as a peer; npm 11 leaves it nested unless the root asks for it.
    'jest-util@^29',
    'fast-check@^4',
    // 4.5.x loads with require() (jest is CommonJS); 5.x is ESM-only.
    'kubernetes-models@4.5.1',
  ],

  // GitHub workflows are not used here: CI is `.ci/run`.
  github: false,
  release: false,
  depsUpgrade: false,
  pullRequestTemplate: false,

  jestOptions: {
    // jest 30 resolves modules with unrs-resolver (see the note on eslint-import-resolver-typescript below).
    jestVersion: '^29',
    // Snapshots are assertions: never rewrite them silently (update with `npx projen test -u`).
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    passWithNoTests: false,
    jestConfig: {
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      coverageReporters: ['text-summary'],
      testPathIgnorePatterns: ['/node_modules/', '/.tmp/'],
    },
  },
  tsconfigDev: {
    // Paths are relative to test/tsconfig.json.
    include: ['../examples/**/*.ts', '../scripts/**/*.ts', '../bench/**/*.ts'],
    compilerOptions: {},
  },
  gitignore: ['/.tmp/'],

  // --- i15 (issue 15): jsii targets, named as cdk8s-plus names its own (docs/languages.md) ----------------
  // CI generates their sources with `jsii-pacmak --code-only` (task package:sources); building the packages
  // needs each language's toolchain and registry, which this machine does not have.
  publishToPypi: { distName: 'cdk8s-sidecars', module: 'cdk8s_sidecars' },
  publishToMaven: { javaPackage: 'io.github.cdk8s_sidecars', mavenGroupId: 'io.github.cdk8s-sidecars', mavenArtifactId: 'cdk8s-sidecars' },
  publishToNuget: { dotNetNamespace: 'Cdk8sSidecars', packageId: 'Cdk8sSidecars' },
  publishToGo: { moduleName: 'github.com/cdk8s-sidecars/cdk8s-sidecars-go' },
  // Node: the engines floor. 20 keeps working (CI here runs it); the README recommends the current LTS.
  minNodeVersion: '20.0.0',
  // --- end i15 ---------------------------------------------------------------------------------------------
});

// jest 29 and eslint-import-resolver-typescript 3.6.x resolve modules with enhanced-resolve; 3.8+ and 4.x pull in
// unrs-resolver, whose per-platform optional packages npm 11.19 leaves out of the lockfile, and
// `npm ci` then refuses that lockfile. projen's eslint component adds the package unpinned.
project.deps.removeDependency('eslint-import-resolver-typescript');
project.addDevDeps('eslint-import-resolver-typescript@~3.6.3');

// --- i15 (issue 15): usable from any cdk8s app --------------------------------------------------------
// cdk8s-plus-33: CI runs the whole suite against it too (jest maps cdk8s-plus-28 to it, see the test:plus-33 task)
// and scripts/build-variant.ts builds the cdk8s-sidecars-plus-33 package from the same source. cdk8s 2.70.0 (above)
// satisfies its peer range (^2.68.11), so one cdk8s serves both majors.
// cdk8s-cli: the real `cdk8s synth` runs the fixture apps and the validation plugin in test/plugin/.
project.addDevDeps('cdk8s-plus-33@2.5.57', 'cdk8s-cli@2.207.60');
// The cdk8s-sidecars-plus-33 npm package, built from this source (scripts/build-variant.ts).
project.addTask('package:plus-33', {
  description: 'Build the cdk8s-sidecars-plus-33 package (same source, cdk8s-plus-33) into dist/js',
  exec: 'ts-node --project test/tsconfig.json scripts/build-variant.ts 33',
});
// Python, Java, .NET and Go sources (code only: their toolchains and registries are not on this machine),
// then what can be checked here (scripts/check-generated-sources.ts, docs/languages.md).
project.addTask('package:sources', {
  description: 'Generate the Python, Java, .NET and Go sources into dist/ with jsii-pacmak --code-only, and check them',
  steps: [
    { exec: 'jsii-pacmak --code-only --target python --target java --target dotnet --target go' },
    { exec: 'ts-node --project test/tsconfig.json scripts/check-generated-sources.ts' },
  ],
});
// package-all: what this machine can produce. projen's package:python/java/dotnet/go tasks (full builds, with
// each language's toolchain) stay available for a machine that has them.
const packageAll = project.tasks.tryFind('package-all')!;
packageAll.reset();
packageAll.spawn(project.tasks.tryFind('package:js')!);
packageAll.spawn(project.tasks.tryFind('package:plus-33')!);
packageAll.spawn(project.tasks.tryFind('package:sources')!);
project.addTask('test:plus-33', {
  description: 'Run the whole test suite against cdk8s-plus-33 (see test/plus-33/jest.config.js)',
  exec: 'jest --ci --config test/plus-33/jest.config.js',
  receiveArgs: true,
});
// --- end i15 ---------------------------------------------------------------------------------------------

// The command-line tool (lint, explain, migrate).
project.addBins({ 'cdk8s-sidecars': 'lib/cli/bin.js' });

// Main job: synthesize every example to dist/examples/*.k8s.yaml.
project.addTask('examples', {
  description: 'Synthesize every example under examples/ to dist/examples/*.k8s.yaml',
  exec: 'ts-node --project test/tsconfig.json scripts/synth-examples.ts',
});

// Performance: ratios against cdk8s-plus-28 and raw cdk8s, measured in one run (never a timed unit test).
project.addTask('bench', {
  description: 'Benchmark synth (SidecarDeployment vs cdk8s-plus vs raw ApiObjects vs YAML) and the CLI; writes docs/benchmarks.md',
  exec: 'node --expose-gc -r ts-node/register/transpile-only bench/run.ts',
});

// ts-jest only transpiles (isolatedModules), so tests, examples, scripts and the benchmark are type-checked here.
project.addTask('typecheck', {
  description: 'Type-check tests, examples, scripts and the benchmark',
  exec: 'tsc --noEmit -p test/tsconfig.json',
});

// RULES.md is generated from the rule objects; CI regenerates it and fails if it is stale.
project.addTask('rules-md', {
  description: 'Generate RULES.md from the rule objects in src/rules/',
  exec: 'ts-node --project test/tsconfig.json scripts/rules-md.ts',
});

// Written and removed by test/readme.test.ts while it type-checks the README's code.
project.gitignore.exclude('/test/.readme-snippets.generated.ts');

for (const pattern of ['/examples/', '/scripts/', '/.ci/', '/bench/', '/fixture-apps/' /* i15 */]) {
  project.addPackageIgnore(pattern);
}

project.synth();
