import { c, deployment, execProbe, findings, job, pod, sidecar, where } from './helpers';
import { PodSecurityLevel } from '../../src/rules/pod-security-level';

/**
 * The rules that expose the API server's validation (src/validation/): for each, a compliant
 * manifest, a non-compliant one, one where it does not apply, and a manifest the API server
 * accepts although it looks like what the rule catches (false positives are the worst bug).
 */
const NONE = { podSecurity: PodSecurityLevel.NONE };

describe('SC-API-012 container-fields', () => {
  test('GIVEN a complete container THEN compliant', () => {
    expect(findings(pod({ containers: [c('a', { ports: [{ name: 'http', containerPort: 8080 }], env: [{ name: 'A', value: '1' }], envFrom: [{ configMapRef: { name: 'cfg' } }] })] }), 'SC-API-012')).toEqual([]);
  });
  test('fails GIVEN an empty image, an unknown pull policy, port 70000 and an env var with two sources', () => {
    expect(findings(pod({
      containers: [c('a', {
        image: '',
        imagePullPolicy: 'always',
        ports: [{ containerPort: 70000 }],
        env: [{ name: 'A', valueFrom: { configMapKeyRef: { name: 'c', key: 'k' }, secretKeyRef: { name: 's', key: 'k' } } }],
      })],
    }), 'SC-API-012')).toEqual([
      'SC-API-012 spec.containers[0].image: Required value. Fix: set image to the container image to run, e.g. "nginx:1.27"',
      'SC-API-012 spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive. Fix: set containerPort to a number from 1 to 65535',
      'SC-API-012 spec.containers[0].env[0].valueFrom: Invalid value: "": may not have more than one field specified at a time. Fix: keep one source in valueFrom',
      'SC-API-012 spec.containers[0].imagePullPolicy: Unsupported value: "always": supported values: "Always", "IfNotPresent", "Never". Fix: use Always, IfNotPresent or Never (case matters), or remove the field',
    ]);
  });
  test('GIVEN look-alikes the API server accepts (no pull policy, no protocol, no terminationMessagePolicy: all defaulted; an untagged image; a space in an env name from 1.32) THEN compliant', () => {
    expect(findings(pod({ containers: [c('a', { image: 'nginx', ports: [{ containerPort: 80 }], env: [{ name: 'MY VAR', value: 'x' }] })] }), 'SC-API-012', { targetVersion: '1.32' })).toEqual([]);
  });
  test('GIVEN an env name valid only with RelaxedEnvironmentVariableValidation THEN an error before 1.30, a gate warning in 1.30-1.31, nothing from 1.32', () => {
    const m = pod({ containers: [c('a', { env: [{ name: '1VAR', value: 'x' }] })] });
    expect(where(m, 'SC-API-012', { targetVersion: '1.29' })).toEqual(['error spec.containers[0].env[0].name']);
    expect(where(m, 'SC-API-012', { targetVersion: '1.30' })).toEqual(['warning spec.containers[0].env[0].name']);
    expect(where(m, 'SC-API-012', { targetVersion: '1.32' })).toEqual([]);
  });
  test('GIVEN a Pod image with surrounding spaces THEN the Pod is rejected (templates accept it, but their pods are validated as Pods)', () => {
    expect(where(pod({ containers: [c('a', { image: ' nginx ' })] }), 'SC-API-012')).toEqual(['error spec.containers[0].image']);
  });
  test('GIVEN no containers THEN not applicable here (SC-API-015 reports it)', () => {
    expect(findings(pod({ containers: [] }), 'SC-API-012')).toEqual([]);
  });
});

describe('SC-API-013 probe-fields', () => {
  test('GIVEN valid probes THEN compliant', () => {
    expect(findings(pod({ containers: [c('a', { readinessProbe: { httpGet: { path: '/ready', port: 'http' }, periodSeconds: 5 }, ports: [{ name: 'http', containerPort: 80 }] })] }), 'SC-API-013')).toEqual([]);
  });
  test('fails GIVEN a negative periodSeconds, a probe on port 0 and a grace period on a readiness probe', () => {
    expect(findings(pod({ initContainers: [sidecar('s', { startupProbe: { tcpSocket: { port: 0 }, periodSeconds: -1 }, readinessProbe: { ...execProbe, terminationGracePeriodSeconds: 5 } })], containers: [c('a')] }), 'SC-API-013')).toEqual([
      'SC-API-013 spec.initContainers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 5: must not be set for readinessProbes. Fix: remove readinessProbe.terminationGracePeriodSeconds: a failing readiness probe never kills the container',
      'SC-API-013 spec.initContainers[0].startupProbe.tcpSocket.port: Invalid value: 0: must be between 1 and 65535, inclusive. Fix: set the startupProbe tcpSocket port to a number from 1 to 65535 or to a port name',
      'SC-API-013 spec.initContainers[0].startupProbe.periodSeconds: Invalid value: -1: must be greater than or equal to 0. Fix: set startupProbe.periodSeconds to 0 or more (remove it for the default)',
    ]);
  });
  test('GIVEN look-alikes the API server accepts (httpGet without path or scheme, periodSeconds 0, a named port) THEN compliant', () => {
    expect(findings(pod({ containers: [c('a', { livenessProbe: { httpGet: { port: 'http' }, periodSeconds: 0, successThreshold: 0 }, ports: [{ name: 'http', containerPort: 80 }] })] }), 'SC-API-013')).toEqual([]);
  });
  test('GIVEN probes on a regular init container THEN not applicable (SC-API-003 forbids the probe itself)', () => {
    expect(findings(pod({ initContainers: [c('i', { livenessProbe: { tcpSocket: { port: 0 } } })], containers: [c('a')] }), 'SC-API-013')).toEqual([]);
  });
});

describe('SC-API-014 lifecycle-handlers', () => {
  const V133 = { targetVersion: '1.33' };
  test('GIVEN a preStop sleep within the grace period THEN compliant', () => {
    expect(findings(pod({ terminationGracePeriodSeconds: 30, containers: [c('a', { lifecycle: { preStop: { sleep: { seconds: 30 } } } })] }), 'SC-API-014', V133)).toEqual([]);
  });
  test('fails GIVEN a sleep longer than the grace period and an httpGet hook without a port', () => {
    expect(findings(pod({ terminationGracePeriodSeconds: 10, containers: [c('a', { lifecycle: { preStop: { sleep: { seconds: 15 } }, postStart: { httpGet: { path: '/started' } } } })] }), 'SC-API-014', V133)).toEqual([
      'SC-API-014 spec.containers[0].lifecycle.postStart.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive. Fix: set the postStart httpGet port to a number from 1 to 65535 or to a port name',
      'SC-API-014 spec.containers[0].lifecycle.preStop.sleep: Invalid value: 15: must be non-negative and less than terminationGracePeriodSeconds (10). Fix: sleep between 0 and 10 seconds, or raise terminationGracePeriodSeconds',
    ]);
  });
  test('GIVEN the sleep action THEN an error before 1.29, a gate warning in 1.29, accepted from 1.30; sleep 0 from 1.33', () => {
    const m = pod({ containers: [c('a', { lifecycle: { preStop: { sleep: { seconds: 5 } } } })] });
    expect(where(m, 'SC-API-014', { targetVersion: '1.28' })).toEqual(['error spec.containers[0].lifecycle.preStop.sleep']);
    expect(where(m, 'SC-API-014', { targetVersion: '1.29' })).toEqual(['warning spec.containers[0].lifecycle.preStop.sleep']);
    expect(where(m, 'SC-API-014', { targetVersion: '1.30' })).toEqual([]);
    const zero = pod({ containers: [c('a', { lifecycle: { preStop: { sleep: { seconds: 0 } } } })] });
    expect(where(zero, 'SC-API-014', { targetVersion: '1.32' })).toEqual(['error spec.containers[0].lifecycle.preStop.sleep']);
    expect(where(zero, 'SC-API-014', { targetVersion: '1.33' })).toEqual([]);
  });
  test('GIVEN look-alikes the API server accepts (a sleep equal to the defaulted 30 s grace period; an httpGet hook without path) THEN compliant', () => {
    expect(findings(pod({ containers: [c('a', { lifecycle: { preStop: { sleep: { seconds: 30 } }, postStart: { httpGet: { port: 8080 } } } })] }), 'SC-API-014', V133)).toEqual([]);
  });
  test('GIVEN no lifecycle THEN not applicable', () => {
    expect(findings(pod({ containers: [c('a')] }), 'SC-API-014')).toEqual([]);
  });
});

describe('SC-API-015 pod-spec-fields', () => {
  test('GIVEN volumes with one source each THEN compliant', () => {
    expect(findings(pod({ volumes: [{ name: 'a', emptyDir: {} }, { name: 'b', configMap: { name: 'c' } }], containers: [c('a')] }), 'SC-API-015')).toEqual([]);
  });
  test('fails GIVEN no app containers, a volume with two sources and one without a name, and a bad dnsPolicy', () => {
    expect(findings(pod({ dnsPolicy: 'clusterfirst', volumes: [{ name: 'a', emptyDir: {}, secret: { secretName: 's' } }, { emptyDir: {} }], initContainers: [sidecar('s')], containers: [] }), 'SC-API-015')).toEqual([
      'SC-API-015 spec.volumes[0].secret: Forbidden: may not specify more than 1 volume type. Fix: keep only one of emptyDir and secret in this volume',
      'SC-API-015 spec.volumes[1].name: Required value. Fix: give the volume a name',
      'SC-API-015 spec.containers: Required value. Fix: add at least one container: init containers and sidecars alone do not make a pod',
      'SC-API-015 spec.dnsPolicy: Unsupported value: "clusterfirst": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None". Fix: use ClusterFirst (the default), ClusterFirstWithHostNet, Default or None',
    ]);
  });
  test('GIVEN look-alikes the API server accepts (a volume without any source is an emptyDir; no dnsPolicy, grace period or restartPolicy) THEN compliant', () => {
    expect(findings(pod({ volumes: [{ name: 'scratch' }], containers: [c('a', { volumeMounts: [{ name: 'scratch', mountPath: '/tmp' }] })] }), 'SC-API-015')).toEqual([]);
  });
  test('GIVEN a pod without optional fields THEN not applicable', () => {
    expect(findings(pod({ containers: [c('a')] }), 'SC-API-015')).toEqual([]);
  });
});

describe('SC-API-016 workload-fields', () => {
  test('GIVEN a Deployment whose selector matches its template THEN compliant', () => {
    expect(findings({ ...deployment({ containers: [c('a')] }), spec: { ...deployment({ containers: [c('a')] }).spec, replicas: 3 } }, 'SC-API-016')).toEqual([]);
  });
  test('fails GIVEN negative replicas, a selector that matches nothing and a Job with a negative backoffLimit', () => {
    const d = deployment({ containers: [c('a')] });
    expect(findings({ ...d, spec: { ...d.spec, replicas: -1, selector: { matchLabels: { app: 'other' } } } }, 'SC-API-016')).toEqual([
      'SC-API-016 spec.replicas: Invalid value: -1: must be greater than or equal to 0. Fix: set replicas to 0 or more',
      'SC-API-016 spec.template.metadata.labels: Invalid value: {"app":"d"}: `selector` does not match template `labels`. Fix: make spec.selector match the pod template\'s labels',
    ]);
    const j = job({ containers: [c('a')] });
    expect(where({ ...j, spec: { ...j.spec, backoffLimit: -2 } }, 'SC-API-016')).toEqual(['error spec.backoffLimit']);
  });
  test('fails GIVEN replicas as a string (plain JavaScript), which the decoder refuses', () => {
    const d = deployment({ containers: [c('a')] });
    expect(where({ ...d, spec: { ...d.spec, replicas: '3' } }, 'SC-API-016')).toEqual(['error spec.replicas']);
  });
  test('GIVEN look-alikes the API server accepts (replicas 0; matchExpressions; a Job without selector, which is generated) THEN compliant', () => {
    const d = deployment({ containers: [c('a')] });
    expect(findings({ ...d, spec: { ...d.spec, replicas: 0, selector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['d', 'e'] }] } } }, 'SC-API-016')).toEqual([]);
    expect(findings(job({ containers: [c('a')] }), 'SC-API-016')).toEqual([]);
  });
  test('GIVEN a bare Pod THEN not applicable', () => {
    expect(findings(pod({ containers: [c('a')] }), 'SC-API-016')).toEqual([]);
  });
});

describe('SC-API-017 api-server-warnings', () => {
  test('GIVEN a pod the API server has nothing to say about THEN compliant', () => {
    expect(findings(pod({ containers: [c('a', { env: [{ name: 'A', value: '1' }, { name: 'A', value: '$(A):2' }] })] }), 'SC-API-017')).toEqual([]);
  });
  test('GIVEN a negative grace period, a deprecated node label and a fractional memory request THEN the API server\'s warnings, as warnings', () => {
    expect(findings(pod({ terminationGracePeriodSeconds: -1, nodeSelector: { 'beta.kubernetes.io/os': 'linux' }, containers: [c('a', { resources: { requests: { memory: '1.5' } } })] }), 'SC-API-017', NONE)).toEqual([
      'SC-API-017 spec.nodeSelector[beta.kubernetes.io/os]: Warning: deprecated since v1.14; use "kubernetes.io/os" instead. Fix: select on kubernetes.io/os instead',
      'SC-API-017 spec.containers[0].resources.requests[memory]: Warning: fractional byte value "1500m" is invalid, must be an integer. Fix: give requests.memory in whole bytes (e.g. "128Mi")',
      'SC-API-017 spec.terminationGracePeriodSeconds: Warning: must be >= 0; negative values are invalid and will be treated as 1. Fix: set terminationGracePeriodSeconds to 0 or more (the default is 30)',
    ]);
    expect(where(pod({ terminationGracePeriodSeconds: -1, containers: [c('a')] }), 'SC-API-017')).toEqual(['warning spec.terminationGracePeriodSeconds']);
  });
  test('GIVEN an env var defined twice so that apply may drop one THEN the warning; a redefinition that uses the first is fine', () => {
    expect(where(pod({ containers: [c('a', { env: [{ name: 'A', value: '1' }, { name: 'A', value: '2' }] })] }), 'SC-API-017')).toEqual(['warning spec.containers[0].env[1]']);
  });
  test('GIVEN a long env list (searched through a set) THEN the same warnings as a short one: each repeat of an earlier name', () => {
    const env = Array.from({ length: 20 }, (_, i) => ({ name: `V${i}`, value: 'x' }));
    env.push({ name: 'V3', value: 'y' }, { name: 'V3', value: 'z' }, { name: 'V19', value: '$(V19)-more' });
    expect(where(pod({ containers: [c('a', { env })] }), 'SC-API-017')).toEqual(['warning spec.containers[0].env[20]', 'warning spec.containers[0].env[21]']);
  });
  test('GIVEN no fields the API server warns about THEN not applicable', () => {
    expect(findings(pod({ containers: [c('a')] }), 'SC-API-017')).toEqual([]);
  });
});

describe('SC-VERSION-003 served-api-version', () => {
  const d = deployment({ containers: [c('a')] });
  test('GIVEN apps/v1 THEN compliant', () => {
    expect(findings(d, 'SC-VERSION-003')).toEqual([]);
  });
  test('fails GIVEN an extensions/v1beta1 Deployment and a batch/v1beta1 CronJob at 1.25', () => {
    expect(findings({ ...d, apiVersion: 'extensions/v1beta1' }, 'SC-VERSION-003')).toEqual([
      'SC-VERSION-003 apiVersion: Unsupported value: "extensions/v1beta1": Deployment extensions/v1beta1 is no longer served (removed in Kubernetes 1.16, target is 1.29); supported values: "apps/v1". Fix: change apiVersion to apps/v1 (check the fields that changed: https://kubernetes.io/docs/reference/using-api/deprecation-guide/)',
    ]);
    const cron = { apiVersion: 'batch/v1beta1', kind: 'CronJob', metadata: { name: 'c' }, spec: { schedule: '@daily', jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [c('a')] } } } } } };
    expect(where(cron, 'SC-VERSION-003', { targetVersion: '1.25' })).toEqual(['error apiVersion']);
    expect(where(cron, 'SC-VERSION-003', { targetVersion: '1.24' })).toEqual([]);
    expect(where({ ...cron, apiVersion: 'batch/v1' }, 'SC-VERSION-003', { targetVersion: '1.20' })).toEqual(['error apiVersion']);
  });
  test('GIVEN a custom resource that happens to be called Deployment THEN not applicable (not a built-in API group)', () => {
    expect(findings({ ...d, apiVersion: 'example.com/v1' }, 'SC-VERSION-003')).toEqual([]);
  });
  test('GIVEN look-alikes the API server serves (batch/v1beta1 CronJob at 1.24; a v1 Pod at any version) THEN compliant', () => {
    expect(findings(pod({ containers: [c('a')] }), 'SC-VERSION-003', { targetVersion: '1.20' })).toEqual([]);
  });
});

describe('SC-API-002 app-container-restart-policy (KEP-5307 gates)', () => {
  const m = pod({ restartPolicy: 'Never', containers: [c('a', { restartPolicy: 'Never', restartPolicyRules: [{ action: 'Restart', exitCodes: { operator: 'In', values: [42] } }] })] });
  test('GIVEN restart rules THEN forbidden before 1.34, gate warnings in 1.34, accepted from 1.35', () => {
    expect(where(m, 'SC-API-002', { targetVersion: '1.33' })).toEqual(['error spec.containers[0].restartPolicy', 'error spec.containers[0].restartPolicyRules']);
    expect(where(m, 'SC-API-002', { targetVersion: '1.34' })).toEqual(['warning spec.containers[0].restartPolicy', 'warning spec.containers[0].restartPolicyRules']);
    expect(where(m, 'SC-API-002', { targetVersion: '1.35' })).toEqual([]);
  });
  test('fails GIVEN rules without an explicit restartPolicy and an unknown action at 1.35', () => {
    const bad = pod({ containers: [c('a', { restartPolicyRules: [{ action: 'Ignore', exitCodes: { operator: 'Equals', values: [1] } }] })] });
    expect(findings(bad, 'SC-API-002', { targetVersion: '1.35' }).map((f) => f.split(': ').slice(0, 2).join(': '))).toEqual([
      'SC-API-002 spec.containers[0].restartPolicy: Required value',
      'SC-API-002 spec.containers[0].restartPolicyRules[0].action: Unsupported value',
      'SC-API-002 spec.containers[0].restartPolicyRules[0].exitCodes.operator: Unsupported value',
    ]);
  });
});

describe('the API server\'s verdict per workload kind', () => {
  test('GIVEN a StatefulSet, DaemonSet and ReplicaSet whose pods restart Never THEN each is rejected at its template', () => {
    const tpl = { metadata: { labels: { app: 'x' } }, spec: { restartPolicy: 'Never', containers: [c('a')] } };
    for (const kind of ['StatefulSet', 'DaemonSet', 'ReplicaSet']) {
      const m = { apiVersion: 'apps/v1', kind, metadata: { name: 'x' }, spec: { selector: { matchLabels: { app: 'x' } }, template: tpl } };
      expect({ kind, found: where(m, 'SC-API-011', NONE) }).toEqual({ kind, found: ['error spec.template.spec.restartPolicy'] });
    }
  });
  test('GIVEN a StatefulSet\'s template THEN it is validated as the pod its controller creates (a pod error surfaces on the template)', () => {
    const sts = { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'x' }, spec: { selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'x' } }, spec: { containers: [c('a', { image: '' })] } } } };
    expect(where(sts, 'SC-API-012')).toEqual(['error spec.template.spec.containers[0].image']);
  });
});

describe('values of the wrong JSON type (plain JavaScript, hand-written YAML)', () => {
  test('GIVEN objects where strings and numbers belong, even with a toString key THEN findings, never an internal error', () => {
    const weird = { toString: 0 };
    const manifest = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', annotations: {} },
      spec: {
        nodeSelector: { toString: 'x', constructor: 'y' },
        topologySpreadConstraints: [{ topologyKey: weird, labelSelector: {} }],
        initContainers: [{ name: 'i', image: 'i', ports: [{ containerPort: {}, name: 'http', hostPort: 0, hostIP: weird }, { containerPort: {}, name: 'http', hostPort: weird, protocol: weird }] }],
        containers: [{ name: weird, image: 'a', env: [{ name: weird, value: weird }, { name: weird, value: 'x' }], ports: [{ containerPort: weird, protocol: weird }, { containerPort: weird, protocol: weird }] }],
      },
    };
    const all = findings(manifest, 'SC-API-012', NONE).concat(findings(manifest, 'SC-API-017', NONE), findings(manifest, 'SC-PORT-001', NONE), findings(manifest, 'SC-PORT-003', NONE));
    expect(all.length).toBeGreaterThan(0);
    expect(all.filter((f) => f.includes('Internal error'))).toEqual([]);
  });
});
