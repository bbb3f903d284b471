/**
 * Turns off one rule, with a reason that is kept for audit.
 */
export interface RuleSuppression {
  /** The rule id, e.g. `SC-READINESS-001`. */
  readonly ruleId: string;
  /** Why the finding does not apply here; at least 10 characters so that it says something. */
  readonly reason: string;
}
