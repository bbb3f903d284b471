import { ContainerRole } from '../engine/container-role';
import { ErrorType } from '../engine/error-type';
import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { isObject } from '../engine/wire-types';
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
  public readonly explanation = 'A sidecar runs for the whole life of the pod and its requests are added to the app containers\' when the scheduler places the pod. A sidecar without cpu and memory requests reserves nothing: the node is overcommitted, the pod drops to Burstable or BestEffort QoS, and the sidecar is among the first evicted under memory pressure.';
  public readonly fix = 'Set resources.requests (cpu and memory) on the sidecar.';
  public readonly source = 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#resource-sharing-within-containers';

  public evaluate(context: RuleContext): Finding[] {
    const out: Finding[] = [];
    for (const c of containersOf(context._pod)) {
      if (c.role !== ContainerRole.SIDECAR) continue;
      const res = isObject(c.container.resources) ? c.container.resources : {};
      // The API server defaults requests to limits when only limits are set.
      const requests = isObject(res.requests) ? res.requests : undefined;
      const limits = isObject(res.limits) ? res.limits : undefined;
      const has = (r: string) => requests?.[r] !== undefined || limits?.[r] !== undefined;
      if (has('cpu') && has('memory')) continue;
      const missing = ['cpu', 'memory'].filter((r) => !has(r));
      out.push(this.advise(ErrorType.RECOMMENDED, c.path.child('resources', 'requests'),
        `sidecar "${c.name}" has no ${missing.join(' or ')} request, so the scheduler reserves nothing for it`,
        `set resources.requests.${missing.join(' and resources.requests.')} on "${c.name}"`));
    }
    return out;
  }
}
