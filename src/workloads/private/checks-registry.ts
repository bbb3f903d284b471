import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import type { SidecarChecksOptions } from '../sidecar-checks';

/**
 * What `SidecarChecks` stores on a scope: its options, its suppressions, the policies
 * (LimitRange, ResourceQuota) found under it at the last validation, and the objects it already
 * watches. Kept in a WeakMap so that a scope needs no field of ours.
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

  public options?: SidecarChecksOptions;
  public policies: any[] = [];
  public readonly suppressions = new Map<string, string>();
  public readonly watched = new WeakSet<ApiObject>();

  public addSuppression(scope: IConstruct, ruleId: string, reason: string): void {
    const problems: string[] = [];
    if (!/^SC-[A-Z]+-\d{3}$/.test(ruleId)) problems.push(`ruleId: Invalid value: ${JSON.stringify(ruleId)}: expected a rule id of RULES.md such as "SC-READINESS-001"`);
    if (typeof reason !== 'string' || reason.trim().length < 10) {
      problems.push(`reason: Invalid value: ${JSON.stringify(reason)}: must be at least 10 characters, so that it says why`);
    }
    if (problems.length > 0) {
      throw new Error(`[${scope.node.path}] SidecarChecks.suppress: ${problems.join('; ')}. Fix: suppress a rule by its id, with the reason it does not apply here`);
    }
    this.suppressions.set(ruleId, reason.trim());
  }
}

const REGISTRIES = new WeakMap<IConstruct, ChecksRegistry>();
