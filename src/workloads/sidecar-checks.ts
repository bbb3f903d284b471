import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { PodManifest } from '../engine/pod-manifest';
import { PodSecurityLevel } from '../rules/pod-security-level';
import { checkManifest, isSidecarOwned, POLICY_KINDS, recordSuppressions } from './private/check-manifest';
import { ChecksRegistry } from './private/checks-registry';
import { RenderOnce } from './private/render-once';

/**
 * Options of `SidecarChecks`.
 */
export interface SidecarChecksOptions {
  /**
   * The Kubernetes minor version the manifests are deployed to, e.g. `1.30`.
   * @see https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/
   * @default "1.29" (native sidecars on by default), or the nearest enclosing setting
   */
  readonly targetVersion?: string;

  /**
   * The Pod Security Standard every container (sidecars included) is checked against.
   * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/
   * @default PodSecurityLevel.BASELINE, or the nearest enclosing setting
   */
  readonly podSecurity?: PodSecurityLevel;

  /**
   * Fail synth on warnings too.
   * @default false, or the nearest enclosing setting
   */
  readonly warningsAsErrors?: boolean;
}

/**
 * Runs the sidecar rules at synth on every pod-bearing object under a scope: Sidecar*
 * workloads (which always check themselves; this sets their options), plain cdk8s-plus
 * workloads, raw `ApiObject`s, `Include`d YAML and Helm charts.
 *
 * Errors fail synth with `[construct path] RULE-ID field.path: Type: detail. Fix: hint`;
 * warnings are printed once and do not fail synth unless `warningsAsErrors` is set. Rules that
 * look across manifests (LimitRange, ResourceQuota) see every object under the scope.
 *
 * @example
 * SidecarChecks.of(app, { podSecurity: PodSecurityLevel.RESTRICTED });
 * SidecarChecks.suppress(legacyChart, 'SC-JOB-001', 'migrated to native sidecars in Q3');
 */
export class SidecarChecks {
  /**
   * Applies the checks to every pod-bearing object under `scope` (those added later included).
   * Calling it again on the same scope replaces the options.
   */
  public static of(scope: IConstruct, options: SidecarChecksOptions = {}): SidecarChecks {
    const registry = ChecksRegistry.of(scope);
    const first = registry.options === undefined;
    registry.options = options;
    if (first) {
      scope.node.addValidation({ validate: () => SidecarChecks.prepare(scope) });
    }
    return new SidecarChecks(scope);
  }

  /**
   * Turns a rule off for every object under `scope`, with a reason kept for audit: the
   * suppression is written on each pod (template) as the `cdk8s-sidecars.dev/suppress`
   * annotation, so it shows in the synthesized YAML and the command-line tool honours it too.
   *
   * @param ruleId a rule id of RULES.md, e.g. `SC-READINESS-001`
   * @param reason why the rule does not apply here (at least 10 characters)
   */
  public static suppress(scope: IConstruct, ruleId: string, reason: string): void {
    ChecksRegistry.of(scope).addSuppression(scope, ruleId, reason);
  }

  /**
   * Runs first among the scope's validations (cdk8s validates parents before children): finds
   * the objects to check, renders the policies they are checked against, and gives each
   * pod-bearing object that does not check itself a validation of its own, so that every
   * message carries the path of the object it is about.
   */
  private static prepare(scope: IConstruct): string[] {
    const objects = scope.node.findAll().filter((c): c is ApiObject => ApiObject.isApiObject(c));
    const registry = ChecksRegistry.of(scope);
    registry.policies = objects.filter((o) => POLICY_KINDS.has(o.kind)).map((o) => RenderOnce.of(o).manifest());
    for (const apiObject of objects) {
      if (!PodManifest.KINDS.includes(apiObject.kind) || isSidecarOwned(apiObject) || registry.watched.has(apiObject)) continue;
      registry.watched.add(apiObject);
      const render = RenderOnce.of(apiObject);
      render.decorate((manifest) => recordSuppressions(apiObject, manifest));
      apiObject.node.addValidation({ validate: () => checkManifest(apiObject, render) });
    }
    return [];
  }

  private constructor(
    /** The scope the checks apply to. */
    public readonly scope: IConstruct,
  ) {}
}
