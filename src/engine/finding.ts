import { ErrorType } from './error-type';
import { Severity } from './severity';

/**
 * One problem (or note) found in a manifest, structured like the API server's `field.Error`
 * (k8s.io/apimachinery/pkg/util/validation/field/errors.go): a type, the field path, the bad
 * value and a detail, plus our rule id, severity and fix.
 *
 * Printed as `RULE-ID field.path: Type: value: detail. Fix: hint`; constructs prefix the
 * construct path and the CLI prefixes `file:line:column`. `message` is derived from `type`,
 * `value` and `detail` when the finding is made, and never parsed back.
 */
export interface Finding {
  /** Stable rule id, e.g. `SC-API-001`. Every id is a rule of RULES.md. */
  readonly ruleId: string;
  /** How serious it is. */
  readonly severity: Severity;
  /** What kind of statement it is: an API-server error type, or advice. */
  readonly type: ErrorType;
  /** Field path inside the manifest, e.g. `spec.template.spec.initContainers[1].livenessProbe`; `''` for the whole object. */
  readonly path: string;
  /**
   * The value at fault, as found in the manifest (JSON), when the type names one.
   * @default - none (Required value, Forbidden and most advice name no value)
   */
  readonly value?: any;
  /** What is wrong or worth knowing, e.g. `may not be set for init containers without restartPolicy=Always`. */
  readonly detail: string;
  /** `Type: value: detail`, e.g. `Forbidden: may not be set for init containers without restartPolicy=Always`. */
  readonly message: string;
  /** How to fix it, one sentence. */
  readonly fix: string;
}
