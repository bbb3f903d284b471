import { ErrorType } from '../engine/error-type';
import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { legacySidecarsOf } from '../lifecycle/legacy-sidecars';
import { BaseRule } from './private/base-rule';
import { RuleContext } from './rule-context';

/**
 * The "legacy sidecar": a helper declared as a regular container of a Job. A Job completes when
 * all its pod's regular containers have exited, so a helper that never exits keeps the Job
 * running forever (the problem native sidecars solve, KEP-753). An error, not a warning: the Job
 * never completes, and `activeDeadlineSeconds` would only turn that into a failure.
 */
export class LegacySidecarInJobRule extends BaseRule {
  public readonly id = 'SC-JOB-001';
  public readonly name = 'legacy-sidecar-in-job';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'A long-running helper is declared as a regular container of a Job or CronJob.';
  public readonly explanation = 'A Job\'s pod completes only when all its regular containers have exited. A proxy, agent or log shipper declared next to the main container (sleep infinity, tail -F, while true, or a well-known proxy/agent/log-shipper image) never exits, so the Job never completes and the CronJob piles up runs. Native sidecars (init containers with restartPolicy: Always) are stopped automatically once the main containers are done. When the app really stops the helper through its shutdown protocol (Cloud SQL proxy --quitquitquit, Istio pilot-agent /quitquitquit, linkerd-await --shutdown), the Job does complete: the finding is then informational, or a warning when the call only runs if the job succeeded.';
  public readonly fix = 'Move the helper to initContainers with restartPolicy: Always (`cdk8s-sidecars migrate` does this).';
  public readonly source = 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#jobs-with-sidecar-containers';

  public evaluate(context: RuleContext): Finding[] {
    const pod = context._pod;
    if (!pod.runsToCompletion) return [];
    return legacySidecarsOf(pod).map((s) => {
      const p = s.protocol;
      if (p === undefined) {
        return this.forbidden(s.path,
          `container "${s.name}" looks long-running (${s.reason}); as a regular container of a ${pod.kind} it keeps the pod running and the ${pod.kind} never completes`,
          `move "${s.name}" to initContainers with restartPolicy: Always to make it a native sidecar (\`cdk8s-sidecars migrate\` does this)`);
      }
      const how = `"${p.caller}" stops it through the ${p.name} protocol (${JSON.stringify(p.call)})`;
      if (p.conditional) {
        // Reached only after && (or ||): when the app fails, nothing stops the helper and the pod never completes.
        return this.advise(ErrorType.NOT_RECOMMENDED, s.path,
          `container "${s.name}" is a legacy sidecar (${s.reason}); ${how}, but only when the command before the call succeeds: when it fails, "${s.name}" keeps running and the ${pod.kind} never completes`,
          `call the quit endpoint whatever the outcome (after ";" or in a "trap ... EXIT"), or move "${s.name}" to initContainers with restartPolicy: Always, which removes the protocol`,
          { severity: Severity.WARNING });
      }
      // The Job completes; a native sidecar would only make the protocol unnecessary.
      return this.advise(ErrorType.NOT_RECOMMENDED, s.path,
        `container "${s.name}" is a legacy sidecar (${s.reason}); works: ${how}${p.caveat ? `, provided ${p.caveat}` : ''}`,
        `a native sidecar removes the protocol: move "${s.name}" to initContainers with restartPolicy: Always (\`cdk8s-sidecars migrate\` does this) and drop the quit call`,
        { severity: Severity.INFO });
    });
  }
}
