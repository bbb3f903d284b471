/**
 * How a workload's sidecars are emitted for the cluster it targets.
 *
 * Native sidecars (init containers with `restartPolicy: Always`) do not exist before Kubernetes
 * 1.28, are behind the alpha `SidecarContainers` feature gate (off by default) in 1.28, are on by
 * default from 1.29 and GA in 1.33. An API server and its nodes may disagree, so the library can
 * emit what will actually run.
 *
 * @see https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/
 * @see https://kubernetes.io/docs/tutorials/configuration/pod-sidecar-containers/
 */
export enum SidecarMode {
  /**
   * Native sidecars: init containers with `restartPolicy: Always`, as declared. Needs the
   * `SidecarContainers` feature on the API server and every node (default from 1.29; 1.28 with
   * the feature gate). A target below 1.28 is an error.
   */
  NATIVE = 'native',

  /**
   * Sidecars become regular containers, listed before the app containers. Start order is not
   * guaranteed (the kubelet starts regular containers together) and the pod says so in the
   * `cdk8s-sidecars.dev/start-order` annotation. In run-to-completion pods (Jobs, CronJobs, pod
   * `restartPolicy` Never/OnFailure) the app and sidecar commands are wrapped so that the
   * sidecars stop when every app container has exited: this needs an explicit `command` on each
   * of them and `sh` in their images.
   */
  LEGACY = 'legacy',

  /**
   * Runtime feature detection (the "universal sidecar" of the Kubernetes sidecar adoption guide):
   * each sidecar is emitted twice, as a native sidecar without probes and as a regular-container
   * twin, sharing an `emptyDir`. The native one exits on its first run and claims the sidecar role
   * when the kubelet restarts it (only where native sidecars work); the twin waits a bounded time
   * for that claim and then either becomes the sidecar or stays idle. Resources are counted twice.
   * Needs an explicit `command` on each sidecar and `sh` in its image.
   */
  UNIVERSAL = 'universal',

  /**
   * `NATIVE` when the target version is 1.29 or later (native sidecars on by default), `LEGACY`
   * below. 1.28 counts as "below": there native sidecars are alpha, off unless the cluster
   * enables the `SidecarContainers` gate, and not stopped in order; choose `NATIVE` explicitly
   * for a 1.28 cluster with the gate on.
   */
  AUTO = 'auto',
}
