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
  init.forEach((c, i) => {
    const waitsFor = conditionOf(c);
    steps.push({
      step: i + 1,
      container: c.name,
      role: c.role,
      path: c.path,
      waitsFor,
      waitsForText: CONDITION_TEXT[waitsFor],
      // There is always a next step: a valid pod has at least one app container.
      races: waitsFor === StartCondition.PROCESS_STARTED,
      needsReady: input.needsReady[c.name] ?? [],
    });
  });
  for (const c of apps) {
    steps.push({
      step: init.length + 1,
      container: c.name,
      role: c.role,
      path: c.path,
      waitsFor: StartCondition.NOTHING,
      waitsForText: CONDITION_TEXT[StartCondition.NOTHING],
      races: false,
      needsReady: input.needsReady[c.name] ?? [],
    });
  }

  for (const s of steps.filter((x) => x.races)) {
    const next = steps.find((x) => x.step === s.step + 1);
    const who = next && next.role !== ContainerRole.APP ? `"${next.container}" starts` : 'the app containers start';
    notes.push(`"${s.container}" has no startupProbe: ${who} as soon as its process runs, possibly before it is ready. Add a startupProbe that succeeds once it serves.`);
  }
  for (const s of steps.filter((x) => x.waitsFor === StartCondition.POST_START_COMPLETED)) {
    notes.push(`"${s.container}" gates the next step with its postStart hook only: that holds only if the hook blocks until the sidecar is ready. A startupProbe says so explicitly.`);
  }
  const appsWithPostStart = apps.slice(0, -1).filter((c) => c.hasPostStart);
  for (const c of appsWithPostStart) {
    notes.push(`app container "${c.name}" has a postStart hook: the kubelet starts app containers one by one and runs each hook before starting the next, so later app containers wait for it.`);
  }
  checkNeedsReady(steps, input.containers, notes);
  return steps;
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
      } else if (t.waitsFor !== StartCondition.STARTUP_PROBE_SUCCEEDED) {
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
