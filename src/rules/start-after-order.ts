import { ContainerRole } from '../engine/container-role';
import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { BaseRule } from './private/base-rule';
import { readDeclarations } from './private/declarations';
import { onCycle, resolvedPairs } from './private/relations';
import { RuleContext } from './rule-context';

/**
 * `start-after` names init steps; an init container can only start after steps declared before
 * it, because the kubelet starts init containers in declaration order.
 */
export class StartAfterOrderRule extends BaseRule {
  public readonly id = 'SC-ORDER-002';
  public readonly name = 'start-after-order';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'No init step waits on an init container or sidecar declared after it.';
  public readonly explanation = 'Declaration order is the only start order the kubelet knows: init container N starts once N-1 has completed (or, for a sidecar, started). A declared "start after X" where X comes later in initContainers cannot hold; an app container cannot be an init step at all.';
  public readonly fix = 'Reorder initContainers so every step comes after what it starts after.';
  public readonly source = 'https://kubernetes.io/docs/concepts/workloads/pods/init-containers/#detailed-behavior';

  public evaluate(context: RuleContext): Finding[] {
    const pod = context._pod;
    const out: Finding[] = [];
    for (const { fromName, toName: stepName, from, to: step } of resolvedPairs(pod, readDeclarations(pod).startAfter)) {
      if (!from || !step) continue; // SC-ANN-001
      if (step.role === ContainerRole.APP) {
        out.push(this.invalid(from.path, undefined, `"${fromName}" is declared to start after "${stepName}", which is an app container, not an init step`,
          `remove "${stepName}" from the start-after declaration of "${fromName}", or make it an init container`));
      } else if (from.role !== ContainerRole.APP && step.index > from.index && !onCycle(pod, fromName, stepName)) {
        out.push(this.forbidden(from.path, `"${fromName}" is declared to start after "${stepName}", but "${stepName}" is declared after it (${step.path})`,
          `move "${stepName}" before "${fromName}" in initContainers`));
      }
    }
    return out;
  }
}
