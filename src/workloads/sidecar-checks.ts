import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { PodManifest } from '../engine/pod-manifest';
import { POLICY_KINDS } from '../engine/policy-kinds';
import { runPodPipeline } from '../pipeline/pod-pipeline';
import { addPipelineValidation } from '../synth/pipeline-validation';
import { RenderOnce } from '../synth/render-once';
import { ChecksRegistry } from './private/checks-registry';
import { resolvePodSettings } from './private/resolve-pod-settings';
import { SidecarChecksOptions } from './sidecar-checks-options';

/**
 * Runs the sidecar rules at synth on every pod-bearing object under a scope: Sidecar*
 * workloads (which always check themselves; this sets their options), plain cdk8s-plus
 * workloads, raw `ApiObject`s, `Include`d YAML and Helm charts.
 *
 * Errors fail synth with `[construct path] RULE-ID field.path: Type: detail. Fix: hint`;
 * warnings are printed once and do not fail synth unless `warningsAsErrors` is set. Rules that
 * look across manifests (LimitRange, ResourceQuota) see every object under the scope. The
 * target version set here also decides what `SidecarMode.AUTO` emits for the Sidecar*
 * workloads under the scope.
 *
 * @example
 * SidecarChecks.of(app, { podSecurity: PodSecurityLevel.RESTRICTED });
 * SidecarChecks.suppress(legacyChart, 'SC-JOB-001', 'migrated to native sidecars in Q3');
 */
export class SidecarChecks {
  /**
   * Applies the checks to every pod-bearing object under `scope` (those added later included).
   * Calling it again on the same scope replaces the options.
   *
   * @throws if an option is invalid (every problem at once)
   */
  public static of(scope: IConstruct, options: SidecarChecksOptions = {}): SidecarChecks {
    const registry = ChecksRegistry.of(scope);
    const first = registry.options === undefined;
    registry.setOptions(scope, options);
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
   * @throws if no rule has this id, or the reason is too short
   */
  public static suppress(scope: IConstruct, ruleId: string, reason: string): void {
    ChecksRegistry.of(scope).addSuppression(scope, ruleId, reason);
  }

  /**
   * Runs first among the scope's validations (cdk8s validates parents before children): finds
   * the objects to check, renders the policies they are checked against, and gives each
   * pod-bearing object that does not check itself the pod pipeline (judged as written) and a
   * validation of its own, so that every message carries the path of the object it is about.
   */
  private static prepare(scope: IConstruct): string[] {
    const objects = scope.node.findAll().filter((c): c is ApiObject => ApiObject.isApiObject(c));
    const registry = ChecksRegistry.of(scope);
    registry.policies = objects.filter((o) => POLICY_KINDS.has(o.kind)).map((o) => RenderOnce.of(o).manifest());
    for (const apiObject of objects) {
      // Each object gets one pipeline, whichever SidecarChecks above it gets here first: the
      // settings resolver reads every one of them anyway.
      if (!PodManifest.KINDS.includes(apiObject.kind) || ChecksRegistry.isOwned(apiObject)) continue;
      ChecksRegistry.markOwned(apiObject);
      const render = RenderOnce.of(apiObject);
      render.finishWith((manifest) => {
        const settings = resolvePodSettings(apiObject);
        return { ...runPodPipeline({ manifest, settings, record: true }), settings };
      });
      addPipelineValidation(apiObject, render);
    }
    return [];
  }

  private constructor(
    /** The scope the checks apply to. */
    public readonly scope: IConstruct,
  ) {}
}
