/**
 * What the kubelet waits for after starting a container before it starts the next step.
 *
 * Init containers start one at a time in declaration order; app containers start after the
 * last init step. https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/
 */
export enum StartCondition {
  /** A regular init container: it must run to completion and exit with code 0. */
  EXITED_SUCCESSFULLY = 'exited-0',
  /** A sidecar with a `startupProbe`: the probe must succeed. */
  STARTUP_PROBE_SUCCEEDED = 'startup-probe-succeeded',
  /**
   * A sidecar without a `startupProbe` but with a `postStart` hook: the kubelet runs the hook
   * synchronously while starting the container, so the next step waits for the hook to return.
   */
  POST_START_COMPLETED = 'post-start-completed',
  /** A sidecar with neither: merely that its process was started. The next step may race it. */
  PROCESS_STARTED = 'process-started',
  /** App containers: nothing waits for them; they are the last step. */
  NOTHING = 'nothing',
}
