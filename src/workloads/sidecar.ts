import { Duration, Size } from 'cdk8s';
import * as kplus from '../cdk8s-plus';
import { IInitStep, InitStepBase } from './init-step';

/**
 * Options of a native sidecar: everything a container takes, plus its place in the start order
 * and the time it needs to shut down.
 *
 * @see https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/
 */
export interface SidecarOptions extends kplus.ContainerProps {
  /**
   * Steps (sidecars or regular init containers) this sidecar starts after. For example an
   * iptables init step before a network proxy.
   *
   * @default - no declared dependency: the sidecar keeps its declaration order
   */
  readonly startAfter?: IInitStep[];

  /**
   * How long the sidecar needs, after SIGTERM, to shut down cleanly (flush logs, drain
   * connections). Used by the termination-budget rule and the lifecycle plan: sidecars are
   * stopped last, one after the other in reverse order, inside the pod's one
   * `terminationGracePeriodSeconds`.
   *
   * @see https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#termination-with-sidecars
   * @default - not declared (counted as 0 seconds)
   */
  readonly shutdownTime?: Duration;
}

/**
 * A native sidecar: an init container with `restartPolicy: Always`. It starts in declared
 * order before the app containers, runs for the pod's whole life, is restarted if it exits,
 * and is stopped after every app container has exited.
 *
 * Created by `addSidecar()` of a Sidecar* workload.
 *
 * @see https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/
 */
export class Sidecar extends InitStepBase {
  /**
   * Resources a sidecar gets when `resources` is not given: a small request and a memory
   * limit, instead of cdk8s-plus's per-container default (1000m CPU / 512Mi requested), which
   * would silently add a whole CPU to every pod's effective request. No CPU limit, so the
   * sidecar is never throttled; the pod is then `Burstable`. Give explicit `resources` for a
   * `Guaranteed` pod.
   *
   * requests: cpu 50m, memory 64Mi; limits: memory 128Mi.
   */
  public static readonly DEFAULT_RESOURCES: kplus.ContainerResources = {
    cpu: { request: kplus.Cpu.millis(50) },
    memory: { request: Size.mebibytes(64), limit: Size.mebibytes(128) },
  };

  public readonly isSidecar = true;
  /** Time the sidecar needs to shut down, when declared. */
  public readonly shutdownTime?: Duration;

  /** @internal */
  constructor(container: kplus.Container, options: SidecarOptions) {
    super(container, options.startAfter ?? []);
    this.shutdownTime = options.shutdownTime;
  }
}
