import { suppressionProblem } from './suppressions';
import { ErrorType } from '../../engine/error-type';
import { findingMessage } from '../../engine/finding-format';
import { KubernetesVersion } from '../../engine/kubernetes-version';
import { isObject } from '../../engine/wire-types';
import { PodSecurityLevel } from '../pod-security-level';
import { DEFAULT_POD_SETTINGS, PodSettings, SuppressionEntry } from '../pod-settings';
import { SidecarRulesOptions } from '../sidecar-rules-options';

/** Rules whose findings no suppression can hide: they report broken suppressions. */
export const UNSUPPRESSIBLE: ReadonlySet<string> = new Set(['SC-ANN-002']);

/**
 * The settings of `SidecarRules.check()` and the CLI, from their options: validated (every
 * problem listed at once) and resolved once per distinct option set.
 */
export function podSettingsFromOptions(options: SidecarRulesOptions | undefined, ruleIds: ReadonlyArray<string>): PodSettings {
  const opts = isObject(options) ? options : {};
  // Synth and the CLI check every pod with the same few option sets and no suppressions in
  // options: those resolve once (a resolved set is immutable).
  const plain = opts.suppressions === undefined || (Array.isArray(opts.suppressions) && opts.suppressions.length === 0);
  const key = plain && (opts.targetVersion === undefined || typeof opts.targetVersion === 'string')
    ? `${opts.targetVersion ?? ''}|${opts.podSecurity ?? ''}|${opts.promoteWarnings === true}` : undefined;
  const known = key === undefined ? undefined : RESOLVED.get(key);
  if (known) return known;
  const resolved = resolveFresh(opts, ruleIds);
  if (key !== undefined) {
    if (RESOLVED.size >= 64) RESOLVED.clear();
    RESOLVED.set(key, resolved);
  }
  return resolved;
}

const RESOLVED = new Map<string, PodSettings>();

function resolveFresh(opts: SidecarRulesOptions, ids: ReadonlyArray<string>): PodSettings {
  const problems: string[] = [];
  let version = KubernetesVersion.DEFAULT;
  if (opts.targetVersion !== undefined) {
    const parsed = KubernetesVersion._tryOf(opts.targetVersion);
    if (parsed) version = parsed;
    else problems.push(`targetVersion: ${findingMessage(ErrorType.INVALID, opts.targetVersion, KubernetesVersion._EXPECTED)}`);
  }
  const levels = Object.values(PodSecurityLevel) as string[];
  const podSecurity = opts.podSecurity ?? PodSecurityLevel.BASELINE;
  if (!levels.includes(podSecurity)) {
    problems.push(`podSecurity: ${findingMessage(ErrorType.NOT_SUPPORTED, podSecurity, `supported values: ${levels.map((l) => JSON.stringify(l)).join(', ')}`)}`);
  }
  const suppressions: SuppressionEntry[] = [];
  (Array.isArray(opts.suppressions) ? opts.suppressions : []).forEach((s, i) => {
    const problem = isObject(s) ? suppressionProblem(s.ruleId, s.reason, ids) : { type: ErrorType.INVALID, value: s, detail: 'must be { ruleId, reason }' };
    if (problem) {
      problems.push(`suppressions[${i}]: ${findingMessage(problem.type, problem.value, problem.detail)}`);
    } else if (UNSUPPRESSIBLE.has(s.ruleId)) {
      problems.push(`suppressions[${i}]: ${findingMessage(ErrorType.FORBIDDEN, undefined, `${s.ruleId} reports broken suppressions and cannot be suppressed`)}`);
    } else {
      suppressions.push({ ruleId: s.ruleId, reason: s.reason, source: 'options' });
    }
  });
  if (problems.length > 0) {
    throw new Error(`invalid SidecarRules options:\n${problems.map((p) => `  - ${p}`).join('\n')}\nFix: targetVersion is a Kubernetes minor such as "1.29"; each suppression names a rule of RULES.md and gives a reason of at least 10 characters`);
  }
  return {
    ...DEFAULT_POD_SETTINGS,
    targetVersion: version,
    podSecurity: podSecurity as PodSecurityLevel,
    warningsAsErrors: opts.promoteWarnings === true,
    suppressions,
  };
}
