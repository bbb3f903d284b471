// Snapshots of the cdk8s-plus-33 run: test/x/__snapshots__/y.test.ts.plus-33.snapshot beside y.test.ts.snap.
// The name does not end in ".snap" on purpose: jest reports every *.snap file whose test it cannot find as
// obsolete (and fails --ci), so each run must not see the other run's files as its own. This run still maps
// the cdk8s-plus-28 ".snap" files to their tests, so they are not obsolete here either.
const path = require('path');

const SUFFIX = '.plus-33.snapshot';

module.exports = {
  resolveSnapshotPath: (testPath) => path.join(path.dirname(testPath), '__snapshots__', path.basename(testPath) + SUFFIX),
  resolveTestPath: (snapshotPath, extension) => {
    const name = path.basename(snapshotPath);
    const test = name.endsWith(SUFFIX) ? name.slice(0, -SUFFIX.length) : path.basename(name, extension);
    return path.join(path.dirname(snapshotPath), '..', test);
  },
  testPathForConsistencyCheck: path.join('test', 'workloads', 'workloads.test.ts'),
};
