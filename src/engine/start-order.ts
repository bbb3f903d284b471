/**
 * Derives the order of init steps (regular init containers and sidecars) from declared
 * "starts after" relations: a stable topological sort in which declaration order breaks ties,
 * so that a pod without declarations keeps exactly the order it was written in.
 *
 * Kubernetes itself only knows list order (`initContainers` start one by one); the relation is
 * ours, and this is the one place that turns it into list order.
 */
export interface StartOrderStep {
  /** Unique name of the step (the container name). */
  readonly name: string;
  /** Names of the steps that must start before this one. */
  readonly after: ReadonlyArray<string>;
}

export interface StartOrderResult {
  /**
   * Step names in start order. With a cycle, the best order there is: every declaration off the
   * cycles holds, and each cycle is broken at its earliest-declared step.
   */
  readonly order: string[];
  /** The first cycle found, as a closed path (`['a', 'b', 'a']`), when there is one. */
  readonly cycle?: string[];
  /** Every cycle found (one per place the sort got stuck), each a closed path in start order. */
  readonly cycles: string[][];
  /** `[step, missing dependency]` pairs for dependencies that name no step. */
  readonly unknown: Array<[string, string]>;
}

export function resolveStartOrder(steps: ReadonlyArray<StartOrderStep>): StartOrderResult {
  const index = new Map<string, number>();
  steps.forEach((s, i) => {
    if (!index.has(s.name)) index.set(s.name, i);
  });

  const unknown: Array<[string, string]> = [];
  const dependants: number[][] = steps.map(() => []);
  const pending = steps.map(() => 0);
  steps.forEach((s, i) => {
    for (const dep of new Set(s.after)) {
      const j = index.get(dep);
      if (j === undefined) {
        unknown.push([s.name, dep]);
        continue;
      }
      dependants[j].push(i);
      pending[i]++;
    }
  });

  // Kahn's algorithm, always taking the earliest-declared ready step: stable, and O(n^2) at worst
  // for the handful of init containers a pod has. When every step left waits on another, one
  // cycle is named and broken at its earliest-declared step, and the sort goes on.
  const done = steps.map(() => false);
  const order: string[] = [];
  const cycles: string[][] = [];
  for (let emitted = 0; emitted < steps.length; emitted++) {
    let next = pending.findIndex((p, i) => p === 0 && !done[i]);
    if (next < 0) {
      const cycle = findCycle(steps, index, done);
      cycles.push(cycle.names);
      next = cycle.first;
    }
    done[next] = true;
    order.push(steps[next].name);
    for (const d of dependants[next]) pending[d]--;
  }
  return cycles.length > 0 ? { order, cycle: cycles[0], cycles, unknown } : { order, cycles, unknown };
}

/**
 * True when the declaration "`from` starts after `to`" lies on a cycle: `to`, following its own
 * declarations, comes back to `from`. Such a pair cannot hold, whatever the order; the cycle
 * itself is the one finding about it (SC-DECL-001).
 */
export function onStartCycle(after: Readonly<Record<string, ReadonlyArray<string>>>, from: string, to: string): boolean {
  const seen = new Set<string>();
  const stack = [to];
  while (stack.length > 0) {
    const cur = stack.pop()!;
    if (cur === from) return true;
    if (seen.has(cur)) continue;
    seen.add(cur);
    for (const next of after[cur] ?? []) stack.push(next);
  }
  return false;
}

/**
 * The steps of a pod's init containers, in list order, with what each starts after: its declared
 * start-after, plus the sidecars it needs ready (a container that needs a sidecar ready must start
 * after it). Names outside `initNames` are left out (they are not init steps).
 */
export function initSteps(
  initNames: ReadonlyArray<string>,
  startAfter: Readonly<Record<string, ReadonlyArray<string>>>,
  needsReady: Readonly<Record<string, ReadonlyArray<string>>>,
): StartOrderStep[] {
  const known = new Set(initNames);
  return initNames.map((name) => {
    const sa = startAfter[name];
    const nr = needsReady[name];
    if (sa === undefined && nr === undefined) return { name, after: NONE };
    const after: string[] = [];
    for (const list of [sa ?? NONE, nr ?? NONE]) for (const n of list) if (known.has(n) && !after.includes(n)) after.push(n);
    return { name, after };
  });
}

const NONE: ReadonlyArray<string> = Object.freeze([]);

/**
 * True when the steps' declarations hold a cycle: a depth-first walk, cheaper than a full sort
 * for the pods (nearly all) that have none.
 */
export function hasStartCycle(steps: ReadonlyArray<StartOrderStep>): boolean {
  const after = new Map<string, ReadonlyArray<string>>();
  for (const s of steps) if (s.after.length > 0 && !after.has(s.name)) after.set(s.name, s.after);
  if (after.size === 0) return false;
  const state = new Map<string, 1 | 2>(); // 1: on the current path, 2: done
  const visit = (name: string): boolean => {
    const st = state.get(name);
    if (st === 1) return true;
    if (st === 2) return false;
    state.set(name, 1);
    for (const next of after.get(name) ?? NONE) if (visit(next)) return true;
    state.set(name, 2);
    return false;
  };
  for (const name of after.keys()) if (visit(name)) return true;
  return false;
}

/** The start-after relation of `initSteps`, as a map (for `onStartCycle`). */
export function stepRelation(steps: ReadonlyArray<StartOrderStep>): Record<string, ReadonlyArray<string>> {
  return Object.fromEntries(steps.map((s) => [s.name, s.after]));
}

/** Finds one cycle among the steps that could not be ordered, as a closed path, and its earliest-declared step. */
function findCycle(steps: ReadonlyArray<StartOrderStep>, index: Map<string, number>, done: boolean[]): { names: string[]; first: number } {
  const start = done.findIndex((d) => !d);
  // Every unordered step waits on another unordered step, so walking "waits on" edges from any of
  // them must come back to a step already on the path.
  const path: number[] = [];
  const onPath = new Map<number, number>();
  let cur = start;
  while (!onPath.has(cur)) {
    onPath.set(cur, path.length);
    path.push(cur);
    const dep = steps[cur].after.map((n) => index.get(n)).find((j) => j !== undefined && !done[j]);
    cur = dep!;
  }
  // Print in start order: each step is followed by one that starts after it.
  // Start the printed loop at its earliest-declared step, so the message is stable.
  const loop = path.slice(onPath.get(cur)!).reverse();
  const firstStep = Math.min(...loop);
  const first = loop.indexOf(firstStep);
  const names = [...loop.slice(first), ...loop.slice(0, first)].map((i) => steps[i].name);
  return { names: [...names, names[0]], first: firstStep };
}
