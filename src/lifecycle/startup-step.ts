import { StartCondition } from './start-condition';
import { ContainerRole } from '../engine/container-role';

/**
 * One container in the pod's start sequence.
 * https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#sidecar-containers-and-pod-lifecycle
 */
export interface StartupStep {
  /** 1-based step number. App containers share the last step: they start together. */
  readonly step: number;
  /** The container's name. */
  readonly container: string;
  /** Regular init container, sidecar or app container. */
  readonly role: ContainerRole;
  /** Field path of the container, e.g. `spec.initContainers[1]`. */
  readonly path: string;
  /** What the kubelet waits for before it starts the next step. */
  readonly waitsFor: StartCondition;
  /** `waitsFor` in words, e.g. `startupProbe succeeded`. */
  readonly waitsForText: string;
  /**
   * True for a sidecar that has no `startupProbe` (nor `postStart` hook): the next step starts as
   * soon as the sidecar's process runs, so it may race the sidecar's own initialisation.
   */
  readonly races: boolean;
  /** Sidecars this container declared it needs ready before it starts (annotation `needs-ready`). */
  readonly needsReady: string[];
  /**
   * Seconds the container's postStart hook takes at least, when the manifest says (a sleep
   * action, or an exec hook that starts with `sleep N`).
   * @default - no postStart hook, or its duration cannot be known
   */
  readonly postStartSeconds?: number;
  /**
   * App containers only: at least how many seconds after the first app container this one
   * starts. The kubelet starts app containers one at a time and waits for each postStart hook
   * before the next; this adds up the hooks whose duration is known.
   * @default - not an app container
   */
  readonly appStartOffsetSeconds?: number;
  /**
   * False when the kubelet never gets to this step: an init container before it never exits
   * (before Kubernetes 1.28 a sidecar is a regular init container that runs forever), so the pod
   * stays in Init.
   */
  readonly reached: boolean;
  /**
   * Why the container never exits on its own, when it does not.
   * @default - it exits, or is stopped by the kubelet as a sidecar
   */
  readonly neverExits?: string;
}
