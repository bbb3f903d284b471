import { ContainerRole } from '../engine/container-role';
import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { BaseRule } from './private/base-rule';
import { readDeclarations } from './private/declarations';
import { onCycle, resolvedPairs } from './private/relations';
import { RuleContext } from './rule-context';

/**
 * Sidecars are stopped in the reverse order of declaration (KEP-753), so a sidecar that uses
 * another one must be declared after it: it then starts after and stops before what it uses.
 */
export class SidecarTerminationOrderRule extends BaseRule {
  public readonly id = 'SC-ORDER-003';
  public readonly name = 'sidecar-termination-order';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'A sidecar that uses another sidecar is declared after it (termination runs in reverse).';
  public readonly explanation = 'Sidecars start in declaration order and, since Kubernetes 1.29, are stopped in reverse order once the app containers have exited. A sidecar declared before the sidecar it uses starts without it and is still running after it has been stopped, e.g. a log shipper that sends through a proxy loses its last lines.';
  public readonly fix = 'Declare the used sidecar first.';
  public readonly source = 'https://github.com/kubernetes/enhancements/tree/master/keps/sig-node/753-sidecar-containers';

  public evaluate(context: RuleContext): Finding[] {
    const pod = context._pod;
    const out: Finding[] = [];
    for (const { fromName, toName, from, to } of resolvedPairs(pod, readDeclarations(pod).needsReady)) {
      if (!from || !to || from.role !== ContainerRole.SIDECAR || to.role !== ContainerRole.SIDECAR) continue;
      if (to.index > from.index && !onCycle(pod, fromName, toName)) {
        out.push(this.forbidden(from.path, `sidecar "${fromName}" uses sidecar "${toName}", which is declared after it (${to.path}): "${toName}" starts after "${fromName}" and is stopped before it`,
          `move "${toName}" before "${fromName}" in initContainers`));
      }
    }
    return out;
  }
}
