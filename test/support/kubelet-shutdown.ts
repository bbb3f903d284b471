/**
 * A second formulation of pod termination, for property tests of the lifecycle plan: a clock that
 * ticks one second at a time and applies the kubelet's rules to each container, instead of the
 * plan's closed-form times. It shares no code with src/lifecycle (only the facts):
 *
 * - termination begins at 0; every container with a preStop hook starts it then, sidecars included
 *   (KEP-753); the hook gets the pod's grace period as its timeout, and with a grace period of 0 the
 *   kubelet skips hooks (kuberuntime_container.go `killContainer`);
 * - an app container (and, on 1.28 or for a completed pod, any container) gets SIGTERM once its hook
 *   has returned; on 1.29+ a sidecar gets it once every app container and every sidecar declared
 *   after it has exited and its own hook has returned (kuberuntime_termination_order.go), or when
 *   the grace period is spent, whichever comes first;
 * - SIGKILL comes once the grace period is spent, but never sooner than 2 s after SIGTERM
 *   (`minimumGracePeriodInSeconds`);
 * - a container needs `shutdownSeconds` after SIGTERM to exit on its own.
 *
 * Hooks whose length cannot be known (exec, httpGet, tcpSocket) take no time here, as in the plan.
 */
export interface SimContainer {
  readonly name: string;
  readonly sidecar: boolean;
  /** Seconds the preStop hook takes; `undefined` when there is no hook. */
  readonly hookSeconds?: number;
  readonly shutdownSeconds: number;
}

export interface SimOutcome {
  readonly sigtermAt: number;
  /** The first second at which the kubelet would SIGKILL it, had it not exited. */
  readonly sigkillAt: number;
  readonly exitsAt: number;
  /** It did not finish its own work: its hook was cut or skipped, or SIGKILL ended it. */
  readonly killed: boolean;
}

const MINIMUM_GRACE = 2;

/**
 * Simulates termination. `ordered`: Kubernetes 1.29+ (sidecars stopped in reverse order after the
 * app containers). `withApps` false: a completed pod, whose app containers have already exited
 * (they are then left out of the result).
 */
export function simulateShutdown(
  containers: ReadonlyArray<SimContainer>,
  grace: number,
  ordered: boolean,
  withApps: boolean,
): Map<string, SimOutcome> {
  const present = containers.filter((c) => withApps || c.sidecar);
  const hookDone = (c: SimContainer, t: number) => grace === 0 || c.hookSeconds === undefined || t >= Math.min(c.hookSeconds, grace);
  const sigterm = new Map<string, number>();
  const exit = new Map<string, { at: number; killed: boolean }>();
  const exited = (c: SimContainer, t: number) => exit.has(c.name) && exit.get(c.name)!.at <= t;

  const mayStop = (c: SimContainer, index: number, t: number): boolean => {
    if (!hookDone(c, t)) return false;
    if (!ordered || !c.sidecar) return true;
    if (t >= grace) return true;
    const apps = present.filter((x) => !x.sidecar);
    const laterSidecars = present.filter((x, i) => x.sidecar && i > index);
    return [...apps, ...laterSidecars].every((x) => exited(x, t));
  };

  for (let t = 0; exit.size < present.length; t++) {
    if (t > 1_000_000) throw new Error('simulation did not end');
    // Several things may happen in the same second (an exit lets the next sidecar go): repeat until nothing changes.
    for (let changed = true; changed;) {
      changed = false;
      present.forEach((c, i) => {
        if (!sigterm.has(c.name) && mayStop(c, i, t)) {
          sigterm.set(c.name, t);
          changed = true;
        }
        const s = sigterm.get(c.name);
        if (s === undefined || exit.has(c.name)) return;
        if (t - s >= c.shutdownSeconds) {
          exit.set(c.name, { at: t, killed: false });
          changed = true;
        } else if (t >= grace && t - s >= MINIMUM_GRACE) {
          exit.set(c.name, { at: t, killed: true });
          changed = true;
        }
      });
    }
  }

  const out = new Map<string, SimOutcome>();
  for (const c of present) {
    const s = sigterm.get(c.name)!;
    // The first second at which both hold (searched from the end of the grace period on).
    let kill = Math.max(s, grace);
    while (!(kill >= grace && kill - s >= MINIMUM_GRACE)) kill++;
    const hookCut = c.hookSeconds !== undefined && (grace === 0 || c.hookSeconds > grace);
    const e = exit.get(c.name)!;
    out.set(c.name, { sigtermAt: s, sigkillAt: kill, exitsAt: e.at, killed: e.killed || hookCut });
  }
  return out;
}
