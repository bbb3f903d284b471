import { IConstruct } from 'constructs';
import * as kplus from '../cdk8s-plus';
import { IInitStep, InitStep, InitStepOptions } from './init-step';
import { Sidecar, SidecarOptions } from './sidecar';
import { SidecarModeOptions } from './sidecar-mode';
import { LifecyclePlan } from '../lifecycle/lifecycle-plan';

/**
 * What every Sidecar* workload offers on top of its cdk8s-plus counterpart. Ready-made sidecars
 * and injection work against this interface, so they fit any workload kind.
 */
export interface ISidecarWorkload extends IConstruct {
  /** Sidecars of this workload, in declaration order (a copy). */
  readonly sidecars: Sidecar[];
  /** App containers (cdk8s-plus). */
  readonly containers: kplus.Container[];
  /** Init containers, sidecars included, in declaration order (cdk8s-plus). */
  readonly initContainers: kplus.Container[];

  /**
   * Adds a native sidecar: an init container with `restartPolicy: Always`.
   * @see https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/
   */
  addSidecar(options: SidecarOptions): Sidecar;

  /**
   * Adds a regular init container that can take part in declared start order.
   * @see https://kubernetes.io/docs/concepts/workloads/pods/init-containers/
   */
  addInitStep(options: InitStepOptions): InitStep;

  /** The init step (sidecar or regular init container) behind a container of this workload. */
  initStep(container: kplus.Container): IInitStep;

  /**
   * Declares that `container` (an app container, or the container of an init step or sidecar)
   * needs the given sidecars *ready* before it starts. Resolved at synth: an init step is ordered
   * after them, and each pair is written once in the `needs-ready` annotation. Feeds the
   * startup-gating rule: such a sidecar needs a startupProbe, or the kubelet starts the next
   * container as soon as its process runs. An init step can also declare it itself:
   * `step.requiresReady(sidecar)`.
   */
  requireReady(container: kplus.Container, ...sidecars: Sidecar[]): void;

  /**
   * Declares that every app container of the pod, those added later included, needs the given
   * sidecars ready before it starts (e.g. a proxy all traffic goes through). Resolved at synth.
   * @see https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#sidecar-containers-and-pod-lifecycle
   */
  gateAppContainers(...sidecars: Sidecar[]): void;

  /**
   * The pod's start and stop sequence as it will be synthesized now: start order and what each
   * step waits for, the steady state, and the shutdown sequence inside the grace period.
   * Renders the workload.
   * @see https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#sidecar-containers-and-pod-lifecycle
   */
  lifecyclePlan(): LifecyclePlan;

  /** Adds an app container (cdk8s-plus). */
  addContainer(cont: kplus.ContainerProps): kplus.Container;

  /** Adds a volume to the pod (cdk8s-plus). */
  addVolume(vol: kplus.Volume): void;
}

/**
 * Options every Sidecar* workload takes on top of its cdk8s-plus props.
 */
export interface SidecarWorkloadOptions {
  /**
   * Sidecars to add at construction, in this order. More can be added with `addSidecar()`.
   *
   * @see https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/
   * @default - no sidecars
   */
  readonly sidecars?: SidecarOptions[];

  /**
   * Write the pod's lifecycle plan next to the synthesized YAML at synth:
   * `<name>.lifecycle.md` (a table and a Mermaid diagram) and `<name>.lifecycle.svg` (a
   * timeline), where `<name>` is the manifest's `metadata.name`.
   *
   * @see https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#sidecar-containers-and-pod-lifecycle
   * @default false
   */
  readonly lifecycleDocs?: boolean;

  /**
   * The Kubernetes minor version this workload is deployed to, e.g. `1.30`. Used by the rules,
   * the lifecycle plan and `SidecarMode.AUTO`.
   *
   * @see https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/
   * @default - the nearest `SidecarChecks` or `SidecarSettings.setTargetVersion()` above, else "1.29"
   */
  readonly targetVersion?: string;

  /**
   * How sidecars are emitted: NATIVE (init containers with restartPolicy Always), LEGACY
   * (regular containers, with a completion protocol in Jobs), UNIVERSAL (both, decided at run
   * time), or AUTO (NATIVE from 1.29, LEGACY below).
   *
   * @see https://kubernetes.io/docs/tutorials/configuration/pod-sidecar-containers/
   * @default - the nearest `SidecarSettings.setSidecarMode()` above, else AUTO
   */
  readonly sidecarMode?: SidecarModeOptions;
}
