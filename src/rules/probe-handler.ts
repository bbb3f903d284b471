import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { ValidationArea } from '../validation/field-error';
import { errorFindings } from './private/api-validation';
import { BaseRule } from './private/base-rule';
import { RuleContext } from './rule-context';

/**
 * validation.go `validateHandler`: exactly one handler type (a view of the API-server validation).
 */
export class ProbeHandlerRule extends BaseRule {
  public readonly id = 'SC-API-005';
  public readonly name = 'probe-handler';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'Every probe and lifecycle hook has exactly one handler.';
  public readonly explanation = 'A probe names one of exec, httpGet, tcpSocket or grpc; a postStart/preStop hook one of exec, httpGet, tcpSocket or sleep. The API server rejects a probe or hook with none ("must specify a handler type") and, for a second one, the later field ("may not specify more than 1 handler type").';
  public readonly fix = 'Keep exactly one handler in the probe or hook.';
  public readonly source = 'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go (validateHandler)';

  public evaluate(context: RuleContext): Finding[] {
    return errorFindings(this, context, [ValidationArea.HANDLER_COUNT]);
  }
}
