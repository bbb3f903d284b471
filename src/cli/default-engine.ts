import { CliEngine } from './cli-engine';
import { KubernetesVersion } from '../engine/kubernetes-version';
import { POLICY_KINDS } from '../engine/policy-kinds';
import { isObject } from '../engine/wire-types';
import { LifecyclePlan } from '../lifecycle/lifecycle-plan';
import { runPodPipeline } from '../pipeline/pod-pipeline';
import { EffectiveResources } from '../resources/effective-resources';
import { ruleIds } from '../rules/private/check-pod';
import { podSettingsFromOptions } from '../rules/private/settings-from-options';

/**
 * The real engine: the pod pipeline (judging each manifest as written), `LifecyclePlan` and
 * `EffectiveResources`, adapted to the commands. Only the namespace policies (LimitRange,
 * ResourceQuota) are kept between documents while linting a stream.
 */
export function defaultEngine(): CliEngine {
  return {
    isContextObject: (manifest) => isObject(manifest) && POLICY_KINDS.has(manifest.kind),
    check: (manifest, context, options) => {
      const settings = podSettingsFromOptions({ targetVersion: options.targetVersion, podSecurity: options.podSecurity }, ruleIds());
      // The manifest under check is the last entry, so the policies (and earlier workloads) precede it.
      const manifests = context.length === 0 ? [manifest] : [...context, manifest];
      const { findings, suppressed } = runPodPipeline({ manifest, settings, manifests });
      return { findings, suppressed };
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
