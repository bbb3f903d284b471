import { KubernetesVersion } from './kubernetes-version';

/**
 * The feature gates the pod validation depends on, with the versions in which they became
 * alpha (off by default) and beta or GA (on by default), from the feature-gate pages of
 * kubernetes/website (`content/en/docs/reference/command-line-tools-reference/feature-gates/`).
 * One table: the validation and the rules read these, never a version literal of their own.
 */
export interface FeatureGate {
  readonly name: string;
  /** First version in which the gate exists (off by default). */
  readonly alpha: KubernetesVersion;
  /** First version in which it is on by default. */
  readonly onByDefault: KubernetesVersion;
}

const gate = (name: string, alpha: string, onByDefault: string): FeatureGate => ({
  name, alpha: KubernetesVersion.of(alpha), onByDefault: KubernetesVersion.of(onByDefault),
});

/** `sleep` action in lifecycle hooks: alpha 1.29, beta 1.30, GA 1.34. */
export const POD_LIFECYCLE_SLEEP_ACTION = gate('PodLifecycleSleepAction', '1.29', '1.30');
/** `sleep: { seconds: 0 }`: alpha 1.32, beta 1.33. */
export const POD_LIFECYCLE_SLEEP_ACTION_ALLOW_ZERO = gate('PodLifecycleSleepActionAllowZero', '1.32', '1.33');
/** Environment variable names of any printable ASCII but '=': alpha 1.30, beta 1.32, GA 1.34. */
export const RELAXED_ENVIRONMENT_VARIABLE_VALIDATION = gate('RelaxedEnvironmentVariableValidation', '1.30', '1.32');
/** restartPolicy and restartPolicyRules on any container (KEP-5307): alpha 1.34, beta 1.35. */
export const CONTAINER_RESTART_RULES = gate('ContainerRestartRules', '1.34', '1.35');
/** The `RestartAllContainers` action of restartPolicyRules: alpha 1.35. */
export const RESTART_ALL_CONTAINERS_ON_CONTAINER_EXITS = gate('RestartAllContainersOnContainerExits', '1.35', '99.0');
/** Pod-level `spec.resources`: alpha 1.32, beta 1.34. */
export const POD_LEVEL_RESOURCES = gate('PodLevelResources', '1.32', '1.34');
/**
 * resizePolicy on init containers (`AllowSidecarResizePolicy`, set where in-place pod resize is
 * on): InPlacePodVerticalScaling is beta, on by default, from 1.33.
 */
export const IN_PLACE_POD_VERTICAL_SCALING = gate('InPlacePodVerticalScaling', '1.27', '1.33');

/** How a gate stands at a version: absent, present but off by default, or on by default. */
export enum GateState {
  ABSENT = 'absent',
  OFF_BY_DEFAULT = 'off',
  ON = 'on',
}

export function gateState(g: FeatureGate, v: KubernetesVersion): GateState {
  if (v.isAtLeast(g.onByDefault)) return GateState.ON;
  return v.isAtLeast(g.alpha) ? GateState.OFF_BY_DEFAULT : GateState.ABSENT;
}
