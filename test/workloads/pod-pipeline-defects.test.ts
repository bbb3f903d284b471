/**
 * Issue 12, "One pod pipeline": each defect listed under "Why" as a test that fails on main
 * (92cb77f) and passes with the pod pipeline. Test names start with the defect they pin.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  ProxySidecar, SidecarChecks, SidecarDeployment, SidecarJob, SidecarMode, SidecarPod, SidecarRules, SidecarSettings,
} from '../../src';
import { defaultEngine } from '../../src/cli/default-engine';
import { Annotations } from '../../src/engine/annotations';
import { KubernetesVersion } from '../../src/engine/kubernetes-version';
import { PodManifest } from '../../src/engine/pod-manifest';
import { PodSecurityLevel } from '../../src/rules/pod-security-level';

/** Runs `fn` and returns what it printed as cdk8s-sidecars warnings (one line each). */
function warningsOf(fn: () => void): string[] {
  const printed: string[] = [];
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: any) => {
    printed.push(String(chunk));
    return true;
  });
  try {
    fn();
  } finally {
    spy.mockRestore();
  }
  return printed.join('').split('\n').filter((l) => l.startsWith('cdk8s-sidecars warning: '));
}

const ids = (lines: string[]) => lines.map((l) => /\] (SC-[A-Z]+-\d{3})/.exec(l)?.[1]);

/** The README's example: a proxy that gates the app, on a cluster of the given version (SidecarChecks, AUTO). */
type Extra = (app: App, d: SidecarDeployment) => void;

function readmeProxyApp(targetVersion: string, extra: Extra = () => {}): { app: App; deployment: SidecarDeployment } {
  const app = Testing.app();
  SidecarChecks.of(app, { targetVersion });
  const chart = new Chart(app, 'web');
  const deployment = new SidecarDeployment(chart, 'web', { replicas: 2 });
  deployment.addContainer({ name: 'app', image: 'my/app:1.0', portNumber: 8080 });
  new ProxySidecar({ image: 'envoyproxy/envoy:v1.31.0', listenPort: 15001, adminPort: 15000 }).addTo(deployment);
  extra(app, deployment);
  return { app, deployment };
}

describe('issue 12: the mode rewrites the pod, and the rules judge what the user wrote', () => {
  test('GIVEN the README ProxySidecar on a 1.28 target (AUTO picks LEGACY) WHEN synthesized THEN synth succeeds; the readiness the mode cannot keep is one SC-MODE-005 warning, not SC-ORDER-001', () => {
    const { app } = readmeProxyApp('1.28');
    let yaml = '';
    const warnings = warningsOf(() => { yaml = app.synthYaml(); });
    expect(ids(warnings)).toEqual(['SC-MODE-001', 'SC-MODE-005']);
    expect(warnings[1]).toContain('Not kept: "proxy": LEGACY mode makes sidecar "proxy" a regular container');
    expect(yaml).toContain('cdk8s-sidecars.dev/sidecar-mode: legacy');
    // What the mode cannot keep is not written either: no needs-ready left for the rules to judge again.
    expect(yaml).not.toContain(Annotations.NEEDS_READY);
  });

  test('GIVEN an init step with startAfter a sidecar in LEGACY WHEN synthesized THEN one SC-MODE-005 warning and no SC-ORDER-002 error for the same fact', () => {
    const chart = Testing.chart();
    const pod = new SidecarPod(chart, 'pod', { sidecarMode: { mode: SidecarMode.LEGACY }, containers: [{ name: 'app', image: 'app' }] });
    const proxy = pod.addSidecar({ name: 'proxy', image: 'proxy' });
    pod.addInitStep({ name: 'fetch', image: 'fetch', startAfter: [proxy] });
    let manifest: any;
    const warnings = warningsOf(() => { [manifest] = Testing.synth(chart); });
    expect(ids(warnings)).toEqual(['SC-MODE-005']);
    expect(manifest.spec.initContainers.map((c: any) => c.name)).toEqual(['fetch']);
    expect(manifest.metadata.annotations[Annotations.START_AFTER]).toBeUndefined();
  });
});

describe('issue 12: settings resolved once, in one order', () => {
  test('GIVEN SidecarChecks.of(app, { targetVersion: "1.28" }) WHEN AUTO THEN it emits LEGACY (not NATIVE plus an SC-VERSION-001 warning)', () => {
    const app = Testing.app();
    SidecarChecks.of(app, { targetVersion: '1.28' });
    const chart = new Chart(app, 'c');
    const d = new SidecarDeployment(chart, 'd', { containers: [{ name: 'app', image: 'app' }] });
    d.addSidecar({ name: 'log', image: 'log' });
    let manifest: any;
    const warnings = warningsOf(() => { [manifest] = Testing.synth(chart); });
    expect(manifest.spec.template.spec.initContainers).toBeUndefined();
    expect(manifest.spec.template.spec.containers.map((c: any) => c.name)).toEqual(['log', 'app']);
    expect(ids(warnings)).toEqual(['SC-MODE-001']);
  });

  test('GIVEN a workload\'s own targetVersion THEN it beats SidecarChecks, which beats SidecarSettings', () => {
    const app = Testing.app();
    SidecarSettings.setTargetVersion(app, '1.27');
    SidecarChecks.of(app, { targetVersion: '1.28' });
    const chart = new Chart(app, 'c');
    const own = new SidecarDeployment(chart, 'own', { targetVersion: '1.30', containers: [{ name: 'app', image: 'app' }] });
    own.addSidecar({ name: 'log', image: 'log', command: ['log'] });
    const checks = new SidecarDeployment(chart, 'checks', { containers: [{ name: 'app', image: 'app' }] });
    checks.addSidecar({ name: 'log', image: 'log', command: ['log'] });
    expect(own.lifecyclePlan().targetVersion.toString()).toBe('1.30');
    expect(checks.lifecyclePlan().targetVersion.toString()).toBe('1.28');
  });

  test('GIVEN lifecycleDocs on a 1.28 target THEN the written .lifecycle.md is the plan of lifecyclePlan() (unordered shutdown), not a 1.29 plan', () => {
    const app = Testing.app();
    SidecarSettings.setSidecarMode(app, SidecarMode.NATIVE);
    const chart = new Chart(app, 'c');
    const job = new SidecarJob(chart, 'job', { targetVersion: '1.28', lifecycleDocs: true, metadata: { name: 'report' } });
    job.addContainer({ name: 'report', image: 'report', command: ['report'] });
    job.addSidecar({ name: 'proxy', image: 'proxy' });
    warningsOf(() => app.synth());
    const md = fs.readFileSync(path.join(app.outdir, 'report.lifecycle.md'), 'utf-8');
    const text = job.lifecyclePlan().toText();
    expect(text).toContain('(Kubernetes 1.28)');
    expect(text).toContain('not ordered');
    expect(md).toContain(text.trimEnd());
  });
});

describe('issue 12: every id printed is a registered rule', () => {
  test('GIVEN SidecarChecks.suppress(scope, "SC-MODE-005", reason) THEN synth does not fail with SC-ANN-002 and the warning is suppressed, recorded in the YAML', () => {
    const { app } = readmeProxyApp('1.28', (a) => SidecarChecks.suppress(a, 'SC-MODE-005', 'the app retries until the proxy serves'));
    let yaml = '';
    const warnings = warningsOf(() => { yaml = app.synthYaml(); });
    expect(ids(warnings)).toEqual(['SC-MODE-001']);
    expect(yaml).toContain('SC-MODE-005');
  });

  test('GIVEN warningsAsErrors WHEN a mode warning is found THEN it fails synth like any rule', () => {
    const app = Testing.app();
    SidecarChecks.of(app, { targetVersion: '1.28', warningsAsErrors: true });
    const chart = new Chart(app, 'c');
    const d = new SidecarDeployment(chart, 'd', { containers: [{ name: 'app', image: 'app' }] });
    d.addSidecar({ name: 'log', image: 'log' });
    expect(() => app.synthYaml()).toThrow(/\[c\/d\] SC-MODE-001 spec.template.spec.initContainers: Not kept: SidecarMode.AUTO emits LEGACY/);
  });

  test('GIVEN SidecarChecks.suppress with an id no rule has THEN it throws when called, not at synth', () => {
    const app = Testing.app();
    expect(() => SidecarChecks.suppress(app, 'SC-NOPE-001', 'a long enough reason')).toThrow(
      '[(app)] SidecarChecks.suppress: ruleId: Not found: "SC-NOPE-001": no rule has this id. Fix: suppress a rule by its id in RULES.md (e.g. "SC-READINESS-001"), with the reason it does not apply here');
  });

  test('GIVEN a start-order cycle WHEN synthesized THEN exactly one finding (SC-DECL-001), no contradictory SC-ORDER line', () => {
    const chart = Testing.chart();
    const pod = new SidecarPod(chart, 'pod', { containers: [{ name: 'app', image: 'app' }] });
    const a = pod.addSidecar({ name: 'a', image: 'a' });
    const b = pod.addSidecar({ name: 'b', image: 'b', startAfter: [a] });
    a.startsAfter(b);
    let message = '';
    try {
      Testing.synth(chart);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.split('\n').filter((l) => /SC-[A-Z]+-\d{3}/.test(l))).toEqual([
      '  [test/pod] SC-DECL-001 spec.initContainers: Invalid value: start-order cycle: a -> b -> a. ' +
      'Fix: remove one of the declarations in the cycle (startsAfter()/startAfter or requireReady(); in a manifest, the start-after or needs-ready annotation)',
    ]);
  });

  test('GIVEN AUTO on a 1.27 target THEN synth says that it chose LEGACY (SC-MODE-001), with the fix', () => {
    const app = Testing.app();
    SidecarSettings.setTargetVersion(app, '1.27');
    const chart = new Chart(app, 'c');
    new SidecarDeployment(chart, 'd', { containers: [{ name: 'app', image: 'app' }] }).addSidecar({ name: 'log', image: 'log' });
    const warnings = warningsOf(() => app.synthYaml());
    expect(warnings).toEqual([
      'cdk8s-sidecars warning: [c/d] SC-MODE-001 spec.template.spec.initContainers: Not kept: SidecarMode.AUTO emits LEGACY for target Kubernetes 1.27 (native sidecars are on by default from 1.29): ' +
      'sidecars "log" become regular containers, started together with the app containers, and are not stopped after them. ' +
      'Fix: set the sidecar mode to LEGACY to accept this, to NATIVE if the cluster enables the SidecarContainers feature gate, or target Kubernetes 1.29 or later',
    ]);
  });

  test('GIVEN the CLI engine WHEN it checks a manifest THEN each finding carries its type (for --format json), from the same pipeline', () => {
    const manifest = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { initContainers: [{ name: 'i', image: 'i', startupProbe: { exec: { command: ['x'] } } }], containers: [{ name: 'a', image: 'a' }] } };
    const [f] = defaultEngine().check(manifest, [], { targetVersion: '1.29', podSecurity: PodSecurityLevel.BASELINE }).findings;
    expect(f).toMatchObject({ ruleId: 'SC-API-003', type: 'Forbidden', detail: 'may not be set for init containers without restartPolicy=Always' });
    expect(SidecarRules.check(manifest)).toEqual([f]);
  });
});

describe('issue 12: declarations are relations, resolved at synth', () => {
  test('GIVEN the same readiness declared twice (requireReady and requiresReady) THEN the needs-ready annotation lists it once (was ["envoy","envoy"])', () => {
    const chart = Testing.chart();
    const pod = new SidecarPod(chart, 'pod');
    const app = pod.addContainer({ name: 'app', image: 'app' });
    const envoy = pod.addSidecar({ name: 'envoy', image: 'envoy', startup: kplus.Probe.fromTcpSocket({ port: 15000 }) });
    const fetch = pod.addInitStep({ name: 'fetch', image: 'fetch', startAfter: [envoy] });
    pod.requireReady(app, envoy);
    pod.requireReady(app, envoy);
    pod.requireReady(fetch.container, envoy);
    fetch.requiresReady(envoy);
    const [m] = Testing.synth(chart);
    expect(m.metadata.annotations[Annotations.NEEDS_READY]).toBe('{"app":["envoy"],"fetch":["envoy"]}');
    expect(m.metadata.annotations[Annotations.START_AFTER]).toBe('{"fetch":["envoy"]}');
  });

  test('GIVEN an init step that requiresReady() a sidecar declared after it THEN it is ordered after the sidecar', () => {
    const chart = Testing.chart();
    const pod = new SidecarPod(chart, 'pod', { containers: [{ name: 'app', image: 'app' }] });
    const migrate = pod.addInitStep({ name: 'migrate', image: 'migrate' });
    const proxy = pod.addSidecar({ name: 'proxy', image: 'proxy', startup: kplus.Probe.fromTcpSocket({ port: 15000 }) });
    migrate.requiresReady(proxy);
    const [m] = Testing.synth(chart);
    expect(m.spec.initContainers.map((c: any) => c.name)).toEqual(['proxy', 'migrate']);
    expect(m.metadata.annotations[Annotations.NEEDS_READY]).toBe('{"migrate":["proxy"]}');
  });

  test('GIVEN a ProxySidecar and an app container added after it THEN the later container waits for the proxy too', () => {
    const { deployment } = readmeProxyApp('1.29', (_a, d) => d.addContainer({ name: 'worker', image: 'worker' }));
    const m = Chart.of(deployment).toJson()[0];
    expect(JSON.parse(m.spec.template.metadata.annotations[Annotations.NEEDS_READY])).toEqual({ app: ['proxy'], worker: ['proxy'] });
  });
});

describe('issue 12: drop-in names', () => {
  test('GIVEN unnamed addInitContainer calls (a sidecar, then a regular one) THEN the names are cdk8s-plus\'s init-0, init-1 (was sidecar-0, init-1)', () => {
    const chart = Testing.chart();
    const d = new SidecarDeployment(chart, 'd', { containers: [{ name: 'app', image: 'app' }] });
    d.addInitContainer({ image: 'proxy', restartPolicy: kplus.ContainerRestartPolicy.ALWAYS });
    d.addInitContainer({ image: 'setup' });
    expect(d.initContainers.map((c) => c.name)).toEqual(['init-0', 'init-1']);
  });
});

describe('issue 12: one read of the pod and one version value per render', () => {
  test('GIVEN a SidecarDeployment with declarations WHEN synthesized THEN its manifest is read once (PodManifest.from) and its target version parsed once', () => {
    const app = Testing.app();
    SidecarChecks.of(app, { targetVersion: '1.30' });
    const chart = new Chart(app, 'c');
    const d = new SidecarDeployment(chart, 'd', { targetVersion: '1.31', containers: [{ name: 'app', image: 'app' }] });
    const proxy = d.addSidecar({ name: 'proxy', image: 'proxy', startup: kplus.Probe.fromTcpSocket({ port: 15000 }) });
    d.addInitStep({ name: 'setup', image: 'setup', startAfter: [proxy] });
    d.requireReady(d.containers[0], proxy);
    const reads = jest.spyOn(PodManifest, 'from');
    const parses = jest.spyOn(KubernetesVersion, '_tryOf');
    try {
      app.synthYaml();
      expect(reads).toHaveBeenCalledTimes(1);
      // The workload's own version was parsed at construction; SidecarChecks' when it was called.
      expect(parses).toHaveBeenCalledTimes(0);
    } finally {
      reads.mockRestore();
      parses.mockRestore();
    }
  });

  test('GIVEN the version set only in the construct context THEN it is parsed once per render', () => {
    const app = Testing.app();
    SidecarSettings.setTargetVersion(app, '1.30');
    const chart = new Chart(app, 'c');
    new SidecarDeployment(chart, 'd', { containers: [{ name: 'app', image: 'app' }] }).addSidecar({ name: 'log', image: 'log' });
    const parses = jest.spyOn(KubernetesVersion, '_tryOf');
    try {
      app.synthYaml();
      expect(parses).toHaveBeenCalledTimes(1);
    } finally {
      parses.mockRestore();
    }
  });
});
