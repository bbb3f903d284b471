import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { ValidationArea } from '../validation/field-error';
import { errorFindings } from './private/api-validation';
import { BaseRule } from './private/base-rule';
import { RuleContext } from './rule-context';

/**
 * Served API versions of the pod-bearing kinds at the target version: a view of
 * `src/validation/served-versions.ts`.
 */
export class ServedApiVersionRule extends BaseRule {
  public readonly id = 'SC-VERSION-003';
  public readonly name = 'served-api-version';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'The apiVersion of a workload is served by the target Kubernetes version.';
  public readonly explanation = 'Kubernetes stopped serving the beta APIs of workloads: extensions/v1beta1, apps/v1beta1 and apps/v1beta2 Deployments, StatefulSets, DaemonSets and ReplicaSets in 1.16, batch/v2alpha1 CronJobs in 1.21 and batch/v1beta1 CronJobs in 1.25 (batch/v1 CronJobs exist from 1.21). `kubectl apply` of such a manifest fails with "no matches for kind"; objects of other API groups (custom resources) are not judged.';
  public readonly fix = 'Change apiVersion to the one the finding names, and adapt the fields that changed.';
  public readonly source = 'https://kubernetes.io/docs/reference/using-api/deprecation-guide/';

  public evaluate(context: RuleContext): Finding[] {
    return errorFindings(this, context, [ValidationArea.API_VERSION]);
  }
}
