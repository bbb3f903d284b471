import { Severity } from '../engine/severity';

/**
 * A finding that a suppression turned off: not reported, kept for audit.
 */
export interface SuppressedFinding {
  /** Rule id of the finding. */
  readonly ruleId: string;
  /** Severity the finding would have had. */
  readonly severity: Severity;
  /** Field path inside the manifest. */
  readonly path: string;
  /** `Type: detail` of the finding. */
  readonly message: string;
  /** The fix hint of the finding. */
  readonly fix: string;
  /** The reason given with the suppression. */
  readonly reason: string;
  /**
   * Where the suppression came from: `options` or the field path of the annotation
   * (e.g. `spec.template.metadata.annotations[cdk8s-sidecars.dev/suppress]`).
   */
  readonly suppressedBy: string;
}
