import { CheckResult } from './check-result';
import { ManifestFindings } from './manifest-findings';
import { PodSecurityLevel } from './pod-security-level';
import { Finding } from '../engine/finding';
import { severityRank } from '../engine/finding-format';
import { KubernetesVersion } from '../engine/kubernetes-version';
import { PodManifest } from '../engine/pod-manifest';
import { Severity } from '../engine/severity';
import { isObject } from '../engine/wire-types';
import { allRules } from './private/all-rules';
import { readAnnotationSuppressions, suppressionProblem, SuppressionEntry } from './private/suppressions';
import { IRule } from './rule';
import { RuleContext } from './rule-context';
import { SidecarRulesOptions } from './sidecar-rules-options';
import { SuppressedFinding } from './suppressed-finding';

/**
 * The rule instances the engine runs, made once: rules hold no state, and building 30 objects per
 * checked manifest showed in synth profiles. `SidecarRules.rules()` still hands out fresh ones.
 */
let shared: { rules: IRule[]; ids: string[] } | undefined;
const SHARED_RULES = (): IRule[] => (shared ??= share()).rules;
const RULE_IDS = (): string[] => (shared ??= share()).ids;
function share(): { rules: IRule[]; ids: string[] } {
  const rules = allRules();
  return { rules, ids: rules.map((r) => r.id) };
}

/** Rules whose findings no suppression can hide: they report broken suppressions. */
const UNSUPPRESSIBLE = new Set(['SC-ANN-002']);

/**
 * The rules engine: runs every rule of `RULES.md` over pod-bearing manifests in wire-format
 * JSON (Pod, PodTemplate, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController,
 * Job, CronJob). Other kinds yield no finding.
 *
 * @example
 * const findings = SidecarRules.check(deploymentJson, { targetVersion: '1.30' });
 * findings.map(formatFinding); // ['SC-API-003 spec.template.spec.initContainers[0].livenessProbe: Forbidden: ...']
 */
export class SidecarRules {
  /** Every rule, in `RULES.md` order. */
  public static rules(): IRule[] {
    return allRules();
  }

  /**
   * Reported findings of one manifest (suppressed ones left out), most serious first.
   * @param manifest any manifest, wire-format JSON
   * @throws if the options are invalid (every problem listed at once)
   */
  public static check(manifest: any, options: SidecarRulesOptions = {}): Finding[] {
    return SidecarRules.checkDetailed(manifest, options).findings;
  }

  /**
   * Reported and suppressed findings of one manifest.
   * @throws if the options are invalid (every problem listed at once)
   */
  public static checkDetailed(manifest: any, options: SidecarRulesOptions = {}): CheckResult {
    return SidecarRules.run(manifest, [manifest], SidecarRules.resolve(options));
  }

  /**
   * Checks the manifests of one app together, so that rules that look across manifests (e.g.
   * LimitRange and ResourceQuota of a namespace) see them all. Returns one entry per pod-bearing
   * manifest, in input order.
   * @throws if the options are invalid (every problem listed at once)
   */
  public static checkAll(manifests: any[], options: SidecarRulesOptions = {}): ManifestFindings[] {
    const resolved = SidecarRules.resolve(options);
    const list = Array.isArray(manifests) ? manifests : [];
    const out: ManifestFindings[] = [];
    list.forEach((manifest, index) => {
      if (!PodManifest.from(manifest)) return;
      const result = SidecarRules.run(manifest, list, resolved);
      const meta = isObject(manifest.metadata) ? manifest.metadata : {};
      out.push({
        index,
        kind: manifest.kind,
        name: typeof meta.name === 'string' ? meta.name : '',
        namespace: typeof meta.namespace === 'string' ? meta.namespace : '',
        findings: result.findings,
        suppressed: result.suppressed,
      });
    });
    return out;
  }

  private static resolve(options: SidecarRulesOptions): ResolvedOptions {
    const opts = isObject(options) ? options : {};
    // Synth checks every workload with the same few option sets and no suppressions in options:
    // those resolve once (a resolved set is immutable).
    const plain = opts.suppressions === undefined || (Array.isArray(opts.suppressions) && opts.suppressions.length === 0);
    const key = plain && (opts.targetVersion === undefined || typeof opts.targetVersion === 'string')
      ? `${opts.targetVersion ?? ''}|${opts.podSecurity ?? ''}|${opts.promoteWarnings === true}` : undefined;
    const known = key === undefined ? undefined : RESOLVED.get(key);
    if (known) return known;
    const resolved = SidecarRules.resolveFresh(opts);
    if (key !== undefined) {
      if (RESOLVED.size >= 64) RESOLVED.clear();
      RESOLVED.set(key, resolved);
    }
    return resolved;
  }

  private static resolveFresh(opts: SidecarRulesOptions): ResolvedOptions {
    const problems: string[] = [];
    const ids = RULE_IDS();
    let version = KubernetesVersion.DEFAULT.toString();
    if (opts.targetVersion !== undefined) {
      try {
        version = KubernetesVersion.of(opts.targetVersion).toString();
      } catch (e) {
        problems.push(`targetVersion: ${(e as Error).message}`);
      }
    }
    const levels = Object.values(PodSecurityLevel) as string[];
    const podSecurity = opts.podSecurity ?? PodSecurityLevel.BASELINE;
    if (!levels.includes(podSecurity)) {
      problems.push(`podSecurity: Unsupported value: ${JSON.stringify(podSecurity)}: supported values: ${levels.map((l) => JSON.stringify(l)).join(', ')}`);
    }
    const suppressions: SuppressionEntry[] = [];
    (Array.isArray(opts.suppressions) ? opts.suppressions : []).forEach((s, i) => {
      const problem = isObject(s) ? suppressionProblem(s.ruleId, s.reason, ids) : 'Invalid value: must be { ruleId, reason }';
      if (problem) {
        problems.push(`suppressions[${i}]: ${problem}`);
      } else if (UNSUPPRESSIBLE.has(s.ruleId)) {
        problems.push(`suppressions[${i}]: Forbidden: ${s.ruleId} reports broken suppressions and cannot be suppressed`);
      } else {
        suppressions.push({ ruleId: s.ruleId, reason: s.reason, source: 'options' });
      }
    });
    if (problems.length > 0) {
      throw new Error(`invalid SidecarRules options:\n${problems.map((p) => `  - ${p}`).join('\n')}\nFix: targetVersion is a Kubernetes minor such as "1.29"; each suppression names a rule of RULES.md and gives a reason of at least 10 characters`);
    }
    return { version, podSecurity: podSecurity as PodSecurityLevel, promoteWarnings: opts.promoteWarnings === true, suppressions, ruleIds: ids };
  }

  private static run(manifest: any, manifests: any[], options: ResolvedOptions): CheckResult {
    if (!PodManifest.from(manifest)) return { findings: [], suppressed: [] };
    const context = new RuleContext(manifest, manifests, options.version, options.podSecurity);
    context._knownRuleIds = options.ruleIds;
    const raw: Finding[] = [];
    for (const rule of SHARED_RULES()) {
      try {
        raw.push(...rule.evaluate(context));
      } catch (e) {
        // A broken rule must never hide the other findings or crash synth: it becomes a finding.
        // "Internal error" is apimachinery's field.ErrorTypeInternal.
        const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
        raw.push({ ruleId: rule.id, severity: Severity.ERROR, path: '', message: `Internal error: rule ${rule.id} (${rule.name}) threw ${detail}`, fix: 'report this at https://github.com/cdk8s-sidecars/cdk8s-sidecars/issues with the manifest, or suppress the rule with a reason' });
      }
    }
    const suppressions = [...options.suppressions, ...readAnnotationSuppressions(context._pod, options.ruleIds).entries];
    const findings: Finding[] = [];
    const suppressed: SuppressedFinding[] = [];
    for (const f of raw) {
      const s = UNSUPPRESSIBLE.has(f.ruleId) ? undefined : suppressions.find((x) => x.ruleId === f.ruleId);
      const promoted = options.promoteWarnings && f.severity === Severity.WARNING ? { ...f, severity: Severity.ERROR } : f;
      if (s) {
        suppressed.push({ ...promoted, reason: s.reason, suppressedBy: s.source });
      } else {
        findings.push(promoted);
      }
    }
    // Stable sort: most serious first, rule order and emission order kept within a severity.
    findings.sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
    return { findings, suppressed };
  }
}

const RESOLVED = new Map<string, ResolvedOptions>();

interface ResolvedOptions {
  readonly version: string;
  readonly podSecurity: PodSecurityLevel;
  readonly promoteWarnings: boolean;
  readonly suppressions: SuppressionEntry[];
  readonly ruleIds: string[];
}
