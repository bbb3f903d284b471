import * as kplus from '../cdk8s-plus';

/**
 * A step of the pod's init sequence: a regular init container or a sidecar. Steps are what
 * start-order declarations point at.
 *
 * @see https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#sidecar-containers-and-pod-lifecycle
 */
export interface IInitStep {
  /** The container name, unique in the pod. */
  readonly name: string;
  /** The cdk8s-plus container behind this step (mount volumes, add env, ... on it). */
  readonly container: kplus.Container;
  /** True for a sidecar (`restartPolicy: Always`), false for a regular init container. */
  readonly isSidecar: boolean;
  /**
   * Declares that this step starts only after the given steps have started (sidecars) or
   * completed (regular init containers). The library derives the `initContainers` order from
   * these declarations at synth; call order never matters.
   *
   * @returns this step, for chaining
   */
  startsAfter(...steps: IInitStep[]): IInitStep;

  /**
   * Declares that this step needs the given sidecars *ready* (started, their startupProbe
   * passed) before it starts: the same relation as the workload's `requireReady()` for this
   * step's container. The step is then ordered after them.
   *
   * @see https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#sidecar-containers-and-pod-lifecycle
   * @returns this step, for chaining
   */
  requiresReady(...sidecars: IInitStep[]): IInitStep;
}

/**
 * Options of a regular init container that takes part in declared start order.
 *
 * @see https://kubernetes.io/docs/concepts/workloads/pods/init-containers/
 */
export interface InitStepOptions extends kplus.ContainerProps {
  /**
   * Steps (sidecars or regular init containers) this one starts after.
   *
   * @default - no declared dependency: the step keeps its declaration order
   */
  readonly startAfter?: IInitStep[];
}

/**
 * What every init step has: its container and the steps it was declared to start after.
 * Extended by `InitStep` (regular init containers) and `Sidecar`.
 */
export abstract class InitStepBase implements IInitStep {
  public abstract readonly isSidecar: boolean;
  private readonly _after: IInitStep[] = [];
  private readonly _needsReady: IInitStep[] = [];

  /** @internal */
  protected constructor(public readonly container: kplus.Container, after: IInitStep[]) {
    this._after.push(...after);
  }

  public get name(): string {
    return this.container.name;
  }

  /** The steps this one was declared to start after (a copy). */
  public get after(): IInitStep[] {
    return [...this._after];
  }

  /** The sidecars this step was declared to need ready (a copy). */
  public get needsReady(): IInitStep[] {
    return [...this._needsReady];
  }

  public startsAfter(...steps: IInitStep[]): IInitStep {
    this._after.push(...steps);
    return this;
  }

  public requiresReady(...sidecars: IInitStep[]): IInitStep {
    this._needsReady.push(...sidecars);
    return this;
  }
}

/**
 * A regular init container: runs to completion, and must exit 0 before the next step starts.
 * Created by `addInitStep()` or `addInitContainer()` of a Sidecar* workload.
 *
 * @see https://kubernetes.io/docs/concepts/workloads/pods/init-containers/
 */
export class InitStep extends InitStepBase {
  public readonly isSidecar = false;

  /** @internal */
  constructor(container: kplus.Container, after: IInitStep[] = []) {
    super(container, after);
  }
}
