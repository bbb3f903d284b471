/**
 * Which Pod Security Standard the rules check every container against.
 * https://kubernetes.io/docs/concepts/security/pod-security-standards/
 */
export enum PodSecurityLevel {
  /** Do not check Pod Security Standards. */
  NONE = 'none',
  /**
   * Minimally restrictive: prevents known privilege escalations (privileged containers, host
   * namespaces, hostPath, extra capabilities, ...). The default: a namespace labelled
   * `pod-security.kubernetes.io/enforce: baseline` is the common cluster setting.
   */
  BASELINE = 'baseline',
  /** Baseline plus hardening: non-root, no privilege escalation, `drop: [ALL]`, seccomp, restricted volume types. */
  RESTRICTED = 'restricted',
}
