import { Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { defaultEngine } from '../../src/cli/default-engine';
import { Annotations } from '../../src/engine/annotations';
import * as annotationsModule from '../../src/resources/effective-resource-annotations';
import { SidecarDeployment } from '../../src/workloads/sidecar-deployment';

/**
 * Pod-level `spec.resources` counts only where the target version serves it, in `explain` as in
 * the synth annotations (lint's quota rules are covered in test/rules): every entry point hands
 * the target version to the effective-resource computation.
 */

const POD_LEVEL = { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } };

const manifest = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec: {
    resources: POD_LEVEL,
    containers: [{ name: 'app', image: 'app:1.0', resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '64Mi' } } }],
  },
};

describe('explain (CLI engine) follows the target version', () => {
  test('GIVEN a pod with pod-level resources WHEN explained for 1.33 THEN the containers decide (the gate is off by default)', () => {
    const out = defaultEngine().explain(manifest, '1.33') as { resourcesJson: any; resourcesText: string };
    expect(out.resourcesJson.requests).toEqual({ cpu: '100m', memory: '64Mi' });
    expect(out.resourcesJson.qosClass).toBe('Burstable');
    expect(out.resourcesText).not.toContain('pod-level');
  });

  test('GIVEN the same pod WHEN explained for 1.34 THEN the pod-level figures replace the container sum', () => {
    const out = defaultEngine().explain(manifest, '1.34') as { resourcesJson: any; resourcesText: string };
    expect(out.resourcesJson.requests).toEqual({ cpu: '1', memory: '1Gi' });
    expect(out.resourcesJson.qosClass).toBe('Guaranteed');
    expect(out.resourcesText).toContain('pod-level spec.resources.requests[cpu] = 1');
  });
});

describe('synth annotations follow the workload target version', () => {
  /*
   * cdk8s-plus-28 renders through the typed Kubernetes 1.28 classes, whose converters drop fields
   * they do not know: pod-level `spec.resources` cannot reach a Sidecar* workload's manifest, even
   * through a JSON patch. So this checks the wiring itself: the annotations are computed for the
   * workload's target version (which decides the pod-level gates, as tested above).
   */
  afterEach(() => jest.restoreAllMocks());

  test.each(['1.29', '1.34'])('GIVEN a workload targeting %s WHEN synthesized THEN its effective resources are computed for that version', (targetVersion) => {
    const spy = jest.spyOn(annotationsModule, 'effectiveResourceAnnotationsOfPod');
    const chart = Testing.chart();
    const d = new SidecarDeployment(chart, 'web', { targetVersion });
    d.addContainer({
      name: 'app',
      image: 'app:1.0',
      resources: { cpu: { request: kplus.Cpu.millis(100) }, memory: { request: Size.mebibytes(64), limit: Size.mebibytes(64) } },
    });
    const out = Testing.synth(chart).find((m) => m.kind === 'Deployment');
    expect(out.spec.template.metadata.annotations[Annotations.EFFECTIVE_REQUESTS]).toBe('cpu=100m,memory=64Mi');
    expect(spy).toHaveBeenCalled();
    for (const call of spy.mock.calls) expect(call[1]?.targetVersion?.toString()).toBe(targetVersion);
  });
});
