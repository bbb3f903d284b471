import { cdk8s, javascript, TextFile } from 'projen';

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
  // js-yaml reads values fast (the CLI's reader, with a YAML 1.1 schema matching kubectl's); `yaml` keeps
  // positions and comments (finding positions, migrate's text edits).
  bundledDeps: ['yaml@^2.6.0', 'js-yaml@^4.3.2'],
  devDeps: [
    '@types/node@^20',
    'cdk8s-plus-28@2.5.6',
    // ts-jest needs jest-util as a peer; npm 11 leaves it nested unless the root asks for it.
    'jest-util@^29',
    'fast-check@^4',
    // 4.5.x loads with require() (jest is CommonJS); 5.x is ESM-only.
    'kubernetes-models@4.5.1',
    '@types/js-yaml@^4.0.9',
    // Validates the CLI's SARIF output against the SARIF 2.1.0 schema (a draft-04 schema) in tests.
    'ajv@^8.17.0',
    'ajv-draft-04@^1.0.0',
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
    // ---- i14 (issue 14, suite speed) ------------------------------------------------------------------------
    // The one-line summary only; `npx jest --coverageReporters=text` prints the per-file table when wanted.
    coverageText: false,
    jestConfig: {
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      coverageReporters: ['text-summary'],
      // Coverage is measured in every run, so `npm test` stays the one command, but with istanbul (babel) rather
      // than v8: istanbul instruments a file once, when jest transforms it, and jest caches the result, whereas v8
      // collects block coverage at run time and converts every loaded file (through its source map) again for
      // each of the ~50 test files. Measured on test/rules + test/lifecycle + test/resources (docs/testing.md):
      // no coverage 8.4-9.7 s CPU, v8 14.9-17.4 s, istanbul 13.9 s cold cache and 9.9 s warm.
      coverageProvider: 'babel',
      collectCoverageFrom: ['src/**/*.ts'],
      // Two workers: on the 2-core CI machine jest's default (cores - 1) runs everything in one process, and the
      // runtime tests spend much of their time waiting on child processes.
      maxWorkers: 2,
      testPathIgnorePatterns: ['/node_modules/', '/.tmp/', '<rootDir>/.stryker-tmp/'],
      // Stryker's sandboxes (under .stryker-tmp/, see the mutation block below) hold a copy of package.json and of
      // every test; rooted at <rootDir>, because Stryker runs jest inside a sandbox, below that folder.
      modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp/'],
    },
    // ---- end i14 --------------------------------------------------------------------------------------------
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

// ---- i14 (issue 14): mutation testing ------------------------------------------------------------------------
// `npm run mutation`: StrykerJS over the engine folders, with the jest runner (our jest config, ts-jest) and the
// TypeScript checker (a mutant that does not compile is reported as such instead of being run). Not part of CI:
// on two cores a full run takes hours; run it before resolving an issue that touches these folders and record the
// score in docs/testing.md. 9.x is the last major that runs on Node 20 (10.x needs Node 22).
project.addDevDeps(
  '@stryker-mutator/core@~9.6.1',
  '@stryker-mutator/jest-runner@~9.6.1',
  '@stryker-mutator/typescript-checker@~9.6.1',
);
const MUTATED_FOLDERS = ['engine', 'resources', 'rules', 'lifecycle', 'modes', 'sidecars'];
const strykerConfig = new TextFile(project, 'stryker.config.mjs', { readonly: true });
[
  `// ${strykerConfig.marker}`,
  '// Mutation testing (issue 14, docs/testing.md).',
  '//   npm run mutation                                   every folder below; each mutant runs the tests that cover it',
  "//   npm run mutation -- --mutate 'src/engine/**/*.ts'   one folder or file (the incremental file keeps the others)",
  '//   MUTATION_TESTS=test/engine,test/rules npm run ...   only those test folders: a faster run whose score is a',
  '//                                                      lower bound (other tests could only kill more mutants)',
  "const tests = (process.env.MUTATION_TESTS ?? '').split(',').map((d) => d.trim().replace(/[/]+$/, '')).filter(Boolean);",
  '',
  'export default {',
  "  packageManager: 'npm',",
  "  testRunner: 'jest',",
  '  jest: {',
  "    projectType: 'custom',",
  '    enableFindRelatedTests: true,',
  '    config: {',
  '      // A failing property ends at once instead of shrinking past the timeout (see the file).',
  "      setupFiles: ['<rootDir>/test/support/stryker-fast-check.ts'],",
  '      ...(tests.length > 0 ? { testMatch: tests.map((d) => `<rootDir>/${d}/**/*.test.ts`) } : {}),',
  '    },',
  '  },',
  "  checkers: ['typescript'],",
  "  tsconfigFile: 'tsconfig.json',",
  '  mutate: [',
  ...MUTATED_FOLDERS.map((f) => `    'src/${f}/**/*.ts',`),
  '  ],',
  "  coverageAnalysis: 'perTest',",
  '  // Static mutants (module-level tables and regexes, where several known survivors were) are kept: ignoring',
  '  // them would leave those out of the score.',
  '  ignoreStatic: false,',
  '  // A cache, not evidence: it embeds the text of every mutated source and test file, changes on every run and',
  '  // would conflict between branches, so it is git-ignored (docs/testing.md records the scores).',
  '  incremental: true,',
  "  incrementalFile: 'reports/mutation/stryker-incremental.json',",
  "  reporters: ['progress', 'clear-text', 'html', 'json'],",
  "  htmlReporter: { fileName: 'reports/mutation/mutation.html' },",
  "  jsonReporter: { fileName: 'reports/mutation/mutation.json' },",
  '  clearTextReporter: { allowColor: false, logTests: false },',
  '  // The target is 85 per folder (issue 14); `break` is set once every folder reaches it.',
  '  thresholds: { high: 90, low: 85, break: null },',
  "  tempDirName: '.stryker-tmp',",
  "  ignorePatterns: ['/lib', '/dist', '/coverage', '/test-reports', '/reports', '/.tmp'],",
  '};',
].forEach((line) => strykerConfig.addLine(line));
project.addTask('mutation', {
  description: 'Mutation testing with StrykerJS over src/{engine,resources,rules,lifecycle,modes,sidecars} (not in CI; see docs/testing.md)',
  exec: 'stryker run',
  receiveArgs: true,
});
project.gitignore.exclude('/.stryker-tmp/', '/reports/');
project.addPackageIgnore('/stryker.config.mjs');
// ---- end i14 --------------------------------------------------------------------------------------------------

// kubectl's golden readings are of these exact bytes (CRLF, CR-only, UTF-16/32, invalid UTF-8): git must not touch them.
project.gitattributes.addAttributes('/test/fixtures/kubectl-reading/inputs/**', 'binary');

// kubectl's readings of test/fixtures/kubectl-reading/inputs/, recorded for test/cli/kubectl-reading.test.ts.
project.addTask('record-kubectl-readings', {
  description: 'Re-record how kubectl reads every file of test/fixtures/kubectl-reading/inputs/ (needs kubectl; no cluster)',
  exec: 'ts-node --project test/tsconfig.json scripts/record-kubectl-readings.ts',
});

// docs/cli.md shows real output of every example; test/cli/cli-md.test.ts fails when it is stale.
project.addTask('cli-md', {
  description: 'Run every example of docs/cli.md and write its real output into the page',
  exec: 'ts-node --project test/tsconfig.json scripts/cli-md.ts',
});

// Written and removed by test/readme.test.ts while it type-checks the README's code.
project.gitignore.exclude('/test/.readme-snippets.generated.ts');

for (const pattern of ['/examples/', '/scripts/', '/.ci/', '/bench/', '/fixture-apps/']) {
  project.addPackageIgnore(pattern);
}

project.synth();
