import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { ValidationArea } from '../validation/field-error';
import { errorFindings } from './private/api-validation';
import { BaseRule } from './private/base-rule';
import { RuleContext } from './rule-context';

/**
 * postStart/preStop handlers and the sleep action (validation.go `validateLifecycle`,
 * `validateSleepAction`): a view of the API-server validation, with the sleep action's gates.
 */
export class LifecycleHandlersRule extends BaseRule {
  public readonly id = 'SC-API-014';
  public readonly name = 'lifecycle-handlers';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'postStart and preStop handlers are valid, and the sleep action fits the grace period and the target version.';
  public readonly explanation = 'The API server validates lifecycle hooks like probe handlers (an exec command, an httpGet or tcpSocket port in range or a port name, an HTTP(S) scheme) and a sleep action of at most terminationGracePeriodSeconds seconds and more than 0 (0 is allowed from Kubernetes 1.33, PodLifecycleSleepActionAllowZero). The sleep action does not exist before 1.29 (the API server drops it, leaving a hook without a handler) and needs the PodLifecycleSleepAction gate in 1.29 (a warning).';
  public readonly fix = 'Fix the hook as the finding says; for a sleep, stay within terminationGracePeriodSeconds.';
  public readonly source = 'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go (validateLifecycle, validateHandler, validateSleepAction)';

  public evaluate(context: RuleContext): Finding[] {
    return errorFindings(this, context, [ValidationArea.LIFECYCLE]);
  }
}
