import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { apiValidation, findingOfWarning } from './private/api-validation';
import { BaseRule } from './private/base-rule';
import { RuleContext } from './rule-context';

/**
 * What the API server returns as warnings for a pod or pod template it accepts
 * (pkg/api/pod/warnings.go), port definitions aside (SC-PORT-001 reports those).
 */
export class ApiServerWarningsRule extends BaseRule {
  public readonly id = 'SC-API-017';
  public readonly name = 'api-server-warnings';
  public readonly severity = Severity.WARNING;
  public readonly summary = 'What the API server accepts with a warning is a warning: deprecated node labels, annotations and volume plugins, fractional bytes, hidden env vars, a negative grace period, ...';
  public readonly explanation = 'The API server accepts these pods but answers with a warning, because the pod probably does not do what was meant: a nodeSelector or topology key on a deprecated node label, a deprecated annotation or volume plugin that no longer works, a fractional memory or ephemeral-storage value, an env var defined twice so that `kubectl apply` may drop one, a hostIP without hostPort, duplicate imagePullSecrets or hostAliases, a null labelSelector that matches no pod, or a negative terminationGracePeriodSeconds, which is treated as 1 second.';
  public readonly fix = 'Change the field as the warning says.';
  public readonly source = 'https://github.com/kubernetes/kubernetes/blob/master/pkg/api/pod/warnings.go (warningsForPodSpecAndMeta)';

  public evaluate(context: RuleContext): Finding[] {
    return apiValidation(context).warnings.filter((w) => !w.port).map((w) => findingOfWarning(this, w));
  }
}
