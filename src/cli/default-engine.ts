import { CliEngine } from './cli-engine';
import { KubernetesVersion } from '../engine/kubernetes-version';
import { isObject } from '../engine/wire-types';
import { LifecyclePlan } from '../lifecycle/lifecycle-plan';
import { EffectiveResources } from '../resources/effective-resources';
import { SidecarRules } from '../rules/sidecar-rules';

/**
 * Kinds the rules read across manifests (src/rules/rule-context.ts: "LimitRange and ResourceQuota
 * of a namespace"). Only these are kept between documents while linting a stream.
 */
const CONTEXT_KINDS = new Set(['LimitRange', 'ResourceQuota']);

/** The real engine: `SidecarRules`, `LifecyclePlan` and `EffectiveResources`, adapted to the commands. */
export function defaultEngine(): CliEngine {
  return {
    isContextObject: (manifest) => isObject(manifest) && CONTEXT_KINDS.has(manifest.kind),
    check: (manifest, context, options) => {
      const rulesOptions = { targetVersion: options.targetVersion, podSecurity: options.podSecurity };
      if (context.length === 0) return SidecarRules.checkDetailed(manifest, rulesOptions);
      // checkAll lets cross-manifest rules see the context; the manifest under check is the last entry.
      const all = SidecarRules.checkAll([...context, manifest], rulesOptions);
      const own = all.find((m) => m.index === context.length);
      return own ? { findings: own.findings, suppressed: own.suppressed } : { findings: [], suppressed: [] };
    },
    explain: (manifest, targetVersion) => {
      const plan = LifecyclePlan.of(manifest, { targetVersion: KubernetesVersion.of(targetVersion) });
      const resources = EffectiveResources.ofManifest(manifest, { targetVersion: KubernetesVersion.of(targetVersion) });
      return {
        lifecycleText: plan.toText(),
        lifecycleJson: plan.toJson(),
        lifecycleMermaid: plan.toMermaid(),
        lifecycleSvg: plan.toSvg(),
        resourcesText: resources.explain(),
        resourcesJson: {
          requests: resources.requests,
          limits: resources.limits,
          unbounded: resources.unbounded,
          qosClass: resources.qosClass,
          explanation: resources.explanation,
        },
      };
    },
  };
}
