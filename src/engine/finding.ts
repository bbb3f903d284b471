import { Severity } from './severity';

/**
 * One problem (or note) found in a manifest.
 *
 * Printed as `RULE-ID field.path: Type: detail. Fix: hint`; constructs prefix the
 * construct path and the CLI prefixes `file:line:column`.
 */
export interface Finding {
  /** Stable rule id, e.g. `SC-API-001`. */
  readonly ruleId: string;
  /** How serious it is. */
  readonly severity: Severity;
  /** Field path inside the manifest, e.g. `spec.template.spec.initContainers[1].livenessProbe`. */
  readonly path: string;
  /** `Type: detail`, in the API server's vocabulary, e.g. `Forbidden: may not be set for init containers without restartPolicy=Always`. */
  readonly message: string;
  /** How to fix it, one sentence. */
  readonly fix: string;
}
