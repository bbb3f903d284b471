import { Finding } from '../engine/finding';

/**
 * A finding that a suppression turned off: not reported, kept for audit.
 */
export interface SuppressedFinding extends Finding {
  /** The reason given with the suppression. */
  readonly reason: string;
  /**
   * Where the suppression came from: `options` or the field path of the annotation
   * (e.g. `spec.template.metadata.annotations[cdk8s-sidecars.dev/suppress]`).
   */
  readonly suppressedBy: string;
}
