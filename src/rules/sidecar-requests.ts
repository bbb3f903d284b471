import { ContainerRole } from '../engine/container-role';
import { ErrorType } from '../engine/error-type';
import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { isObject } from '../engine/wire-types';
import { podLevelGatesAt } from '../resources/pod-level-resources';
import { BaseRule } from './private/base-rule';
import { containersOf } from './private/pod-view';
import { RuleContext } from './rule-context';

/**
 * A sidecar without requests. Sidecars run for the pod's whole life and count towards the pod's
 * effective requests like app containers (resource helpers.go); with none, the scheduler reserves
 * nothing for them and the node may be overcommitted.
 */
export class SidecarRequestsRule extends BaseRule {
  public readonly id = 'SC-RES-001';
  public readonly name = 'sidecar-requests';
  public readonly severity = Severity.WARNING;
  public readonly summary = 'A sidecar sets resource requests.';
  public readonly explanation = 'A sidecar runs for the whole life of the pod and its requests are added to the app containers\' when the scheduler places the pod. A sidecar without cpu and memory requests reserves nothing: the node is overcommitted, the pod drops to Burstable or BestEffort QoS, and the sidecar is among the first evicted under memory pressure. Where pod-level requests (spec.resources, from Kubernetes 1.34) cover a resource, the scheduler reserves them for the whole pod, sidecars included, and the rule is quiet for it.';
  public readonly fix = 'Set resources.requests (cpu and memory) on the sidecar.';
  public readonly source = 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#resource-sharing-within-containers';

  public evaluate(context: RuleContext): Finding[] {
    const out: Finding[] = [];
    let covered: ReadonlySet<string> | undefined;
    for (const c of containersOf(context._pod)) {
      if (c.role !== ContainerRole.SIDECAR) continue;
      // The API server defaults requests to limits when only limits are set.
      const has = (r: string) => declares(c.container.resources, r);
      if (has('cpu') && has('memory')) continue;
      covered ??= podLevelRequested(context);
      const missing = RESOURCES.filter((r) => !has(r) && !covered!.has(r));
      if (missing.length === 0) continue;
      out.push(this.advise(ErrorType.RECOMMENDED, c.path.child('resources', 'requests'),
        `sidecar "${c.name}" has no ${missing.join(' or ')} request, so the scheduler reserves nothing for it`,
        `set resources.requests.${missing.join(' and resources.requests.')} on "${c.name}"`));
    }
    return out;
  }
}

const RESOURCES = ['cpu', 'memory'];
const NONE: ReadonlySet<string> = new Set();

/** True when a container's `resources` name `r` in requests or limits (a limit defaults the request). */
function declares(resources: unknown, r: string): boolean {
  if (!isObject(resources)) return false;
  return (isObject(resources.requests) && resources.requests[r] !== undefined) || (isObject(resources.limits) && resources.limits[r] !== undefined);
}

/**
 * The resources (cpu, memory) for which the scheduler reserves a pod-level request for the whole
 * pod, sidecars included. component-helpers resource/helpers.go `PodRequests` replaces the
 * container aggregate with the pod-level request of each supported resource, where PodLevelResources
 * is on (by default from 1.34; below, the API server drops `spec.resources`). A pod-level request
 * is set, or defaulted by pkg/apis/core/v1/defaults.go `defaultPodRequests` when pod-level limits
 * are set: to the containers' aggregate request when some container requests the resource (then
 * it reserves nothing more for the sidecar: not covered), else to the pod-level limit (covered).
 */
function podLevelRequested(context: RuleContext): ReadonlySet<string> {
  const resources = context._pod.podSpec.resources;
  if (!isObject(resources) || !podLevelGatesAt(context._version).podLevelResources) return NONE;
  const requests = isObject(resources.requests) ? resources.requests : {};
  const limits = isObject(resources.limits) ? resources.limits : {};
  const out = new Set<string>();
  for (const r of RESOURCES) {
    if (requests[r] !== undefined) out.add(r);
    else if (limits[r] !== undefined && !containersOf(context._pod).some((c) => declares(c.container.resources, r))) out.add(r);
  }
  return out;
}
