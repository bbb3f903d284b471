import { loadSeed, withShutdownSeconds } from './seeds';
import { ContainerRole } from '../../src/engine/container-role';
import { KubernetesVersion } from '../../src/engine/kubernetes-version';
import { LifecyclePlan } from '../../src/lifecycle/lifecycle-plan';
import { StartCondition } from '../../src/lifecycle/start-condition';

const SHUTDOWN = 'cdk8s-sidecars.dev/shutdown-seconds';
const NEEDS_READY = 'cdk8s-sidecars.dev/needs-ready';

function pod(spec: any, annotations?: { [key: string]: string }): any {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', ...(annotations ? { annotations } : {}) }, spec };
}

describe('LifecyclePlan: seed 002 order example (order.yaml)', () => {
  test('GIVEN two sidecars and one app WHEN planning THEN the start order is first-sidecar, second-sidecar, app', () => {
    const plan = LifecyclePlan.of(loadSeed('order'));
    expect(plan.startOrder).toEqual(['first-sidecar', 'second-sidecar', 'app']);
    expect(plan.startup.map((s) => [s.step, s.role])).toEqual([[1, ContainerRole.SIDECAR], [2, ContainerRole.SIDECAR], [3, ContainerRole.APP]]);
  });

  test('GIVEN two sidecars and one app WHEN planning THEN the stop order is app, second-sidecar, first-sidecar, each waiting for the previous', () => {
    const plan = LifecyclePlan.of(loadSeed('order'));
    expect(plan.stopOrder).toEqual(['app', 'second-sidecar', 'first-sidecar']);
    expect(plan.shutdown.map((s) => [s.step, s.container, s.waitsFor])).toEqual([
      [1, 'app', []],
      [2, 'second-sidecar', ['app']],
      [3, 'first-sidecar', ['second-sidecar']],
    ]);
  });

  test('GIVEN the 3s each container sleeps after SIGTERM WHEN planning THEN exits are 3s apart as in the seed logs (app, second-sidecar, first-sidecar)', () => {
    const plan = LifecyclePlan.of(withShutdownSeconds(loadSeed('order'), { 'app': 3, 'first-sidecar': 3, 'second-sidecar': 3 }));
    // Seed 002 Log 1: 23:47:31.060 app, 23:47:34.206 second-sidecar, 23:47:37.333 first-sidecar.
    expect(plan.shutdown.map((s) => [s.container, s.sigtermAt, s.exitsAt, s.secondsLeft, s.killed])).toEqual([
      ['app', 0, 3, 30, false],
      ['second-sidecar', 3, 6, 27, false],
      ['first-sidecar', 6, 9, 24, false],
    ]);
    expect(plan.grace).toEqual({
      gracePeriodSeconds: 30,
      defaulted: true,
      ordered: true,
      endsAt: 9,
      neededSeconds: 9,
      exceeded: false,
      summary: 'terminationGracePeriodSeconds 30 (default): the shutdown needs 9s, ends at 9s, 21s to spare',
    });
    expect(plan.completion).toBeUndefined();
  });
});

describe('LifecyclePlan: seed 002 exit example (exit.yaml, restartPolicy Never)', () => {
  test('GIVEN restartPolicy Never WHEN planning THEN the pod completes when the app exits and both sidecars are then stopped in reverse order', () => {
    const plan = LifecyclePlan.of(withShutdownSeconds(loadSeed('exit'), { 'first-sidecar': 3, 'second-sidecar': 3 }));
    expect(plan.completion).toBeDefined();
    const c = plan.completion!;
    expect(c.restartPolicy).toEqual('Never');
    expect(c.decidedBy).toEqual(['app']);
    expect(c.completesWhen).toEqual('the pod completes when the app container "app" has exited (Succeeded if all exit 0, Failed otherwise); sidecars do not hold it');
    expect(c.sidecarsRestartedUntilCompletion).toBe(true);
    // Seed 002 Log 2: app, then second-sidecar 3.9s later, then first-sidecar 3.1s after that.
    expect(c.stopSequence.map((s) => [s.step, s.container, s.waitsFor, s.sigtermAt, s.exitsAt])).toEqual([
      [1, 'second-sidecar', ['app'], 0, 3],
      [2, 'first-sidecar', ['second-sidecar'], 3, 6],
    ]);
    expect(plan.steadyState.running.find((r) => r.container === 'app')!.onExit).toEqual('not restarted (restartPolicy: Never)');
    expect(plan.steadyState.running.find((r) => r.container === 'first-sidecar')!.onExit).toEqual('restarted (sidecars always are)');
  });

  test('GIVEN restartPolicy OnFailure WHEN planning THEN completion waits for exit code 0 of every app container', () => {
    const plan = LifecyclePlan.of(pod({ restartPolicy: 'OnFailure', containers: [{ name: 'a' }, { name: 'b' }], initContainers: [{ name: 's', restartPolicy: 'Always' }] }));
    expect(plan.completion!.completesWhen).toEqual('the pod completes when every app container ("a", "b") has exited with code 0 (failed ones are restarted); sidecars do not hold it');
    expect(plan.completion!.stopSequence.map((s) => s.container)).toEqual(['s']);
  });

  test('GIVEN the Job seed (job-sidecar.yaml) WHEN planning THEN completion is decided by myjob and logshipper is stopped after it', () => {
    const plan = LifecyclePlan.of(loadSeed('job-sidecar'));
    expect(plan.kind).toEqual('Job');
    expect(plan.completion!.decidedBy).toEqual(['myjob']);
    expect(plan.completion!.stopSequence.map((s) => [s.container, s.waitsFor])).toEqual([['logshipper', ['myjob']]]);
    expect(plan.startup[0].path).toEqual('spec.template.spec.initContainers[0]');
  });

  test('GIVEN a Deployment (restartPolicy Always) WHEN planning THEN there is no completion', () => {
    expect(LifecyclePlan.of(loadSeed('deployment-sidecar')).completion).toBeUndefined();
  });
});

describe('LifecyclePlan: seed 003 (secret-fetch.yaml), regular init and sidecar mixed', () => {
  test('GIVEN secret-fetch (regular init) then network-proxy (sidecar, no startupProbe) WHEN planning THEN the gates are exit 0, started (racing), then app', () => {
    const plan = LifecyclePlan.of(loadSeed('secret-fetch'));
    const steps = plan.startup.map((s) => ({
      step: s.step, container: s.container, role: s.role, waitsFor: s.waitsFor, races: s.races, path: s.path,
    }));
    expect(steps).toEqual([
      { step: 1, container: 'secret-fetch', role: ContainerRole.REGULAR_INIT, waitsFor: StartCondition.EXITED_SUCCESSFULLY, races: false, path: 'spec.initContainers[0]' },
      { step: 2, container: 'network-proxy', role: ContainerRole.SIDECAR, waitsFor: StartCondition.PROCESS_STARTED, races: true, path: 'spec.initContainers[1]' },
      { step: 3, container: 'app', role: ContainerRole.APP, waitsFor: StartCondition.NOTHING, races: false, path: 'spec.containers[0]' },
    ]);
    expect(plan.notes).toContain('"network-proxy" has no startupProbe: the app containers start as soon as its process runs, possibly before it is ready. Add a startupProbe that succeeds once it serves.');
  });

  test('GIVEN secret-fetch WHEN planning THEN it neither runs in steady state nor takes part in shutdown', () => {
    const plan = LifecyclePlan.of(loadSeed('secret-fetch'));
    expect(plan.steadyState.readinessGates).toEqual(['network-proxy', 'app']);
    expect(plan.stopOrder).toEqual(['app', 'network-proxy']);
  });

  test('GIVEN the sidecar has a startupProbe WHEN planning THEN the app waits for the probe and nothing races', () => {
    const manifest = loadSeed('secret-fetch');
    manifest.spec.initContainers[1].startupProbe = { tcpSocket: { port: 15001 } };
    const plan = LifecyclePlan.of(manifest);
    expect(plan.startup[1].waitsFor).toEqual(StartCondition.STARTUP_PROBE_SUCCEEDED);
    expect(plan.startup[1].waitsForText).toEqual('startupProbe succeeded');
    expect(plan.startup.some((s) => s.races)).toBe(false);
  });

  test('GIVEN a sidecar with only a postStart hook WHEN planning THEN the next step waits for the hook and a note explains the limit', () => {
    const plan = LifecyclePlan.of(pod({ initContainers: [{ name: 'proxy', restartPolicy: 'Always', lifecycle: { postStart: { exec: { command: ['wait-ready'] } } } }], containers: [{ name: 'app' }] }));
    expect(plan.startup[0].waitsFor).toEqual(StartCondition.POST_START_COMPLETED);
    expect(plan.startup[0].races).toBe(false);
    expect(plan.notes).toContain('"proxy" gates the next step with its postStart hook only: that holds only if the hook blocks until the sidecar is ready. A startupProbe says so explicitly.');
  });
});

describe('LifecyclePlan: the grace budget', () => {
  // Hand-computed after KEP-753 "Termination of containers" and the kubelet's killContainer:
  // hooks start at 0; app gets SIGTERM when its hook returns (5s) and needs 5s -> exits 10s;
  // mesh-proxy (hook 2s, done long before) gets SIGTERM at 10s, needs 4s -> 14s;
  // log-shipper gets SIGTERM at 14s with 1s left, raised to the 2s minimum -> SIGKILL at 16s.
  const tight = pod({
    terminationGracePeriodSeconds: 15,
    initContainers: [
      { name: 'migrate-db' },
      { name: 'log-shipper', restartPolicy: 'Always', startupProbe: { exec: { command: ['true'] } } },
      { name: 'mesh-proxy', restartPolicy: 'Always', lifecycle: { preStop: { sleep: { seconds: 2 } } } },
    ],
    containers: [{ name: 'app', lifecycle: { preStop: { sleep: { seconds: 5 } } } }, { name: 'worker' }],
  }, { [SHUTDOWN]: '{"app":5,"mesh-proxy":4,"log-shipper":8}' });

  test('GIVEN a budget too small for the last sidecar WHEN planning THEN SIGKILL lands on it 2s after its late SIGTERM', () => {
    const plan = LifecyclePlan.of(tight);
    expect(plan.shutdown.map((s) => [s.container, s.step, s.preStopSeconds, s.sigtermAt, s.secondsLeft, s.exitsAt, s.sigkillAt, s.killed])).toEqual([
      ['worker', 1, 0, 0, 15, 0, 15, false],
      ['app', 1, 5, 5, 10, 10, 15, false],
      ['mesh-proxy', 2, 2, 10, 5, 14, 15, false],
      ['log-shipper', 3, 0, 14, 2, 16, 16, true],
    ]);
    expect(plan.grace.neededSeconds).toEqual(22);
    expect(plan.grace.exceeded).toBe(true);
    expect(plan.grace.summary).toEqual('terminationGracePeriodSeconds 15: the shutdown needs 22s: the budget runs out, SIGKILL ends "log-shipper" at 16s');
    expect(plan.notes).toContain('"log-shipper" declares 8s but gets SIGTERM at 14s with 2s left: SIGKILL at 16s cuts it short. Raise terminationGracePeriodSeconds or shorten the shutdown.');
    expect(plan.notes).toContain('sidecar "mesh-proxy" runs its preStop hook when termination begins, together with the app containers, not at its turn (KEP-753); only its SIGTERM waits for its turn.');
  });

  test('GIVEN the app alone outlasts the budget WHEN planning THEN sidecars whose turn never came get SIGTERM at the deadline and SIGKILL 2s later', () => {
    const plan = LifecyclePlan.of(pod({
      terminationGracePeriodSeconds: 10,
      initContainers: [{ name: 'a', restartPolicy: 'Always' }, { name: 'b', restartPolicy: 'Always' }],
      containers: [{ name: 'app' }],
    }, { [SHUTDOWN]: '{"app":20,"a":1,"b":1}' }));
    expect(plan.shutdown.map((s) => [s.container, s.sigtermAt, s.exitsAt, s.sigkillAt, s.killed])).toEqual([
      ['app', 0, 10, 10, true],
      ['b', 10, 11, 12, false],
      ['a', 10, 11, 12, false],
    ]);
    expect(plan.notes).toContain('the grace period is spent before "b"\'s turn: it gets SIGTERM at 10s together with whatever still runs, and SIGKILL at 12s.');
  });

  test('GIVEN terminationGracePeriodSeconds 0 WHEN planning THEN hooks are skipped and everything gets SIGTERM at once and SIGKILL at 2s', () => {
    const plan = LifecyclePlan.of(pod({
      terminationGracePeriodSeconds: 0,
      initContainers: [{ name: 's', restartPolicy: 'Always', lifecycle: { preStop: { sleep: { seconds: 3 } } } }],
      containers: [{ name: 'app' }],
    }));
    expect(plan.shutdown.map((s) => [s.container, s.sigtermAt, s.sigkillAt, s.killed])).toEqual([['app', 0, 2, false], ['s', 0, 2, true]]);
    expect(plan.notes).toContain('terminationGracePeriodSeconds is 0: preStop hooks are skipped and every container gets SIGTERM at once, then SIGKILL 2s later (the kubelet\'s minimum).');
  });

  test('GIVEN Kubernetes 1.28 WHEN planning THEN termination is not ordered: sidecars get SIGTERM with the app', () => {
    const plan = LifecyclePlan.of(withShutdownSeconds(loadSeed('order'), { 'app': 3, 'first-sidecar': 3, 'second-sidecar': 3 }), { targetVersion: KubernetesVersion.of('1.28') });
    expect(plan.grace.ordered).toBe(false);
    expect(plan.shutdown.map((s) => [s.container, s.step, s.sigtermAt, s.exitsAt])).toEqual([
      ['app', 1, 0, 3], ['first-sidecar', 1, 0, 3], ['second-sidecar', 1, 0, 3],
    ]);
    expect(plan.notes[0]).toEqual('Kubernetes 1.28: sidecars are alpha (SidecarContainers feature gate, off by default) and termination is not ordered: sidecars get SIGTERM together with the app containers.');
  });

  test('GIVEN Kubernetes 1.27 and a sidecar WHEN planning THEN a note says the pod would hang in Init', () => {
    const plan = LifecyclePlan.of(loadSeed('order'), { targetVersion: KubernetesVersion.of('1.27') });
    expect(plan.notes[0]).toEqual('Kubernetes 1.27 does not know sidecars: the API server drops restartPolicy from init containers, which then never exit and hold the pod in Init. Sidecars need 1.28 (feature gate) or 1.29+.');
  });

  test('GIVEN an exec preStop hook WHEN planning THEN its duration counts as 0s and a note says so', () => {
    const plan = LifecyclePlan.of(pod({ containers: [{ name: 'app', lifecycle: { preStop: { exec: { command: ['drain'] } } } }] }));
    expect(plan.shutdown[0]).toMatchObject({ hasPreStop: true, preStopSeconds: 0, sigtermAt: 0 });
    expect(plan.notes).toEqual(['"app" has a preStop hook whose duration cannot be known (not a sleep): the plan counts it as 0s.']);
  });
});

describe('LifecyclePlan: inputs', () => {
  test('GIVEN a bare pod spec WHEN planning THEN it is planned as a Pod with paths under spec', () => {
    const plan = LifecyclePlan.of({ initContainers: [{ name: 's', restartPolicy: 'Always' }], containers: [{ name: 'app' }] });
    expect(plan.kind).toEqual('Pod');
    expect(plan.name).toEqual('(unnamed)');
    expect(plan.startup.map((s) => s.path)).toEqual(['spec.initContainers[0]', 'spec.containers[0]']);
  });

  test('GIVEN a CronJob WHEN planning THEN paths are under spec.jobTemplate.spec.template.spec and completion is planned', () => {
    const plan = LifecyclePlan.of({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c' }, spec: { jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'job' }] } } } } } });
    expect(plan.startup[0].path).toEqual('spec.jobTemplate.spec.template.spec.containers[0]');
    expect(plan.completion!.decidedBy).toEqual(['job']);
  });

  test('GIVEN needs-ready declarations the order cannot honour WHEN planning THEN each gets a note', () => {
    const plan = LifecyclePlan.of(pod({
      initContainers: [{ name: 'early', restartPolicy: 'Always' }, { name: 'late', restartPolicy: 'Always', startupProbe: { exec: { command: ['true'] } } }, { name: 'setup' }],
      containers: [{ name: 'app' }],
    }, { [NEEDS_READY]: '{"app":["early","setup"],"early":["late"]}' }));
    expect(plan.startup.find((s) => s.container === 'app')!.needsReady).toEqual(['early', 'setup']);
    expect(plan.notes.filter((n) => n.includes('needs'))).toEqual([
      '"early" needs "late" ready, but "late" starts later (step 2, "early" is step 1). Declare "late" before "early" in initContainers.',
      '"app" needs "early" ready, but "early" has no startupProbe, so the kubelet only waits for its process to start. Add a startupProbe to "early".',
      '"app" needs "setup" ready, but "setup" is not a sidecar: only sidecars (init containers with restartPolicy: Always) are started before others and keep running.',
    ]);
  });

  test('throws for a kind that carries no pod', () => {
    expect(() => LifecyclePlan.of({ kind: 'Service', metadata: { name: 'web' } })).toThrow(new Error(
      'cannot plan the lifecycle of Service/web: kind: Unsupported value: "Service": supported values: "Pod", "PodTemplate", "Deployment", "StatefulSet", "ReplicaSet", "ReplicationController", "DaemonSet", "Job", "CronJob". Fix: pass a manifest that runs pods, or its pod spec',
    ));
  });

  test('throws for a Deployment without a pod template', () => {
    expect(() => LifecyclePlan.of({ kind: 'Deployment', metadata: { name: 'd' }, spec: {} })).toThrow(new Error(
      'cannot plan the lifecycle of Deployment/d: spec.template.spec: Required value: a Deployment needs a pod spec (an object). Fix: add the pod spec with its containers',
    ));
  });

  test('throws for input that is neither a manifest nor a pod spec', () => {
    expect(() => LifecyclePlan.of('pod.yaml')).toThrow(new Error(
      'cannot plan the lifecycle of "pod.yaml": expected a pod-bearing manifest (an object with kind "Pod", "PodTemplate", "Deployment", "StatefulSet", "ReplicaSet", "ReplicationController", "DaemonSet", "Job", "CronJob") or a pod spec (an object with containers). Fix: pass a parsed manifest or its pod spec',
    ));
  });

  test('throws once, listing every problem of the pod with its field path and fix', () => {
    const bad = {
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: {
        template: {
          metadata: { annotations: { [SHUTDOWN]: '{"proxy": -1}', [NEEDS_READY]: '{"app":["ghost"]}' } },
          spec: {
            terminationGracePeriodSeconds: 2.5,
            initContainers: [{ name: 'proxy', restartPolicy: 'OnFailure' }, { image: 'x' }],
            containers: [{ name: 'proxy', lifecycle: { preStop: { sleep: { seconds: 'five' } } } }],
          },
        },
      },
    };
    expect(() => LifecyclePlan.of(bad)).toThrow(new Error([
      'cannot plan the lifecycle of Deployment/d, 8 problems:',
      '  spec.template.spec.terminationGracePeriodSeconds: Invalid value: 2.5: must be a non-negative whole number of seconds. Fix: set it to an integer such as 30, or remove it to get the default of 30',
      '  spec.template.spec.initContainers[0].restartPolicy: Unsupported value: "OnFailure": supported values: "Always". Fix: set restartPolicy: Always to make it a sidecar, or remove the field for a regular init container',
      '  spec.template.spec.initContainers[1].name: Required value: every container needs a name. Fix: give the container a unique name',
      '  spec.template.spec.containers[0].name: Duplicate value: "proxy". Fix: give every container (init and app) a unique name',
      '  spec.template.metadata.annotations[cdk8s-sidecars.dev/shutdown-seconds]: Invalid value: "{\\"proxy\\": -1}": "proxy" must be a non-negative number, got -1. Fix: write a JSON object such as {"proxy": 5}',
      '  spec.template.metadata.annotations[cdk8s-sidecars.dev/needs-ready]: Not found: "app" names no container of this pod. Fix: use one of "proxy"',
      '  spec.template.metadata.annotations[cdk8s-sidecars.dev/needs-ready]: Not found: "ghost" names no container of this pod. Fix: use one of "proxy"',
      '  spec.template.spec.containers[0].lifecycle.preStop.sleep.seconds: Invalid value: "five": must be a non-negative whole number of seconds. Fix: set sleep.seconds to an integer such as 5',
    ].join('\n')));
  });

  test('throws for a pod without app containers', () => {
    expect(() => LifecyclePlan.of(pod({ initContainers: [{ name: 'i' }] }))).toThrow(new Error(
      'cannot plan the lifecycle of Pod/p, 1 problem:\n  spec.containers: Required value: a pod needs at least one app container. Fix: add a container under containers',
    ));
  });
});
