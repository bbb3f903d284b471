import { RuleContext } from './rule-context';
import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';

/**
 * One check over a pod-bearing manifest. Rules are small objects with a stable id so that
 * findings can be suppressed, documented (`RULES.md`) and explained (`cdk8s-sidecars explain`).
 */
export interface IRule {
  /** Stable id, `SC-<GROUP>-<NNN>`, e.g. `SC-API-003`. Never reused for another check. */
  readonly id: string;
  /** Kebab-case name, also the rule's file name under `src/rules/`. */
  readonly name: string;
  /** The most serious severity this rule reports (some findings may be less serious). */
  readonly severity: Severity;
  /** One line: what is checked. */
  readonly summary: string;
  /** Why it matters: what the API server, the kubelet or the Job controller does otherwise. */
  readonly explanation: string;
  /** How to fix it, in general terms (each finding carries its own precise hint). */
  readonly fix: string;
  /** Link to the Kubernetes source or documentation the rule follows. */
  readonly source: string;
  /** Evaluates the rule; returns no finding when compliant or not applicable. */
  evaluate(context: RuleContext): Finding[];
}
