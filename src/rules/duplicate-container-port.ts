import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { apiValidation, findingOfWarning } from './private/api-validation';
import { BaseRule } from './private/base-rule';
import { RuleContext } from './rule-context';

/**
 * Port definitions the API server warns about (pkg/api/pod/warnings.go): the same
 * containerPort/protocol declared twice in the pod, with the same, overlapping or ambiguous
 * hostPort/hostIP. A warning, as in the API server: the pod is accepted, and two containers that
 * really bind the same port at the same time find out at run time.
 */
export class DuplicateContainerPortRule extends BaseRule {
  public readonly id = 'SC-PORT-001';
  public readonly name = 'duplicate-container-port';
  public readonly severity = Severity.WARNING;
  public readonly summary = 'No containerPort/protocol is declared twice in a pod (the API server warns).';
  public readonly explanation = 'Containers of one pod share its network namespace, sidecars included. The API server accepts a pod that declares the same containerPort and protocol twice (in any containers, init and ephemeral ones included) but warns: a duplicate, overlapping or ambiguous declaration usually means two containers that would bind the same port, and the second one fails to start when they run at the same time (a sidecar runs alongside the app and the init containers declared after it).';
  public readonly fix = 'Give one of the containers another port, or remove the repeated declaration.';
  public readonly source = 'https://github.com/kubernetes/kubernetes/blob/master/pkg/api/pod/warnings.go (warningsForPodSpecAndMeta, ports)';

  public evaluate(context: RuleContext): Finding[] {
    return apiValidation(context).warnings.filter((w) => w.port).map((w) => findingOfWarning(this, w));
  }
}
