import { PlanInput, PlannedContainer } from './read-plan-input';
import { GraceBudget, ShutdownStep } from './shutdown-step';
import { ContainerRole } from '../engine/container-role';

/**
 * The kubelet never gives a container less than this after SIGTERM, even when the pod's grace
 * period is spent (`minimumGracePeriodInSeconds`, pkg/kubelet/kuberuntime/kuberuntime_container.go;
 * KEP-753: "followed by a fixed grace period of 2s").
 */
export const MINIMUM_GRACE_SECONDS = 2;

export interface ShutdownPlan {
  readonly steps: ShutdownStep[];
  readonly budget: GraceBudget;
}

/**
 * The termination sequence inside the one `terminationGracePeriodSeconds`, after the kubelet's
 * `killContainer` (pkg/kubelet/kuberuntime/kuberuntime_container.go) and its termination ordering
 * (kuberuntime_termination_order.go), as KEP-753 describes:
 *
 * 1. When termination begins, every container with a preStop hook runs it: app containers and
 *    sidecars alike. The grace countdown starts then.
 * 2. Each app container gets SIGTERM as soon as its own hook returns.
 * 3. Once every app container has exited, the last-declared sidecar gets SIGTERM (after its own
 *    hook returned), then the one before it once that one has exited, and so on.
 * 4. A container gets SIGKILL when the grace period is spent, but never less than 2s after its
 *    SIGTERM; a sidecar whose turn never came gets SIGTERM when the period ends.
 *
 * On 1.28 (`ordered` false) there is no ordering: sidecars are stopped like app containers.
 *
 * `withApps` false plans the stop of a completed pod: its app containers have already exited.
 */
export function planShutdown(input: PlanInput, ordered: boolean, withApps: boolean): ShutdownPlan {
  const G = input.gracePeriodSeconds;
  const apps = input.containers.filter((c) => c.role === ContainerRole.APP);
  const sidecars = input.containers.filter((c) => c.role === ContainerRole.SIDECAR);
  const steps: ShutdownStep[] = [];

  const parallel = withApps ? (ordered ? apps : [...apps, ...sidecars]) : (ordered ? [] : sidecars);
  for (const c of parallel) steps.push(stepFor(c, 1, [], preStopEnd(c, G), G));

  if (ordered) {
    let previousExit = withApps ? max(steps.map((s) => s.exitsAt)) : 0;
    let waitsFor = apps.map((a) => a.name);
    let step = withApps && apps.length > 0 ? 2 : 1;
    for (const c of [...sidecars].reverse()) {
      // waitForTurn is bounded by the grace left after the hook, so the turn comes at G at the latest.
      const turn = G > 0 ? Math.min(Math.max(previousExit, preStopEnd(c, G)), G) : 0;
      const s = stepFor(c, step++, waitsFor, turn, G);
      steps.push(s);
      previousExit = s.exitsAt;
      waitsFor = [c.name];
    }
  }

  const needed = neededSeconds(apps, sidecars, ordered, withApps);
  const endsAt = max(steps.map((s) => s.exitsAt));
  const killed = steps.filter((s) => s.killed);
  const what = withApps ? 'the shutdown' : 'stopping the sidecars';
  let summary = `terminationGracePeriodSeconds ${G}${input.graceDefaulted ? ' (default)' : ''}: ${what} needs ${needed}s`;
  if (killed.length === 0) {
    summary += `, ends at ${endsAt}s, ${Math.max(G - endsAt, 0)}s to spare`;
  } else {
    summary += `: the budget runs out, SIGKILL ends ${killed.map((s) => `"${s.container}" at ${s.sigkillAt}s`).join(', ')}`;
  }
  return {
    steps,
    budget: {
      gracePeriodSeconds: G,
      defaulted: input.graceDefaulted,
      ordered,
      endsAt,
      neededSeconds: needed,
      exceeded: killed.length > 0,
      summary,
    },
  };
}

/** When a container's preStop hook returns: it runs only while grace is left, and is cut at G. */
function preStopEnd(c: PlannedContainer, G: number): number {
  return c.preStopKind !== undefined && G > 0 ? Math.min(c.preStopSeconds, G) : 0;
}

function stepFor(c: PlannedContainer, step: number, waitsFor: string[], sigtermAt: number, G: number): ShutdownStep {
  const secondsLeft = Math.max(G - sigtermAt, MINIMUM_GRACE_SECONDS);
  const sigkillAt = sigtermAt + secondsLeft;
  const wantsExitAt = sigtermAt + c.shutdownSeconds;
  const hookCut = c.preStopKind !== undefined && (G === 0 || c.preStopSeconds > G);
  return {
    step,
    container: c.name,
    role: c.role,
    path: c.path,
    waitsFor,
    hasPreStop: c.preStopKind !== undefined,
    preStopSeconds: c.preStopSeconds,
    shutdownSeconds: c.shutdownSeconds,
    declaredSeconds: c.preStopSeconds + c.shutdownSeconds,
    preStopAt: 0,
    sigtermAt,
    secondsLeft,
    sigkillAt,
    exitsAt: Math.min(wantsExitAt, sigkillAt),
    killed: hookCut || wantsExitAt > sigkillAt,
  };
}

/** What the sequence would take with an unlimited grace period. */
function neededSeconds(apps: PlannedContainer[], sidecars: PlannedContainer[], ordered: boolean, withApps: boolean): number {
  const own = (c: PlannedContainer) => (c.preStopKind ? c.preStopSeconds : 0) + c.shutdownSeconds;
  const appsDone = withApps ? max(apps.map(own)) : 0;
  if (!ordered) return Math.max(appsDone, max(sidecars.map(own)));
  let t = appsDone;
  for (const c of [...sidecars].reverse()) {
    t = Math.max(t, c.preStopKind ? c.preStopSeconds : 0) + c.shutdownSeconds;
  }
  return t;
}

function max(xs: number[]): number {
  return xs.reduce((a, b) => Math.max(a, b), 0);
}
