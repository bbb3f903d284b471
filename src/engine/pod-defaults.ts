/**
 * Defaults the API server applies to a pod before anything reads it (pkg/apis/core/v1/defaults.go,
 * `SetDefaults_PodSpec`), each in one place.
 */

/** `terminationGracePeriodSeconds` when unset: `v1.DefaultTerminationGracePeriodSeconds`. */
export const DEFAULT_TERMINATION_GRACE_SECONDS = 30;

