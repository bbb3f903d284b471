import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { hasStartCycle, resolveStartOrder } from '../engine/start-order';
import { BaseRule } from './private/base-rule';
import { declaredInitSteps } from './private/relations';
import { RuleContext } from './rule-context';

/**
 * The declared start order has no cycle. Init steps start one by one, so "a starts after b" and
 * "b starts after a" (directly, through other steps, or through a container's need for a sidecar
 * to be ready) cannot both hold. The order rules skip the declarations on a cycle: this finding
 * is the one said about it.
 */
export class StartOrderCycleRule extends BaseRule {
  public readonly id = 'SC-DECL-001';
  public readonly name = 'start-order-cycle';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'The declared start order (start-after, and needs-ready between init steps) has no cycle.';
  public readonly explanation = 'The kubelet starts init containers one at a time in list order, so the declared relation "starts after" must be a strict order. A cycle (a after b, b after a, or longer) has no list order that keeps it: some step would start before what it declared it needs. The constructs then cannot derive initContainers and synth fails; in a manifest the annotations contradict each other.';
  public readonly fix = 'Remove one of the start-after declarations in the cycle (startsAfter()/startAfter, requireReady(), or the cdk8s-sidecars.dev/start-after annotation).';
  public readonly source = 'https://kubernetes.io/docs/concepts/workloads/pods/init-containers/#detailed-behavior';

  public evaluate(context: RuleContext): Finding[] {
    const pod = context._pod;
    const steps = declaredInitSteps(pod);
    if (!hasStartCycle(steps)) return [];
    const { cycles } = resolveStartOrder(steps);
    return cycles.map((cycle) => this.invalid(pod.podSpecPath.child('initContainers'), undefined, `start-order cycle: ${cycle.join(' -> ')}`,
      'remove one of the declarations in the cycle (startsAfter()/startAfter or requireReady(); in a manifest, the start-after or needs-ready annotation)'));
  }
}
