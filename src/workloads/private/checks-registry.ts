import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { ErrorType } from '../../engine/error-type';
import { KubernetesVersion } from '../../engine/kubernetes-version';
import { UsageProblem, usageError } from '../../engine/usage-error';
import { PodSecurityLevel } from '../../rules/pod-security-level';
import { MIN_REASON_LENGTH } from '../../rules/private/suppressions';
import { SidecarRules } from '../../rules/sidecar-rules';
import { SidecarChecksOptions } from '../sidecar-checks-options';

/** `SidecarChecksOptions`, checked and parsed once, when `SidecarChecks.of()` is called. */
export interface ChecksOptions {
  readonly targetVersion?: KubernetesVersion;
  readonly podSecurity?: PodSecurityLevel;
  readonly warningsAsErrors?: boolean;
}

/**
 * What `SidecarChecks` stores on a scope: its options, its suppressions and the policies
 * (LimitRange, ResourceQuota) found under it at the last validation. Kept in a WeakMap so that a
 * scope needs no field of ours.
 */
export class ChecksRegistry {
  public static of(scope: IConstruct): ChecksRegistry {
    let r = REGISTRIES.get(scope);
    if (!r) {
      r = new ChecksRegistry();
      REGISTRIES.set(scope, r);
    }
    return r;
  }

  /** The registry of a scope, if it has one (no allocation). */
  public static tryOf(scope: IConstruct): ChecksRegistry | undefined {
    return REGISTRIES.get(scope);
  }

  /** Marks an ApiObject that has its pod pipeline (a Sidecar* workload's, or one `SidecarChecks` gave it). */
  public static markOwned(apiObject: ApiObject): void {
    OWNED.add(apiObject);
  }

  public static isOwned(apiObject: ApiObject): boolean {
    return OWNED.has(apiObject);
  }

  public options?: ChecksOptions;
  public policies: any[] = [];
  public readonly suppressions = new Map<string, string>();

  /** Checks and keeps the options of `SidecarChecks.of()`; throws, naming every problem, at once. */
  public setOptions(scope: IConstruct, options: SidecarChecksOptions): void {
    const problems: UsageProblem[] = [];
    let targetVersion: KubernetesVersion | undefined;
    if (options.targetVersion !== undefined) {
      targetVersion = KubernetesVersion._tryOf(options.targetVersion);
      if (!targetVersion) {
        problems.push({ field: 'targetVersion', type: ErrorType.INVALID, value: options.targetVersion, detail: KubernetesVersion._EXPECTED, fix: 'pass a Kubernetes minor version such as "1.29"' });
      }
    }
    const levels = Object.values(PodSecurityLevel) as string[];
    if (options.podSecurity !== undefined && !levels.includes(options.podSecurity)) {
      problems.push({
        field: 'podSecurity',
        type: ErrorType.NOT_SUPPORTED,
        value: options.podSecurity,
        detail: `supported values: ${levels.map((l) => JSON.stringify(l)).join(', ')}`,
        fix: 'pass a PodSecurityLevel',
      });
    }
    if (problems.length > 0) throw usageError(scope.node.path, 'SidecarChecks.of', problems);
    this.options = { targetVersion, podSecurity: options.podSecurity, warningsAsErrors: options.warningsAsErrors };
  }

  /** Keeps a suppression; its rule id must be one of the registry's (RULES.md), checked now. */
  public addSuppression(scope: IConstruct, ruleId: string, reason: string): void {
    const problems: UsageProblem[] = [];
    const rules = SidecarRules.rules();
    if (!rules.some((r) => r.id === ruleId)) {
      problems.push({ field: 'ruleId', type: ErrorType.NOT_FOUND, value: ruleId, detail: 'no rule has this id', fix: 'suppress a rule by its id in RULES.md (e.g. "SC-READINESS-001"), with the reason it does not apply here' });
    } else if (ruleId === 'SC-ANN-002') {
      problems.push({ field: 'ruleId', type: ErrorType.FORBIDDEN, detail: `${ruleId} reports broken suppressions and cannot be suppressed`, fix: 'fix the suppression annotation instead' });
    }
    if (typeof reason !== 'string' || reason.trim().length < MIN_REASON_LENGTH) {
      problems.push({
        field: 'reason',
        type: ErrorType.INVALID,
        value: reason,
        detail: `must be at least ${MIN_REASON_LENGTH} characters, so that it says why`,
        fix: 'suppress a rule by its id, with the reason it does not apply here',
      });
    }
    if (problems.length > 0) throw usageError(scope.node.path, 'SidecarChecks.suppress', problems);
    this.suppressions.set(ruleId, reason.trim());
  }
}

const REGISTRIES = new WeakMap<IConstruct, ChecksRegistry>();
const OWNED = new WeakSet<ApiObject>();
