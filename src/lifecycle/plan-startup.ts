import { PlanInput, PlannedContainer } from './read-plan-input';
import { StartCondition } from './start-condition';
import { StartupStep } from './startup-step';
import { ContainerRole } from '../engine/container-role';

/**
 * The start sequence, after the kubelet (KEP-753, "Pod lifecycle scenarios with sidecar
 * containers"): each init container starts after the previous init step is done (regular init:
 * exited 0; sidecar: started, i.e. its startupProbe succeeded if it has one); app containers
 * start after the last init step.
 */
export function planStartup(input: PlanInput, notes: string[]): StartupStep[] {
  const init = input.containers.filter((c) => c.role !== ContainerRole.APP);
  const apps = input.containers.filter((c) => c.role === ContainerRole.APP);
  const steps: StartupStep[] = [];
  // An init container that never exits holds every later step: the pod stays in Init.
  let reached = true;
  init.forEach((c, i) => {
    const waitsFor = conditionOf(c);
    steps.push({
      step: i + 1,
      container: c.name,
      role: c.role,
      path: c.path,
      waitsFor,
      waitsForText: !reached ? NEVER_REACHED : c.neverExits !== undefined ? `${CONDITION_TEXT[waitsFor]}: never (it runs until stopped)` : conditionText(waitsFor, c),
      // There is always a next step: a valid pod has at least one app container.
      races: reached && waitsFor === StartCondition.PROCESS_STARTED,
      needsReady: input.needsReady[c.name] ?? [],
      postStartSeconds: c.postStartSeconds,
      reached,
      neverExits: c.neverExits,
    });
    if (c.role === ContainerRole.REGULAR_INIT && c.neverExits !== undefined) reached = false;
  });

  // App containers: SyncPod (pkg/kubelet/kuberuntime/kuberuntime_manager.go, "Step 7: start
  // containers in podContainerChanges.ContainersToStart") starts them one by one in a loop, and
  // startContainer (kuberuntime_container.go, "Step 4: execute the post start hook") runs each
  // postStart hook synchronously. So a container with a postStart hook holds every later one.
  let step = init.length + 1;
  let offset = 0;
  apps.forEach((c, i) => {
    const gates = c.hasPostStart && i < apps.length - 1;
    const waitsFor = gates ? StartCondition.POST_START_COMPLETED : StartCondition.NOTHING;
    steps.push({
      step,
      container: c.name,
      role: c.role,
      path: c.path,
      waitsFor,
      waitsForText: reached ? conditionText(waitsFor, c) : NEVER_REACHED,
      races: false,
      needsReady: input.needsReady[c.name] ?? [],
      postStartSeconds: c.postStartSeconds,
      appStartOffsetSeconds: offset,
      reached,
      neverExits: c.neverExits,
    });
    if (gates) {
      const next = apps[i + 1].name;
      notes.push(`app container "${c.name}" has a postStart hook: the kubelet starts app containers one at a time and runs each hook to completion before starting the next `
        + '(kuberuntime_manager.go SyncPod starts them in a loop; kuberuntime_container.go startContainer runs the hook synchronously), '
        + (c.postStartSeconds !== undefined
          ? `so "${next}" starts at least ${c.postStartSeconds}s after "${c.name}".`
          : `so "${next}" starts only when the hook returns.`));
      step++;
      offset += c.postStartSeconds ?? 0;
    }
  });

  for (const s of steps.filter((x) => x.races)) {
    const next = steps.find((x) => x.step === s.step + 1);
    const who = next && next.role !== ContainerRole.APP ? `"${next.container}" starts` : 'the app containers start';
    notes.push(`"${s.container}" has no startupProbe: ${who} as soon as its process runs, possibly before it is ready. Add a startupProbe that succeeds once it serves.`);
  }
  for (const s of steps.filter((x) => x.role === ContainerRole.SIDECAR && x.waitsFor === StartCondition.POST_START_COMPLETED)) {
    notes.push(`"${s.container}" gates the next step with its postStart hook only: that holds only if the hook blocks until the sidecar is ready. A startupProbe says so explicitly.`);
  }
  checkNeedsReady(steps, input.containers, notes);
  return steps;
}

const NEVER_REACHED = 'never started: the pod stays in Init';

/** The condition in words, with the hook's known duration. */
function conditionText(waitsFor: StartCondition, c: PlannedContainer): string {
  if (waitsFor === StartCondition.POST_START_COMPLETED && c.postStartSeconds !== undefined) {
    return `${CONDITION_TEXT[waitsFor]} (at least ${c.postStartSeconds}s)`;
  }
  return CONDITION_TEXT[waitsFor];
}

/** Declared needs (annotation `needs-ready`) that the start order does not honour become notes. */
function checkNeedsReady(steps: StartupStep[], containers: PlannedContainer[], notes: string[]): void {
  const stepOf = new Map(steps.map((s) => [s.container, s]));
  const byName = new Map(containers.map((c) => [c.name, c]));
  for (const s of steps) {
    for (const target of s.needsReady) {
      const t = stepOf.get(target);
      const tc = byName.get(target);
      if (!t || !tc) continue; // unknown names were rejected while reading
      if (tc.role !== ContainerRole.SIDECAR) {
        notes.push(`"${s.container}" needs "${target}" ready, but "${target}" is not a sidecar: only sidecars (init containers with restartPolicy: Always) are started before others and keep running.`);
      } else if (t.step >= s.step) {
        notes.push(`"${s.container}" needs "${target}" ready, but "${target}" starts later (step ${t.step}, "${s.container}" is step ${s.step}). Declare "${target}" before "${s.container}" in initContainers.`);
      } else if (t.waitsFor === StartCondition.PROCESS_STARTED) {
        // A postStart hook holds the next container until it returns (kuberuntime startContainer runs it
        // synchronously): then the hook decides, e.g. `pilot-agent wait`. Only without either is the note true.
        notes.push(`"${s.container}" needs "${target}" ready, but "${target}" has no startupProbe, so the kubelet only waits for its process to start. Add a startupProbe to "${target}".`);
      }
    }
  }
}

function conditionOf(c: PlannedContainer): StartCondition {
  if (c.role === ContainerRole.REGULAR_INIT) return StartCondition.EXITED_SUCCESSFULLY;
  if (c.hasStartupProbe) return StartCondition.STARTUP_PROBE_SUCCEEDED;
  if (c.hasPostStart) return StartCondition.POST_START_COMPLETED;
  return StartCondition.PROCESS_STARTED;
}

export const CONDITION_TEXT: Record<StartCondition, string> = {
  [StartCondition.EXITED_SUCCESSFULLY]: 'exited with code 0',
  [StartCondition.STARTUP_PROBE_SUCCEEDED]: 'startupProbe succeeded',
  [StartCondition.POST_START_COMPLETED]: 'postStart hook returned',
  [StartCondition.PROCESS_STARTED]: 'process started (no startupProbe: may race)',
  [StartCondition.NOTHING]: 'nothing (app containers start together)',
};
