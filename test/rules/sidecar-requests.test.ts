import { deployment, findings } from './helpers';
import { Severity } from '../../src/engine/severity';
import { SidecarRules } from '../../src/rules/sidecar-rules';

/**
 * SC-RES-001 and pod-level resources: from 1.34 (PodLevelResources on by default) the scheduler
 * reserves the pod-level requests for the whole pod (component-helpers resource/helpers.go
 * `PodRequests`), so a sidecar without its own request is covered for the resources they name.
 */
const app = { name: 'app', image: 'example/app:1.4' };
const proxy = { name: 'proxy', image: 'envoyproxy/envoy:v1.30', restartPolicy: 'Always' };
const podLevel = { requests: { cpu: '500m', memory: '512Mi' }, limits: { memory: '1Gi' } };

const errors = (manifest: any, targetVersion: string) =>
  SidecarRules.check(manifest, { targetVersion }).filter((f) => f.severity === Severity.ERROR).map((f) => f.ruleId);

describe('SC-RES-001 sidecar-requests with pod-level resources', () => {
  test.each([['1.34'], ['1.35']])('GIVEN pod-level cpu and memory requests at %s THEN no finding and no error', (v) => {
    const m = deployment({ resources: podLevel, initContainers: [proxy], containers: [app] });
    expect(findings(m, 'SC-RES-001', { targetVersion: v })).toEqual([]);
    expect(errors(m, v)).toEqual([]);
  });

  test('GIVEN only pod-level limits at 1.34 and no container requests THEN covered: pod-level requests default to them (defaultPodRequests)', () => {
    const m = deployment({ resources: { limits: { cpu: '1', memory: '1Gi' } }, initContainers: [proxy], containers: [app] });
    expect(findings(m, 'SC-RES-001', { targetVersion: '1.34' })).toEqual([]);
    expect(errors(m, '1.34')).toEqual([]);
  });

  test('fails GIVEN pod-level requests for cpu only at 1.34 THEN memory is still missing', () => {
    const m = deployment({ resources: { requests: { cpu: '500m' } }, initContainers: [proxy], containers: [app] });
    expect(findings(m, 'SC-RES-001', { targetVersion: '1.34' })).toEqual([
      'SC-RES-001 spec.template.spec.initContainers[0].resources.requests: Recommended value: sidecar "proxy" has no memory request, '
      + 'so the scheduler reserves nothing for it. Fix: set resources.requests.memory on "proxy"',
    ]);
  });

  test('fails GIVEN a pod-level memory limit whose request defaults to the app\'s request at 1.34 THEN the sidecar is still missing', () => {
    const m = deployment({
      resources: { limits: { memory: '1Gi' } },
      initContainers: [proxy],
      containers: [{ ...app, resources: { requests: { cpu: '50m', memory: '64Mi' } } }],
    });
    expect(findings(m, 'SC-RES-001', { targetVersion: '1.34' }).length).toBe(1);
  });

  test.each([['1.33'], ['1.32'], ['1.29']])('fails GIVEN pod-level requests at %s, where the gate is off and the field dropped', (v) => {
    const m = deployment({ resources: podLevel, initContainers: [proxy], containers: [app] });
    expect(findings(m, 'SC-RES-001', { targetVersion: v })).toEqual([
      'SC-RES-001 spec.template.spec.initContainers[0].resources.requests: Recommended value: sidecar "proxy" has no cpu or memory request, '
      + 'so the scheduler reserves nothing for it. Fix: set resources.requests.cpu and resources.requests.memory on "proxy"',
    ]);
  });
});
