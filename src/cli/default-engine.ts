import { CliEngine } from './cli-engine';
import { KubernetesVersion } from '../engine/kubernetes-version';
import { LifecyclePlan } from '../lifecycle/lifecycle-plan';

/** PLACEHOLDER while src/rules/sidecar-rules.ts and src/resources/effective-resources.ts land. */
export function defaultEngine(): CliEngine {
  return {
    isContextObject: () => false,
    check: () => { throw new Error('rules engine not wired yet'); },
    explain: (manifest, targetVersion) => {
      const plan = LifecyclePlan.of(manifest, { targetVersion: KubernetesVersion.of(targetVersion) });
      return {
        lifecycleText: plan.toText(),
        lifecycleJson: plan.toJson(),
        lifecycleMermaid: plan.toMermaid(),
        lifecycleSvg: plan.toSvg(),
        resourcesText: '',
        resourcesJson: {},
      };
    },
  };
}
