import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { REPO, run } from './capture-io';

/** Acceptance of issue 6, with the real engine (SidecarRules, LifecyclePlan, EffectiveResources). */
const SEEDS = 'test/fixtures/seeds';
const FIXTURES = 'test/cli/fixtures';

describe('lint acceptance (real engine)', () => {
  test('GIVEN the seed manifests WHEN linted THEN no errors are reported and the exit code is 0', async () => {
    const r = await run(['lint', '--format', 'json', SEEDS]);
    const report = JSON.parse(r.stdout);
    expect(report.findings.filter((f: any) => f.severity === 'error')).toEqual([]);
    expect(report.summary).toMatchObject({ files: 8, podObjects: 8, errors: 0, inputErrors: 0 });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  test('GIVEN a Job with a legacy tail -F log shipper WHEN linted THEN the Job rule is reported with file, line and column', async () => {
    const r = await run(['lint', '--quiet', `${FIXTURES}/legacy-sidecar-job.yaml`]);
    expect(r.stdout).toBe(`${FIXTURES}/legacy-sidecar-job.yaml:19:11 error SC-JOB-001 spec.template.spec.containers[1]: Forbidden: container "log-shipper" looks long-running (its command runs tail -f); as a regular container of a Job it keeps the pod running and the Job never completes. Fix: move "log-shipper" to initContainers with restartPolicy: Always to make it a native sidecar (\`cdk8s-sidecars migrate\` does this)\n`);
    // line 19 is the log shipper's "- name: log-shipper" entry in the fixture
    expect(fs.readFileSync(path.join(REPO, FIXTURES, 'legacy-sidecar-job.yaml'), 'utf-8').split('\n')[18]).toBe('        - name: log-shipper');
    expect(r.code).toBe(1);
  });

  test('GIVEN a live pod dump whose probed init container lost restartPolicy: Always WHEN linted THEN the API-server rule is reported on the probe', async () => {
    const r = await run(['lint', '--format', 'github', `${FIXTURES}/live-pod-dump.yaml`]);
    expect(r.stdout).toBe(`::error file=${FIXTURES}/live-pod-dump.yaml,line=68,col=5,title=SC-API-003::Pod/checkout-7d9f8b6c5-x2x4q: SC-API-003 spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always. Fix: remove readinessProbe from init container "mesh-proxy", or add restartPolicy: Always to make it a sidecar\n`);
    expect(fs.readFileSync(path.join(REPO, FIXTURES, 'live-pod-dump.yaml'), 'utf-8').split('\n')[67]).toBe('    readinessProbe:');
    expect(r.code).toBe(1);
  });

  test('GIVEN the live pod dump and --target-version 1.27 WHEN linted THEN the version is handed to the engine (sidecars unknown before 1.28)', async () => {
    const fixed = fs.readFileSync(path.join(REPO, FIXTURES, 'live-pod-dump.yaml'), 'utf-8').replace('    name: mesh-proxy\n', '    name: mesh-proxy\n    restartPolicy: Always\n');
    const now = await run(['lint', '--format', 'json', 'pod.yaml'], { files: { 'pod.yaml': fixed } });
    const old = await run(['lint', '--format', 'json', '--target-version', '1.27', 'pod.yaml'], { files: { 'pod.yaml': fixed } });
    const ids = (r: { stdout: string }) => JSON.parse(r.stdout).findings.map((f: any) => f.ruleId);
    expect(ids(now)).not.toContain('SC-VER-001');
    expect(ids(old).length).toBeGreaterThan(ids(now).length);
  });
});

describe('migrate acceptance (real engine)', () => {
  const original = fs.readFileSync(path.join(REPO, FIXTURES, 'legacy-deployment.yaml'), 'utf-8');

  test('GIVEN the legacy Deployment WHEN migrating log-shipper THEN the output differs from the input exactly by the two lines the summary names', async () => {
    const r = await run(['migrate', `${FIXTURES}/legacy-deployment.yaml`, '--sidecar', 'log-shipper']);
    expect(r.stderr).toBe([
      `migrated ${FIXTURES}/legacy-deployment.yaml:`,
      "  Deployment/web: moved container 'log-shipper' from spec.template.spec.containers[1] to spec.template.spec.initContainers[0], as the only init container; set restartPolicy: Always; kept readinessProbe",
      '',
    ].join('\n'));
    const expected = original.split('\n');
    const shipper = expected.indexOf('        - name: log-shipper');
    // `initContainers:` goes above the moved entry (and its comment), `restartPolicy` right below its image.
    expected.splice(shipper + 2, 0, '          restartPolicy: Always');
    expected.splice(shipper - 1, 0, '      initContainers:');
    expect(r.stdout).toBe(expected.join('\n'));
    expect(r.code).toBe(0);
  });

  test('GIVEN the migrated Deployment WHEN linted THEN lint accepts it (no errors, exit 0)', async () => {
    const migrated = await run(['migrate', `${FIXTURES}/legacy-deployment.yaml`, '-s', 'log-shipper', '-o', 'out.yaml']);
    const text = Object.values(migrated.written)[0];
    const r = await run(['lint', '--format', 'json', 'out.yaml'], { files: { 'out.yaml': text } });
    expect(JSON.parse(r.stdout).summary).toMatchObject({ errors: 0, podObjects: 1, inputErrors: 0 });
    expect(r.code).toBe(0);
  });

  test('GIVEN the migrated Deployment WHEN compared as data THEN only the moved container and its restartPolicy changed', async () => {
    const r = await run(['migrate', `${FIXTURES}/legacy-deployment.yaml`, '-s', 'log-shipper']);
    const before = parseAllDocuments(original).map((d: any) => d.toJS());
    const after = parseAllDocuments(r.stdout).map((d: any) => d.toJS());
    const podSpec = before[0].spec.template.spec;
    const [shipper] = podSpec.containers.splice(1, 1);
    podSpec.initContainers = [{ ...shipper, restartPolicy: 'Always' }];
    expect(after).toEqual(before);
  });

  test('GIVEN the legacy Job WHEN migrated THEN the Job rule no longer fires', async () => {
    const migrated = await run(['migrate', `${FIXTURES}/legacy-sidecar-job.yaml`, '-s', 'log-shipper']);
    const r = await run(['lint', '--format', 'json', 'job.yaml'], { files: { 'job.yaml': migrated.stdout } });
    expect(JSON.parse(r.stdout).findings.map((f: any) => f.ruleId)).not.toContain('SC-JOB-001');
    expect(r.code).toBe(0);
  });
});
