import type { LifecyclePlan } from './lifecycle-plan';
import { ShutdownStep } from './shutdown-step';

/**
 * The plan as plain JSON. Keys are written in a fixed order (not copied from the objects), so
 * the output is stable across refactors and diffs well.
 */
export function renderJson(plan: LifecyclePlan): any {
  return {
    kind: plan.kind,
    name: plan.name,
    targetVersion: plan.targetVersion.toString(),
    startup: plan.startup.map((s) => ({
      step: s.step,
      container: s.container,
      role: s.role,
      path: s.path,
      waitsFor: s.waitsFor,
      waitsForText: s.waitsForText,
      races: s.races,
      needsReady: [...s.needsReady],
      postStartSeconds: s.postStartSeconds ?? null,
      appStartOffsetSeconds: s.appStartOffsetSeconds ?? null,
      reached: s.reached,
      neverExits: s.neverExits ?? null,
    })),
    steadyState: {
      running: plan.steadyState.running.map((r) => ({
        container: r.container,
        role: r.role,
        hasReadinessProbe: r.hasReadinessProbe,
        hasLivenessProbe: r.hasLivenessProbe,
        readyWhen: r.readyWhen,
        onExit: r.onExit,
      })),
      readinessGates: [...plan.steadyState.readinessGates],
      readyWhen: plan.steadyState.readyWhen,
    },
    shutdown: {
      gracePeriodSeconds: plan.grace.gracePeriodSeconds,
      defaulted: plan.grace.defaulted,
      ordered: plan.grace.ordered,
      neededSeconds: plan.grace.neededSeconds,
      endsAt: plan.grace.endsAt,
      exceeded: plan.grace.exceeded,
      summary: plan.grace.summary,
      steps: plan.shutdown.map(stepJson),
    },
    completion: plan.completion === undefined ? null : {
      restartPolicy: plan.completion.restartPolicy,
      decidedBy: [...plan.completion.decidedBy],
      completesWhen: plan.completion.completesWhen,
      completes: plan.completion.completes,
      neverExits: [...plan.completion.neverExits],
      sidecarsRestartedUntilCompletion: plan.completion.sidecarsRestartedUntilCompletion,
      stopSequence: plan.completion.stopSequence.map(stepJson),
    },
    notes: [...plan.notes],
  };
}

function stepJson(s: ShutdownStep): any {
  return {
    step: s.step,
    container: s.container,
    role: s.role,
    path: s.path,
    waitsFor: [...s.waitsFor],
    hasPreStop: s.hasPreStop,
    preStopSeconds: s.preStopSeconds,
    shutdownSeconds: s.shutdownSeconds,
    declaredSeconds: s.declaredSeconds,
    preStopAt: s.preStopAt,
    sigtermAt: s.sigtermAt,
    secondsLeft: s.secondsLeft,
    sigkillAt: s.sigkillAt,
    exitsAt: s.exitsAt,
    killed: s.killed,
  };
}
