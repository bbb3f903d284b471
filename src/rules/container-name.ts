import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { ValidationArea } from '../validation/field-error';
import { errorFindings } from './private/api-validation';
import { BaseRule } from './private/base-rule';
import { RuleContext } from './rule-context';

/**
 * validation.go `validateContainerCommon`: name required, a DNS-1123 label (a view of the
 * API-server validation; the label check is apimachinery's `IsDNS1123Label`, in `src/validation/names.ts`).
 */
export class ContainerNameRule extends BaseRule {
  public readonly id = 'SC-API-006';
  public readonly name = 'container-name';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'Every container (init, sidecar, app, ephemeral) has a name that is a DNS-1123 label.';
  public readonly explanation = 'The API server requires a container name of at most 63 lower-case alphanumeric characters or \'-\', starting and ending with an alphanumeric character. Names are how probes, logs, ordering declarations and kubectl refer to a container.';
  public readonly fix = 'Use a lower-case name such as "log-shipper" (letters, digits and \'-\', at most 63 characters).';
  public readonly source = 'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go (validateContainerCommon)';

  public evaluate(context: RuleContext): Finding[] {
    return errorFindings(this, context, [ValidationArea.CONTAINER_NAME]);
  }
}
