import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { ValidationArea } from '../validation/field-error';
import { errorFindings } from './private/api-validation';
import { BaseRule } from './private/base-rule';
import { RuleContext } from './rule-context';

/**
 * validation.go: names are unique across app, init and ephemeral containers (a view of the
 * API-server validation).
 */
export class ContainerNameUniqueRule extends BaseRule {
  public readonly id = 'SC-API-007';
  public readonly name = 'container-name-unique';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'Container names are unique across init, sidecar, app and ephemeral containers.';
  public readonly explanation = 'The kubelet, kubectl logs/exec and the ordering declarations address containers by name; the API server rejects a pod in which two containers of any kind share one, and reports the clash on the later list it checks (app containers, then init containers, then ephemeral ones). cdk8s-plus does not catch duplicates across containers and initContainers.';
  public readonly fix = 'Rename one of the containers.';
  public readonly source = 'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go (validateInitContainers, validateContainers, validateEphemeralContainers)';

  public evaluate(context: RuleContext): Finding[] {
    return errorFindings(this, context, [ValidationArea.CONTAINER_NAME_UNIQUE]);
  }
}
