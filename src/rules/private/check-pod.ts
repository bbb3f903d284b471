import { allRules } from './all-rules';
import { StageRule } from './base-rule';
import { seedDeclarations } from './declarations';
import { UNSUPPRESSIBLE } from './settings-from-options';
import { readAnnotationSuppressions } from './suppressions';
import { ErrorType } from '../../engine/error-type';
import { Finding } from '../../engine/finding';
import { makeFinding, severityRank } from '../../engine/finding-format';
import { PodDeclarations } from '../../engine/pod-declarations';
import { PodManifest } from '../../engine/pod-manifest';
import { Severity } from '../../engine/severity';
import { CheckResult } from '../check-result';
import { PodSettings } from '../pod-settings';
import { IRule } from '../rule';
import { RuleContext } from '../rule-context';
import { SuppressedFinding } from '../suppressed-finding';

/**
 * The rule instances the engine runs, made once: rules hold no state, and building 37 objects per
 * checked manifest showed in synth profiles. `SidecarRules.rules()` still hands out fresh ones.
 */
let shared: { rules: IRule[]; ids: string[]; evaluated: IRule[] } | undefined;

/** Every registered rule, shared. */
export function sharedRules(): IRule[] {
  return (shared ??= share()).rules;
}

/** The id of every registered rule: what suppressions may name. */
export function ruleIds(): ReadonlyArray<string> {
  return (shared ??= share()).ids;
}

function share(): { rules: IRule[]; ids: string[]; evaluated: IRule[] } {
  const rules = allRules();
  // The rules of pipeline stages are reported by their stage; their evaluate() finds nothing.
  return { rules, ids: rules.map((r) => r.id), evaluated: rules.filter((r) => !(r instanceof StageRule)) };
}

/** What `checkPod` judges. */
export interface CheckPodInput {
  /** The pod, read once by the caller. */
  readonly pod: PodManifest;
  readonly settings: PodSettings;
  /** Every manifest of the app, the pod's included (cross-manifest rules). Default: the pod's manifest and the settings' policies. */
  readonly manifests?: any[];
  /** Findings of the stages that built the pod (order, mode, declarations), judged with the rules'. */
  readonly stageFindings?: ReadonlyArray<Finding>;
  /** The declarations the pipeline wrote on the pod, handed to the rules as they are. */
  readonly declarations?: PodDeclarations;
  /**
   * Apply `settings.suppressions` here. False when the pipeline wrote them into the pod's
   * suppression annotation, which is read (and reported as the source) like any other.
   */
  readonly applySettingsSuppressions: boolean;
}

/**
 * The one door every finding goes through: runs the rules on one pod, then applies suppressions
 * (options and annotation), promotion (`warningsAsErrors`) and the order (most serious first) to
 * the rules' findings and the pipeline stages' alike.
 */
export function checkPod(input: CheckPodInput): CheckResult {
  const { pod, settings } = input;
  const ids = ruleIds();
  const context = RuleContext._of(pod, input.manifests ?? [pod.manifest, ...settings.policies], settings, ids);
  if (input.declarations) seedDeclarations(pod, input.declarations);
  const raw: Finding[] = [...(input.stageFindings ?? [])];
  for (const rule of (shared ??= share()).evaluated) {
    try {
      const found = rule.evaluate(context);
      for (let i = 0; i < found.length; i++) raw.push(found[i]);
    } catch (e) {
      // A broken rule must never hide the other findings or crash synth: it becomes a finding.
      const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      raw.push(makeFinding(rule.id, Severity.ERROR, {
        type: ErrorType.INTERNAL,
        path: '',
        detail: `rule ${rule.id} (${rule.name}) threw ${detail}`,
        fix: 'report this at https://github.com/cdk8s-sidecars/cdk8s-sidecars/issues with the manifest, or suppress the rule with a reason',
      }));
    }
  }
  if (raw.length === 0) return { findings: [], suppressed: [] };
  const annotated = readAnnotationSuppressions(pod, ids).entries;
  const suppressions = input.applySettingsSuppressions ? [...settings.suppressions, ...annotated] : annotated;
  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const f of raw) {
    const s = UNSUPPRESSIBLE.has(f.ruleId) ? undefined : suppressions.find((x) => x.ruleId === f.ruleId);
    const promoted = settings.warningsAsErrors && f.severity === Severity.WARNING ? { ...f, severity: Severity.ERROR } : f;
    if (s) {
      suppressed.push({ ...promoted, reason: s.reason, suppressedBy: s.source });
    } else {
      findings.push(promoted);
    }
  }
  // Stable sort: most serious first, stage and rule order kept within a severity.
  findings.sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  return { findings, suppressed };
}
