import { c, pod, sidecar, where } from './helpers';
import { Annotations } from '../../src/engine/annotations';
import { SidecarRules } from '../../src/rules/sidecar-rules';

/** SC-STARTUP-001 (src/rules/sidecar-startup-probe.ts): a sidecar others need ready has a startupProbe. */
const needs = (relation: Record<string, string[]>) => ({ name: 'p', annotations: { [Annotations.NEEDS_READY]: JSON.stringify(relation) } });

describe('SC-STARTUP-001 sidecar-startup-probe', () => {
  describe('survivor "a needed regular init container or app container asked for a startupProbe" (issue 14)', () => {
    test('GIVEN an app that needs a regular init container ready THEN no startupProbe is asked of it (a startupProbe is forbidden there; SC-ORDER-001 reports the declaration)', () => {
      const m = pod({ initContainers: [c('setup')], containers: [c('app')] }, needs({ app: ['setup'] }));
      expect(where(m, 'SC-STARTUP-001')).toEqual([]);
      expect(where(m, 'SC-ORDER-001')).toEqual(['error spec.containers[0]']);
    });

    test('GIVEN an app that needs another app container ready THEN no startupProbe is asked of it', () => {
      expect(where(pod({ containers: [c('app'), c('db')] }, needs({ app: ['db'] })), 'SC-STARTUP-001')).toEqual([]);
    });
  });

  describe('survivor "only the last container needing a sidecar named" (issue 14)', () => {
    test('GIVEN two app containers that need the same sidecar without a startupProbe THEN one warning that names both', () => {
      const found = SidecarRules.check(pod({ initContainers: [sidecar('proxy')], containers: [c('web'), c('worker')] }, needs({ web: ['proxy'], worker: ['proxy'] })))
        .filter((f) => f.ruleId === 'SC-STARTUP-001');
      expect(found.map((f) => `${f.severity} ${f.path}`)).toEqual(['warning spec.initContainers[0].startupProbe']);
      expect(found[0].message).toContain('"web"');
      expect(found[0].message).toContain('"worker"');
    });
  });
});

describe('SC-STARTUP-001 and a postStart hook (look-alike review)', () => {
  // kubelet startContainer (pkg/kubelet/kuberuntime/kuberuntime_container.go) runs postStart synchronously and
  // computeInitContainerActions starts the next init container only in a later sync: the next container waits for the hook.
  const waitingProxy = (name: string, image: string, postStart: any) => ({
    name, image, restartPolicy: 'Always', resources: { requests: { cpu: '100m', memory: '128Mi' } }, lifecycle: { postStart },
  });
  const app = { name: 'app', image: 'example/app:1.0', resources: { requests: { cpu: '100m', memory: '128Mi' } } };
  const withProxy = (proxy: any) => pod({ initContainers: [proxy], containers: [app] }, needs({ app: [proxy.name] }));
  const ofRule = (m: any) => SidecarRules.check(m).filter((f) => f.ruleId === 'SC-STARTUP-001')
    .map((f) => `${f.severity} ${f.path}: ${f.message}`);
  const errors = (m: any) => SidecarRules.check(m).filter((f) => f.severity === 'error').map((f) => `${f.ruleId} ${f.path}`);

  test.each([
    ['istio-proxy', 'docker.io/istio/proxyv2:1.22.0', ['pilot-agent', 'wait']],
    ['cloud-sql-proxy', 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.0', ['/cloud-sql-proxy', 'wait']],
  ])('GIVEN %s gated by a blocking postStart hook (%s) and no startupProbe THEN no SC-STARTUP-001 finding and no error', (name, image, command) => {
    const m = withProxy(waitingProxy(name, image, { exec: { command } }));
    expect(ofRule(m)).toEqual([]);
    expect(errors(m)).toEqual([]);
  });

  test('GIVEN an httpGet postStart hook (the kubelet kills the container when it fails) THEN no SC-STARTUP-001 finding', () => {
    expect(ofRule(withProxy(waitingProxy('proxy', 'envoyproxy/envoy:v1.30', { httpGet: { path: '/ready', port: 9901 } })))).toEqual([]);
  });

  test.each([
    ['a sleep action', { sleep: { seconds: 5 } }, 'waits for 5s'],
    ['an exec hook that only sleeps', { exec: { command: ['sh', '-c', 'sleep 5'] } }, 'waits for 5s'],
  ])('GIVEN %s as postStart THEN information, not a warning: the next container waits a fixed time, ready or not', (_n, postStart, wait) => {
    expect(ofRule(withProxy(waitingProxy('proxy', 'envoyproxy/envoy:v1.30', postStart)))).toEqual([
      'info spec.initContainers[0].startupProbe: Recommended value: sidecar "proxy" is needed ready by "app" and has no startupProbe: '
      + `its postStart hook only sleeps, so the next container ${wait}, whether or not "proxy" serves by then`,
    ]);
  });

  test('GIVEN the same sidecar with no hook and no startupProbe THEN still the warning', () => {
    const proxy = { ...waitingProxy('istio-proxy', 'docker.io/istio/proxyv2:1.22.0', undefined), lifecycle: undefined };
    expect(ofRule(withProxy(proxy))).toEqual([
      'warning spec.initContainers[0].startupProbe: Recommended value: sidecar "istio-proxy" is needed ready by "app" but has no startupProbe, '
      + 'so the next container starts as soon as its process runs',
    ]);
  });

  test('GIVEN a hook on a preStop only THEN still the warning: preStop runs at shutdown, not at start', () => {
    const proxy = { ...waitingProxy('proxy', 'envoyproxy/envoy:v1.30', undefined), lifecycle: { preStop: { sleep: { seconds: 5 } } } };
    expect(ofRule(withProxy(proxy)).map((f) => f.split(':')[0])).toEqual(['warning spec.initContainers[0].startupProbe']);
  });
});
