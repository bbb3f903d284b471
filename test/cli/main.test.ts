import * as fs from 'fs';
import * as path from 'path';
import { REPO, run } from './capture-io';
import { EXPLAIN_HELP, LINT_HELP, MAIN_HELP, MIGRATE_HELP } from '../../src/cli/help-text';

const VERSION = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf-8')).version;

describe('main: help and version', () => {
  test.each([
    [['--help'], MAIN_HELP],
    [['-h'], MAIN_HELP],
    [['help'], MAIN_HELP],
    [['help', 'lint'], LINT_HELP],
    [['lint', '--help'], LINT_HELP],
    [['explain', '-h'], EXPLAIN_HELP],
    [['migrate', '--help'], MIGRATE_HELP],
    [['lint', 'missing.yaml', '--help'], LINT_HELP],
  ])('GIVEN %j WHEN run THEN the help is printed on stdout with exit 0', async (argv, help) => {
    expect(await run(argv)).toEqual({ code: 0, stdout: help, stderr: '', written: {} });
  });

  test('GIVEN --version WHEN run THEN the package.json version is printed', async () => {
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '', written: {} });
  });

  test('GIVEN the main help THEN it names every command and every exit code', () => {
    for (const word of ['lint', 'explain', 'migrate', '0 ok', '1 findings', '2 usage error']) expect(MAIN_HELP).toContain(word);
  });
});

describe('main: usage errors are one line, exit 2, with a hint to --help', () => {
  test.each([
    [[], "cdk8s-sidecars: missing command: expected lint, explain, migrate or rules (see 'cdk8s-sidecars --help')"],
    [['frobnicate'], "cdk8s-sidecars: unknown command 'frobnicate': expected lint, explain, migrate or rules (see 'cdk8s-sidecars --help')"],
    [['--frob'], "cdk8s-sidecars: unknown option '--frob' before the command: expected lint, explain, migrate or rules first (see 'cdk8s-sidecars --help')"],
    [['help', 'nope'], "cdk8s-sidecars: unknown command 'nope': expected lint, explain, migrate or rules (see 'cdk8s-sidecars --help')"],
    [['lint'], "cdk8s-sidecars lint: missing input: give files, directories, or '-' to read standard input (see 'cdk8s-sidecars lint --help')"],
    [['lint', '--frob', 'x.yaml'], "cdk8s-sidecars lint: unknown option '--frob' (see 'cdk8s-sidecars lint --help')"],
    [['lint', '-z', 'x.yaml'], "cdk8s-sidecars lint: unknown option '-z' (see 'cdk8s-sidecars lint --help')"],
    [['lint', 'x.yaml', '--format'], "cdk8s-sidecars lint: option '--format' needs a value (see 'cdk8s-sidecars lint --help')"],
    [['lint', '--quiet=yes', 'x.yaml'], "cdk8s-sidecars lint: option '--quiet' takes no value (see 'cdk8s-sidecars lint --help')"],
    [['lint', '--format', 'xml', 'x.yaml'], "cdk8s-sidecars lint: --format must be one of text, json, github, sarif, got 'xml' (see 'cdk8s-sidecars lint --help')"],
    [['lint', '--fail-on', 'info', 'x.yaml'], "cdk8s-sidecars lint: --fail-on must be one of error, warning, got 'info' (see 'cdk8s-sidecars lint --help')"],
    [['lint', '--pod-security', 'strict', 'x.yaml'], "cdk8s-sidecars lint: --pod-security must be one of none, baseline, restricted, got 'strict' (see 'cdk8s-sidecars lint --help')"],
    [['lint', '--target-version', '29', 'x.yaml'], "cdk8s-sidecars lint: --target-version must be a Kubernetes version such as 1.29, got '29' (see 'cdk8s-sidecars lint --help')"],
    [['explain'], "cdk8s-sidecars explain: missing input: give one file, or '-' to read standard input (see 'cdk8s-sidecars explain --help')"],
    [['explain', 'a.yaml', 'b.yaml'], "cdk8s-sidecars explain: takes one input, got 2: a.yaml b.yaml (see 'cdk8s-sidecars explain --help')"],
    [['explain', '--format', 'png', 'a.yaml'], "cdk8s-sidecars explain: --format must be one of text, json, markdown, mermaid, svg, got 'png' (see 'cdk8s-sidecars explain --help')"],
    [['migrate', 'a.yaml'], "cdk8s-sidecars migrate: missing --sidecar NAME[,NAME...]: name the containers to turn into native sidecars (see 'cdk8s-sidecars migrate --help')"],
    [['migrate', 'a.yaml', '--sidecar', 'a,,b'], "cdk8s-sidecars migrate: --sidecar holds an empty name (position 2) in \"a,,b\" (see 'cdk8s-sidecars migrate --help')"],
    [['migrate', 'a.yaml', '-s', 'a', '-s', 'a'], "cdk8s-sidecars migrate: --sidecar names 'a' twice (see 'cdk8s-sidecars migrate --help')"],
  ])('GIVEN %j WHEN run THEN it fails with exit 2 and one line', async (argv, line) => {
    expect(await run(argv)).toEqual({ code: 2, stdout: '', stderr: `${line}\n`, written: {} });
  });
});
