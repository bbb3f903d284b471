import { PlanInput, PlannedContainer } from './read-plan-input';
import { RunningContainer, SteadyState } from './steady-state';
import { ContainerRole } from '../engine/container-role';

/**
 * Who runs once the pod is up, and what its Ready condition waits for. The kubelet counts the
 * readiness of sidecars as well as app containers (seed 002's readiness example: a failing
 * sidecar readinessProbe keeps the pod at 1/2 Ready).
 * https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#sidecar-containers-and-pod-lifecycle
 */
export function planSteadyState(input: PlanInput): SteadyState {
  const stuck = stuckInitContainer(input);
  if (stuck) {
    return {
      running: [{
        container: stuck.name,
        role: stuck.role,
        hasReadinessProbe: stuck.hasReadinessProbe,
        hasLivenessProbe: stuck.hasLivenessProbe,
        readyWhen: 'never: the pod stays in Init',
        onExit: `not expected to exit: ${stuck.neverExits}`,
      }],
      readinessGates: [],
      readyWhen: `Pod never Ready: it stays in Init, because "${stuck.name}" never exits and the containers after it never start`,
    };
  }
  const running: RunningContainer[] = input.containers
    .filter((c) => c.role !== ContainerRole.REGULAR_INIT)
    .map((c) => ({
      container: c.name,
      role: c.role,
      hasReadinessProbe: c.hasReadinessProbe,
      hasLivenessProbe: c.hasLivenessProbe,
      readyWhen: c.hasReadinessProbe ? 'readinessProbe succeeds' : c.hasStartupProbe ? 'startupProbe succeeded (no readinessProbe)' : 'running (no readinessProbe)',
      onExit: c.role === ContainerRole.SIDECAR ? 'restarted (sidecars always are)' : appOnExit(input.restartPolicy),
    }));
  const gates = running.map((r) => r.container);
  return {
    running,
    readinessGates: gates,
    readyWhen: `Pod Ready when all ${gates.length} running container${gates.length === 1 ? ' is' : 's are'} ready: ${gates.join(', ')}`,
  };
}

function appOnExit(restartPolicy: string): string {
  switch (restartPolicy) {
    case 'Never': return 'not restarted (restartPolicy: Never)';
    case 'OnFailure': return 'restarted on failure (restartPolicy: OnFailure)';
    default: return 'restarted (restartPolicy: Always)';
  }
}

/** The first regular init container that never exits: it holds the pod in Init. */
export function stuckInitContainer(input: PlanInput): PlannedContainer | undefined {
  return input.containers.find((c) => c.role === ContainerRole.REGULAR_INIT && c.neverExits !== undefined);
}
