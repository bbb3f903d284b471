import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { ValidationArea } from '../validation/field-error';
import { errorFindings } from './private/api-validation';
import { BaseRule } from './private/base-rule';
import { RuleContext } from './rule-context';

/**
 * Fields of the workload around its pod template (apps and batch validation): a view of the
 * API-server validation (`src/validation/workload.ts`).
 */
export class WorkloadFieldsRule extends BaseRule {
  public readonly id = 'SC-API-016';
  public readonly name = 'workload-fields';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'The workload around the pod is valid: replicas and counts not negative, a selector that matches the template labels, strategies and schedules set.';
  public readonly explanation = 'Deployments, ReplicaSets, StatefulSets, DaemonSets, ReplicationControllers, Jobs and CronJobs validate their own fields before any pod exists: replicas, parallelism, completions, backoffLimit, minReadySeconds and the deadlines may not be negative or non-integers (replicas: "3" from JavaScript is a string), apps/v1 workloads need a selector that matches the pod template\'s labels, rolling updates need maxUnavailable or maxSurge above 0, a CronJob needs a schedule and no job selector, and pods that keep running may not set activeDeadlineSeconds.';
  public readonly fix = 'Fix the workload field as the finding says.';
  public readonly source = 'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/apps/validation/validation.go (ValidateDeploymentSpec, ValidateStatefulSetSpec, ValidateDaemonSetSpec); pkg/apis/batch/validation/validation.go';

  public evaluate(context: RuleContext): Finding[] {
    return errorFindings(this, context, [ValidationArea.WORKLOAD]);
  }
}
