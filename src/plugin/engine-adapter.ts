/**
 * The plugin's one door into the engine. Everything `SidecarValidation` needs from the rules
 * goes through here, so that when the engine's entry point changes only this file follows.
 */
import { Finding } from '../engine/finding';
import { formatFinding } from '../engine/finding-format';
import { Severity } from '../engine/severity';
import { SidecarRules } from '../rules/sidecar-rules';
import { SidecarRulesOptions } from '../rules/sidecar-rules-options';

/** One finding of one resource, ready to print. */
export interface PluginFinding {
  readonly ruleId: string;
  /** `SC-API-003 init-container-probes`. */
  readonly rule: string;
  readonly severity: Severity;
  readonly path: string;
  /** `Forbidden: may not be set ...`: the API server's error type, then the detail. */
  readonly message: string;
  readonly fix: string;
  /** The whole finding in the one grammar: `SC-API-003 spec...: Forbidden: .... Fix: ...`. */
  readonly line: string;
}

/** The findings of one pod-bearing resource among the manifests checked. */
export interface CheckedResource {
  /** Position in the list given to `checkResources()`. */
  readonly index: number;
  readonly kind: string;
  readonly name: string;
  readonly findings: PluginFinding[];
  /** Findings a suppression turned off, with its reason. */
  readonly suppressed: Array<PluginFinding & { readonly reason: string }>;
}

/**
 * Runs every rule over the resources, together (rules that look across resources, such as
 * ResourceQuota fit, see them all).
 * @throws if the options are invalid, every problem listed
 */
export function checkResources(resources: any[], options: SidecarRulesOptions): CheckedResource[] {
  return SidecarRules.checkAll(resources, options).map((m) => ({
    index: m.index,
    kind: m.kind,
    name: m.name,
    findings: m.findings.map(toPluginFinding),
    suppressed: m.suppressed.map((s) => ({ ...toPluginFinding(s), reason: s.reason })),
  }));
}

let names: Map<string, string> | undefined;

function toPluginFinding(f: Finding): PluginFinding {
  names ??= new Map(SidecarRules.rules().map((r) => [r.id, r.name]));
  return {
    ruleId: f.ruleId,
    rule: [f.ruleId, names.get(f.ruleId)].filter((x) => x !== undefined).join(' '),
    severity: f.severity,
    path: f.path,
    message: f.message,
    fix: f.fix,
    line: formatFinding(f),
  };
}
