import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { ValidationContext } from 'cdk8s-cli/plugins';
import * as kplus from 'cdk8s-plus-28';
import { IValidationContext, SidecarValidation, SidecarValidationProps } from '../../src';

/**
 * The plugin in process, with cdk8s-cli's own ValidationContext and report (the objects `cdk8s synth`
 * hands a plugin), on manifests a cdk8s App wrote with construct metadata, as during `cdk8s synth`.
 * The real `cdk8s synth` runs are in synth.test.ts.
 */

// cdk8s-cli's context fits the plugin's interface (its `manifests` is a readonly array, which jsii
// cannot declare; the plugin only reads it).
type Fits<A, B> = A extends B ? true : false;
const contextFits: Fits<Omit<ValidationContext, 'manifests'>, Omit<IValidationContext, 'manifests'>> = true;

let dir: string;
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidecar-validation-')); });
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Synthesizes like `cdk8s synth` with a plugin configured: manifests plus construct-metadata.json. */
function synth(build: (chart: Chart) => void): { manifests: string[]; metadata: { [name: string]: { path: string } } } {
  const app = new App({ outdir: dir, recordConstructMetadata: true });
  build(new Chart(app, 'shop'));
  app.synth();
  const recorded = JSON.parse(fs.readFileSync(path.join(dir, 'construct-metadata.json'), 'utf-8'));
  const manifests = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => path.join(dir, f));
  return { manifests, metadata: recorded.resources };
}

async function validate(props: SidecarValidationProps | any, app: { manifests: string[]; metadata?: any }) {
  const context = new ValidationContext(app.manifests, 'cdk8s-sidecars', '0.0.0', app.metadata ?? {});
  const logged: string[] = [];
  jest.spyOn(context.logger, 'log').mockImplementation((m) => { logged.push(m); });
  await new SidecarValidation(props).validate(context as unknown as IValidationContext);
  return { report: context.report.toJson(), success: context.report.success, logged, text: context.report.toString() };
}

/** A plain cdk8s-plus Deployment whose regular init container has a portNumber (a TCP startupProbe). */
function migrateWithPort(chart: Chart): void {
  const web = new kplus.Deployment(chart, 'web', { metadata: { name: 'web' }, containers: [{ name: 'app', image: 'app:1', portNumber: 8080 }] });
  web.addInitContainer({ name: 'migrate', image: 'migrate:1', portNumber: 5432 });
}

function proxyWithReadiness(chart: Chart): void {
  const api = new kplus.Deployment(chart, 'api', { metadata: { name: 'api' }, containers: [{ name: 'app', image: 'app:1' }] });
  api.addInitContainer({ name: 'proxy', image: 'proxy:1', restartPolicy: kplus.ContainerRestartPolicy.ALWAYS, readiness: kplus.Probe.fromTcpSocket({ port: 15001 }) });
}

describe('SidecarValidation (cdk8s validation plugin)', () => {
  test('GIVEN cdk8s-cli\'s ValidationContext THEN it fits the plugin\'s context interface', () => {
    expect(contextFits).toBe(true);
  });

  test('GIVEN a plain Deployment with a probe on a regular init container WHEN validated THEN the report fails naming the rule, resource, file, construct path and field', async () => {
    const app = synth(migrateWithPort);
    const { report, success, logged } = await validate({}, app);
    expect(success).toBe(false);
    expect(report.violations).toEqual([{
      ruleName: 'SC-API-003 init-container-probes-lifecycle (error)',
      recommendation: 'spec.template.spec.initContainers[0].startupProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
      fix: 'remove startupProbe from init container "migrate", or add restartPolicy: Always to make it a sidecar',
      violatingConstructs: [{
        resourceName: 'web',
        locations: ['spec.template.spec.initContainers[0].startupProbe'],
        manifestPath: path.join(dir, 'shop.k8s.yaml'),
        constructPath: 'shop/web/Resource',
      }],
    }]);
    expect(logged).toEqual([
      '[shop/web/Resource] Deployment/web: SC-API-003 spec.template.spec.initContainers[0].startupProbe: Forbidden: may not be set for init containers without restartPolicy=Always. ' +
      'Fix: remove startupProbe from init container "migrate", or add restartPolicy: Always to make it a sidecar',
    ]);
    expect(report.summary).toEqual({
      status: 'failure',
      plugin: 'cdk8s-sidecars',
      version: '0.0.0',
      metadata: { 'Target version': '1.29', 'Pod security': 'baseline', 'Resources checked': '1 pod-bearing of 1 in 1 manifest file(s)', 'Findings': '1 error(s), 0 warning(s), 0 suppressed' },
    });
  });

  test('GIVEN a clean app WHEN validated THEN the report succeeds with no violation', async () => {
    const app = synth((chart) => new kplus.Deployment(chart, 'web', { containers: [{ name: 'app', image: 'app:1', portNumber: 8080 }] }));
    const { report, success, logged } = await validate({ targetVersion: '1.33' }, app);
    expect(success).toBe(true);
    expect(report.violations).toEqual([]);
    expect(logged).toEqual([]);
    expect(report.summary.metadata).toMatchObject({ 'Target version': '1.33', 'Findings': '0 error(s), 0 warning(s), 0 suppressed' });
  });

  test('GIVEN a warning only WHEN validated THEN it is reported and synth passes; WHEN promoteWarnings THEN it fails', async () => {
    const app = synth(proxyWithReadiness);
    const plain = await validate({}, app);
    expect(plain.success).toBe(true);
    expect(plain.report.violations.map((v) => v.ruleName)).toEqual(['SC-READINESS-001 sidecar-readiness-probe (warning)']);
    const promoted = await validate({ promoteWarnings: true }, app);
    expect(promoted.success).toBe(false);
    expect(promoted.report.violations.map((v) => v.ruleName)).toEqual(['SC-READINESS-001 sidecar-readiness-probe (error)']);
  });

  test('GIVEN the same finding in two resources WHEN validated THEN one violation lists both resources', async () => {
    const app = synth((chart) => {
      for (const name of ['a', 'b']) {
        const d = new kplus.Deployment(chart, name, { metadata: { name }, containers: [{ name: 'app', image: 'app:1' }] });
        d.addInitContainer({ name: 'migrate', image: 'migrate:1', portNumber: 5432 });
      }
    });
    const { report } = await validate({}, app);
    expect(report.violations).toHaveLength(1);
    expect(report.violations[0].violatingConstructs.map((c) => [c.resourceName, c.constructPath])).toEqual([['a', 'shop/a/Resource'], ['b', 'shop/b/Resource']]);
  });

  test('GIVEN podSecurity restricted WHEN validated THEN the Pod Security rule reports the containers that miss it', async () => {
    const app = synth((chart) => new kplus.Deployment(chart, 'web', { metadata: { name: 'web' }, containers: [{ name: 'app', image: 'app:1' }] }));
    const { report, success } = await validate({ podSecurity: 'restricted' }, app);
    expect(success).toBe(false);
    expect(report.violations.map((v) => v.recommendation)).toEqual([
      'spec.template.spec.containers[0].securityContext.seccompProfile.type: Required value: container "app" must use seccomp profile RuntimeDefault or Localhost (Pod Security "restricted")',
      'spec.template.spec.containers[0].securityContext.capabilities.drop: Required value: container "app" must drop ALL capabilities (Pod Security "restricted")',
    ]);
  });

  test('GIVEN a suppression with a reason WHEN validated THEN the finding is not reported, the suppression is logged with its reason', async () => {
    const app = synth(migrateWithPort);
    const { success, report, logged } = await validate({ suppressions: [{ ruleId: 'SC-API-003', reason: 'the vendor fixes this in 2.1, ticket OPS-42' }] }, app);
    expect(success).toBe(true);
    expect(report.violations).toEqual([]);
    expect(logged).toEqual(['[shop/web/Resource] Deployment/web: suppressed SC-API-003 (spec.template.spec.initContainers[0].startupProbe): the vendor fixes this in 2.1, ticket OPS-42']);
    expect(report.summary.metadata).toMatchObject({ Findings: '0 error(s), 0 warning(s), 1 suppressed' });
  });

  test('fails with every problem of the cdk8s.yaml properties at once, each naming its field and the fix', async () => {
    const app = synth(migrateWithPort);
    const P = 'cdk8s.yaml validations[class: SidecarValidation].properties';
    const { success, report, logged } = await validate({ targetVersion: 1.3, podSecurity: 'strict', promoteWarnings: 'yes', targetVerison: '1.30' }, app);
    expect(success).toBe(false);
    expect(report.violations).toEqual([]);
    expect(report.summary.metadata).toEqual({ Error: 'invalid properties in cdk8s.yaml, see the log above' });
    expect(logged).toEqual([
      `cdk8s-sidecars: ${P}.targetVerison: Unsupported value: "targetVerison": supported properties: targetVersion, podSecurity, promoteWarnings, suppressions. Fix: remove it or correct its spelling`,
      `cdk8s-sidecars: ${P}.targetVersion: Invalid value: 1.3: YAML reads an unquoted version as a number (1.30 is 1.3). Fix: quote it, e.g. targetVersion: "1.30"`,
      `cdk8s-sidecars: ${P}.podSecurity: Unsupported value: "strict": supported values: "none", "baseline", "restricted"`,
      `cdk8s-sidecars: ${P}.promoteWarnings: Invalid value: "yes": must be true or false`,
    ]);
  });

  test('fails naming the property when the engine refuses a value (a version it cannot read, an unknown rule)', async () => {
    const app = synth(migrateWithPort);
    const { success, logged } = await validate({ targetVersion: 'latest', suppressions: [{ ruleId: 'SC-NOPE-001', reason: 'not in our cluster' }] }, app);
    expect(success).toBe(false);
    expect(logged).toEqual([
      'cdk8s-sidecars: cdk8s.yaml validations[class: SidecarValidation].properties.targetVersion: Invalid value: "latest": expected MAJOR.MINOR such as "1.29" (a leading "v" and a patch number are accepted)',
      'cdk8s-sidecars: cdk8s.yaml validations[class: SidecarValidation].properties.suppressions[0]: Not found: "SC-NOPE-001": no rule has this id',
    ]);
  });

  test('fails with the fix when the properties are not a mapping, or a value has the wrong type', async () => {
    const app = synth(migrateWithPort);
    const P = 'cdk8s.yaml validations[class: SidecarValidation].properties';
    expect((await validate(['restricted'], app)).logged).toEqual([
      `cdk8s-sidecars: ${P}: Invalid value: ["restricted"]: must be a mapping. Fix: give properties such as targetVersion: "1.30"`,
    ]);
    const wrong = await validate({ targetVersion: true, suppressions: 'SC-API-003' }, app);
    expect(wrong.success).toBe(false);
    expect(wrong.logged).toEqual([
      `cdk8s-sidecars: ${P}.targetVersion: Invalid value: true: must be a Kubernetes minor version. Fix: e.g. targetVersion: "1.30"`,
      `cdk8s-sidecars: ${P}.suppressions: Invalid value: "SC-API-003": must be a list of { ruleId, reason }`,
    ]);
  });

  test('fails naming the file when a manifest cannot be read', async () => {
    const missing = path.join(dir, 'gone.k8s.yaml');
    const { success, logged } = await validate({}, { manifests: [missing] });
    expect(success).toBe(false);
    expect(logged).toEqual([expect.stringContaining(`cdk8s-sidecars: ${missing}: cannot read the manifest: ENOENT`)]);
  });

  test('fails naming file, line and column when a manifest is not YAML', async () => {
    const bad = path.join(dir, 'broken.k8s.yaml');
    fs.writeFileSync(bad, 'apiVersion: v1\nkind: Pod\nmetadata: {name: x\n');
    const { success, logged } = await validate({}, { manifests: [bad] });
    expect(success).toBe(false);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(new RegExp(`^cdk8s-sidecars: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `));
  });

  test('GIVEN a manifest whose resources are not pod-bearing THEN they are counted and pass', async () => {
    const app = synth((chart) => new kplus.ConfigMap(chart, 'cfg', { data: { a: 'b' } }));
    const { success, report } = await validate(undefined, app);
    expect(success).toBe(true);
    expect(report.summary.metadata).toMatchObject({ 'Resources checked': '0 pod-bearing of 1 in 1 manifest file(s)' });
  });

  test('GIVEN a context it cannot use WHEN validated THEN it reports an internal error and fails, without throwing', async () => {
    const logged: string[] = [];
    const submitted: any[] = [];
    const report = { addViolation: () => undefined, submit: (...args: any[]) => submitted.push(args) };
    const context = { manifests: 42, logger: { log: (m: string) => logged.push(m) }, report };
    await expect(new SidecarValidation().validate(context as any)).resolves.toBeUndefined();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^cdk8s-sidecars: Internal error: TypeError: /);
    expect(logged[0]).toMatch(/\. Fix: report this at https:\/\/github\.com\/cdk8s-sidecars\/cdk8s-sidecars\/issues with the manifests$/);
    expect(submitted).toEqual([['failure', { Error: 'internal error, see the log above' }]]);
  });
});
