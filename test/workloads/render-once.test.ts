import { ApiObject, App, Chart, JsonPatch, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { SidecarChecks, SidecarDeployment } from '../../src';
import { InitContainerRestartPolicyRule } from '../../src/rules/init-container-restart-policy';

/**
 * cdk8s validates the whole app once per synth call and again for every chart it renders. Our
 * workloads render and check themselves once per synth call, and never reuse a render across
 * calls (which could synthesize a stale manifest).
 */
function appWithCharts(charts: number, perChart: number): { app: App; workloads: SidecarDeployment[] } {
  const app = Testing.app();
  const workloads: SidecarDeployment[] = [];
  for (let c = 0; c < charts; c++) {
    const chart = new Chart(app, `c${c}`);
    for (let w = 0; w < perChart; w++) {
      const d = new SidecarDeployment(chart, `w${w}`, { containers: [{ name: 'app', image: 'app' }] });
      d.addSidecar({ name: 'log', image: 'log' });
      workloads.push(d);
    }
  }
  return { app, workloads };
}

afterEach(() => jest.restoreAllMocks());

describe('one render and one check per workload per synth call', () => {
  test.each([['synthYaml'], ['synth']])('GIVEN 3 charts x 2 workloads WHEN app.%s() THEN 6 renders and 6 rule runs, not (charts + 1) x 6', (method) => {
    const { app } = appWithCharts(3, 2);
    const renders = jest.spyOn(kplus.Workload.prototype, '_toPodSpec');
    // The first registered rule: it runs once per checked pod.
    const checks = jest.spyOn(InitContainerRestartPolicyRule.prototype, 'evaluate');
    // synth() writes files into the Testing app's temporary outdir; synthYaml() returns a string.
    if (method === 'synth') app.synth();
    else app.synthYaml();
    expect(renders).toHaveBeenCalledTimes(6);
    expect(checks).toHaveBeenCalledTimes(6);
  });

  test('GIVEN Testing.synth of one chart THEN every workload of the app is rendered once', () => {
    const { app } = appWithCharts(2, 2);
    const renders = jest.spyOn(kplus.Workload.prototype, '_toPodSpec');
    Testing.synth(app.charts[0]);
    expect(renders).toHaveBeenCalledTimes(4);
  });

  test('GIVEN a change between two synth calls THEN the second call synthesizes the change (no stale render)', () => {
    const { app, workloads } = appWithCharts(2, 1);
    Testing.synth(app.charts[0]);
    workloads[1].addSidecar({ name: 'late', image: 'late' });
    const second = Testing.synth(app.charts[1]);
    expect(second[0].spec.template.spec.initContainers.map((c: any) => c.name)).toEqual(['log', 'late']);
    workloads[0].addSidecar({ name: 'later', image: 'later' });
    expect(app.synthYaml()).toContain('name: later');
  });

  test('GIVEN a failed synth THEN fixing the cause and synthesizing again gives the fixed manifest, rendered afresh', () => {
    const { app, workloads } = appWithCharts(1, 1);
    // Two ports of one container with one name: the API server rejects it (SC-PORT-002).
    ApiObject.of(workloads[0]).addJsonPatch(JsonPatch.add('/spec/template/spec/containers/0/ports', [{ containerPort: 80, name: 'http' }, { containerPort: 81, name: 'http' }]));
    expect(() => app.synthYaml()).toThrow(/SC-PORT-002/);
    SidecarChecks.suppress(workloads[0], 'SC-PORT-002', 'a test of re-rendering after a failed synth');
    expect(app.synthYaml()).toContain('cdk8s-sidecars.dev/suppress');
  });

  test('outside a synth call, toJson and lifecyclePlan render afresh', () => {
    const { workloads } = appWithCharts(1, 1);
    const renders = jest.spyOn(kplus.Workload.prototype, '_toPodSpec');
    workloads[0].lifecyclePlan();
    workloads[0].lifecyclePlan();
    expect(renders).toHaveBeenCalledTimes(2);
  });
});
