import { spawnSync } from 'child_process';
import * as path from 'path';

/**
 * The `cdk8s-sidecars` bin as a real process (package.json "bin" -> lib/cli/bin.js, compiled from
 * src/cli/bin.ts): exit codes and streams as a shell sees them.
 */
const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'src', 'cli', 'bin.ts');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', BIN, ...args], { cwd: ROOT, encoding: 'utf-8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cdk8s-sidecars bin', () => {
  test('--version prints the package version and exits 0', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const version = require('../../package.json').version;
    expect(cli('--version')).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
  });

  test('GIVEN a seed manifest THEN lint exits 0; GIVEN the legacy-sidecar Job THEN it exits 1 naming file:line', () => {
    expect(cli('lint', '--quiet', 'test/fixtures/seeds/order.yaml').status).toBe(0);
    const r = cli('lint', 'test/cli/fixtures/legacy-sidecar-job.yaml');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^test\/cli\/fixtures\/legacy-sidecar-job\.yaml:\d+:\d+ error SC-JOB-001 /m);
  });

  test('GIVEN an unknown option THEN it exits 2 with one line on stderr and no stack trace', () => {
    const r = cli('lint', '--nope');
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
