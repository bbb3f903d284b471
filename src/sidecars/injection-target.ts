import { IConstruct } from 'constructs';

/**
 * A pod-bearing workload `SidecarInjector` may inject into, as a filter sees it.
 */
export interface InjectionTarget {
  /** The construct: a Sidecar* workload, a cdk8s-plus workload, or a raw `ApiObject` (Include, Helm). */
  readonly construct: IConstruct;
  /** The manifest kind, e.g. `Deployment`. */
  readonly kind: string;
  /**
   * The manifest name.
   * @default - not known yet (a generated name is computed at synth)
   */
  readonly name?: string;
  /** Labels of the pod (template): what a mutating webhook's selector would see. */
  readonly podLabels: { [key: string]: string };
}

/**
 * Decides, beyond the label selector, whether a workload gets the sidecar.
 */
export interface IInjectionFilter {
  /** True to inject into this target. */
  matches(target: InjectionTarget): boolean;
}
