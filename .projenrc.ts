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
});

// jest 29 and eslint-import-resolver-typescript 3.6.x resolve modules with enhanced-resolve; 3.8+ and 4.x pull in
// unrs-resolver, whose per-platform optional packages npm 11.19 leaves out of the lockfile, and
// `npm ci` then refuses that lockfile. projen's eslint component adds the package unpinned.
project.deps.removeDependency('eslint-import-resolver-typescript');
project.addDevDeps('eslint-import-resolver-typescript@~3.6.3');

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

for (const pattern of ['/examples/', '/scripts/', '/.ci/', '/bench/']) {
  project.addPackageIgnore(pattern);
}

project.synth();
