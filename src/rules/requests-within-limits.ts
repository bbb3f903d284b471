import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { ValidationArea } from '../validation/field-error';
import { errorFindings } from './private/api-validation';
import { BaseRule } from './private/base-rule';
import { RuleContext } from './rule-context';

/**
 * validation.go `ValidateContainerResourceRequirements` / pod-level resources: a view of the
 * API-server validation (`src/validation/resources.ts`). Quantities are compared exactly.
 */
export class RequestsWithinLimitsRule extends BaseRule {
  public readonly id = 'SC-API-010';
  public readonly name = 'requests-within-limits';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'Resource names and quantities are valid, not negative, and no request exceeds its limit.';
  public readonly explanation = 'The API server rejects a container (sidecars included) or a pod-level resources block whose request for a resource is greater than its limit, a quantity that does not parse or is negative, a resource name that is neither standard nor a domain-qualified extended resource, an extended resource that is fractional or requested below its limit, and hugepages that are not a whole number of pages or come without cpu or memory. Sidecar presets combined with user overrides make this easy to get wrong.';
  public readonly fix = 'Lower the request or raise the limit, and use resource names and quantities the API server accepts.';
  public readonly source = 'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go (ValidateContainerResourceRequirements, validatePodResourceRequirements)';

  public evaluate(context: RuleContext): Finding[] {
    return errorFindings(this, context, [ValidationArea.RESOURCES]);
  }
}
