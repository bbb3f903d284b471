import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { POD_LEVEL_RESOURCES } from '../validation/feature-gates';
import { BaseRule } from './private/base-rule';
import { RuleContext } from './rule-context';

/**
 * Feature gate `PodLevelResources` (kubernetes/website `feature-gates/PodLevelResources.md`):
 * alpha, off by default, in 1.32 and 1.33; beta, on by default, from 1.34.
 */
export const POD_LEVEL_RESOURCES_ALPHA = POD_LEVEL_RESOURCES.alpha;
export const POD_LEVEL_RESOURCES_BETA = POD_LEVEL_RESOURCES.onByDefault;

export class PodLevelResourcesVersionRule extends BaseRule {
  public readonly id = 'SC-VERSION-002';
  public readonly name = 'pod-level-resources-version';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'Pod-level resources (spec.resources) need Kubernetes 1.34 (1.32 with the PodLevelResources feature gate).';
  public readonly explanation = 'A pod-wide resources budget shared by all containers, sidecars included, is alpha and off by default in Kubernetes 1.32 and 1.33 and beta, on by default, from 1.34. Before 1.32 the field does not exist; where the gate is off the API server drops it, so the pod is scheduled on container requests alone.';
  public readonly fix = 'Target Kubernetes 1.34 or later, enable the PodLevelResources feature gate, or set resources on each container instead.';
  public readonly source = 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#pod-level-resource-specification';

  public evaluate(context: RuleContext): Finding[] {
    const pod = context._pod;
    const v = context._version;
    if (pod.podSpec.resources === undefined || pod.podSpec.resources === null || v.isAtLeast(POD_LEVEL_RESOURCES_BETA)) return [];
    const path = pod.podSpecPath.child('resources');
    if (v.isBefore(POD_LEVEL_RESOURCES_ALPHA)) {
      return [this.finding(path, `Forbidden: pod-level resources do not exist before Kubernetes ${POD_LEVEL_RESOURCES_ALPHA} (target is ${v})`,
        `set resources on each container, or target Kubernetes ${POD_LEVEL_RESOURCES_BETA} or later`)];
    }
    return [this.finding(path, `Forbidden: in Kubernetes ${v} pod-level resources need the PodLevelResources feature gate (alpha, off by default)`,
      `enable the PodLevelResources feature gate, or target Kubernetes ${POD_LEVEL_RESOURCES_BETA} or later`, Severity.WARNING)];
  }
}
