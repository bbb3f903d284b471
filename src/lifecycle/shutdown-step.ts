import { ContainerRole } from '../engine/container-role';

/**
 * One container in the pod's termination sequence, with its place inside the one grace period.
 * Times are seconds after termination begins. KEP-753 "Termination of containers":
 * https://github.com/kubernetes/enhancements/blob/master/keps/sig-node/753-sidecar-containers/README.md#termination-of-containers
 */
export interface ShutdownStep {
  /** 1-based step. App containers share step 1; sidecars follow in reverse declaration order. */
  readonly step: number;
  /** The container's name. */
  readonly container: string;
  /** Sidecar or app container. */
  readonly role: ContainerRole;
  /** Field path of the container. */
  readonly path: string;
  /** Containers that must have exited before this one gets SIGTERM. */
  readonly waitsFor: string[];
  /** True when the container has a `preStop` hook. */
  readonly hasPreStop: boolean;
  /**
   * Seconds its `preStop` hook takes, when declared (`preStop.sleep.seconds`); 0 for exec or
   * HTTP hooks (their duration cannot be known) and when there is no hook.
   */
  readonly preStopSeconds: number;
  /** Seconds it needs after SIGTERM (annotation `shutdown-seconds`); 0 when not declared. */
  readonly shutdownSeconds: number;
  /** `preStopSeconds + shutdownSeconds`: the time this step declared it needs. */
  readonly declaredSeconds: number;
  /** When its `preStop` hook starts (0: hooks of every container start when termination begins). */
  readonly preStopAt: number;
  /** When it gets SIGTERM. */
  readonly sigtermAt: number;
  /** Grace seconds left for it when it gets SIGTERM (at least the kubelet's minimum of 2). */
  readonly secondsLeft: number;
  /** When it gets SIGKILL if it is still running. */
  readonly sigkillAt: number;
  /** When it is expected to have exited: on its own, or by SIGKILL. */
  readonly exitsAt: number;
  /** True when it needs longer than the budget leaves it, so SIGKILL ends it. */
  readonly killed: boolean;
}

/**
 * The one termination grace period that every container shares.
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination
 */
export interface GraceBudget {
  /** `terminationGracePeriodSeconds`. */
  readonly gracePeriodSeconds: number;
  /** True when the pod does not set it and the API server's default of 30 applies. */
  readonly defaulted: boolean;
  /** True when sidecars are stopped in order (Kubernetes 1.29+); false on 1.28, where all stop at once. */
  readonly ordered: boolean;
  /** When the last container is expected to exit. */
  readonly endsAt: number;
  /** Seconds the sequence would need if nothing were cut short. */
  readonly neededSeconds: number;
  /** True when at least one container is ended by SIGKILL. */
  readonly exceeded: boolean;
  /** The budget in words. */
  readonly summary: string;
}
