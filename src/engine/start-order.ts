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
  /** Step names in start order. With a cycle: declaration order (the input order). */
  readonly order: string[];
  /** The first cycle found, as a closed path (`['a', 'b', 'a']`), when there is one. */
  readonly cycle?: string[];
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
  // for the handful of init containers a pod has.
  const done = steps.map(() => false);
  const order: string[] = [];
  for (let emitted = 0; emitted < steps.length; emitted++) {
    const next = pending.findIndex((p, i) => p === 0 && !done[i]);
    if (next < 0) {
      return { order: steps.map((s) => s.name), cycle: findCycle(steps, index, done), unknown };
    }
    done[next] = true;
    order.push(steps[next].name);
    for (const d of dependants[next]) pending[d]--;
  }
  return { order, unknown };
}

/** Finds one cycle among the steps that could not be ordered, as a closed path. */
function findCycle(steps: ReadonlyArray<StartOrderStep>, index: Map<string, number>, done: boolean[]): string[] {
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
  const first = loop.indexOf(Math.min(...loop));
  const names = [...loop.slice(first), ...loop.slice(0, first)].map((i) => steps[i].name);
  return [...names, names[0]];
}
