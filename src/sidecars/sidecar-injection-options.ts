import { IInjectionFilter } from './injection-target';

/**
 * Options of `SidecarInjector.inject()`.
 */
export interface SidecarInjectionOptions {
  /**
   * Inject only into workloads whose pod (template) carries all these labels, like a webhook's
   * object selector.
   * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors
   * @default - every pod-bearing workload
   */
  readonly podLabels?: { [key: string]: string };

  /**
   * A further filter, applied after the labels.
   * @default - no further filter
   */
  readonly filter?: IInjectionFilter;
}

/**
 * What `SidecarInjector.inject()` did, by construct path.
 */
export interface SidecarInjectionResult {
  /** Workloads the sidecar was injected into. */
  readonly injected: string[];
  /** Matching workloads that already had a container of the sidecar's name (left unchanged). */
  readonly alreadyPresent: string[];
}
