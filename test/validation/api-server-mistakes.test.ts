import { ApiObject, Chart, JsonPatch, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { stringify } from 'yaml';
import { SidecarDeployment } from '../../src';
import { run } from '../cli/capture-io';

/**
 * Issue 16, "Why": mistakes the API server rejects, which used to synthesize and lint clean.
 * Each fails synth through the constructs, also when it is made with a JSON patch
 * (`ApiObject.addJsonPatch`), and makes `cdk8s-sidecars lint` exit 1.
 */

/** A valid Deployment: one app with a readiness probe, a preStop hook and a port. */
function web(chart: Chart, extra: Partial<kplus.DeploymentProps> = {}): SidecarDeployment {
  return new SidecarDeployment(chart, 'web', {
    containers: [{
      name: 'app',
      image: 'my/app:1.0',
      portNumber: 8080,
      readiness: kplus.Probe.fromHttpGet('/ready', { port: 8080 }),
      lifecycle: { preStop: kplus.Handler.fromHttpGet('/drain', { port: 8080 }) },
    }],
    ...extra,
  });
}

/** The error lines of a failed synth, without the cdk8s header. */
function synthErrors(build: (chart: Chart) => void): string[] {
  const chart = Testing.chart();
  try {
    build(chart);
    Testing.synth(chart);
  } catch (e) {
    return (e as Error).message.split('\n').slice(1).map((l) => l.trim()).filter(Boolean);
  }
  return [];
}

const C = 'spec.template.spec.containers[0]';

/** [mistake, JSON patch on the valid Deployment, rule, field path]. */
const PATCHED: Array<[string, JsonPatch, string, string]> = [
  ['an empty image', JsonPatch.replace('/spec/template/spec/containers/0/image', ''), 'SC-API-012', `${C}.image`],
  ['a missing image', JsonPatch.remove('/spec/template/spec/containers/0/image'), 'SC-API-012', `${C}.image`],
  ['a negative probe periodSeconds', JsonPatch.add('/spec/template/spec/containers/0/readinessProbe/periodSeconds', -1), 'SC-API-013', `${C}.readinessProbe.periodSeconds`],
  ['an httpGet probe without a port', JsonPatch.remove('/spec/template/spec/containers/0/readinessProbe/httpGet/port'), 'SC-API-013', `${C}.readinessProbe.httpGet.port`],
  ['a preStop hook without a port', JsonPatch.remove('/spec/template/spec/containers/0/lifecycle/preStop/httpGet/port'), 'SC-API-014', `${C}.lifecycle.preStop.httpGet.port`],
  ['a probe on port 0', JsonPatch.replace('/spec/template/spec/containers/0/readinessProbe/httpGet/port', 0), 'SC-API-013', `${C}.readinessProbe.httpGet.port`],
  ['containerPort 70000', JsonPatch.replace('/spec/template/spec/containers/0/ports/0/containerPort', 70000), 'SC-API-012', `${C}.ports[0].containerPort`],
  ['replicas -1', JsonPatch.add('/spec/replicas', -1), 'SC-API-016', 'spec.replicas'],
];

describe('the API server\'s mistakes of issue 16 fail synth and lint', () => {
  test('GIVEN the valid Deployment the cases start from THEN it synthesizes without error', () => {
    expect(synthErrors((chart) => web(chart))).toEqual([]);
  });

  test.each(PATCHED)('fails synth GIVEN %s set through a JSON patch', (_n, patch, rule, path) => {
    const errors = synthErrors((chart) => ApiObject.of(web(chart)).addJsonPatch(patch));
    expect(errors.filter((e) => e.startsWith(`[test/web] ${rule} ${path}: `))).toHaveLength(1);
    for (const e of errors) expect(e).toMatch(/^\[test\/web\] SC-[A-Z]+-\d{3} [\w.[\]-]+: [A-Z][a-z]+( value)?(: .+)?\. Fix: .+$/);
  });

  // Through the construct API itself, where cdk8s-plus lets the value through. (A negative
  // Duration is refused by cdk8s itself; cdk8s-plus gives an httpGet without port the port 80.)
  // Numbers are refused already at construction, naming the prop path (containers[0].portNumber).
  test.each([
    ['an empty image', (chart: Chart) => new SidecarDeployment(chart, 'web', { containers: [{ name: 'app', image: '' }] }), /containers\[0\]\.image/],
    ['a missing image (from JavaScript)', (chart: Chart) => new SidecarDeployment(chart, 'web', { containers: [{ name: 'app' } as any] }), /containers\[0\]\.image/],
    ['a probe on port 0', (chart: Chart) => new SidecarDeployment(chart, 'web', { containers: [{ name: 'app', image: 'a', readiness: kplus.Probe.fromTcpSocket({ port: 0 }) }] }), /containers\[0\]\.readiness\.tcpSocket\.port: Invalid value: 0: /],
    ['containerPort 70000', (chart: Chart) => new SidecarDeployment(chart, 'web', { containers: [{ name: 'app', image: 'a', portNumber: 70000 }] }), /containers\[0\]\.portNumber: Invalid value: 70000: /],
    ['replicas -1', (chart: Chart) => new SidecarDeployment(chart, 'web', { replicas: -1, containers: [{ name: 'app', image: 'a' }] }), /replicas.*-1/],
  ])('fails synth GIVEN %s through the construct API', (_n, build, pattern) => {
    let message = '';
    try {
      const chart = Testing.chart();
      build(chart);
      Testing.synth(chart);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(pattern);
  });

  test.each(PATCHED)('GIVEN %s in a manifest WHEN linted THEN the rule is reported and lint exits 1', async (_n, patch, rule, path) => {
    // The rendered (unvalidated) manifest: the broken YAML a user would lint.
    const d = web(Testing.chart());
    ApiObject.of(d).addJsonPatch(patch);
    const manifest = ApiObject.of(d).toJson();
    const r = await run(['lint', '--quiet', 'web.yaml'], { files: { 'web.yaml': stringify(manifest) } });
    expect(r.stdout).toContain(`error ${rule} ${path}: `);
    expect(r.code).toBe(1);
  });

  test('GIVEN a negative pod terminationGracePeriodSeconds THEN synth passes with the API server\'s warning (it is treated as 1)', async () => {
    const chart = Testing.chart();
    const d = web(chart);
    ApiObject.of(d).addJsonPatch(JsonPatch.add('/spec/template/spec/terminationGracePeriodSeconds', -5));
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(() => Testing.synth(chart)).not.toThrow();
      expect(write.mock.calls.map((c) => String(c[0])).join('')).toContain(
        'SC-API-017 spec.template.spec.terminationGracePeriodSeconds: Warning: must be >= 0; negative values are invalid and will be treated as 1');
    } finally {
      write.mockRestore();
    }
    const r = await run(['lint', '--quiet', 'web.yaml'], { files: { 'web.yaml': stringify(ApiObject.of(d).toJson()) } });
    expect(r.code).toBe(0);
  });
});
