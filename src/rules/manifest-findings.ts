import { SuppressedFinding } from './suppressed-finding';
import { Finding } from '../engine/finding';

/**
 * The findings of one pod-bearing manifest among several (`SidecarRules.checkAll()`).
 */
export interface ManifestFindings {
  /** Position of the manifest in the list given to `checkAll()`. */
  readonly index: number;
  /** `Deployment`, `Job`, ... */
  readonly kind: string;
  /** `metadata.name`, or `''` when unset. */
  readonly name: string;
  /** `metadata.namespace`, or `''` when unset. */
  readonly namespace: string;
  /** Reported findings, most serious first. */
  readonly findings: Finding[];
  /** Findings turned off by a suppression, kept for audit. */
  readonly suppressed: SuppressedFinding[];
}
