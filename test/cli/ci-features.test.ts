import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv-draft-04';
import { REPO, run } from './capture-io';
import { fakeEngine } from './fake-engine';
import { ErrorType } from '../../src/engine/error-type';
import { Severity } from '../../src/engine/severity';
import { SidecarRules } from '../../src/rules/sidecar-rules';

/** What CI users asked for: SARIF, a config file, --disable, the rules list, progress, an honest summary. */
const FIXTURES = 'test/cli/fixtures';
const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf-8'));
// The schema's own patterns are written for non-Unicode regular expressions (one has a lone ']'). Its one format,
// "uri", is not checked: ajv ships no format validators (they are the separate ajv-formats package).
const validate = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false, validateFormats: false }).compile(schema);

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: app\n    image: app:1\n';
const twoFindings = fakeEngine(() => [
  { ruleId: 'SC-RES-001', severity: Severity.WARNING, type: ErrorType.RECOMMENDED, path: 'spec.containers[0]', detail: 'test warning', message: 'Recommended value: test warning', fix: 'set requests' },
  { ruleId: 'SC-API-003', severity: Severity.ERROR, type: ErrorType.FORBIDDEN, path: 'spec.containers[0].image', detail: 'test error', message: 'Forbidden: test error', fix: 'remove it' },
]);

describe('--format sarif', () => {
  test('GIVEN real findings, a suppression and an unreadable input WHEN linted as SARIF THEN the log validates against the SARIF 2.1.0 schema', async () => {
    const suppressed = POD.replace('  name: a\n', '  name: a\n  annotations:\n    cdk8s-sidecars.dev/suppress: \'{"SC-RES-001":"sized by the mesh operator"}\'\n')
      .replace('    image: app:1\n', '    image: app:1\n  initContainers:\n  - {name: proxy, image: proxy, restartPolicy: Always}\n');
    const r = await run(['lint', '--format', 'sarif', `${FIXTURES}/live-pod-dump.yaml`, `${FIXTURES}/legacy-sidecar-job.yaml`, 'supp.yaml', 'missing.yaml'], { files: { 'supp.yaml': suppressed } });
    const log = JSON.parse(r.stdout);
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(r.code).toBe(2);
    const run0 = log.runs[0];
    expect(run0.tool.driver.rules.map((x: any) => x.id)).toEqual(SidecarRules.rules().map((x) => x.id));
    expect(run0.invocations[0]).toMatchObject({ executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: 'missing.yaml: no such file or directory' } }] });
    expect(run0.results.some((x: any) => x.suppressions?.[0]?.justification === 'sized by the mesh operator')).toBe(true);
  });

  test('GIVEN a finding WHEN printed as SARIF THEN it has the rule (with index, metadata and a RULES.md link), level, message and location', async () => {
    const r = await run(['lint', '--format', 'sarif', `${FIXTURES}/live-pod-dump.yaml`]);
    const log = JSON.parse(r.stdout);
    const result = log.runs[0].results[0];
    const rule = log.runs[0].tool.driver.rules[result.ruleIndex];
    expect(rule).toMatchObject({ id: 'SC-API-003', name: 'init-container-probes-lifecycle', defaultConfiguration: { level: 'error' } });
    expect(rule.helpUri).toMatch(/\/RULES\.md#sc-api-003$/);
    expect(result).toMatchObject({
      ruleId: 'SC-API-003',
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: `${FIXTURES}/live-pod-dump.yaml`, uriBaseId: '%SRCROOT%' }, region: { startLine: 68, startColumn: 5 } } }],
    });
    expect(result.message.text).toMatch(/^Pod\/checkout-7d9f8b6c5-x2x4q: SC-API-003 spec\.initContainers\[0\]\.readinessProbe: Forbidden: /);
    expect(validate(log)).toBe(true);
  });

  test('GIVEN file names with spaces and non-ASCII letters WHEN printed as SARIF THEN their URIs are encoded and the log validates', async () => {
    const r = await run(['lint', '--format', 'sarif', 'dir with space/pöd#1.yaml'], { files: { 'dir with space/pöd#1.yaml': POD } }, twoFindings);
    const log = JSON.parse(r.stdout);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('dir%20with%20space/p%C3%B6d%231.yaml');
    expect(validate(log)).toBe(true);
  });
});

describe('config file and --disable', () => {
  test('GIVEN .cdk8s-sidecars.yaml above the input WHEN linting THEN its rules are turned off or re-levelled, with the reason', async () => {
    const config = [
      'targetVersion: "1.30"',
      'rules:',
      '  SC-RES-001:',
      '    severity: off',
      '    reason: sidecars here are sized by the mesh operator',
      '  SC-API-003:',
      '    severity: warning',
      '    reason: rolled out cluster-wide next week, tracked in OPS-12',
      '',
    ].join('\n');
    const r = await run(['lint', '--format', 'json', 'apps/web/pod.yaml'], { files: { 'apps/.cdk8s-sidecars.yaml': config, 'apps/web/pod.yaml': POD } }, twoFindings);
    const report = JSON.parse(r.stdout);
    expect(report.config).toBe('apps/.cdk8s-sidecars.yaml');
    expect(report.findings).toEqual([expect.objectContaining({ ruleId: 'SC-API-003', severity: 'warning', relevelled: { from: 'error', reason: 'rolled out cluster-wide next week, tracked in OPS-12', by: 'apps/.cdk8s-sidecars.yaml' } })]);
    expect(report.suppressed).toEqual([expect.objectContaining({ ruleId: 'SC-RES-001', reason: 'sidecars here are sized by the mesh operator', suppressedBy: 'apps/.cdk8s-sidecars.yaml' })]);
    expect(r.code).toBe(0);
    const text = await run(['lint', 'apps/web/pod.yaml'], { files: { 'apps/.cdk8s-sidecars.yaml': config, 'apps/web/pod.yaml': POD } }, twoFindings);
    expect(text.stdout.split('\n')[0]).toBe('apps/web/pod.yaml:8:5 warning SC-API-003 spec.containers[0].image: Forbidden: test error. Fix: remove it (error in the rules; rolled out cluster-wide next week, tracked in OPS-12)');
  });

  test('GIVEN the config\'s targetVersion WHEN linting THEN the engine gets it, and --target-version wins over it', async () => {
    const seen: string[] = [];
    const check = (_m: any, _c: any, o: any) => {
      seen.push(o.targetVersion);
      return { findings: [], suppressed: [] };
    };
    const engine = { ...fakeEngine(() => []), check };
    const files = { '.cdk8s-sidecars.yaml': 'targetVersion: "1.31"\npodSecurity: restricted\n', 'pod.yaml': POD };
    await run(['lint', 'pod.yaml'], { files, cwd: path.join(REPO, '.tmp-memory-cwd') }, engine);
    await run(['lint', '--target-version', '1.33', 'pod.yaml'], { files, cwd: path.join(REPO, '.tmp-memory-cwd') }, engine);
    expect(seen).toEqual(['1.31', '1.33']);
  });

  test.each([
    ['an unknown rule', 'rules:\n  SC-NOPE-1: {severity: off, reason: "because of reasons"}\n', 'c.yaml: invalid config file: c.yaml:2:3: rules: Not found: "SC-NOPE-1" is not a rule (see \'cdk8s-sidecars rules\')'],
    ['a missing reason', 'rules:\n  SC-RES-001: {severity: off}\n', 'c.yaml: invalid config file: c.yaml:2:3: rules[SC-RES-001].reason: Required value: say why, in at least 10 characters (it is printed with every finding it changes)'],
    ['an unknown field', 'failOn: warning\nrule: {}\n', 'c.yaml: invalid config file: c.yaml:2:1: Not found: unknown field "rule": a config holds targetVersion, podSecurity, failOn and rules'],
    ['a bad severity', 'rules:\n  SC-RES-001: {severity: fatal, reason: "because of reasons"}\n', 'c.yaml: invalid config file: c.yaml:2:3: rules[SC-RES-001].severity: Unsupported value: "fatal": supported values: off, error, warning, info'],
  ])('fails with exit 2 and one line on a config file with %s', async (_what, config, line) => {
    const r = await run(['lint', '--config', 'c.yaml', 'pod.yaml'], { files: { 'c.yaml': config, 'pod.yaml': POD } }, twoFindings);
    expect(r.stderr).toBe(`${line}\n`);
    expect(r.code).toBe(2);
  });

  test('GIVEN --disable WHEN linting THEN those rules are suppressed for audit, and an unknown rule is a usage error', async () => {
    const r = await run(['lint', '--format', 'json', '--disable', 'SC-API-003,SC-RES-001', 'pod.yaml'], { files: { 'pod.yaml': POD } }, twoFindings);
    const report = JSON.parse(r.stdout);
    expect(report.findings).toEqual([]);
    expect(report.suppressed.map((s: any) => [s.ruleId, s.suppressedBy])).toEqual([['SC-RES-001', '--disable'], ['SC-API-003', '--disable']]);
    expect(r.code).toBe(0);
    const bad = await run(['lint', '--disable', 'SC-NOPE', 'pod.yaml'], { files: { 'pod.yaml': POD } });
    expect(bad).toMatchObject({ code: 2, stderr: "cdk8s-sidecars lint: --disable: unknown rule 'SC-NOPE'; 'cdk8s-sidecars rules' lists them (see 'cdk8s-sidecars lint --help')\n" });
  });
});

describe('rules', () => {
  test.each(['text', 'json', 'markdown'])('GIVEN --format %s THEN every registered rule is listed with its id, severity and name', async (format) => {
    const r = await run(['rules', '--format', format]);
    expect(r.code).toBe(0);
    for (const rule of SidecarRules.rules()) {
      expect(r.stdout).toContain(rule.id);
      expect(r.stdout).toContain(rule.name);
    }
    if (format === 'json') expect(JSON.parse(r.stdout)).toHaveLength(SidecarRules.rules().length);
    if (format === 'markdown') expect(r.stdout.split('\n')[0]).toBe('| id | severity | name | summary |');
  });
});

describe('progress and summary', () => {
  test('GIVEN standard error is a terminal and a long run WHEN linting THEN a progress line is drawn on stderr and erased before the summary', async () => {
    const docs = Array.from({ length: 30 }, () => POD).join('---\n');
    const r = await run(['lint', 'pods.yaml'], { files: { 'pods.yaml': docs }, tty: { msPerCall: 300 } }, twoFindings);
    expect(r.stderr).toMatch(/\r\x1b\[Klint: 0\.0 of 0\.0 MiB \(\d+%\), \d+ objects, \d+ findings, \d+ s/);
    expect(r.stderr.endsWith('\r\x1b[K')).toBe(true);
    const plain = await run(['lint', 'pods.yaml'], { files: { 'pods.yaml': docs } }, twoFindings);
    expect(plain.stderr).toBe('');
  });

  test('GIVEN a missing file WHEN linted THEN the summary says the run is incomplete, never "no findings", exit 2', async () => {
    const r = await run(['lint', 'missing.yaml']);
    expect(r.stdout).toBe('incomplete: 1 input error (above); 0 errors, 0 warnings, 0 info in the 0 pod-bearing objects (0 files, 0 documents) that could be read\n');
    expect(r.stdout).not.toContain('no findings');
    expect(r.code).toBe(2);
  });
});
