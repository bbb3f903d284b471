import { c, deployment, execProbe, findings, job, pod, sidecar, where } from './helpers';
import { Annotations } from '../../src/engine/annotations';
import { KubernetesVersion } from '../../src/engine/kubernetes-version';
import { LifecyclePlan } from '../../src/lifecycle/lifecycle-plan';
import { PodSecurityLevel } from '../../src/rules/pod-security-level';

const needs = (relation: any) => ({ name: 'p', annotations: { [Annotations.NEEDS_READY]: JSON.stringify(relation) } });
const after = (relation: any) => ({ name: 'p', annotations: { [Annotations.START_AFTER]: JSON.stringify(relation) } });

describe('SC-ORDER-001 needs-ready-order', () => {
  test('GIVEN an init step that needs a sidecar declared before it THEN compliant', () => {
    expect(findings(pod({ initContainers: [sidecar('proxy'), c('migrate')], containers: [c('a')] }, needs({ migrate: ['proxy'] })), 'SC-ORDER-001')).toEqual([]);
  });
  test('fails GIVEN an init step that needs a sidecar declared after it', () => {
    expect(findings(pod({ initContainers: [c('migrate'), sidecar('proxy')], containers: [c('a')] }, needs({ migrate: ['proxy'] })), 'SC-ORDER-001')).toEqual([
      'SC-ORDER-001 spec.initContainers[0]: Forbidden: init container "migrate" needs sidecar "proxy" ready, but "proxy" is declared after it (spec.initContainers[1]) and only starts once "migrate" has completed. Fix: move "proxy" before "migrate" in initContainers',
    ]);
  });
  test('fails GIVEN an app container that needs a regular init container ready', () => {
    expect(where(pod({ initContainers: [c('setup')], containers: [c('a')] }, needs({ a: ['setup'] })), 'SC-ORDER-001')).toEqual(['error spec.containers[0]']);
  });
  test('GIVEN no declarations THEN not applicable', () => {
    expect(findings(pod({ initContainers: [c('migrate'), sidecar('proxy')], containers: [c('a')] }), 'SC-ORDER-001')).toEqual([]);
  });
});

describe('SC-ORDER-002 start-after-order', () => {
  test('GIVEN a step that starts after an earlier one THEN compliant', () => {
    expect(findings(pod({ initContainers: [c('fetch'), sidecar('proxy')], containers: [c('a')] }, after({ proxy: ['fetch'], a: ['fetch'] })), 'SC-ORDER-002')).toEqual([]);
  });
  test('fails GIVEN a sidecar declared to start after a later init step', () => {
    expect(findings(pod({ initContainers: [sidecar('proxy'), c('fetch')], containers: [c('a')] }, after({ proxy: ['fetch'] })), 'SC-ORDER-002')).toEqual([
      'SC-ORDER-002 spec.initContainers[0]: Forbidden: "proxy" is declared to start after "fetch", but "fetch" is declared after it (spec.initContainers[1]). Fix: move "fetch" before "proxy" in initContainers',
    ]);
  });
  test('GIVEN no declarations THEN not applicable', () => {
    expect(findings(pod({ initContainers: [sidecar('proxy'), c('fetch')], containers: [c('a')] }), 'SC-ORDER-002')).toEqual([]);
  });
});

describe('SC-ORDER-003 sidecar-termination-order', () => {
  test('GIVEN a log shipper declared after the proxy it uses THEN compliant', () => {
    expect(findings(pod({ initContainers: [sidecar('proxy'), sidecar('logs')], containers: [c('a')] }, needs({ logs: ['proxy'] })), 'SC-ORDER-003')).toEqual([]);
  });
  test('fails GIVEN a log shipper declared before the proxy it uses', () => {
    expect(findings(pod({ initContainers: [sidecar('logs'), sidecar('proxy')], containers: [c('a')] }, needs({ logs: ['proxy'] })), 'SC-ORDER-003')).toEqual([
      'SC-ORDER-003 spec.initContainers[0]: Forbidden: sidecar "logs" uses sidecar "proxy", which is declared after it (spec.initContainers[1]): "proxy" starts after "logs" and is stopped before it. Fix: move "proxy" before "logs" in initContainers',
    ]);
  });
  test('GIVEN an app container that needs a sidecar THEN not applicable', () => {
    expect(findings(pod({ initContainers: [sidecar('proxy')], containers: [c('a')] }, needs({ a: ['proxy'] })), 'SC-ORDER-003')).toEqual([]);
  });
});

describe('SC-STARTUP-001 sidecar-startup-probe', () => {
  test('GIVEN a needed sidecar with a startupProbe THEN compliant', () => {
    expect(findings(pod({ initContainers: [sidecar('proxy', { startupProbe: execProbe })], containers: [c('a')] }, needs({ a: ['proxy'] })), 'SC-STARTUP-001')).toEqual([]);
  });
  test('GIVEN a needed sidecar without a startupProbe THEN a warning', () => {
    expect(findings(pod({ initContainers: [sidecar('proxy')], containers: [c('a')] }, needs({ a: ['proxy'] })), 'SC-STARTUP-001')).toEqual([
      'SC-STARTUP-001 spec.initContainers[0].startupProbe: Recommended value: sidecar "proxy" is needed ready by "a" but has no startupProbe, so the next container starts as soon as its process runs. Fix: add a startupProbe to "proxy" that succeeds once it serves (e.g. tcpSocket on its port)',
    ]);
    expect(where(pod({ initContainers: [sidecar('proxy')], containers: [c('a')] }, needs({ a: ['proxy'] })), 'SC-STARTUP-001')).toEqual(['warning spec.initContainers[0].startupProbe']);
  });
  test('GIVEN a sidecar nobody needs THEN not applicable', () => {
    expect(findings(pod({ initContainers: [sidecar('proxy')], containers: [c('a')] }), 'SC-STARTUP-001')).toEqual([]);
  });
});

describe('SC-READINESS-001 sidecar-readiness-probe', () => {
  test('GIVEN a sidecar without readinessProbe THEN compliant', () => {
    expect(findings(deployment({ initContainers: [sidecar('s')], containers: [c('a')] }), 'SC-READINESS-001')).toEqual([]);
  });
  test('GIVEN a sidecar readinessProbe THEN a warning in a Deployment and info in a Job', () => {
    const spec = { initContainers: [sidecar('s', { readinessProbe: execProbe })], containers: [c('a')] };
    expect(where(deployment(spec), 'SC-READINESS-001')).toEqual(['warning spec.template.spec.initContainers[0].readinessProbe']);
    expect(where(job(spec), 'SC-READINESS-001')).toEqual(['info spec.template.spec.initContainers[0].readinessProbe']);
  });
  test('GIVEN a readinessProbe on an app container THEN not applicable', () => {
    expect(findings(deployment({ containers: [c('a', { readinessProbe: execProbe })] }), 'SC-READINESS-001')).toEqual([]);
  });
});

describe('SC-JOB-001 legacy-sidecar-in-job', () => {
  test('GIVEN a Job with a native sidecar THEN compliant', () => {
    expect(findings(job({ initContainers: [sidecar('envoy', { image: 'envoyproxy/envoy:v1.30' })], containers: [c('main')] }), 'SC-JOB-001')).toEqual([]);
  });
  test.each([
    ['tail -F', { command: ['sh', '-c', 'tail -F /var/log/app.log'] }, 'its command runs tail -f'],
    ['sleep infinity', { command: ['sleep', 'infinity'] }, 'its command runs sleep infinity'],
    ['while true', { args: ['while true; do sleep 1; done'] }, 'its command runs while true'],
    ['Istio proxy', { image: 'docker.io/istio/proxyv2:1.22.0' }, 'its image "docker.io/istio/proxyv2:1.22.0" is an Istio proxy'],
    ['Cloud SQL proxy', { image: 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.0' }, 'its image "gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.0" is a Cloud SQL proxy'],
    ['Fluent Bit', { image: 'fluent/fluent-bit@sha256:abc' }, 'its image "fluent/fluent-bit@sha256:abc" is a Fluent Bit'],
  ])('fails GIVEN a Job with a regular helper container (%s)', (_n, extra, reason) => {
    expect(findings(job({ containers: [c('main'), c('helper', extra)] }), 'SC-JOB-001')).toEqual([
      `SC-JOB-001 spec.template.spec.containers[1]: Forbidden: container "helper" looks long-running (${reason}); as a regular container of a Job it keeps the pod running and the Job never completes. Fix: move "helper" to initContainers with restartPolicy: Always to make it a native sidecar (\`cdk8s-sidecars migrate\` does this)`,
    ]);
  });
  test('GIVEN a Deployment with a tail -F container, or a single-container Job THEN not applicable', () => {
    expect(findings(deployment({ containers: [c('main'), c('logs', { command: ['tail', '-F', '/x'] })] }), 'SC-JOB-001')).toEqual([]);
    expect(findings(job({ containers: [c('main', { command: ['sleep', 'infinity'] })] }), 'SC-JOB-001')).toEqual([]);
  });
});

describe('SC-PORT-001 duplicate-container-port', () => {
  test('GIVEN distinct ports, or the same port on another protocol THEN compliant', () => {
    expect(findings(pod({ containers: [c('a', { ports: [{ containerPort: 8080 }] }), c('b', { ports: [{ containerPort: 8080, protocol: 'UDP' }] })] }), 'SC-PORT-001')).toEqual([]);
  });
  test('GIVEN two app containers on 8080 THEN the API server\'s warning, with its field path and text (the pod is accepted)', () => {
    expect(findings(deployment({ containers: [c('a', { ports: [{ containerPort: 8080 }] }), c('b', { ports: [{ containerPort: 8080 }] })] }), 'SC-PORT-001')).toEqual([
      'SC-PORT-001 spec.template.spec.containers[1].ports[0]: Warning: duplicate port definition with spec.template.spec.containers[0].ports[0]. Fix: remove one of the two definitions of containerPort 8080/TCP, or give one container another port',
    ]);
    expect(where(deployment({ containers: [c('a', { ports: [{ containerPort: 8080 }] }), c('b', { ports: [{ containerPort: 8080 }] })] }), 'SC-PORT-001')).toEqual(['warning spec.template.spec.containers[1].ports[0]']);
  });
  test('GIVEN three definitions of one port among others THEN each is compared with every earlier one of the same port and protocol', () => {
    const three = pod({ containers: [c('a', { ports: [{ containerPort: 8080 }, { containerPort: 53, protocol: 'UDP' }] }), c('b', { ports: [{ containerPort: 53 }, { containerPort: 8080 }] }), c('d', { ports: [{ containerPort: 8080 }] })] });
    expect(where(three, 'SC-PORT-001')).toEqual(['warning spec.containers[1].ports[1]', 'warning spec.containers[2].ports[0]', 'warning spec.containers[2].ports[0]']);
    expect(findings(three, 'SC-PORT-001')[2]).toContain('duplicate port definition with spec.containers[1].ports[1]');
  });
  test('GIVEN a hostPort on one definition only THEN "overlapping"; hostIP on one side only THEN "dangerously ambiguous"', () => {
    expect(findings(pod({ containers: [c('a', { ports: [{ containerPort: 80, hostPort: 80 }] }), c('b', { ports: [{ containerPort: 80 }] })] }), 'SC-PORT-001', { podSecurity: PodSecurityLevel.NONE }))
      .toEqual([expect.stringContaining('spec.containers[1].ports[0]: Warning: overlapping port definition with spec.containers[0].ports[0]')]);
    expect(findings(pod({ containers: [c('a', { ports: [{ containerPort: 80, hostPort: 80, hostIP: '10.0.0.1' }] }), c('b', { ports: [{ containerPort: 80, hostPort: 80 }] })] }), 'SC-PORT-001', { podSecurity: PodSecurityLevel.NONE }))
      .toEqual([expect.stringContaining('Warning: dangerously ambiguous port definition with spec.containers[0].ports[0]')]);
  });
  test('GIVEN a regular init container on the port of a sidecar, or two init containers on one port THEN the warning too (the API server does not look at when they run)', () => {
    expect(where(pod({ initContainers: [sidecar('s', { ports: [{ containerPort: 9000 }] }), c('i', { ports: [{ containerPort: 9000 }] })], containers: [c('a')] }), 'SC-PORT-001')).toEqual(['warning spec.initContainers[1].ports[0]']);
    expect(where(pod({ initContainers: [c('i', { ports: [{ containerPort: 9000 }] }), c('j', { ports: [{ containerPort: 9000 }] })], containers: [c('a')] }), 'SC-PORT-001')).toEqual(['warning spec.initContainers[1].ports[0]']);
  });
  test('GIVEN no ports THEN not applicable', () => {
    expect(findings(pod({ containers: [c('a'), c('b')] }), 'SC-PORT-001')).toEqual([]);
  });
});

describe('SC-PORT-002 duplicate-port-name', () => {
  test('GIVEN unique port names THEN compliant', () => {
    expect(findings(pod({ containers: [c('a', { ports: [{ name: 'http', containerPort: 80 }] }), c('b', { ports: [{ name: 'metrics', containerPort: 90 }] })] }), 'SC-PORT-002')).toEqual([]);
  });
  test('GIVEN a port name reused by a sidecar THEN a warning; twice in one container THEN an error', () => {
    expect(where(pod({ initContainers: [sidecar('s', { ports: [{ name: 'http', containerPort: 81 }] })], containers: [c('a', { ports: [{ name: 'http', containerPort: 80 }, { name: 'http', containerPort: 82 }] })] }), 'SC-PORT-002'))
      .toEqual(['error spec.containers[0].ports[1].name', 'warning spec.containers[0].ports[0].name']); // most serious first
  });
  test('GIVEN unnamed ports THEN not applicable', () => {
    expect(findings(pod({ containers: [c('a', { ports: [{ containerPort: 80 }] })] }), 'SC-PORT-002')).toEqual([]);
  });
});

describe('SC-PORT-003 host-port-conflict', () => {
  test('GIVEN distinct hostPorts THEN compliant', () => {
    expect(findings(pod({ containers: [c('a', { ports: [{ containerPort: 80, hostPort: 80 }] }), c('b', { ports: [{ containerPort: 81, hostPort: 81 }] })] }), 'SC-PORT-003', { podSecurity: PodSecurityLevel.NONE })).toEqual([]);
  });
  test('fails GIVEN a sidecar binding the hostPort of an app container', () => {
    expect(findings(pod({ initContainers: [sidecar('s', { ports: [{ containerPort: 81, hostPort: 80 }] })], containers: [c('a', { ports: [{ containerPort: 80, hostPort: 80 }] })] }), 'SC-PORT-003')).toEqual([
      'SC-PORT-003 spec.containers[0].ports[0].hostPort: Duplicate value: "80/TCP": already bound by spec.initContainers[0].ports[0], and a sidecar runs at the same time as the other container. Fix: use another hostPort, or drop hostPort and expose the port through a Service',
    ]);
  });
  test('fails GIVEN two app containers on one hostPort, as the API server does (checkHostPortConflicts: protocol/hostIP/port)', () => {
    expect(findings(pod({ containers: [c('a', { ports: [{ containerPort: 80, hostPort: 80 }] }), c('b', { ports: [{ containerPort: 81, hostPort: 80 }] })] }), 'SC-PORT-003', { podSecurity: PodSecurityLevel.NONE })).toEqual([
      'SC-PORT-003 spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//80". Fix: use another hostPort, or drop hostPort and expose the port through a Service',
    ]);
  });
  test('GIVEN look-alikes the API server accepts (one hostPort on TCP and UDP; two regular init containers, which run one after the other) THEN compliant', () => {
    expect(findings(pod({ containers: [c('a', { ports: [{ containerPort: 80, hostPort: 80 }, { containerPort: 80, hostPort: 80, protocol: 'UDP' }] })] }), 'SC-PORT-003', { podSecurity: PodSecurityLevel.NONE })).toEqual([]);
    expect(findings(pod({ initContainers: [c('i', { ports: [{ containerPort: 80, hostPort: 80 }] }), c('j', { ports: [{ containerPort: 80, hostPort: 80 }] })], containers: [c('a')] }), 'SC-PORT-003', { podSecurity: PodSecurityLevel.NONE })).toEqual([]);
  });
  test('GIVEN no hostPort THEN not applicable', () => {
    expect(findings(pod({ containers: [c('a', { ports: [{ containerPort: 80 }] })] }), 'SC-PORT-003')).toEqual([]);
  });
});

describe('SC-TERMINATION-001 termination-budget', () => {
  const shutdown = (v: any) => ({ name: 'p', annotations: { [Annotations.SHUTDOWN_SECONDS]: JSON.stringify(v) } });
  const preStop = (s: number) => ({ lifecycle: { preStop: { exec: { command: ['sh', '-c', `sleep ${s}`] } } } });
  test('GIVEN 10s preStop plus 5s + 10s of sidecars within the default 30s THEN compliant', () => {
    expect(findings(pod({ initContainers: [sidecar('p1'), sidecar('p2')], containers: [c('a', preStop(10))] }, shutdown({ p1: 5, p2: 10 })), 'SC-TERMINATION-001')).toEqual([]);
  });
  test('GIVEN 20s preStop plus 10s + 5s of sidecars over the default 30s THEN a warning', () => {
    expect(findings(pod({ initContainers: [sidecar('p1'), sidecar('p2')], containers: [c('a', preStop(20))] }, shutdown({ p1: 10, p2: 5 })), 'SC-TERMINATION-001')).toEqual([
      'SC-TERMINATION-001 spec.terminationGracePeriodSeconds: Not recommended: 30: shutdown needs 35s (unset: 30 by default): app containers exit at 20s ("a"), then sidecars in reverse order: "p2" 20s-25s, "p1" 25s-35s; what still runs at 30s is SIGKILLed. Fix: set terminationGracePeriodSeconds to at least 35, or shorten the preStop sleep or the sidecars\' shutdown',
    ]);
  });
  test('GIVEN the sleep action and an explicit grace period THEN it is used', () => {
    expect(where(pod({ terminationGracePeriodSeconds: 10, initContainers: [sidecar('p1')], containers: [c('a', { lifecycle: { preStop: { sleep: { seconds: 8 } } } })] }, shutdown({ p1: 3 })), 'SC-TERMINATION-001')).toEqual(['warning spec.terminationGracePeriodSeconds']);
  });
  test('GIVEN no sidecar shutdown declared THEN not applicable', () => {
    expect(findings(pod({ initContainers: [sidecar('p1')], containers: [c('a', preStop(60))] }), 'SC-TERMINATION-001')).toEqual([]);
  });

  // Issue 12 defect: lint summed every sidecar's preStop and shutdown (10 + 20 + 5 + 10 = 45 s) where the
  // lifecycle plan, like the kubelet's killContainer, starts every preStop hook when termination begins (40 s).
  const overlapping = (grace: number) => pod({
    terminationGracePeriodSeconds: grace,
    initContainers: [sidecar('a', preStop(5)), sidecar('b')],
    containers: [c('app', preStop(10))],
  }, shutdown({ a: 10, b: 20 }));
  test('GIVEN a sidecar preStop that overlaps the app shutdown WHEN the grace period is 42s THEN no warning: the rule needs 40s, as the lifecycle plan does (was 45s)', () => {
    expect(LifecyclePlan.of(overlapping(42)).grace.neededSeconds).toBe(40);
    expect(findings(overlapping(42), 'SC-TERMINATION-001')).toEqual([]);
  });
  test('GIVEN the same pod with 38s THEN the warning and the lifecycle plan both say 40s', () => {
    expect(LifecyclePlan.of(overlapping(38)).grace.neededSeconds).toBe(40);
    expect(findings(overlapping(38), 'SC-TERMINATION-001')).toEqual([
      'SC-TERMINATION-001 spec.terminationGracePeriodSeconds: Not recommended: 38: shutdown needs 40s: app containers exit at 10s ("app"), then sidecars in reverse order: "b" 10s-30s, "a" 30s-40s; what still runs at 38s is SIGKILLed. ' +
      'Fix: set terminationGracePeriodSeconds to at least 40, or shorten the preStop sleep or the sidecars\' shutdown',
    ]);
  });
  test('GIVEN target 1.28 (termination not ordered) THEN the budget is the slowest container, as in the lifecycle plan', () => {
    const m = overlapping(18);
    expect(LifecyclePlan.of(m, { targetVersion: KubernetesVersion.of('1.28') }).grace.neededSeconds).toBe(20);
    expect(where(m, 'SC-TERMINATION-001', { targetVersion: '1.28' })).toEqual(['warning spec.terminationGracePeriodSeconds']);
    expect(where(overlapping(20), 'SC-TERMINATION-001', { targetVersion: '1.28' })).toEqual([]);
  });
});

describe('SC-VERSION-001 native-sidecar-version', () => {
  const spec = { initContainers: [sidecar('s')], containers: [c('a')] };
  test('GIVEN a sidecar at 1.29 THEN compliant', () => {
    expect(findings(pod(spec), 'SC-VERSION-001')).toEqual([]);
  });
  test('fails GIVEN a sidecar at 1.27', () => {
    expect(findings(pod(spec), 'SC-VERSION-001', { targetVersion: '1.27' })).toEqual([
      'SC-VERSION-001 spec.initContainers[0].restartPolicy: Forbidden: native sidecars do not exist before Kubernetes 1.28 (target is 1.27): "s" would run as a regular init container that never exits. Fix: target Kubernetes 1.29 or later, or run "s" as a regular container ' +
      '(with cdk8s-sidecars workloads: sidecarMode AUTO, LEGACY or UNIVERSAL)',
    ]);
  });
  test('GIVEN a sidecar at 1.28 THEN a warning', () => {
    expect(where(pod(spec), 'SC-VERSION-001', { targetVersion: 'v1.28.4' })).toEqual(['warning spec.initContainers[0].restartPolicy']);
  });
  test('GIVEN no sidecar at 1.20 THEN not applicable', () => {
    expect(findings(pod({ containers: [c('a')] }), 'SC-VERSION-001', { targetVersion: '1.20' })).toEqual([]);
  });
});

describe('SC-VERSION-002 pod-level-resources-version', () => {
  const spec = { resources: { limits: { cpu: '1' } }, containers: [c('a')] };
  test.each([['1.31', ['error spec.resources']], ['1.32', ['warning spec.resources']], ['1.33', ['warning spec.resources']], ['1.34', []]])('GIVEN pod-level resources at %s THEN %j', (v, expected) => {
    expect(where(pod(spec), 'SC-VERSION-002', { targetVersion: v })).toEqual(expected);
  });
  test('GIVEN no pod-level resources THEN not applicable', () => {
    expect(findings(pod({ containers: [c('a')] }), 'SC-VERSION-002', { targetVersion: '1.20' })).toEqual([]);
  });
});

describe('SC-PSS-001 pod-security-baseline', () => {
  test('GIVEN a plain pod THEN compliant', () => {
    expect(findings(pod({ initContainers: [sidecar('s')], containers: [c('a')] }), 'SC-PSS-001')).toEqual([]);
  });
  test('fails GIVEN a privileged sidecar with an extra capability and a hostPath volume', () => {
    expect(findings(pod({ volumes: [{ name: 'h', hostPath: { path: '/' } }], initContainers: [sidecar('s', { securityContext: { privileged: true, capabilities: { add: ['SYS_ADMIN', 'CHOWN'] } } })], containers: [c('a')] }), 'SC-PSS-001')).toEqual([
      'SC-PSS-001 spec.volumes[0].hostPath: Forbidden: hostPath volume "h" (Pod Security "baseline"). Fix: use an emptyDir, configMap, secret or persistentVolumeClaim volume instead',
      'SC-PSS-001 spec.initContainers[0].securityContext.privileged: Forbidden: container "s" is privileged (Pod Security "baseline"). Fix: remove privileged: true from container "s"',
      'SC-PSS-001 spec.initContainers[0].securityContext.capabilities.add[0]: Forbidden: container "s" adds capability "SYS_ADMIN" (Pod Security "baseline"). Fix: remove "SYS_ADMIN"; baseline allows only AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT',
    ]);
  });
  test('fails GIVEN host namespaces, an unsafe sysctl, Unconfined seccomp, procMount and an ephemeral hostPort', () => {
    expect(where(pod({ hostNetwork: true, securityContext: { sysctls: [{ name: 'kernel.msgmax', value: '1' }], seccompProfile: { type: 'Unconfined' } }, containers: [c('a', { securityContext: { procMount: 'Unmasked', seLinuxOptions: { user: 'root' } } })], ephemeralContainers: [c('e', { ports: [{ containerPort: 1, hostPort: 1 }] })] }), 'SC-PSS-001')).toEqual([
      'error spec.hostNetwork', 'error spec.securityContext.seccompProfile.type', 'error spec.securityContext.sysctls[0].name',
      'error spec.containers[0].securityContext.procMount', 'error spec.containers[0].securityContext.seLinuxOptions.user', 'error spec.ephemeralContainers[0].ports[0].hostPort',
    ]);
  });
  test('GIVEN podSecurity NONE THEN not applicable', () => {
    expect(findings(pod({ hostPID: true, containers: [c('a')] }), 'SC-PSS-001', { podSecurity: PodSecurityLevel.NONE })).toEqual([]);
  });
});

describe('SC-PSS-002 pod-security-restricted', () => {
  const hardened = { securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } } };
  test('GIVEN a hardened pod (non-root and seccomp at pod level) THEN compliant', () => {
    expect(findings(pod({ securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } }, volumes: [{ name: 'd', emptyDir: {} }], initContainers: [sidecar('s', hardened)], containers: [c('a', hardened)] }), 'SC-PSS-002', { podSecurity: PodSecurityLevel.RESTRICTED })).toEqual([]);
  });
  test('fails GIVEN a sidecar without any hardening', () => {
    expect(findings(pod({ securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } }, initContainers: [sidecar('s')], containers: [c('a', hardened)] }), 'SC-PSS-002', { podSecurity: PodSecurityLevel.RESTRICTED })).toEqual([
      'SC-PSS-002 spec.initContainers[0].securityContext.allowPrivilegeEscalation: Required value: container "s" must set allowPrivilegeEscalation: false (Pod Security "restricted"). Fix: set securityContext.allowPrivilegeEscalation: false on container "s"',
      'SC-PSS-002 spec.initContainers[0].securityContext.capabilities.drop: Required value: container "s" must drop ALL capabilities (Pod Security "restricted"). Fix: set securityContext.capabilities.drop: [ALL] on container "s"',
    ]);
  });
  test('fails GIVEN root, no seccomp, an nfs volume and an added capability', () => {
    expect(where(pod({ volumes: [{ name: 'n', nfs: { server: 's', path: '/' } }], containers: [c('a', { securityContext: { runAsUser: 0, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'], add: ['CHOWN'] } } })] }), 'SC-PSS-002', { podSecurity: PodSecurityLevel.RESTRICTED })).toEqual([
      'error spec.volumes[0].nfs', 'error spec.containers[0].securityContext.runAsNonRoot', 'error spec.containers[0].securityContext.runAsUser',
      'error spec.containers[0].securityContext.seccompProfile.type', 'error spec.containers[0].securityContext.capabilities.add[0]',
    ]);
  });
  test('GIVEN the default level (baseline) THEN not applicable', () => {
    expect(findings(pod({ containers: [c('a')] }), 'SC-PSS-002')).toEqual([]);
  });
});

describe('SC-RES-001 sidecar-requests', () => {
  test('GIVEN a sidecar with limits only (requests default to limits) THEN compliant', () => {
    expect(findings(pod({ initContainers: [c('s', { restartPolicy: 'Always', resources: { limits: { cpu: '1', memory: '1Gi' } } })], containers: [c('a')] }), 'SC-RES-001')).toEqual([]);
  });
  test('GIVEN a sidecar without memory request THEN a warning', () => {
    expect(findings(pod({ initContainers: [c('s', { restartPolicy: 'Always', resources: { requests: { cpu: '1' } } })], containers: [c('a')] }), 'SC-RES-001')).toEqual([
      'SC-RES-001 spec.initContainers[0].resources.requests: Recommended value: sidecar "s" has no memory request, so the scheduler reserves nothing for it. Fix: set resources.requests.memory on "s"',
    ]);
  });
  test('GIVEN app containers without requests THEN not applicable', () => {
    expect(findings(pod({ containers: [c('a')] }), 'SC-RES-001')).toEqual([]);
  });
});

describe('SC-ANN-001 annotations-well-formed', () => {
  test('GIVEN well-formed declarations naming real containers THEN compliant', () => {
    expect(findings(pod({ initContainers: [sidecar('s')], containers: [c('a')] }, needs({ a: ['s'] })), 'SC-ANN-001')).toEqual([]);
  });
  test('fails GIVEN invalid JSON and an unknown container', () => {
    const meta = { name: 'p', annotations: { [Annotations.START_AFTER]: '{oops', [Annotations.NEEDS_READY]: '{"a":["ghost"]}' } };
    expect(findings(deployment({ containers: [c('a')] }, meta), 'SC-ANN-001')).toEqual([
      'SC-ANN-001 spec.template.metadata.annotations[cdk8s-sidecars.dev/start-after]: Invalid value: "{oops": not valid JSON. Fix: write a JSON object such as {"app":["proxy"]}',
      'SC-ANN-001 spec.template.metadata.annotations[cdk8s-sidecars.dev/needs-ready]: Not found: "ghost": no container of that name in the pod. Fix: use one of "a"',
    ]);
  });
  test('fails GIVEN a negative shutdown time', () => {
    expect(where(pod({ containers: [c('a')] }, { annotations: { [Annotations.SHUTDOWN_SECONDS]: '{"a":-1}' } }), 'SC-ANN-001')).toEqual(['error metadata.annotations[cdk8s-sidecars.dev/shutdown-seconds]']);
  });
  test('GIVEN no annotations THEN not applicable', () => {
    expect(findings(pod({ containers: [c('a')] }), 'SC-ANN-001')).toEqual([]);
  });
});
