import { PodSecurityLevel } from './pod-security-level';
import { RuleSuppression } from './rule-suppression';

/**
 * Options of `SidecarRules.check()`.
 */
export interface SidecarRulesOptions {
  /**
   * The Kubernetes minor version the manifests are deployed to, e.g. `1.29`. Features that do
   * not exist or are behind a feature gate in that version are reported.
   * @see https://kubernetes.io/docs/reference/command-line-tools-reference/feature-gates/
   * @default "1.29" (`KubernetesVersion.DEFAULT`)
   */
  readonly targetVersion?: string;

  /**
   * The Pod Security Standard to check every container (init, sidecar, app, ephemeral) against.
   * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/
   * @default PodSecurityLevel.BASELINE
   */
  readonly podSecurity?: PodSecurityLevel;

  /**
   * Report warnings as errors.
   * @default false
   */
  readonly promoteWarnings?: boolean;

  /**
   * Rules to turn off, each with a reason. Suppressed findings are not reported but are returned
   * by `checkDetailed()` for audit. Manifests may also carry suppressions in the
   * `cdk8s-sidecars.dev/suppress` annotation.
   * @default - no suppressions
   */
  readonly suppressions?: RuleSuppression[];
}
