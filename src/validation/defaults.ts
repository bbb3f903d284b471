import { int, str } from './wire';
import { parseImageReference } from '../engine/image-reference';

/**
 * The API server's defaulting, applied before validation (pkg/apis/core/v1/defaults.go,
 * `SetDefaults_*`, and the `+default` markers of k8s.io/api), as readers: each function returns
 * what the field holds after defaulting. The validation reads fields through these instead of
 * defaulting a copy of the pod, so nothing that passes only thanks to a default is reported and
 * no object is copied per check. With `apply` false they return the raw (zero) value, which is
 * what validation.go's own tests validate.
 *
 * Workload defaults (replicas 1, strategy types, ...) follow pkg/apis/apps/v1/defaults.go and
 * pkg/apis/batch/v1/defaults.go.
 */

/** `SetDefaults_Container`: Always for a `:latest` (or untagged) image, IfNotPresent otherwise. */
export function imagePullPolicy(container: Record<string, any>, apply: boolean): unknown {
  const v = str(container.imagePullPolicy);
  if (v !== '' || !apply) return v;
  return imageTag(typeof container.image === 'string' ? container.image : '') === 'latest' ? 'Always' : 'IfNotPresent';
}

/**
 * The tag of an image reference as `parsers.ParseImageName` reads it: the part after the last
 * `:` of the last path segment; `latest` when there is neither a tag nor a digest.
 */
export function imageTag(image: string): string {
  const { tag, hasDigest } = parseImageReference(image);
  return tag === '' && !hasDigest ? 'latest' : tag;
}

/** `SetDefaults_Container`: File. */
export function terminationMessagePolicy(container: Record<string, any>, apply: boolean): unknown {
  const v = str(container.terminationMessagePolicy);
  return v === '' && apply ? 'File' : v;
}

/** `ContainerPort.protocol` `+default="TCP"`. */
export function portProtocol(port: Record<string, any>, apply: boolean): unknown {
  const v = str(port.protocol);
  return v === '' && apply ? 'TCP' : v;
}

/** `defaultHostNetworkPorts` (Pods only): with hostNetwork a hostPort of 0 becomes the containerPort. */
export function hostPort(port: Record<string, any>, hostNetwork: boolean, apply: boolean): unknown {
  const v = int(port.hostPort);
  return v === 0 && hostNetwork && apply ? int(port.containerPort) : v;
}

const PROBE_DEFAULTS: Record<string, number> = { timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 };

/** `SetDefaults_Probe`: timeoutSeconds 1, periodSeconds 10, successThreshold 1, failureThreshold 3 (when 0). */
export function probeField(probe: Record<string, any>, field: string, apply: boolean): unknown {
  const v = int(probe[field]);
  return v === 0 && apply && field in PROBE_DEFAULTS ? PROBE_DEFAULTS[field] : v;
}

/** `SetDefaults_HTTPGetAction`: path "/". */
export function httpGetPath(action: Record<string, any>, apply: boolean): unknown {
  const v = str(action.path);
  return v === '' && apply ? '/' : v;
}

/** `SetDefaults_HTTPGetAction`: scheme HTTP. */
export function httpGetScheme(action: Record<string, any>, apply: boolean): unknown {
  const v = str(action.scheme);
  return v === '' && apply ? 'HTTP' : v;
}

/** `SetDefaults_ObjectFieldSelector`: apiVersion v1. */
export function fieldRefApiVersion(selector: Record<string, any>, apply: boolean): unknown {
  const v = str(selector.apiVersion);
  return v === '' && apply ? 'v1' : v;
}

/** `SetDefaults_PodSpec`: dnsPolicy ClusterFirst. */
export function dnsPolicy(spec: Record<string, any>, apply: boolean): unknown {
  const v = str(spec.dnsPolicy);
  return v === '' && apply ? 'ClusterFirst' : v;
}

/** `SetDefaults_PodSpec`: restartPolicy Always. */
export function restartPolicy(spec: Record<string, any>, apply: boolean): unknown {
  const v = str(spec.restartPolicy);
  return v === '' && apply ? 'Always' : v;
}

/** `v1.DefaultTerminationGracePeriodSeconds`. */
export const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;

/** `SetDefaults_PodSpec`: terminationGracePeriodSeconds 30 (a pointer: undefined when unset). */
export function terminationGracePeriodSeconds(spec: Record<string, any>, apply: boolean): unknown {
  const v = spec.terminationGracePeriodSeconds;
  return (v === undefined || v === null) && apply ? DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS : v ?? undefined;
}

/** `SetDefaults_Volume`: a volume with no source at all is an emptyDir. */
export function volumeDefaultsToEmptyDir(sources: number, apply: boolean): boolean {
  return sources === 0 && apply;
}

/** `SetDefaults_Deployment`/`StatefulSet`/`ReplicaSet`/`ReplicationController`: replicas 1. */
export function replicas(spec: Record<string, any>, apply: boolean): unknown {
  const v = spec.replicas;
  return (v === undefined || v === null) && apply ? 1 : int(v);
}
