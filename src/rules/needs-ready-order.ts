import { ContainerRole } from '../engine/container-role';
import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { BaseRule } from './private/base-rule';
import { readDeclarations } from './private/declarations';
import { onCycle, resolvedPairs } from './private/relations';
import { RuleContext } from './rule-context';

/**
 * A container that needs a sidecar ready comes after it. Init containers start one by one in
 * declaration order; a sidecar declared after a regular init container is only started once that
 * init container has completed, so the init container runs without it. App containers start after
 * every init container, so they may need any sidecar. Sidecar -> sidecar needs are SC-ORDER-003.
 */
export class NeedsReadyOrderRule extends BaseRule {
  public readonly id = 'SC-ORDER-001';
  public readonly name = 'needs-ready-order';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'A container that needs a sidecar ready is declared after it, and what it needs is a sidecar.';
  public readonly explanation = 'The kubelet starts init containers strictly in declaration order and does not read dependencies. A regular init container (e.g. a migration) that needs a proxy sidecar declared after it runs before the proxy exists. Only sidecars (init containers with restartPolicy: Always) are "ready" while others run: a regular init container has already exited and an app container starts together with the one that needs it.';
  public readonly fix = 'Declare the sidecar before the container that needs it.';
  public readonly source = 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#sidecar-containers-and-pod-lifecycle';

  public evaluate(context: RuleContext): Finding[] {
    const pod = context._pod;
    const out: Finding[] = [];
    for (const { fromName, toName, from, to } of resolvedPairs(pod, readDeclarations(pod).needsReady)) {
      if (!from || !to || from.role === ContainerRole.SIDECAR) continue; // SC-ANN-001 / SC-ORDER-003
      if (to.role !== ContainerRole.SIDECAR) {
        const what = to.role === ContainerRole.APP ? 'an app container, started together with the others' : 'a regular init container, which has exited before the next one starts';
        out.push(this.invalid(from.path, undefined, `"${fromName}" needs "${toName}" ready, but "${toName}" is ${what}`,
          `make "${toName}" a sidecar (an init container with restartPolicy: Always) or use start-after for a one-shot init step`));
      } else if (from.role === ContainerRole.REGULAR_INIT && to.index > from.index && !onCycle(pod, fromName, toName)) {
        out.push(this.forbidden(from.path, `init container "${fromName}" needs sidecar "${toName}" ready, but "${toName}" is declared after it (${to.path}) and only starts once "${fromName}" has completed`,
          `move "${toName}" before "${fromName}" in initContainers`));
      }
    }
    return out;
  }
}
