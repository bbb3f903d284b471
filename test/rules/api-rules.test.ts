import { c, deployment, execProbe, findings, job, pod, sidecar, where } from './helpers';
import { formatFinding } from '../../src/engine/finding-format';
import { SidecarRules } from '../../src/rules/sidecar-rules';

describe('SC-API-001 init-container-restart-policy', () => {
  test('GIVEN a sidecar with restartPolicy Always THEN compliant', () => {
    expect(findings(pod({ initContainers: [sidecar('s')], containers: [c('a')] }), 'SC-API-001')).toEqual([]);
  });
  test('GIVEN an init container without restartPolicy THEN not applicable', () => {
    expect(findings(pod({ initContainers: [c('i')], containers: [c('a')] }), 'SC-API-001')).toEqual([]);
  });
  test('fails GIVEN an init container with restartPolicy OnFailure', () => {
    expect(findings(pod({ initContainers: [c('i', { restartPolicy: 'OnFailure' })], containers: [c('a')] }), 'SC-API-001')).toEqual([
      'SC-API-001 spec.initContainers[0].restartPolicy: Unsupported value: "OnFailure": supported values: "Always". Fix: set restartPolicy: Always to make it a sidecar, or remove restartPolicy to keep a regular init container',
    ]);
  });
});

describe('SC-API-002 app-container-restart-policy', () => {
  test('GIVEN app containers without restartPolicy THEN compliant', () => {
    expect(findings(pod({ containers: [c('a')] }), 'SC-API-002')).toEqual([]);
  });
  test('fails GIVEN restartPolicy on an app container at 1.29 (before container restart rules)', () => {
    expect(findings(pod({ containers: [c('a', { restartPolicy: 'Always' })] }), 'SC-API-002')).toEqual([
      'SC-API-002 spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers. Fix: remove restartPolicy (container restart rules arrive in Kubernetes 1.34); to run "a" as a sidecar, move it to initContainers with restartPolicy: Always',
    ]);
  });
  test('GIVEN restartPolicy Never on an app container at 1.34 THEN a warning about the alpha gate', () => {
    expect(where(pod({ containers: [c('a', { restartPolicy: 'Never' })] }), 'SC-API-002', { targetVersion: '1.34' })).toEqual(['warning spec.containers[0].restartPolicy']);
  });
  test('fails GIVEN an unknown restartPolicy on an app container at 1.35', () => {
    expect(findings(pod({ containers: [c('a', { restartPolicy: 'Sometimes' })] }), 'SC-API-002', { targetVersion: '1.35' })).toEqual([
      'SC-API-002 spec.containers[0].restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never". Fix: use Always, OnFailure or Never',
    ]);
  });
});

describe('SC-API-003 init-container-probes-lifecycle', () => {
  test('GIVEN probes on a sidecar THEN compliant', () => {
    expect(findings(pod({ initContainers: [sidecar('s', { livenessProbe: execProbe, lifecycle: { preStop: { sleep: { seconds: 1 } } } })], containers: [c('a')] }), 'SC-API-003')).toEqual([]);
  });
  test('GIVEN no init containers THEN not applicable', () => {
    expect(findings(pod({ containers: [c('a', { livenessProbe: execProbe })] }), 'SC-API-003')).toEqual([]);
  });
  test('fails GIVEN a regular init container with a startupProbe in a Deployment (what cdk8s-plus adds for a port)', () => {
    expect(findings(deployment({ initContainers: [c('i', { startupProbe: { tcpSocket: { port: 80 } } })], containers: [c('a')] }), 'SC-API-003')).toEqual([
      'SC-API-003 spec.template.spec.initContainers[0].startupProbe: Forbidden: may not be set for init containers without restartPolicy=Always. Fix: remove startupProbe from init container "i", or add restartPolicy: Always to make it a sidecar',
    ]);
  });
});

describe('SC-API-004 probe-success-threshold', () => {
  test('GIVEN a readinessProbe with successThreshold 3 THEN compliant', () => {
    expect(findings(pod({ containers: [c('a', { readinessProbe: { ...execProbe, successThreshold: 3 } })] }), 'SC-API-004')).toEqual([]);
  });
  test('fails GIVEN a sidecar livenessProbe with successThreshold 2', () => {
    expect(findings(pod({ initContainers: [sidecar('s', { livenessProbe: { ...execProbe, successThreshold: 2 } })], containers: [c('a')] }), 'SC-API-004')).toEqual([
      'SC-API-004 spec.initContainers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1. Fix: remove livenessProbe.successThreshold or set it to 1',
    ]);
  });
  test('GIVEN a regular init container with a startupProbe THEN not applicable here (SC-API-003 reports it)', () => {
    expect(findings(pod({ initContainers: [c('i', { startupProbe: { ...execProbe, successThreshold: 2 } })], containers: [c('a')] }), 'SC-API-004')).toEqual([]);
  });
});

describe('SC-API-005 probe-handler', () => {
  test('GIVEN one handler per probe and hook THEN compliant', () => {
    expect(findings(pod({ containers: [c('a', { livenessProbe: execProbe, lifecycle: { preStop: { sleep: { seconds: 5 } } } })] }), 'SC-API-005')).toEqual([]);
  });
  test('fails GIVEN a probe without handler and a hook with two', () => {
    expect(findings(pod({ containers: [c('a', { livenessProbe: { periodSeconds: 5 }, lifecycle: { preStop: { sleep: { seconds: 5 }, exec: { command: ['x'] } } } })] }), 'SC-API-005')).toEqual([
      // validation.go order: the lifecycle, then the probes; the second handler is the one reported.
      'SC-API-005 spec.containers[0].lifecycle.preStop.sleep: Forbidden: may not specify more than 1 handler type. Fix: keep exactly one of exec, sleep in the preStop',
      'SC-API-005 spec.containers[0].livenessProbe: Required value: must specify a handler type. Fix: add one of exec, httpGet, tcpSocket, grpc to the livenessProbe',
    ]);
  });
  test('GIVEN no probes THEN not applicable', () => {
    expect(findings(pod({ containers: [c('a')] }), 'SC-API-005')).toEqual([]);
  });
});

describe('SC-API-006 container-name', () => {
  test('GIVEN DNS-1123 names THEN compliant', () => {
    expect(findings(pod({ initContainers: [sidecar('log-shipper')], containers: [c('app-1')] }), 'SC-API-006')).toEqual([]);
  });
  test('fails GIVEN an upper-case name and a missing name', () => {
    expect(findings(pod({ initContainers: [{ image: 'x' }], containers: [c('Web_App')] }), 'SC-API-006')).toEqual([
      // validation.go order: app containers, then init containers.
      'SC-API-006 spec.containers[0].name: Invalid value: "Web_App": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character (e.g. \'my-name\',  or \'123-abc\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?\'). Fix: rename it, e.g. "web-app"',
      'SC-API-006 spec.initContainers[0].name: Required value. Fix: give the container a name such as "log-shipper"',
    ]);
  });
  test('fails GIVEN a 64-character name on an ephemeral container', () => {
    expect(where(pod({ containers: [c('a')], ephemeralContainers: [c('e'.repeat(64))] }), 'SC-API-006')).toEqual(['error spec.ephemeralContainers[0].name']);
  });
});

describe('SC-API-007 container-name-unique', () => {
  test('GIVEN distinct names THEN compliant', () => {
    expect(findings(pod({ initContainers: [sidecar('s')], containers: [c('a')] }), 'SC-API-007')).toEqual([]);
  });
  test('fails GIVEN a sidecar named like an app container (reported at the init container, as the API server does)', () => {
    expect(findings(deployment({ initContainers: [sidecar('app')], containers: [c('app')] }), 'SC-API-007')).toEqual([
      'SC-API-007 spec.template.spec.initContainers[0].name: Duplicate value: "app". Fix: rename the init container: an app container has this name',
    ]);
  });
  test('fails GIVEN an ephemeral container named like an init container', () => {
    expect(where(pod({ initContainers: [c('i')], containers: [c('a')], ephemeralContainers: [c('i')] }), 'SC-API-007')).toEqual(['error spec.ephemeralContainers[0].name']);
  });
});

describe('SC-API-008 volume-mount-name', () => {
  test('GIVEN mounts of declared volumes THEN compliant', () => {
    expect(findings(pod({ volumes: [{ name: 'data', emptyDir: {} }], containers: [c('a', { volumeMounts: [{ name: 'data', mountPath: '/d' }] })] }), 'SC-API-008')).toEqual([]);
  });
  test('fails GIVEN a sidecar mounting an undeclared volume', () => {
    expect(findings(pod({ volumes: [{ name: 'data', emptyDir: {} }], initContainers: [sidecar('s', { volumeMounts: [{ name: 'logs', mountPath: '/l' }] })], containers: [c('a')] }), 'SC-API-008')).toEqual([
      'SC-API-008 spec.initContainers[0].volumeMounts[0].name: Not found: "logs": declared volumes: "data". Fix: add a volume named "logs" to the pod\'s volumes (or, in a StatefulSet, to volumeClaimTemplates), or mount one of the declared volumes',
    ]);
  });
  test('GIVEN no mounts THEN not applicable', () => {
    expect(findings(pod({ containers: [c('a')] }), 'SC-API-008')).toEqual([]);
  });
});

describe('SC-API-009 probe-named-port', () => {
  test('GIVEN a probe on a port name of the same container THEN compliant', () => {
    expect(findings(pod({ containers: [c('a', { ports: [{ name: 'http', containerPort: 80 }], readinessProbe: { httpGet: { port: 'http' } } })] }), 'SC-API-009')).toEqual([]);
  });
  test('GIVEN a numeric probe port THEN not applicable', () => {
    expect(findings(pod({ containers: [c('a', { readinessProbe: { tcpSocket: { port: 80 } } })] }), 'SC-API-009')).toEqual([]);
  });
  test('fails GIVEN a sidecar probing a port name only the app declares', () => {
    expect(findings(pod({ initContainers: [sidecar('s', { startupProbe: { tcpSocket: { port: 'http' } } })], containers: [c('a', { ports: [{ name: 'http', containerPort: 80 }] })] }), 'SC-API-009')).toEqual([
      'SC-API-009 spec.initContainers[0].startupProbe.tcpSocket.port: Not found: "http": no port named "http" on container "s" (it declares no named ports). Fix: add { name: "http", containerPort: <number> } to the ports of "s", or probe the port number',
    ]);
  });
});

describe('SC-API-010 requests-within-limits', () => {
  test('GIVEN requests equal to limits in other units THEN compliant (exact comparison)', () => {
    expect(findings(pod({ containers: [c('a', { resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1000m', memory: '1073741824' } } })] }), 'SC-API-010')).toEqual([]);
  });
  test('fails GIVEN a sidecar requesting more cpu than its limit', () => {
    expect(findings(pod({ initContainers: [sidecar('s', { resources: { requests: { cpu: '500m' }, limits: { cpu: '0.25' } } })], containers: [c('a')] }), 'SC-API-010')).toEqual([
      // The API server reports at `requests` and names the resource in the detail.
      'SC-API-010 spec.initContainers[0].resources.requests: Invalid value: "500m": must be less than or equal to cpu limit of 250m. Fix: lower requests.cpu to at most 250m, or raise limits.cpu to at least 500m',
    ]);
  });
  test('fails GIVEN an unparsable quantity', () => {
    expect(where(pod({ containers: [c('a', { resources: { limits: { memory: '1 GB' } } })] }), 'SC-API-010')).toEqual(['error spec.containers[0].resources.limits[memory]']);
  });
  test('GIVEN no resources THEN not applicable', () => {
    expect(findings(pod({ containers: [c('a')] }), 'SC-API-010')).toEqual([]);
  });
});

describe('SC-API-011 pod-restart-policy', () => {
  test('GIVEN a Job with restartPolicy Never and a Deployment without one THEN compliant', () => {
    expect(findings(job({ containers: [c('a')] }), 'SC-API-011')).toEqual([]);
    expect(findings(deployment({ containers: [c('a')] }), 'SC-API-011')).toEqual([]);
  });
  test('fails GIVEN a Job whose restartPolicy is unset (defaults to Always)', () => {
    const m = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: { template: { spec: { containers: [c('a')] } } } };
    expect(findings(m, 'SC-API-011')).toEqual([
      'SC-API-011 spec.template.spec.restartPolicy: Unsupported value: "Always": unset defaults to "Always"; supported values: "OnFailure", "Never". Fix: set restartPolicy: Never (or OnFailure) on the Job\'s pod template; keep long-running helpers as sidecars (init containers with restartPolicy: Always)',
    ]);
  });
  test('fails GIVEN a Deployment with restartPolicy Never', () => {
    expect(findings(deployment({ restartPolicy: 'Never', containers: [c('a')] }), 'SC-API-011')).toEqual([
      'SC-API-011 spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always". Fix: remove restartPolicy or set it to Always: a Deployment keeps its pods running; use a Job for work that completes',
    ]);
  });
  test('GIVEN a bare Pod with restartPolicy Never THEN not applicable (any value fits a Pod)', () => {
    expect(findings(pod({ restartPolicy: 'Never', containers: [c('a')] }), 'SC-API-011')).toEqual([]);
  });
});

describe('SC-API-010 negative quantities', () => {
  test('fails for a negative request, as the API server does (ValidateResourceQuantityValue)', () => {
    const negative = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'a', resources: { requests: { cpu: '-5m' } } }] } };
    expect(SidecarRules.check(negative).filter((f) => f.ruleId === 'SC-API-010').map(formatFinding)).toEqual([
      'SC-API-010 spec.containers[0].resources.requests[cpu]: Invalid value: "-5m": must be greater than or equal to 0. Fix: write a value of zero or more for cpu',
    ]);
  });
});
