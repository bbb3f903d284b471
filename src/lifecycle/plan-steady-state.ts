import { PlanInput } from './read-plan-input';
import { RunningContainer, SteadyState } from './steady-state';
import { ContainerRole } from '../engine/container-role';

/**
 * Who runs once the pod is up, and what its Ready condition waits for. The kubelet counts the
 * readiness of sidecars as well as app containers (seed 002's readiness example: a failing
 * sidecar readinessProbe keeps the pod at 1/2 Ready).
 * https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#sidecar-containers-and-pod-lifecycle
 */
export function planSteadyState(input: PlanInput): SteadyState {
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
