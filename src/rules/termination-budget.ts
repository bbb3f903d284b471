import { ContainerRole } from '../engine/container-role';
import { ErrorType } from '../engine/error-type';
import { Finding } from '../engine/finding';
import { KubernetesVersion } from '../engine/kubernetes-version';
import { DEFAULT_TERMINATION_GRACE_SECONDS } from '../engine/pod-defaults';
import { Severity } from '../engine/severity';
import { preStopOf, shutdownNeeds } from '../lifecycle/plan-shutdown';
import { BaseRule } from './private/base-rule';
import { readDeclarations } from './private/declarations';
import { containersOf } from './private/pod-view';
import { RuleContext } from './rule-context';

/**
 * On deletion the kubelet starts every container's preStop hook at once, stops the app
 * containers when their hooks return, then (1.29+) the sidecars one by one in reverse order, each
 * once its own hook has returned and the one after it has exited (KEP-753), all within one
 * terminationGracePeriodSeconds; whatever is left when it runs out is SIGKILLed. The sequence is
 * computed by `shutdownNeeds`, the same computation as the lifecycle plan's shutdown.
 */
export class TerminationBudgetRule extends BaseRule {
  public readonly id = 'SC-TERMINATION-001';
  public readonly name = 'termination-budget';
  public readonly severity = Severity.WARNING;
  public readonly summary = 'The shutdown sequence (preStop hooks, then app containers, then sidecars in reverse order) fits in terminationGracePeriodSeconds.';
  public readonly explanation = 'terminationGracePeriodSeconds (default 30) is one budget for the whole pod. When termination begins every container\'s preStop hook starts; app containers get SIGTERM when their hook returns; sidecars are stopped after them, one at a time in reverse declaration order, each once its own hook has returned and the sidecar after it has exited (the kubelet\'s killContainer, KEP-753). If that sequence, with the sidecars\' declared shutdown times (cdk8s-sidecars.dev/shutdown-seconds), ends after the budget, the last sidecars are SIGKILLed: a log shipper loses its last lines, a proxy cuts open connections. The lifecycle plan computes the same sequence.';
  public readonly fix = 'Raise terminationGracePeriodSeconds, or shorten the preStop sleep or the sidecars\' shutdown.';
  public readonly source = 'https://github.com/kubernetes/kubernetes/blob/master/pkg/kubelet/kuberuntime/kuberuntime_container.go (killContainer); https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#termination-of-sidecar-containers';

  public evaluate(context: RuleContext): Finding[] {
    const pod = context._pod;
    const shutdown = readDeclarations(pod).shutdownSeconds;
    const raw = pod.podSpec.terminationGracePeriodSeconds;
    const grace = typeof raw === 'number' ? raw : DEFAULT_TERMINATION_GRACE_SECONDS;
    // Whatever the order, the sequence never needs more than every declared second added up:
    // when that fits, so does the sequence (most pods), and there is nothing to plan.
    let upperBound = 0;
    for (const c of containersOf(pod)) {
      if (c.role !== ContainerRole.REGULAR_INIT) upperBound += preStopOf(c.container).seconds + (shutdown[c.name] ?? 0);
    }
    if (upperBound <= grace) return [];
    const demands = containersOf(pod)
      .filter((c) => c.role !== ContainerRole.REGULAR_INIT)
      .map((c) => ({ name: c.name, role: c.role, preStopSeconds: preStopOf(c.container).seconds, shutdownSeconds: shutdown[c.name] ?? 0 }));
    // Nothing declared for the sidecars: nothing of theirs to budget.
    if (!demands.some((d) => d.role === ContainerRole.SIDECAR && d.preStopSeconds + d.shutdownSeconds > 0)) return [];
    const ordered = context._version.isAtLeast(KubernetesVersion.SIDECARS_BETA);
    const needs = shutdownNeeds(demands, ordered);
    if (needs.neededSeconds <= grace) return [];
    const apps = needs.slowestApp !== undefined ? `app containers exit at ${needs.appsDoneAt}s ("${needs.slowestApp}")` : 'app containers exit at 0s';
    const turns = needs.sidecars.filter((t) => t.exitsAt > 0).map((t) => `"${t.name}" ${t.sigtermAt}s-${t.exitsAt}s`).join(', ');
    const sequence = ordered ? `${apps}, then sidecars in reverse order: ${turns}` : `${apps}; sidecars stop with them (termination is not ordered in ${context._version}): ${turns}`;
    return [this.advise(ErrorType.NOT_RECOMMENDED, pod.podSpecPath.child('terminationGracePeriodSeconds'),
      `shutdown needs ${needs.neededSeconds}s${typeof raw === 'number' ? '' : ' (unset: 30 by default)'}: ${sequence}; what still runs at ${grace}s is SIGKILLed`,
      `set terminationGracePeriodSeconds to at least ${needs.neededSeconds}, or shorten the preStop sleep or the sidecars' shutdown`, { value: grace })];
  }
}
