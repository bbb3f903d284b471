import { PodSecurityLevel } from '../rules/pod-security-level';
import { RuleSuppression } from '../rules/rule-suppression';

/**
 * Options of `SidecarValidation`: the `properties` of its entry under `validations:` in cdk8s.yaml.
 *
 * @example
 * validations:
 *   - package: cdk8s-sidecars
 *     version: 0.1.0
 *     class: SidecarValidation
 *     properties:
 *       targetVersion: "1.30"
 *       podSecurity: restricted
 *       suppressions:
 *         - ruleId: SC-RES-002
 *           reason: the vendor chart sets no memory limits; tracked in OPS-123
 */
export interface SidecarValidationProps {
  /**
   * The Kubernetes minor version the manifests are deployed to, e.g. `"1.30"`. Quote it in YAML:
   * `1.30` unquoted is the number 1.3.
   * @see https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/
   * @default "1.29" (`KubernetesVersion.DEFAULT`)
   */
  readonly targetVersion?: string;

  /**
   * The Pod Security Standard every container is checked against: `none`, `baseline` or `restricted`.
   * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/
   * @default PodSecurityLevel.BASELINE
   */
  readonly podSecurity?: PodSecurityLevel;

  /**
   * Report warnings as errors, so that they fail `cdk8s synth` too.
   * @default false
   */
  readonly promoteWarnings?: boolean;

  /**
   * Rules to turn off for every manifest, each with a reason of at least 10 characters. Suppressed
   * findings are logged with their reason. A single resource can carry its own suppressions in the
   * `cdk8s-sidecars.dev/suppress` annotation (`SidecarChecks.suppress()`).
   * @default - no suppressions
   */
  readonly suppressions?: RuleSuppression[];
}
