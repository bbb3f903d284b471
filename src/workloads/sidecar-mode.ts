import { Duration } from 'cdk8s';
import { SidecarMode } from '../modes/sidecar-mode';

/**
 * How a workload emits its sidecars.
 *
 * @see https://kubernetes.io/docs/tutorials/configuration/pod-sidecar-containers/
 */
export interface SidecarModeOptions {
  /**
   * The mode.
   *
   * @see https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/
   * @default - the nearest mode set with `SidecarSettings.setSidecarMode()` on a scope, else `SidecarMode.AUTO`
   */
  readonly mode?: SidecarMode;

  /**
   * UNIVERSAL only: how long the regular-container twin waits for the native sidecar to claim the
   * sidecar role before it takes the role itself. Where native sidecars work the kubelet restarts
   * the native container right after its first run, long before the twin starts; where they do
   * not, the sidecar starts this much later than the app.
   *
   * @see https://kubernetes.io/docs/tutorials/configuration/pod-sidecar-containers/#automatic-injection-of-sidecars
   * @default Duration.seconds(30)
   */
  readonly detectionTimeout?: Duration;

  /**
   * LEGACY and UNIVERSAL: how long a wrapped sidecar may take to exit after SIGTERM once every
   * app container of a run-to-completion pod has exited, before it is killed.
   *
   * @see https://kubernetes.io/docs/concepts/workloads/controllers/job/
   * @default Duration.seconds(10)
   */
  readonly stopTimeout?: Duration;

  /**
   * LEGACY and UNIVERSAL: where the shared `emptyDir` of the marker files is mounted in the
   * containers that take part in the protocol.
   *
   * @see https://kubernetes.io/docs/concepts/storage/volumes/#emptydir
   * @default '/run/sidecar-lifecycle'
   */
  readonly lifecycleMountPath?: string;

  /**
   * LEGACY and UNIVERSAL: the POSIX shell that runs the wrapper scripts; it must exist in the
   * image of every wrapped container.
   *
   * @see https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/
   * @default '/bin/sh'
   */
  readonly shell?: string;
}
