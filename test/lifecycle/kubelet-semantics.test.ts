import { loadSeed, published } from './seeds';
import { ContainerRole } from '../../src/engine/container-role';
import { KubernetesVersion } from '../../src/engine/kubernetes-version';
import { LifecyclePlan } from '../../src/lifecycle/lifecycle-plan';
import { StartCondition } from '../../src/lifecycle/start-condition';

describe('the kubelet starts app containers one at a time and waits for each postStart hook (argo-cd HA redis)', () => {
  const plan = () => LifecyclePlan.of(published('argocd-redis-ha-server.yaml'));

  test('GIVEN sentinel\'s postStart "sleep 30; redis-cli ..." WHEN planning THEN split-brain-fix starts a step later, at least 30s after the first app container', () => {
    expect(plan().startup.map((s) => [s.step, s.container, s.waitsFor, s.waitsForText, s.appStartOffsetSeconds ?? null])).toEqual([
      [1, 'config-init', StartCondition.EXITED_SUCCESSFULLY, 'exited with code 0', null],
      [2, 'redis', StartCondition.NOTHING, 'nothing (app containers start together)', 0],
      [2, 'sentinel', StartCondition.POST_START_COMPLETED, 'postStart hook returned (at least 30s)', 0],
      [3, 'split-brain-fix', StartCondition.NOTHING, 'nothing (app containers start together)', 30],
    ]);
    expect(plan().startup[2].postStartSeconds).toBe(30);
  });

  test('GIVEN the same pod WHEN planning THEN a note names the kubelet code the order follows', () => {
    expect(plan().notes).toContain('app container "sentinel" has a postStart hook: the kubelet starts app containers one at a time and runs each hook to completion before starting the next '
      + '(kuberuntime_manager.go SyncPod starts them in a loop; kuberuntime_container.go startContainer runs the hook synchronously), so "split-brain-fix" starts at least 30s after "sentinel".');
  });

  test('GIVEN the same pod WHEN rendering THEN text, JSON and Mermaid tell the same order', () => {
    const p = plan();
    expect(p.toText()).toContain('  2     sentinel         app   postStart hook returned (at least 30s)   -\n  3     split-brain-fix  app   nothing (app containers start together)  -');
    expect(p.toJson().startup[3]).toMatchObject({ step: 3, container: 'split-brain-fix', appStartOffsetSeconds: 30 });
    const mermaid = p.toMermaid().split('\n');
    const held = mermaid.indexOf('  c3-->>K: postStart hook returned (at least 30s)');
    expect(held).toBeGreaterThan(5);
    expect(mermaid.slice(held - 5, held + 2)).toEqual([
      '  par app containers start together',
      '    K->>c2: start (app)',
      '  and',
      '    K->>c3: start (app)',
      '  end',
      '  c3-->>K: postStart hook returned (at least 30s)',
      '  K->>c4: start (app)',
    ]);
    expect(p.toSvg()).toContain('>postStart 30s+</text>');
  });

  test('GIVEN a postStart hook of unknown duration, or on the last app container THEN the next app waits for it, or nothing waits', () => {
    const pod = (hooks: Array<any | undefined>) => LifecyclePlan.of({ containers: hooks.map((h, i) => ({ name: `c${i}`, ...(h ? { lifecycle: { postStart: h } } : {}) })) });
    expect(pod([{ exec: { command: ['register'] } }, undefined]).startup.map((s) => [s.step, s.waitsForText])).toEqual([
      [1, 'postStart hook returned'], [2, 'nothing (app containers start together)'],
    ]);
    expect(pod([{ sleep: { seconds: 5 } }, { sleep: { seconds: 7 } }, undefined]).startup.map((s) => s.appStartOffsetSeconds)).toEqual([0, 5, 12]);
    expect(pod([undefined, { sleep: { seconds: 5 } }]).startup.map((s) => [s.step, s.waitsFor]))
      .toEqual([[1, StartCondition.NOTHING], [1, StartCondition.NOTHING]]);
  });
});

describe('a legacy proxy in a Job is planned as never exiting', () => {
  const job = () => published('cloud-sql-proxy-job-with-shutdown-hook.yaml');

  test('GIVEN the Cloud SQL proxy example as published (nothing calls /quitquitquit) WHEN planning THEN the Job never completes, with a note', () => {
    const plan = LifecyclePlan.of(job());
    expect(plan.completion).toMatchObject({
      completes: false,
      neverExits: ['cloud-sql-proxy'],
      completesWhen: 'the pod never completes: "cloud-sql-proxy" never exits on its own',
      stopSequence: [],
    });
    expect(plan.notes).toContain('"cloud-sql-proxy" is a regular container that never exits on its own (its image "gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.6.0" is a Cloud SQL proxy): '
      + 'the pod never completes (SC-JOB-001). Make it a native sidecar: move it to initContainers with restartPolicy: Always.');
    expect(plan.toText()).toContain('COMPLETION (restartPolicy: Never)\n  the pod never completes: "cloud-sql-proxy" never exits on its own.\n');
    expect(plan.toMermaid()).not.toContain('alt app containers finish');
    expect(plan.toMermaid()).toContain('Note over K,c2: the pod never completes: "cloud-sql-proxy" never exits on its own');
    expect(plan.toSvg()).toContain('SHUTDOWN (grace 30s)');
  });

  test('GIVEN the app really calls /quitquitquit THEN the Job completes and the note names the protocol', () => {
    const m = job();
    m.spec.template.spec.containers[0].command = ['sh', '-c', 'my_batch_job; curl -X POST http://localhost:9091/quitquitquit'];
    const plan = LifecyclePlan.of(m);
    expect(plan.completion).toMatchObject({ completes: true, neverExits: [] });
    expect(plan.notes).toContain('"cloud-sql-proxy" is a legacy sidecar: "my-application" stops it through the Cloud SQL proxy --quitquitquit protocol, so the pod completes when it exits. '
      + 'A native sidecar (initContainers with restartPolicy: Always) removes the protocol.');
  });

  test('GIVEN the same proxy as a native sidecar (what migrate writes) THEN the Job completes', () => {
    const m = job();
    const [app, proxy] = m.spec.template.spec.containers;
    m.spec.template.spec.containers = [app];
    m.spec.template.spec.initContainers = [{ ...proxy, restartPolicy: 'Always' }];
    expect(LifecyclePlan.of(m).completion).toMatchObject({ completes: true, neverExits: [] });
  });
});

describe('before Kubernetes 1.28 the table agrees with the notes: sidecars are regular init containers that never exit', () => {
  const at127 = (seed: string) => LifecyclePlan.of(loadSeed(seed), { targetVersion: KubernetesVersion.of('1.27') });

  test('GIVEN seed 002 order at 1.27 WHEN planning THEN the first sidecar runs as an init container that never exits and nothing after it starts', () => {
    const plan = at127('order');
    expect(plan.startup.map((s) => [s.container, s.role, s.waitsForText, s.reached])).toEqual([
      ['first-sidecar', ContainerRole.REGULAR_INIT, 'exited with code 0: never (it runs until stopped)', true],
      ['second-sidecar', ContainerRole.REGULAR_INIT, 'never started: the pod stays in Init', false],
      ['app', ContainerRole.APP, 'never started: the pod stays in Init', false],
    ]);
    expect(plan.startup.some((s) => s.races)).toBe(false);
    expect(plan.steadyState.readinessGates).toEqual([]);
    expect(plan.steadyState.readyWhen).toBe('Pod never Ready: it stays in Init, because "first-sidecar" never exits and the containers after it never start');
    expect(plan.shutdown.map((s) => [s.container, s.role, s.sigtermAt])).toEqual([['first-sidecar', ContainerRole.REGULAR_INIT, 0]]);
    expect(plan.notes[0]).toContain('Kubernetes 1.27 does not know sidecars');
  });

  test('GIVEN the exit seed (restartPolicy Never) at 1.27 THEN it never completes; at 1.29 it does', () => {
    expect(at127('exit').completion).toMatchObject({ completes: false, neverExits: ['first-sidecar'], completesWhen: 'the pod never completes: it stays in Init, because "first-sidecar" never exits' });
    expect(LifecyclePlan.of(loadSeed('exit')).completion).toMatchObject({ completes: true, neverExits: [] });
  });

  test('GIVEN 1.27 WHEN rendering THEN text, Mermaid and SVG say the pod stays in Init', () => {
    const plan = at127('order');
    expect(plan.toText()).toContain('  2     second-sidecar  init  never started: the pod stays in Init');
    expect(plan.toMermaid()).toContain('  Note over K,c3: the pod stays in Init: second-sidecar, app never start');
    expect(plan.toMermaid()).not.toContain('K->>c3: start');
    expect(plan.toSvg()).toContain('never started: the pod stays in Init');
  });

  test('GIVEN 1.28 THEN sidecars start as sidecars (feature gate), as before', () => {
    const plan = LifecyclePlan.of(loadSeed('order'), { targetVersion: KubernetesVersion.of('1.28') });
    expect(plan.startup.map((s) => [s.role, s.reached]))
      .toEqual([[ContainerRole.SIDECAR, true], [ContainerRole.SIDECAR, true], [ContainerRole.APP, true]]);
  });
});
