import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { ValidationArea } from '../validation/field-error';
import { errorFindings } from './private/api-validation';
import { BaseRule } from './private/base-rule';
import { RuleContext } from './rule-context';

/**
 * Probe numbers and handler fields (validation.go `validateProbe`, `validateHandler`): a view of
 * the API-server validation.
 */
export class ProbeFieldsRule extends BaseRule {
  public readonly id = 'SC-API-013';
  public readonly name = 'probe-fields';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'Probe numbers and handler fields are valid: non-negative timings, ports 1-65535 or port names, HTTP(S) schemes, header names, exec commands.';
  public readonly explanation = 'The API server rejects a probe with a negative initialDelaySeconds, timeoutSeconds, periodSeconds, successThreshold or failureThreshold, a probe-level terminationGracePeriodSeconds that is not positive or is set on a readinessProbe, an httpGet, tcpSocket or grpc port that is 0, above 65535 or an invalid port name, an httpGet scheme other than HTTP or HTTPS, an invalid header name, or an exec probe without a command. Defaults are applied first (an httpGet without path probes "/"), as the API server does.';
  public readonly fix = 'Fix the probe field as the finding says.';
  public readonly source = 'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go (validateProbe, validateHandler, ValidatePortNumOrName)';

  public evaluate(context: RuleContext): Finding[] {
    return errorFindings(this, context, [ValidationArea.PROBE]);
  }
}
