import { ContainerRole } from '../engine/container-role';
import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { ContainerJson, isObject } from '../engine/wire-types';
import { BaseRule } from './private/base-rule';
import { readDeclarations } from './private/declarations';
import { arrayOf, containersOf } from './private/pod-view';
import { RuleContext } from './rule-context';

/** The API's default `terminationGracePeriodSeconds`. */
export const DEFAULT_GRACE_SECONDS = 30;

/**
 * Seconds a preStop hook waits: the `sleep` action, or an exec hook that runs `sleep N`
 * (the usual way to let endpoints drain). Other hooks count as 0: we cannot know their length.
 */
export function preStopSeconds(c: ContainerJson): number {
  const preStop = isObject(c.lifecycle) ? c.lifecycle.preStop : undefined;
  if (!isObject(preStop)) return 0;
  if (isObject(preStop.sleep) && typeof preStop.sleep.seconds === 'number') return preStop.sleep.seconds;
  if (isObject(preStop.exec)) {
    const text = arrayOf(preStop.exec.command).filter((s) => typeof s === 'string').join(' ');
    const m = /(?:^|[\s;&|])sleep\s+(\d+(?:\.\d+)?)/.exec(text);
    if (m) return Number(m[1]);
  }
  return 0;
}

/**
 * On deletion the kubelet runs the app containers' preStop hooks and stops them (in parallel),
 * then stops the sidecars one by one in reverse order (KEP-753), all within one
 * terminationGracePeriodSeconds; whatever is left when it runs out is SIGKILLed.
 */
export class TerminationBudgetRule extends BaseRule {
  public readonly id = 'SC-TERMINATION-001';
  public readonly name = 'termination-budget';
  public readonly severity = Severity.WARNING;
  public readonly summary = 'App preStop plus the sidecars\' declared shutdown times fit in terminationGracePeriodSeconds.';
  public readonly explanation = 'terminationGracePeriodSeconds (default 30) is one budget for the whole pod. App containers run their preStop hooks and shut down first, in parallel; sidecars are stopped after them, one at a time in reverse declaration order, and get only what is left. If the app\'s preStop sleep plus the sidecars\' shutdown times (cdk8s-sidecars.dev/shutdown-seconds) exceed the budget, the last sidecars are SIGKILLed: a log shipper loses its last lines, a proxy cuts open connections.';
  public readonly fix = 'Raise terminationGracePeriodSeconds, or shorten the preStop sleep or the sidecars\' shutdown.';
  public readonly source = 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#termination-of-sidecar-containers';

  public evaluate(context: RuleContext): Finding[] {
    const pod = context._pod;
    const shutdown = readDeclarations(pod).shutdownSeconds;
    const all = containersOf(pod);
    const sidecars = all.filter((c) => c.role === ContainerRole.SIDECAR);
    const apps = all.filter((c) => c.role === ContainerRole.APP);
    const cost = (c: typeof all[number]) => preStopSeconds(c.container) + (shutdown[c.name] ?? 0);
    const appPhase = apps.reduce((max, c) => Math.max(max, cost(c)), 0);
    const sidecarParts = [...sidecars].reverse().map((c) => ({ name: c.name, seconds: cost(c) })).filter((p) => p.seconds > 0);
    if (sidecarParts.length === 0) return []; // nothing declared for sidecars: nothing to budget
    const sidecarPhase = sidecarParts.reduce((sum, p) => sum + p.seconds, 0);
    const raw = pod.podSpec.terminationGracePeriodSeconds;
    const grace = typeof raw === 'number' ? raw : DEFAULT_GRACE_SECONDS;
    const needed = appPhase + sidecarPhase;
    if (needed <= grace) return [];
    const slowestApp = apps.find((c) => cost(c) === appPhase);
    const appText = appPhase > 0 && slowestApp ? `app containers ${appPhase}s ("${slowestApp.name}")` : 'app containers 0s';
    const sidecarText = sidecarParts.map((p) => `"${p.name}" ${p.seconds}s`).join(' + ');
    return [this.finding(pod.podSpecPath.child('terminationGracePeriodSeconds'),
      `Invalid value: ${grace}${typeof raw === 'number' ? '' : ' (default)'}: shutdown needs ${needed}s: ${appText}, then sidecars in reverse order ${sidecarText}`,
      `set terminationGracePeriodSeconds to at least ${needed}, or shorten the preStop sleep or the sidecars' shutdown`)];
  }
}
