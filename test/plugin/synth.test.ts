import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { ensureVariant, variantOf } from '../../scripts/build-variant';
import { essentials } from '../support/essentials';
import { readYaml, SEEDS } from '../support/synth';

/**
 * The real `cdk8s synth` (cdk8s-cli from the lockfile) on the apps under fixture-apps/, each laid
 * out as `cdk8s init typescript-app` lays an app out today (cdk8s-plus-33), with the
 * cdk8s-sidecars-plus-33 package built from this source (scripts/build-variant.ts) installed in
 * its node_modules from the packed tarball. Offline: npm may not download anything
 * (npm_config_offline), cdk8s-cli does not look for its own upgrades, and every other dependency
 * (cdk8s, cdk8s-plus-33, constructs, ts-node, typescript) resolves from this repository's node_modules.
 */
const ROOT = path.join(__dirname, '..', '..');
const APPS = path.join(ROOT, 'fixture-apps');
const WORK = path.join(ROOT, '.tmp', 'fixture-apps');
const CDK8S = path.join(ROOT, 'node_modules', 'cdk8s-cli', 'bin', 'cdk8s');
const VARIANT = variantOf('33');
const SYNTH_TIMEOUT_MS = 240_000;

let tarball: string;
const copies: string[] = [];

beforeAll(() => {
  tarball = ensureVariant(VARIANT);
}, 300_000);

afterAll(() => {
  for (const dir of copies) fs.rmSync(dir, { recursive: true, force: true });
});

/** Copies a fixture app, installs the variant's tarball into it, and runs `cdk8s synth` there. */
function cdk8sSynth(app: string): { status: number | null; output: string; dir: string } {
  fs.mkdirSync(WORK, { recursive: true });
  const dir = fs.mkdtempSync(path.join(WORK, `${app}-`));
  copies.push(dir);
  fs.cpSync(path.join(APPS, app), dir, { recursive: true });
  const installed = path.join(dir, 'node_modules', VARIANT.name);
  fs.mkdirSync(installed, { recursive: true });
  const untar = spawnSync('tar', ['xzf', tarball, '--strip-components=1', '-C', installed], { encoding: 'utf-8' });
  if (untar.status !== 0) throw new Error(`tar xzf ${tarball} failed: ${untar.stderr}`);
  const result = spawnSync(process.execPath, [CDK8S, 'synth', '--check-upgrade=false'], {
    cwd: dir,
    encoding: 'utf-8',
    timeout: SYNTH_TIMEOUT_MS,
    env: {
      ...process.env,
      PATH: `${path.join(ROOT, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}`,
      npm_config_offline: 'true',
      FORCE_COLOR: '0',
    },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, dir };
}

describe('cdk8s synth on fixture apps', () => {
  test('GIVEN the typescript-app (SidecarDeployment, LogShipperSidecar, requireReady, the plugin in cdk8s.yaml) WHEN cdk8s synth runs THEN it passes and writes the seed Deployment with its native sidecar', () => {
    const { status, output, dir } = cdk8sSynth('typescript-app');
    expect({ status, output }).toMatchObject({ status: 0 });
    expect(output).toContain('Validations ended succesfully');
    expect(output).toMatch(/Findings\s+│ 0 error\(s\), 0 warning\(s\), 0 suppressed/);

    const manifests = YAML.parseAllDocuments(fs.readFileSync(path.join(dir, 'dist', 'typescript-app.k8s.yaml'), 'utf-8')).map((d) => d.toJS());
    const myapp = manifests.find((m) => m.kind === 'Deployment' && m.metadata.name === 'myapp');
    const [seed] = readYaml(path.join(SEEDS, 'deployment-sidecar.yaml'));
    expect(essentials(myapp)).toEqual(essentials(seed));
    expect(myapp.spec.template.spec.initContainers.map((c: any) => [c.name, c.restartPolicy])).toEqual([['logshipper', 'Always']]);
    // Written by the library at synth: the -33 build ran, not just cdk8s-plus.
    expect(myapp.spec.template.metadata.annotations['cdk8s-sidecars.dev/effective-requests']).toBe('cpu=110m,memory=144Mi'); // myapp 100m/128Mi + tail shipper 10m/16Mi
    // cdk8s-plus-33 writes these defaults, cdk8s-plus-28 does not: the app really runs on -33.
    expect(myapp.spec.template.spec.shareProcessNamespace).toBe(false);

    const web = manifests.find((m) => m.kind === 'Deployment' && m.metadata.name !== 'myapp');
    expect(web.spec.template.spec.initContainers[0]).toMatchObject({ name: 'proxy', restartPolicy: 'Always', startupProbe: { tcpSocket: { port: 15001 } } });
    expect(JSON.parse(web.spec.template.metadata.annotations['cdk8s-sidecars.dev/needs-ready'])).toEqual({ app: ['proxy'] });
  }, SYNTH_TIMEOUT_MS);

  test('GIVEN a plain cdk8s-plus Deployment with a probe on a regular init container WHEN cdk8s synth runs with the plugin THEN synth fails naming the resource, its construct and SC-API-003', () => {
    const { status, output } = cdk8sSynth('plugin-init-probe');
    expect({ status, output }).toMatchObject({ status: 2 });
    expect(output).toContain('[shop/web/Resource] Deployment/shop-web-c81100ac: SC-API-003 spec.template.spec.initContainers[0].startupProbe: Forbidden: ' +
      'may not be set for init containers without restartPolicy=Always. Fix: remove startupProbe from init container "migrate", or add restartPolicy: Always to make it a sidecar');
    expect(output).toContain('SC-API-003 init-container-probes-lifecycle (error) (1 occurrences)');
    expect(output).toContain('- Construct Path: shop/web/Resource');
    expect(output).toContain('- Manifest Path: dist/shop.k8s.yaml');
    expect(output).toContain('- Resource Name: shop-web-c81100ac');
    expect(output).toContain('Validation failed. See above reports for details');
  }, SYNTH_TIMEOUT_MS);
});
