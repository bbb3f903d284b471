import { EffectiveResources, EffectiveResourcesOptions } from './effective-resources';
import { parseQuantityCached, Quantity } from './quantity';
import { Annotations } from '../engine/annotations';
import { PodManifest } from '../engine/pod-manifest';

/** Written for an unbounded limit: some container sets none, so the pod cgroup has no cap. */
export const UNBOUNDED = 'unbounded';
/** Written for an empty resource map (e.g. the requests of a BestEffort pod). */
export const NO_RESOURCES = 'none';


/**
 * Formats a resource map compactly and deterministically: `cpu=350m,memory=448Mi` (keys
 * sorted), every resource listed in `unbounded` written `<name>=unbounded`, `none` when empty.
 */
export function formatResourceMap(values: { [resource: string]: string }, unbounded: ReadonlyArray<string> = []): string {
  const keys = [...new Set([...Object.keys(values), ...unbounded])].sort();
  if (keys.length === 0) return NO_RESOURCES;
  return keys.map((k) => `${k}=${unbounded.includes(k) ? UNBOUNDED : values[k]}`).join(',');
}

/** Every quantity of the map times `factor` (replicas), canonical. */
export function multiplyResourceMap(values: { [resource: string]: string }, factor: number): { [resource: string]: string } {
  const out: { [resource: string]: string } = {};
  for (const k of Object.keys(values).sort()) out[k] = parsed(values[k]).mul(factor).toString();
  return out;
}

/** A canonical quantity string (as `EffectiveResources` prints them), through the shared parse cache. */
function parsed(canonical: string): Quantity {
  const q = parseQuantityCached(canonical);
  return typeof q === 'string' ? Quantity.parse(canonical) : q;
}

/**
 * How many pods of this manifest run at once, for totals: `replicas`/`parallelism` (1 when
 * unset, as the API server defaults it); `undefined` for kinds without such a field.
 */
export function replicasOf(pod: PodManifest): number | undefined {
  // Replicated kinds: the API server defaults replicas/parallelism to 1. DaemonSets run one pod per node: no total.
  if (!PodManifest.isReplicated(pod.kind)) return pod.kind === 'Pod' ? 1 : undefined;
  return pod.replicas ?? 1;
}

/**
 * The annotations the constructs write on a pod template (or a Pod's metadata) at synth:
 * effective requests, effective limits (unbounded ones marked), the QoS class, and for
 * replicated kinds (or when `replicas` is given) the totals across replicas.
 *
 * @param manifestOrPodSpec a pod-bearing manifest, or a bare pod spec
 * @param replicas pods running at once; by default read from the manifest (`replicas`/`parallelism`)
 * @throws Error listing every invalid quantity (see `EffectiveResources.of`), or for a bad `replicas`
 */
export function effectiveResourceAnnotations(
  manifestOrPodSpec: unknown,
  replicas?: number,
  options?: EffectiveResourcesOptions,
): Record<string, string> {
  const pod = podOf(manifestOrPodSpec);
  checkReplicas(replicas);
  return annotationsOf(pod, EffectiveResources._fromPod(pod, options), replicas);
}

/**
 * Like `effectiveResourceAnnotations`, but `undefined` when a quantity is invalid, reading the
 * pod once (synth calls this on every render; the rules report invalid quantities).
 */
export function effectiveResourceAnnotationsIfValid(
  manifestOrPodSpec: unknown,
  options?: EffectiveResourcesOptions,
): Record<string, string> | undefined {
  return effectiveResourceAnnotationsOfPod(podOf(manifestOrPodSpec), options);
}

/** Like `effectiveResourceAnnotationsIfValid`, for a pod already read (the pod pipeline reads it once). */
export function effectiveResourceAnnotationsOfPod(pod: PodManifest, options?: EffectiveResourcesOptions): Record<string, string> | undefined {
  const effective = EffectiveResources._tryFromPod(pod, options);
  return effective ? annotationsOf(pod, effective, undefined) : undefined;
}

function podOf(manifestOrPodSpec: unknown): PodManifest {
  const pod = PodManifest.from(manifestOrPodSpec) ?? PodManifest.fromPodSpec(manifestOrPodSpec);
  if (!pod) throw new Error(`expected a pod-bearing manifest or a pod spec, got ${manifestOrPodSpec === null ? 'null' : typeof manifestOrPodSpec}`);
  return pod;
}

function checkReplicas(replicas: number | undefined): void {
  if (replicas !== undefined && !(Number.isSafeInteger(replicas) && replicas >= 0)) {
    throw new Error(`invalid replicas ${replicas}: expected a whole number >= 0`);
  }
}

function annotationsOf(pod: PodManifest, effective: EffectiveResources, replicas: number | undefined): Record<string, string> {
  const out: Record<string, string> = {
    [Annotations.EFFECTIVE_REQUESTS]: formatResourceMap(effective.requests),
    [Annotations.EFFECTIVE_LIMITS]: formatResourceMap(effective.limits, effective.unbounded),
    [Annotations.QOS_CLASS]: effective.qosClass,
  };
  const count = replicas ?? (PodManifest.isReplicated(pod.kind) ? replicasOf(pod) : undefined);
  if (count !== undefined) {
    out[Annotations.TOTAL_REQUESTS] = formatResourceMap(multiplyResourceMap(effective.requests, count));
    out[Annotations.TOTAL_LIMITS] = formatResourceMap(multiplyResourceMap(effective.limits, count), effective.unbounded);
  }
  return out;
}
