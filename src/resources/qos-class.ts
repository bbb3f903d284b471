/**
 * A pod's Quality of Service class, which decides eviction order under node pressure and
 * the pod's cgroup placement.
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/
 */
export enum QosClass {
  /** Every container (init and sidecar included) has cpu and memory limits equal to its requests. */
  GUARANTEED = 'Guaranteed',
  /** Some cpu or memory request or limit is set, but the pod is not Guaranteed. */
  BURSTABLE = 'Burstable',
  /** No container sets any cpu or memory request or limit. */
  BEST_EFFORT = 'BestEffort',
}
