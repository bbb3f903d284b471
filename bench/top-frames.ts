/* eslint-disable no-console */
import * as fs from 'fs';

/**
 * Reads a V8 CPU profile (`node --cpu-prof`, or `run.ts --profile DIR`) and prints the functions
 * with the most self time and the most total (inclusive) time, with their file and line: the
 * first thing to read when a target is missed.
 *
 * Usage: node -r ts-node/register/transpile-only bench/top-frames.ts FILE.cpuprofile [COUNT] [FILTER]
 * FILTER keeps only frames whose URL contains it in the total-time list (e.g. `src/`).
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

function main(): void {
  const [file, countArg, filter] = process.argv.slice(2);
  if (!file) throw new Error('usage: top-frames.ts FILE.cpuprofile [COUNT] [FILTER]');
  const count = Number(countArg ?? 25);
  const profile = JSON.parse(fs.readFileSync(file, 'utf-8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = profile.timeDeltas.reduce((a, b) => a + b, 0);
  const key = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/(node_modules|src|bench)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;
  const selfByKey = new Map<string, number>();
  const totalByKey = new Map<string, number>();
  for (const [id, t] of self) {
    const node = byId.get(id)!;
    selfByKey.set(key(node), (selfByKey.get(key(node)) ?? 0) + t);
    // Inclusive time: each distinct function on the stack gets the sample once (recursion counted once).
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = key(byId.get(cur)!);
      if (seen.has(k)) continue;
      seen.add(k);
      totalByKey.set(k, (totalByKey.get(k) ?? 0) + t);
    }
  }
  const print = (title: string, m: Map<string, number>, f?: string) => {
    console.log(`\n${title} (of ${(total / 1000).toFixed(0)} ms sampled)`);
    [...m].filter(([k]) => !f || k.includes(f)).sort((a, b) => b[1] - a[1]).slice(0, count)
      .forEach(([k, t]) => console.log(`${(t / 1000).toFixed(0).padStart(8)} ms ${(100 * t / total).toFixed(1).padStart(5)}%  ${k}`));
  };
  print('self time', selfByKey);
  print('total time', totalByKey, filter);
}

main();
