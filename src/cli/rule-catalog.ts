import { packageRepositoryUrl } from './package-version';
import { IRule } from '../rules/rule';
import { SidecarRules } from '../rules/sidecar-rules';

/**
 * What the command line shows of a rule (`cdk8s-sidecars rules`, SARIF rule metadata, config
 * checks). The one adapter over the rule registry: every rule id the CLI knows comes from
 * `SidecarRules.rules()`, so a rule added or renamed there appears everywhere at once.
 */
export interface RuleInfo extends Pick<IRule, 'id' | 'name' | 'severity' | 'summary' | 'explanation' | 'fix' | 'source'> {
  /** The rule's section of RULES.md. */
  readonly helpUri: string;
}

let cached: RuleInfo[] | undefined;

export function ruleCatalog(): RuleInfo[] {
  cached ??= SidecarRules.rules().map((r) => ({
    id: r.id,
    name: r.name,
    severity: r.severity,
    summary: r.summary,
    explanation: r.explanation,
    fix: r.fix,
    source: r.source,
    helpUri: ruleHelpUri(r.id),
  }));
  return cached;
}

/** RULES.md's anchor for a rule (scripts/rules-md.ts writes one `## RULE-ID` section per rule). */
export function ruleHelpUri(id: string): string {
  return `${packageRepositoryUrl()}/blob/main/RULES.md#${id.toLowerCase()}`;
}
