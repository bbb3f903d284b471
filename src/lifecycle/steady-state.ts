import { ContainerRole } from '../engine/container-role';

/**
 * One container that runs once the pod is started.
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-conditions
 */
export interface RunningContainer {
  /** The container's name. */
  readonly container: string;
  /** Sidecar or app container (regular init containers have exited by then). */
  readonly role: ContainerRole;
  /** True when the container has a `readinessProbe`: the probe then decides when it is ready. */
  readonly hasReadinessProbe: boolean;
  /** True when the container has a `livenessProbe`: failing it restarts the container. */
  readonly hasLivenessProbe: boolean;
  /** When the container counts as ready, in words. */
  readonly readyWhen: string;
  /**
   * What happens when it exits while the pod runs: sidecars are always restarted, app
   * containers follow the pod's `restartPolicy`.
   */
  readonly onExit: string;
}

/** The pod between startup and termination: who runs and what gates Pod Ready. */
export interface SteadyState {
  /** Sidecars (declaration order), then app containers. */
  readonly running: RunningContainer[];
  /**
   * Containers whose readiness gates the pod's `Ready` condition: every sidecar and every app
   * container (the kubelet counts restartable init containers too).
   */
  readonly readinessGates: string[];
  /** The Ready rule in words. */
  readonly readyWhen: string;
}
