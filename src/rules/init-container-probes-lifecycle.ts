import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { ValidationArea } from '../validation/field-error';
import { errorFindings } from './private/api-validation';
import { BaseRule } from './private/base-rule';
import { RuleContext } from './rule-context';

/**
 * validation.go `validateInitContainers`: these fields are allowed on sidecars only (a view of
 * the API-server validation).
 */
export class InitContainerProbesLifecycleRule extends BaseRule {
  public readonly id = 'SC-API-003';
  public readonly name = 'init-container-probes-lifecycle';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'Probes and lifecycle hooks are forbidden on regular init containers.';
  public readonly explanation = 'A regular init container runs to completion before the next one starts, so the API server rejects livenessProbe, readinessProbe, startupProbe and lifecycle on it. They are allowed on sidecars (init containers with restartPolicy: Always), which keep running. cdk8s-plus adds a default startupProbe to any init container given a port, which trips this rule.';
  public readonly fix = 'Remove the field, or make the container a sidecar with restartPolicy: Always if it is meant to keep running.';
  public readonly source = 'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go (validateInitContainers)';

  public evaluate(context: RuleContext): Finding[] {
    return errorFindings(this, context, [ValidationArea.INIT_FORBIDDEN_FIELD]);
  }
}
