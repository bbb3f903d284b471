import { ResourceList } from './resource-list';
import { POD_LEVEL_RESOURCES } from '../engine/feature-gates';
import { KubernetesVersion } from '../engine/kubernetes-version';

/**
 * Feature gate `PodLevelResources` (kubernetes/website `feature-gates/PodLevelResources.md`): the
 * pod-level `spec.resources` field is alpha, off by default, in 1.32 and 1.33, and beta, on by
 * default, from 1.34. Before 1.32 the field does not exist; where the gate is off the API server
 * drops it, so neither the scheduler nor the kubelet ever sees it.
 */
export const POD_LEVEL_RESOURCES_ALPHA = POD_LEVEL_RESOURCES.alpha;
/** `PodLevelResources` beta, on by default (the gate table, `src/engine/feature-gates.ts`, holds the versions). */
export const POD_LEVEL_RESOURCES_BETA = POD_LEVEL_RESOURCES.onByDefault;

/**
 * Feature gate `PodLevelResourcesFixKubeletQOSClass`, beta and on by default from 1.36 (KEP-2837,
 * "Fix for Kubelet QoS Class Determination", issue 135082). With it, `ComputePodQOS` lets the
 * containers decide when pod-level `resources` is present but names no supported resource (an
 * empty `resources: {}`); without it (1.34, 1.35) such a pod is BestEffort.
 */
export const POD_LEVEL_QOS_FIX = KubernetesVersion.of('1.36');

/** What the pod-level resources code of a Kubernetes version does: the two gates at their defaults. */
export interface PodLevelGates {
  /** `PodLevelResources`: the field is served and counted. */
  readonly podLevelResources: boolean;
  /** `PodLevelResourcesFixKubeletQOSClass`: an empty pod-level `resources` leaves QoS to the containers. */
  readonly fixKubeletQosClass: boolean;
}

/** The gates' defaults at a Kubernetes version. */
export function podLevelGatesAt(version: KubernetesVersion): PodLevelGates {
  return {
    podLevelResources: version.isAtLeast(POD_LEVEL_RESOURCES_BETA),
    fixKubeletQosClass: version.isAtLeast(POD_LEVEL_QOS_FIX),
  };
}

/**
 * Pod-level resources replace the container aggregate only for these
 * (component-helpers/resource/helpers.go `IsSupportedPodLevelResource`): cpu, memory, hugepages-*.
 */
export function isSupportedPodLevelResource(name: string): boolean {
  return name === 'cpu' || name === 'memory' || name.startsWith('hugepages-');
}

/** Pod-level `spec.resources`, read. */
export interface PodLevelResourceLists {
  readonly requests: ResourceList;
  readonly limits: ResourceList;
}

function namesSupported(list: ResourceList): boolean {
  for (const name of list.keys()) if (isSupportedPodLevelResource(name)) return true;
  return false;
}

/** helpers.go `IsPodLevelRequestsSet`: some supported resource is requested at pod level. */
export function isPodLevelRequestsSet(podLevel: PodLevelResourceLists | undefined): boolean {
  return podLevel !== undefined && namesSupported(podLevel.requests);
}

/** helpers.go `IsPodLevelLimitsSet`: some supported resource is limited at pod level. */
export function isPodLevelLimitsSet(podLevel: PodLevelResourceLists | undefined): boolean {
  return podLevel !== undefined && namesSupported(podLevel.limits);
}

/**
 * helpers.go `IsPodLevelResourcesSet` (and qos.go's `isPodLevelResourcesSet`): the requests or
 * the limits name a supported resource. A present but empty `resources: {}` is not "set".
 */
export function isPodLevelResourcesSet(podLevel: PodLevelResourceLists | undefined): boolean {
  return isPodLevelRequestsSet(podLevel) || isPodLevelLimitsSet(podLevel);
}
