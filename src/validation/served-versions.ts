import { FieldError, notSupported, ValidationArea } from './field-error';
import { FieldPath } from '../engine/field-path';
import { KubernetesVersion } from '../engine/kubernetes-version';

/** One apiVersion a kind was served under, from `since` until before `removedIn`. */
interface Served {
  readonly apiVersion: string;
  readonly since?: KubernetesVersion;
  readonly removedIn?: KubernetesVersion;
}

const v = (s: string) => KubernetesVersion.of(s);

/**
 * The API versions of the pod-bearing kinds and when Kubernetes stopped serving the old ones
 * (https://kubernetes.io/docs/reference/using-api/deprecation-guide/): the apps/v1beta1,
 * apps/v1beta2 and extensions/v1beta1 workloads were removed in 1.16, batch/v1beta1 CronJob in
 * 1.25, batch/v2alpha1 in 1.21; batch/v1 CronJob is served from 1.21, apps/v1 from 1.9.
 */
const SERVED: Record<string, ReadonlyArray<Served>> = {
  Pod: [{ apiVersion: 'v1' }],
  PodTemplate: [{ apiVersion: 'v1' }],
  ReplicationController: [{ apiVersion: 'v1' }],
  Deployment: [
    { apiVersion: 'apps/v1', since: v('1.9') },
    { apiVersion: 'apps/v1beta2', since: v('1.8'), removedIn: v('1.16') },
    { apiVersion: 'apps/v1beta1', since: v('1.6'), removedIn: v('1.16') },
    { apiVersion: 'extensions/v1beta1', removedIn: v('1.16') },
  ],
  StatefulSet: [
    { apiVersion: 'apps/v1', since: v('1.9') },
    { apiVersion: 'apps/v1beta2', since: v('1.8'), removedIn: v('1.16') },
    { apiVersion: 'apps/v1beta1', since: v('1.5'), removedIn: v('1.16') },
  ],
  DaemonSet: [
    { apiVersion: 'apps/v1', since: v('1.9') },
    { apiVersion: 'apps/v1beta2', since: v('1.8'), removedIn: v('1.16') },
    { apiVersion: 'extensions/v1beta1', removedIn: v('1.16') },
  ],
  ReplicaSet: [
    { apiVersion: 'apps/v1', since: v('1.9') },
    { apiVersion: 'apps/v1beta2', since: v('1.8'), removedIn: v('1.16') },
    { apiVersion: 'extensions/v1beta1', removedIn: v('1.16') },
  ],
  Job: [{ apiVersion: 'batch/v1' }],
  CronJob: [
    { apiVersion: 'batch/v1', since: v('1.21') },
    { apiVersion: 'batch/v1beta1', since: v('1.8'), removedIn: v('1.25') },
    { apiVersion: 'batch/v2alpha1', removedIn: v('1.21') },
  ],
};

/** The built-in API groups of these kinds; an object of another group is a custom resource, not ours to judge. */
const BUILT_IN_GROUPS = new Set(['', 'apps', 'extensions', 'batch']);

function servedAt(s: Served, version: KubernetesVersion): boolean {
  return (s.since === undefined || version.isAtLeast(s.since)) && (s.removedIn === undefined || version.isBefore(s.removedIn));
}

/**
 * An error when the object's apiVersion is not served for its kind at the target version,
 * naming the versions that are (an old manifest fails `kubectl apply` with "no matches for kind").
 */
export function validateServedVersion(kind: string, apiVersion: unknown, version: KubernetesVersion, errs: FieldError[]): void {
  const served = Object.prototype.hasOwnProperty.call(SERVED, kind) ? SERVED[kind] : undefined;
  if (!served) return;
  if (typeof apiVersion !== 'string') {
    errs.push(notSupported(FieldPath.of('apiVersion'), apiVersion ?? '', served.filter((s) => servedAt(s, version)).map((s) => s.apiVersion), ValidationArea.API_VERSION));
    return;
  }
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  if (!BUILT_IN_GROUPS.has(group)) return;
  const entry = served.find((s) => s.apiVersion === apiVersion);
  if (entry && servedAt(entry, version)) return;
  const now = served.filter((s) => servedAt(s, version)).map((s) => s.apiVersion);
  const why = entry?.removedIn && !version.isBefore(entry.removedIn)
    ? `${kind} ${apiVersion} is no longer served (removed in Kubernetes ${entry.removedIn}, target is ${version})`
    : entry?.since && version.isBefore(entry.since)
      ? `${kind} ${apiVersion} is not served yet (from Kubernetes ${entry.since}, target is ${version})`
      : `${kind} is not served as ${apiVersion}`;
  const base = notSupported(FieldPath.of('apiVersion'), apiVersion, now, ValidationArea.API_VERSION, { fix: now.length > 0 ? `change apiVersion to ${now[0]} (check the fields that changed: https://kubernetes.io/docs/reference/using-api/deprecation-guide/)` : `target a Kubernetes version that serves ${kind}` });
  errs.push({ ...base, detail: `${why}; ${base.detail}` });
}
