import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { ValidationArea } from '../validation/field-error';
import { errorFindings } from './private/api-validation';
import { BaseRule } from './private/base-rule';
import { RuleContext } from './rule-context';

/**
 * The Pod restartPolicy: validation.go `validateRestartPolicy` and what the workload kind
 * accepts (apps and batch validation); a view of the API-server validation.
 */
export class PodRestartPolicyRule extends BaseRule {
  public readonly id = 'SC-API-011';
  public readonly name = 'pod-restart-policy';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'The Pod restartPolicy is valid and fits the workload kind.';
  public readonly explanation = "Jobs and CronJobs run pods to completion and accept only restartPolicy OnFailure or Never; an unset policy defaults to Always and is rejected. Deployments, StatefulSets, DaemonSets, ReplicaSets and ReplicationControllers accept only Always. Sidecars do not change this: their own restartPolicy: Always is a container field, not the Pod's.";
  public readonly fix = 'Set the Pod restartPolicy to a value the workload kind accepts.';
  public readonly source = 'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/batch/validation/validation.go (ValidateJobSpec); pkg/apis/apps/validation/validation.go';

  public evaluate(context: RuleContext): Finding[] {
    return errorFindings(this, context, [ValidationArea.POD_RESTART_POLICY]);
  }
}
