/**
 * What a container is to the kubelet.
 * https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/
 */
export enum ContainerRole {
  /** An init container without `restartPolicy: Always`: runs to completion, in order, before the next step. */
  REGULAR_INIT = 'init',
  /** An init container with `restartPolicy: Always`: started in order, then runs for the pod's whole life. */
  SIDECAR = 'sidecar',
  /** A regular (app) container: started together once every init step is done. */
  APP = 'app',
}
