import { ContainerRole } from '../engine/container-role';
import { ErrorType } from '../engine/error-type';
import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { isObject } from '../engine/wire-types';
import { BaseRule } from './private/base-rule';
import { containersOf } from './private/pod-view';
import { RuleContext } from './rule-context';

/**
 * A sidecar's readinessProbe counts towards the Pod's Ready condition, hence Service endpoints
 * (KEP-753). That is often intended, but a failing sidecar then takes the whole pod out of
 * rotation. In Jobs the Ready condition does not affect completion, so it is informational there.
 */
export class SidecarReadinessProbeRule extends BaseRule {
  public readonly id = 'SC-READINESS-001';
  public readonly name = 'sidecar-readiness-probe';
  public readonly severity = Severity.WARNING;
  public readonly summary = 'A sidecar\'s readinessProbe gates Pod Ready and Service endpoints.';
  public readonly explanation = 'Unlike regular init containers, sidecars may have a readinessProbe, and its result is part of the Pod\'s Ready condition: when the sidecar is not ready the pod is removed from every Service\'s endpoints even if the app is healthy. Make sure that is intended (e.g. a proxy all traffic goes through). In a Job the Ready condition does not affect completion, so this is only informational there.';
  public readonly fix = 'Keep the readinessProbe only if traffic must wait for the sidecar; otherwise remove it or use a startupProbe.';
  public readonly source = 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#sidecar-containers-and-pod-lifecycle';

  public evaluate(context: RuleContext): Finding[] {
    const pod = context._pod;
    const out: Finding[] = [];
    for (const c of containersOf(pod)) {
      if (c.role !== ContainerRole.SIDECAR || !isObject(c.container.readinessProbe)) continue;
      out.push(pod.runsToCompletion
        ? this.advise(ErrorType.NO_EFFECT, c.path.child('readinessProbe'),
          `readinessProbe of sidecar "${c.name}" counts towards Pod Ready, which does not affect completion of a ${pod.kind}`,
          `remove the readinessProbe of "${c.name}" unless something watches the pod's Ready condition`, { severity: Severity.INFO })
        : this.advise(ErrorType.NOT_RECOMMENDED, c.path.child('readinessProbe'),
          `readinessProbe of sidecar "${c.name}" gates Pod Ready: while it fails, the pod is removed from every Service's endpoints`,
          `keep it only if traffic must wait for "${c.name}"; otherwise remove it or use a startupProbe, or suppress ${this.id} with a reason`));
    }
    return out;
  }
}
