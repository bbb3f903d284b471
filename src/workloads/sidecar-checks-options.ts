import { PodSecurityLevel } from '../rules/pod-security-level';

/**
 * Options of `SidecarChecks`.
 */
export interface SidecarChecksOptions {
  /**
   * The Kubernetes minor version the manifests are deployed to, e.g. `1.30`. Also decides what
   * `SidecarMode.AUTO` emits for the Sidecar* workloads under the scope.
   * @see https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/
   * @default - the nearest enclosing setting (`SidecarChecks`, then `SidecarSettings.setTargetVersion()`), else "1.29"
   */
  readonly targetVersion?: string;

  /**
   * The Pod Security Standard every container (sidecars included) is checked against.
   * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/
   * @default PodSecurityLevel.BASELINE, or the nearest enclosing setting
   */
  readonly podSecurity?: PodSecurityLevel;

  /**
   * Fail synth on warnings too.
   * @default false, or the nearest enclosing setting
   */
  readonly warningsAsErrors?: boolean;
}
