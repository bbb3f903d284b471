import { ContainerRole } from '../../src/engine/container-role';
import { KubernetesVersion } from '../../src/engine/kubernetes-version';
import { LifecyclePlan } from '../../src/lifecycle/lifecycle-plan';

/** The termination sequence of the lifecycle plan (src/lifecycle/plan-shutdown.ts), through LifecyclePlan. */
const pod = (spec: any, shutdownSeconds: Record<string, number> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', annotations: { 'cdk8s-sidecars.dev/shutdown-seconds': JSON.stringify(shutdownSeconds) } },
  spec,
});
const step = (plan: LifecyclePlan, name: string) => plan.shutdown.find((s) => s.container === name)!;

describe('planShutdown', () => {
  describe('survivor "grace 0 with a preStop hook not marked killed" (issue 14)', () => {
    test('GIVEN terminationGracePeriodSeconds 0 and an exec preStop hook (length unknown) THEN the container is marked killed: the kubelet skips the hook', () => {
      const plan = LifecyclePlan.of(pod({
        terminationGracePeriodSeconds: 0,
        containers: [{ name: 'app', lifecycle: { preStop: { exec: { command: ['/bin/drain'] } } } }],
      }));
      expect(step(plan, 'app')).toMatchObject({ hasPreStop: true, preStopSeconds: 0, sigtermAt: 0, sigkillAt: 2, killed: true });
      expect(plan.grace.exceeded).toBe(true);
    });

    test('GIVEN grace 0 and a container without a hook that exits at once THEN it is not killed', () => {
      const plan = LifecyclePlan.of(pod({ terminationGracePeriodSeconds: 0, containers: [{ name: 'app' }] }));
      expect(step(plan, 'app')).toMatchObject({ sigtermAt: 0, killed: false });
      expect(plan.grace.exceeded).toBe(false);
    });
  });

  describe('survivor "-1s to spare in the summary" (issue 14)', () => {
    test('GIVEN a 1 s grace period and an app that needs 2 s after SIGTERM (within the kubelet\'s 2 s minimum) THEN it ends at 2 s with 0 s to spare, never a negative figure', () => {
      const plan = LifecyclePlan.of(pod({ terminationGracePeriodSeconds: 1, containers: [{ name: 'app' }] }, { app: 2 }));
      expect(step(plan, 'app')).toMatchObject({ sigtermAt: 0, sigkillAt: 2, exitsAt: 2, killed: false });
      expect(plan.grace).toMatchObject({ endsAt: 2, exceeded: false });
      expect(plan.grace.summary).toMatch(/\b0s to spare/);
      expect(plan.grace.summary).not.toMatch(/-\d+s to spare/);
    });
  });

  describe('survivor "the 1.28 (unordered) completion plan stopping no sidecar" (issue 14)', () => {
    const job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'j', annotations: {} },
      spec: {
        template: {
          metadata: { annotations: { 'cdk8s-sidecars.dev/shutdown-seconds': '{"proxy":3,"logs":1}' } },
          spec: {
            restartPolicy: 'Never',
            initContainers: [{ name: 'proxy', restartPolicy: 'Always' }, { name: 'logs', restartPolicy: 'Always' }],
            containers: [{ name: 'work' }],
          },
        },
      },
    };

    test('GIVEN a Job with two sidecars on 1.28 WHEN its apps have completed THEN both sidecars are stopped, together (no ordering on 1.28)', () => {
      const completion = LifecyclePlan.of(job, { targetVersion: KubernetesVersion.of('1.28') }).completion!;
      expect(completion.stopSequence.map((s) => [s.container, s.role, s.sigtermAt, s.exitsAt]).sort()).toEqual([
        ['logs', ContainerRole.SIDECAR, 0, 1],
        ['proxy', ContainerRole.SIDECAR, 0, 3],
      ]);
    });

    test('GIVEN the same Job on 1.29 THEN the sidecars are stopped in reverse order, one after the other', () => {
      const completion = LifecyclePlan.of(job, { targetVersion: KubernetesVersion.of('1.29') }).completion!;
      expect(completion.stopSequence.map((s) => [s.container, s.sigtermAt, s.exitsAt])).toEqual([['logs', 0, 1], ['proxy', 1, 4]]);
    });
  });

  test('GIVEN a budget that runs out THEN the summary names whom SIGKILL ends, and when', () => {
    const plan = LifecyclePlan.of(pod({
      terminationGracePeriodSeconds: 10,
      initContainers: [{ name: 'proxy', restartPolicy: 'Always' }],
      containers: [{ name: 'app' }],
    }, { app: 20, proxy: 20 }));
    expect(step(plan, 'app')).toMatchObject({ sigtermAt: 0, sigkillAt: 10, killed: true });
    expect(step(plan, 'proxy')).toMatchObject({ sigtermAt: 10, sigkillAt: 12, killed: true });
    expect(plan.grace.summary).toBe('terminationGracePeriodSeconds 10: the shutdown needs 40s: the budget runs out, SIGKILL ends "app" at 10s, "proxy" at 12s');
  });
});
