import { PlanInput, PlannedContainer } from './read-plan-input';
import { GraceBudget, ShutdownStep } from './shutdown-step';
import { ContainerRole } from '../engine/container-role';
import { ContainerJson, isObject } from '../engine/wire-types';

/**
 * The kubelet never gives a container less than this after SIGTERM, even when the pod's grace
 * period is spent (`minimumGracePeriodInSeconds`, pkg/kubelet/kuberuntime/kuberuntime_container.go;
 * KEP-753: "followed by a fixed grace period of 2s").
 */
export const MINIMUM_GRACE_SECONDS = 2;

/** preStop handlers, in the order the API server knows them. */
export const PRE_STOP_HANDLERS = ['sleep', 'exec', 'httpGet', 'tcpSocket'] as const;

/**
 * How long a container's preStop hook takes, as far as the manifest says: the `sleep` action's
 * seconds, or an exec hook that runs `sleep N` (the usual way to let endpoints drain; it takes
 * at least N). Other hooks count 0: their length cannot be known. `kind` is the handler, or
 * undefined without a hook. The one reading, for the plan and the termination-budget rule.
 */
export function preStopOf(c: ContainerJson): { readonly kind?: string; readonly seconds: number } {
  const preStop = isObject(c.lifecycle) ? c.lifecycle.preStop : undefined;
  if (!isObject(preStop)) return { seconds: 0 };
  const kind = PRE_STOP_HANDLERS.find((h) => preStop[h] !== undefined);
  if (kind === 'sleep') {
    const s = isObject(preStop.sleep) ? preStop.sleep.seconds : undefined;
    return { kind, seconds: typeof s === 'number' && Number.isFinite(s) && s >= 0 ? s : 0 };
  }
  if (kind === 'exec' && isObject(preStop.exec) && Array.isArray(preStop.exec.command)) {
    const text = preStop.exec.command.filter((x: unknown) => typeof x === 'string').join(' ');
    const m = /(?:^|[\s;&|])sleep\s+(\d+(?:\.\d+)?)(?![\w.])/.exec(text);
    if (m) return { kind, seconds: Number(m[1]) };
  }
  return { kind, seconds: 0 };
}

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

  const needed = shutdownNeeds(input.containers.map(demandOf), ordered, withApps).neededSeconds;
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

/** What one container asks of the termination budget: its preStop hook and its declared shutdown. */
export interface ShutdownDemand {
  readonly name: string;
  readonly role: ContainerRole;
  /** Seconds its preStop hook takes (0 without a hook, or when its length cannot be known). */
  readonly preStopSeconds: number;
  /** Seconds it needs after SIGTERM (annotation `shutdown-seconds`). */
  readonly shutdownSeconds: number;
}

/** When one container gets SIGTERM and exits, with an unlimited grace period. */
export interface ShutdownTurn {
  readonly name: string;
  readonly sigtermAt: number;
  readonly exitsAt: number;
}

/** The shutdown sequence with an unlimited grace period: what the budget must cover. */
export interface ShutdownNeeds {
  /** When the last container has exited: the grace period the pod needs. */
  readonly neededSeconds: number;
  /** When every app container has exited (0 when `withApps` is false or there is none). */
  readonly appsDoneAt: number;
  /** The app container that exits last, when one takes any time. */
  readonly slowestApp?: string;
  /** Sidecars in the order they get SIGTERM (reverse declaration order when ordered). */
  readonly sidecars: ShutdownTurn[];
}

/**
 * The one computation of how long a pod takes to stop, shared by the lifecycle plan and the
 * termination-budget rule (SC-TERMINATION-001), after the kubelet's `killContainer`
 * (pkg/kubelet/kuberuntime/kuberuntime_container.go): every container's preStop hook starts when
 * termination begins (each container is killed in its own goroutine, the hook runs before
 * `waitForTurn`); an app container gets SIGTERM when its hook returns; with ordered termination
 * (1.29+) a sidecar gets SIGTERM once its own hook has returned AND the container after it (or
 * the last app container) has exited. So a sidecar's preStop overlaps the app containers'
 * shutdown instead of adding to it.
 */
export function shutdownNeeds(containers: ReadonlyArray<ShutdownDemand>, ordered: boolean, withApps = true): ShutdownNeeds {
  const own = (c: ShutdownDemand) => c.preStopSeconds + c.shutdownSeconds;
  const apps = withApps ? containers.filter((c) => c.role === ContainerRole.APP) : [];
  const sidecars = containers.filter((c) => c.role === ContainerRole.SIDECAR);
  const appsDoneAt = max(apps.map(own));
  const slowestApp = appsDoneAt > 0 ? apps.find((c) => own(c) === appsDoneAt)?.name : undefined;
  const turns: ShutdownTurn[] = [];
  if (!ordered) {
    for (const c of sidecars) turns.push({ name: c.name, sigtermAt: c.preStopSeconds, exitsAt: own(c) });
    return { neededSeconds: Math.max(appsDoneAt, max(turns.map((t) => t.exitsAt))), appsDoneAt, slowestApp, sidecars: turns };
  }
  let t = appsDoneAt;
  for (const c of [...sidecars].reverse()) {
    const sigtermAt = Math.max(t, c.preStopSeconds);
    t = sigtermAt + c.shutdownSeconds;
    turns.push({ name: c.name, sigtermAt, exitsAt: t });
  }
  return { neededSeconds: t, appsDoneAt, slowestApp, sidecars: turns };
}

/** A planned container as a shutdown demand (a hook whose length cannot be known counts 0). */
function demandOf(c: PlannedContainer): ShutdownDemand {
  return { name: c.name, role: c.role, preStopSeconds: c.preStopKind ? c.preStopSeconds : 0, shutdownSeconds: c.shutdownSeconds };
}

function max(xs: number[]): number {
  return xs.reduce((a, b) => Math.max(a, b), 0);
}
