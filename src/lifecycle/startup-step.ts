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
}
