import { KubernetesVersion } from '../../src/engine/kubernetes-version';
import { PodManifest } from '../../src/engine/pod-manifest';
import { Severity } from '../../src/engine/severity';
import { SidecarRules } from '../../src/rules/sidecar-rules';
import { validatePodManifest } from '../../src/validation/validate-manifest';
import { deployment, findings, job } from '../rules/helpers';

/**
 * resizePolicy where InPlacePodVerticalScaling is off (the default before 1.33): the API
 * server's dropDisabledFields (pkg/api/pod/util.go) drops it from every container before
 * validating, so nothing about it is rejected; where the gate is on, validateInitContainers
 * accepts it on any init container (AllowSidecarResizePolicy).
 */
const req = { resources: { requests: { cpu: '50m', memory: '64Mi' } } };
const app = { name: 'app', image: 'example/app:1.4', ...req };
const proxy = { name: 'proxy', image: 'envoyproxy/envoy:v1.30', restartPolicy: 'Always', ...req };
const cpuNotRequired = [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }];
const warmup = { name: 'warmup', image: 'example/warmup:1', ...req };

const errors = (manifest: any, targetVersion?: string) =>
  SidecarRules.check(manifest, targetVersion ? { targetVersion } : undefined).filter((f) => f.severity === Severity.ERROR).map((f) => f.ruleId);

describe('resizePolicy on init containers (SC-API-012)', () => {
  const sidecarWithPolicy = deployment({ initContainers: [{ ...proxy, resizePolicy: cpuNotRequired }], containers: [app] });

  test.each([[undefined], ['1.30'], ['1.32']])('GIVEN a sidecar with resizePolicy at target %s (gate off) THEN no SC-API-012 and no error', (v) => {
    const options = v ? { targetVersion: v } : undefined;
    expect(findings(sidecarWithPolicy, 'SC-API-012', options)).toEqual([]);
    expect(errors(sidecarWithPolicy, v)).toEqual([]);
  });

  test('GIVEN a regular init container with resizePolicy at 1.29 (dropped) THEN no finding of SC-API-012 and no error', () => {
    const m = deployment({ initContainers: [{ ...warmup, resizePolicy: cpuNotRequired }], containers: [app] });
    expect(findings(m, 'SC-API-012')).toEqual([]);
    expect(errors(m)).toEqual([]);
  });

  test('GIVEN a resizePolicy the API server would refuse, at 1.29 where it is dropped THEN no error', () => {
    const m = deployment({ containers: [{ ...app, resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'Sometimes' }] }] });
    expect(findings(m, 'SC-API-012')).toEqual([]);
    expect(errors(m)).toEqual([]);
  });

  test.each([['1.33'], ['1.35']])('GIVEN resizePolicy on a sidecar and on a regular init container at %s (gate on) THEN accepted', (v) => {
    const m = deployment({
      initContainers: [{ ...warmup, resizePolicy: cpuNotRequired }, { ...proxy, resizePolicy: cpuNotRequired }],
      containers: [app],
    });
    expect(findings(m, 'SC-API-012', { targetVersion: v })).toEqual([]);
    expect(errors(m, v)).toEqual([]);
  });

  test('fails GIVEN a sidecar resizePolicy that restarts the container in a Never pod at 1.33 (validateResizePolicy)', () => {
    const restart = [{ resourceName: 'memory', restartPolicy: 'RestartContainer' }];
    const m = job({ initContainers: [{ ...proxy, resizePolicy: restart }], containers: [app] });
    expect(findings(m, 'SC-API-012', { targetVersion: '1.33' })).toEqual([
      'SC-API-012 spec.template.spec.initContainers[0].resizePolicy: Invalid value: "RestartContainer": '
      + 'must be \'NotRequired\' when `restartPolicy` is \'Never\'. '
      + 'Fix: fix the field as the finding says; run `kubectl apply --dry-run=server` against a cluster to confirm',
    ]);
  });

  test('fails GIVEN an unsupported resize restartPolicy at 1.33', () => {
    const m = deployment({ initContainers: [{ ...proxy, resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'Sometimes' }] }], containers: [app] });
    expect(errors(m, '1.33')).toEqual(['SC-API-012']);
  });

  test('GIVEN validation called directly without AllowSidecarResizePolicy (as the Go tests do) THEN validateInitContainers still rejects it', () => {
    const pod = PodManifest.from(sidecarWithPolicy)!;
    const direct = validatePodManifest(pod, KubernetesVersion.of('1.32'), { applyDefaults: false });
    // Without defaulting other fields (imagePullPolicy, ...) are missing too: only resizePolicy is looked at.
    expect(direct.errors.filter((e) => `${e.field}`.endsWith('resizePolicy')).map((e) => `${e.field}: ${e.type}: ${e.detail}`)).toEqual([
      'spec.template.spec.initContainers[0].resizePolicy: Invalid value: must not be set for init containers',
    ]);
    expect(validatePodManifest(pod, KubernetesVersion.of('1.32')).errors).toEqual([]);
  });
});
