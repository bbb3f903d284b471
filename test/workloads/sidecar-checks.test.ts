import * as path from 'path';
import { ApiObject, Chart, Include, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { PodSecurityLevel, SidecarChecks, SidecarDeployment, SidecarJob, SidecarPod } from '../../src';

const LEGACY_JOB = path.join(__dirname, 'fixtures', 'legacy-sidecar-job.yaml');

function synthErrors(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    return (e as Error).message.split('\n').slice(1).map((l) => l.trim());
  }
  throw new Error('expected synth to fail');
}

describe('SidecarChecks', () => {
  test('fails synth for a kplus Deployment without image, an Included legacy-sidecar Job and a regular init container with a probe', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'prod');
    SidecarChecks.of(app);
    new kplus.Deployment(chart, 'web', {
      containers: [{ name: 'app', image: 'app', portNumber: 8080 }, { name: 'metrics', image: '', portNumber: 9090 }],
    });
    new Include(chart, 'legacy', { url: LEGACY_JOB });
    const pod = new kplus.Pod(chart, 'pod', { containers: [{ name: 'app', image: 'app' }] });
    pod.addInitContainer({ name: 'setup', image: 'setup', portNumber: 9000 }); // cdk8s-plus adds a TCP startupProbe

    const errors = synthErrors(() => app.synthYaml());
    const grammar = /^\[[^\]]+\] SC-[A-Z]+-\d{3} [\w.[\]\-/]+: [A-Z][a-z]+( value)?(: .+)?\. Fix: .+$/;
    for (const e of errors) expect(e).toMatch(grammar);
    expect(errors).toEqual([
      '[prod/web/Resource] SC-API-012 spec.template.spec.containers[1].image: Required value. Fix: set image to the container image to run, e.g. "nginx:1.27"',
      '[prod/legacy/nightly-report-job] SC-JOB-001 spec.template.spec.containers[1]: Forbidden: container "log-shipper" looks long-running ' +
        '(its image "fluent/fluent-bit:3.0" is a Fluent Bit); as a regular container of a Job it keeps the pod running and the Job never completes. ' +
        'Fix: move "log-shipper" to initContainers with restartPolicy: Always to make it a native sidecar (`cdk8s-sidecars migrate` does this)',
      '[prod/pod/Resource] SC-API-003 spec.initContainers[0].startupProbe: Forbidden: may not be set for init containers without restartPolicy=Always. ' +
        'Fix: remove startupProbe from init container "setup", or add restartPolicy: Always to make it a sidecar',
    ]);
  });

  test('GIVEN no SidecarChecks THEN plain kplus workloads are not checked (opt-in), while Sidecar* workloads always check themselves', () => {
    const chart = Testing.chart();
    new kplus.Deployment(chart, 'web', {
      containers: [{ name: 'app', image: 'app', portNumber: 8080 }, { name: 'metrics', image: 'metrics', portNumber: 8080 }],
    });
    expect(() => Testing.synth(chart)).not.toThrow();
    new SidecarDeployment(chart, 'sc', {
      containers: [{ name: 'app', image: 'app', portNumber: 8080 }, { name: 'metrics', image: '', portNumber: 9090 }],
    });
    expect(synthErrors(() => Testing.synth(chart))).toEqual([
      expect.stringMatching(/^\[test\/sc\] SC-API-012 spec\.template\.spec\.containers\[1\]\.image: Required value/),
    ]);
  });

  test('GIVEN duplicate container names in a Sidecar* workload THEN synth fails with the field path', () => {
    const chart = Testing.chart();
    const pod = new SidecarPod(chart, 'pod', { containers: [{ name: 'app', image: 'app' }] });
    pod.addSidecar({ name: 'app', image: 'proxy' });
    expect(synthErrors(() => Testing.synth(chart))).toEqual([
      '[test/pod] SC-API-007 spec.initContainers[0].name: Duplicate value: "app". Fix: rename the init container: an app container has this name',
    ]);
  });

  test('GIVEN a Job pod with restartPolicy Always THEN synth fails (Jobs need Never or OnFailure)', () => {
    const chart = Testing.chart();
    const job = new SidecarJob(chart, 'job', { restartPolicy: kplus.RestartPolicy.ALWAYS, containers: [{ name: 'app', image: 'app' }] });
    expect(job).toBeDefined();
    expect(synthErrors(() => Testing.synth(chart))).toEqual([
      expect.stringMatching(/^\[test\/job\] SC-API-\d{3} spec\.template\.spec\.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"\. Fix: /),
    ]);
  });

  test('GIVEN a suppression on a scope THEN the finding is not reported and the suppression is recorded in the output', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'prod');
    SidecarChecks.of(app);
    new Include(chart, 'legacy', { url: LEGACY_JOB });
    SidecarChecks.suppress(chart, 'SC-JOB-001', 'the shipper exits when the report file is closed');
    const docs = app.synthYaml();
    expect(docs).toContain('cdk8s-sidecars.dev/suppress: \'{"SC-JOB-001":"the shipper exits when the report file is closed"}\'');
  });

  test('throws at once for a suppression without a real reason', () => {
    const chart = Testing.chart();
    expect(() => SidecarChecks.suppress(chart, 'SC-JOB-001', 'because')).toThrow(
      '[test] SidecarChecks.suppress: reason: Invalid value: "because": must be at least 10 characters, so that it says why. ' +
      'Fix: suppress a rule by its id, with the reason it does not apply here');
  });

  test('GIVEN podSecurity restricted on the app THEN a Sidecar* workload under it is checked against restricted', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'prod');
    SidecarChecks.of(app, { podSecurity: PodSecurityLevel.RESTRICTED });
    const pod = new SidecarPod(chart, 'pod', { containers: [{ name: 'app', image: 'app' }] });
    pod.addSidecar({ name: 'proxy', image: 'proxy' });
    const errors = synthErrors(() => app.synthYaml());
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(e).toMatch(/^\[prod\/pod\] SC-PSS-\d{3} /);
  });

  test('GIVEN a raw ApiObject Pod THEN SidecarChecks checks it too', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'prod');
    SidecarChecks.of(chart);
    new ApiObject(chart, 'raw', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'raw' },
      spec: { initContainers: [{ name: 'init', image: 'i', restartPolicy: 'OnFailure' }], containers: [{ name: 'app', image: 'a' }] },
    });
    expect(synthErrors(() => app.synthYaml())).toEqual([
      expect.stringMatching(/^\[prod\/raw\] SC-API-\d{3} spec\.initContainers\[0\]\.restartPolicy: Unsupported value: "OnFailure"/),
    ]);
  });
});

describe('bad quantities', () => {
  test('fails synth naming the construct path, the field path and the value of every bad quantity, at once', () => {
    const chart = Testing.chart();
    const d = new SidecarDeployment(chart, 'web', {
      containers: [{ name: 'app', image: 'app', resources: { cpu: { request: kplus.Cpu.millis(-5) }, memory: {} } }],
    });
    d.addSidecar({ name: 'log', image: 'log', resources: { cpu: { request: kplus.Cpu.units(NaN) } } });
    // In validation.go's order: app containers, then init containers (sidecars).
    expect(synthErrors(() => Testing.synth(chart))).toEqual([
      '[test/web] SC-API-010 spec.template.spec.containers[0].resources.requests[cpu]: Invalid value: "-5m": must be greater than or equal to 0. ' +
        'Fix: write a value of zero or more for cpu',
      '[test/web] SC-API-010 spec.template.spec.initContainers[0].resources.requests[cpu]: Invalid value: "NaN": invalid quantity "NaN": unknown suffix "NaN"; ' +
        'a quantity is an optional sign, a decimal number (1, 0.5, .5, 1.5) and an optional suffix: decimal SI (n, u, m, k, M, G, T, P, E), ' +
        'binary SI (Ki, Mi, Gi, Ti, Pi, Ei) or a decimal exponent (e3, E-3), e.g. "100m", "1.5Gi", "1e3". Fix: write cpu as a quantity such as "500m" or "128Mi"',
    ]);
  });
});
