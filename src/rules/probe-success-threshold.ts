import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { ValidationArea } from '../validation/field-error';
import { errorFindings } from './private/api-validation';
import { BaseRule } from './private/base-rule';
import { RuleContext } from './rule-context';

/**
 * validation.go `validateLivenessProbe` / `validateStartupProbe`: successThreshold must be 1
 * (a view of the API-server validation).
 */
export class ProbeSuccessThresholdRule extends BaseRule {
  public readonly id = 'SC-API-004';
  public readonly name = 'probe-success-threshold';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'livenessProbe and startupProbe successThreshold must be 1.';
  public readonly explanation = 'Only readiness can require several successes in a row; for liveness and startup probes one success is the whole answer, and the API server rejects any other successThreshold (an unset or 0 value defaults to 1). This applies to sidecars as to app containers.';
  public readonly fix = 'Remove successThreshold or set it to 1.';
  public readonly source = 'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go (validateLivenessProbe, validateStartupProbe)';

  public evaluate(context: RuleContext): Finding[] {
    return errorFindings(this, context, [ValidationArea.PROBE_SUCCESS_THRESHOLD]);
  }
}
