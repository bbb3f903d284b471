import { ShutdownStep } from './shutdown-step';

/**
 * How a run-to-completion pod (Job, CronJob, or `restartPolicy: Never|OnFailure`) finishes.
 * https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#jobs-with-sidecar-containers
 */
export interface CompletionPlan {
  /** The pod's effective `restartPolicy` (`Never` or `OnFailure`). */
  readonly restartPolicy: string;
  /** The app containers: completion is decided by them only. */
  readonly decidedBy: string[];
  /** When the pod completes, in words. */
  readonly completesWhen: string;
  /**
   * False when the pod never completes: an app container never exits on its own (a legacy
   * sidecar that nothing stops), or the pod never leaves Init.
   */
  readonly completes: boolean;
  /** The containers that keep the pod from completing (empty when it completes). */
  readonly neverExits: string[];
  /** Sidecars are restarted if they exit before the app containers finish (always true; stated for readers). */
  readonly sidecarsRestartedUntilCompletion: boolean;
  /** After completion the sidecars are stopped: reverse declaration order (1.29+), one after the other. Empty when the pod never completes. */
  readonly stopSequence: ShutdownStep[];
}
