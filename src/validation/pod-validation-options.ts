import {
  CONTAINER_RESTART_RULES, gateState, GateState, IN_PLACE_POD_VERTICAL_SCALING, POD_LEVEL_RESOURCES,
  POD_LIFECYCLE_SLEEP_ACTION, POD_LIFECYCLE_SLEEP_ACTION_ALLOW_ZERO, RELAXED_ENVIRONMENT_VARIABLE_VALIDATION,
} from '../engine/feature-gates';
import { KubernetesVersion } from '../engine/kubernetes-version';

/**
 * The switches of one validation, after `PodValidationOptions` of validation.go plus what the
 * API server does around it. `forVersion()` derives them from the target version (what a
 * cluster with default feature gates does); the upstream tables set them as their Go tests do.
 */
export interface PodValidationOptions {
  /** The API server's defaulting (`SetDefaults_*`) is applied before validating. */
  readonly applyDefaults: boolean;
  /** The object is a Pod, not a template (pod-only checks, stricter hostNetwork ports). */
  readonly resourceIsPod: boolean;
  readonly allowRelaxedEnvironmentVariableValidation: boolean;
  /** Env names valid only with the relaxed rule are accepted with a gate warning (alpha). */
  readonly relaxedEnvironmentVariableGated: boolean;
  readonly allowPodLifecycleSleepActionZeroValue: boolean;
  /** The sleep action: `absent` (field dropped), `off` (alpha gate) or `on`. */
  readonly sleepAction: GateState;
  readonly allowSidecarResizePolicy: boolean;
  readonly podLevelResources: boolean;
  /** Pod-level hugepages (1.34 with the beta of PodLevelResources). */
  readonly podLevelHugePages: boolean;
  /** restartPolicy/restartPolicyRules on any container (KEP-5307). */
  readonly containerRestartRules: GateState;
}

/** What a cluster of `version` with default feature gates does. */
export function optionsForVersion(version: KubernetesVersion): PodValidationOptions {
  const relaxed = gateState(RELAXED_ENVIRONMENT_VARIABLE_VALIDATION, version);
  return {
    applyDefaults: true,
    resourceIsPod: true,
    allowRelaxedEnvironmentVariableValidation: relaxed === GateState.ON,
    relaxedEnvironmentVariableGated: relaxed === GateState.OFF_BY_DEFAULT,
    allowPodLifecycleSleepActionZeroValue: gateState(POD_LIFECYCLE_SLEEP_ACTION_ALLOW_ZERO, version) === GateState.ON,
    sleepAction: gateState(POD_LIFECYCLE_SLEEP_ACTION, version),
    allowSidecarResizePolicy: gateState(IN_PLACE_POD_VERTICAL_SCALING, version) === GateState.ON,
    podLevelResources: gateState(POD_LEVEL_RESOURCES, version) === GateState.ON,
    podLevelHugePages: gateState(POD_LEVEL_RESOURCES, version) === GateState.ON,
    containerRestartRules: gateState(CONTAINER_RESTART_RULES, version),
  };
}
