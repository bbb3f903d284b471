import { SuppressedFinding } from './suppressed-finding';
import { Finding } from '../engine/finding';

/**
 * Findings of one manifest: those reported and those a suppression turned off.
 */
export interface CheckResult {
  /** Reported findings, most serious first. */
  readonly findings: Finding[];
  /** Findings turned off by a suppression (options or annotation), kept for audit. */
  readonly suppressed: SuppressedFinding[];
}
