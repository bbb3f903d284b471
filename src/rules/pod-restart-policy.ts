import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { BaseRule } from './private/base-rule';
import { RuleContext } from './rule-context';

const ALL_POLICIES = ['Always', 'OnFailure', 'Never'];

/**
 * The Pod restartPolicy fits the workload kind: `Always` for controllers that keep pods running
 * (apps/v1 validation `ValidatePodTemplateSpecForReplicaSet` and friends), `OnFailure` or
 * `Never` for Jobs (batch validation `validatePodTemplateSpec`... `RestartPolicy`).
 * An unset policy defaults to `Always`, which a Job rejects.
 */
export class PodRestartPolicyRule extends BaseRule {
  public readonly id = 'SC-API-011';
  public readonly name = 'pod-restart-policy';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'The Pod restartPolicy fits the workload kind.';
  public readonly explanation = 'Jobs and CronJobs run pods to completion and accept only restartPolicy OnFailure or Never; an unset policy defaults to Always and is rejected. Deployments, StatefulSets, DaemonSets and ReplicaSets accept only Always. Sidecars do not change this: their own restartPolicy: Always is a container field, not the Pod\'s.';
  public readonly fix = 'Set the Pod restartPolicy to a value the workload kind accepts.';
  public readonly source = 'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/batch/validation/validation.go (ValidateJobSpec); pkg/apis/apps/validation/validation.go';

  public evaluate(context: RuleContext): Finding[] {
    const pod = context._pod;
    const raw = pod.podSpec.restartPolicy;
    const path = pod.podSpecPath.child('restartPolicy');
    if (raw !== undefined && raw !== '' && !ALL_POLICIES.includes(raw as string)) {
      return [this.notSupported(path, raw, ALL_POLICIES, 'use Always, OnFailure or Never')];
    }
    const effective = pod.effectiveRestartPolicy;
    if (pod.runsToCompletion && effective === 'Always') {
      const note = raw === undefined || raw === '' ? 'unset defaults to "Always"' : undefined;
      return [this.notSupported(path, 'Always', ['OnFailure', 'Never'],
        `set restartPolicy: Never (or OnFailure) on the ${pod.kind}'s pod template; keep long-running helpers as sidecars (init containers with restartPolicy: Always)`, note)];
    }
    if (pod.isLongRunning && effective !== 'Always') {
      return [this.notSupported(path, effective, ['Always'],
        `remove restartPolicy or set it to Always: a ${pod.kind} keeps its pods running; use a Job for work that completes`)];
    }
    return [];
  }
}
