// The whole test suite against cdk8s-plus-33 (`npx projen test:plus-33`; CI runs it after `npm test`).
// It is projen's jest configuration (package.json "jest") with three changes:
// - every `cdk8s-plus-28` import, in the library (src/cdk8s-plus.ts), the tests and the examples, loads
//   cdk8s-plus-33 instead: the same swap the cdk8s-sidecars-plus-33 build makes (scripts/build-variant.ts);
// - snapshots of this run are the __snapshots__/*.plus-33.snapshot files (see snapshot-resolver.js), since cdk8s-plus-33 renders a few more defaults
//   (pinned in test/workloads/cdk8s-plus-33-behaviours.test.ts);
// - test/bench/ is left out: it checks that the benchmark's hand-written ApiObject variant is byte for byte
//   what cdk8s-plus-28 renders, which is what the benchmark measures against (docs/benchmarks.md);
// - test/plugin/synth.test.ts is left out: it runs `cdk8s synth` in child processes on the cdk8s-sidecars-plus-33
//   package itself, whatever this run maps, so `npm test` has already run it against cdk8s-plus-33.
const path = require('path');
const base = require('../../package.json').jest;

module.exports = {
  ...base,
  rootDir: path.join(__dirname, '..', '..'),
  moduleNameMapper: { ...base.moduleNameMapper, '^cdk8s-plus-28$': 'cdk8s-plus-33' },
  snapshotResolver: '<rootDir>/test/plus-33/snapshot-resolver.js',
  testPathIgnorePatterns: [...(base.testPathIgnorePatterns ?? []), '<rootDir>/test/bench/', '<rootDir>/test/plugin/synth.test.ts'],
  // Coverage is measured once, by `npm test`.
  collectCoverage: false,
  reporters: ['default'],
};
