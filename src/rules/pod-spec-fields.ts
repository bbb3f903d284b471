import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { ValidationArea } from '../validation/field-error';
import { errorFindings } from './private/api-validation';
import { BaseRule } from './private/base-rule';
import { RuleContext } from './rule-context';

/**
 * Pod spec fields (validation.go `ValidatePodSpec`, `ValidateVolumes`) that no more specific
 * rule exposes: a view of the API-server validation.
 */
export class PodSpecFieldsRule extends BaseRule {
  public readonly id = 'SC-API-015';
  public readonly name = 'pod-spec-fields';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'Pod spec fields are valid: at least one container, volumes with a name and exactly one source, dnsPolicy, names and deadlines.';
  public readonly explanation = "The API server rejects a pod without app containers, a volume without a DNS-1123 name, with a duplicate name or with two sources (a volume with none is an emptyDir), source fields it requires (a Secret's secretName, a ConfigMap's name, a claim's claimName, ...), a dnsPolicy outside ClusterFirst, ClusterFirstWithHostNet, Default and None, dnsPolicy None without nameservers, hostPorts that differ from containerPorts under hostNetwork, an activeDeadlineSeconds outside 1-2147483647, and invalid hostname, subdomain, nodeName, serviceAccountName, priorityClassName, runtimeClassName or hostAliases.";
  public readonly fix = 'Fix the pod field as the finding says.';
  public readonly source = 'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go (ValidatePodSpec, ValidateVolumes)';

  public evaluate(context: RuleContext): Finding[] {
    return errorFindings(this, context, [ValidationArea.POD_SPEC]);
  }
}
