import { CheckResult } from '../rules/check-result';
import { PodSecurityLevel } from '../rules/pod-security-level';

/** What `lint` and `migrate` ask of the rules engine. */
export interface EngineCheckOptions {
  /** Kubernetes minor version, e.g. `1.29`. */
  readonly targetVersion: string;
  readonly podSecurity: PodSecurityLevel;
}

/** What `explain` shows of one pod-bearing object, in every format it can print. */
export interface ObjectExplanation {
  /** The lifecycle plan as text (start order, steady state, shutdown). */
  readonly lifecycleText: string;
  /** The lifecycle plan as JSON. */
  readonly lifecycleJson: unknown;
  /** The lifecycle plan as a Mermaid sequence diagram. */
  readonly lifecycleMermaid: string;
  /** The lifecycle plan as an SVG picture. */
  readonly lifecycleSvg: string;
  /** Effective requests/limits/QoS with the arithmetic, as text. */
  readonly resourcesText: string;
  /** Effective requests/limits/QoS as JSON. */
  readonly resourcesJson: unknown;
}

/**
 * The CLI's one door to the engine (rules, lifecycle, effective resources). No rule or formula
 * lives in the CLI; this interface only adapts the engine's calls to what the commands need,
 * and lets tests observe the calls (e.g. heap use per document in the streaming test).
 */
export interface CliEngine {
  /**
   * True for objects that carry no pod but that rules read across manifests (LimitRange,
   * ResourceQuota, ...). `lint` keeps only these between documents.
   */
  isContextObject(manifest: any): boolean;
  /** Checks one pod-bearing manifest; `context` holds the context objects of all inputs. */
  check(manifest: any, context: any[], options: EngineCheckOptions): CheckResult;
  /** Explains one pod-bearing manifest. */
  explain(manifest: any, targetVersion: string): ObjectExplanation;
}
