import { KubernetesVersion } from '../engine/kubernetes-version';

/** Options of `LifecyclePlan.of`. */
export interface LifecyclePlanOptions {
  /**
   * The Kubernetes version the pod will run on. On 1.28 (sidecars alpha) termination is not
   * ordered: sidecars get SIGTERM together with the app containers.
   * https://kubernetes.io/docs/tutorials/configuration/pod-sidecar-containers/#ensure-the-feature-gate-is-enabled
   * @default KubernetesVersion.DEFAULT (1.29)
   */
  readonly targetVersion?: KubernetesVersion;
}
