import { performance } from 'perf_hooks';
import { ChildReport, ChildTask } from './child-protocol';
import { jsyamlOnce, lintOnce, readOnce } from './cli-tasks';
import { VARIANTS } from './variants';

/**
 * One measurement in a process of its own (forked by `run.ts` with `--expose-gc`): warm-ups,
 * then timed repetitions, each preceded by a full GC so that one repetition's garbage is not
 * collected on the next one's clock.
 */
async function measure(task: ChildTask): Promise<ChildReport> {
  const gc = requireGc();
  const once = taskRunner(task);
  gc();
  const baselineRss = process.memoryUsage().rss;
  await warmUp(once, task.warmups);
  const samples: Sample[] = [];
  for (let i = 0; i < task.reps; i++) samples.push(await repetition(once, gc));
  return {
    timesMs: samples.map((s) => s.ms),
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    baselineRssMiB: baselineRss / (1024 * 1024),
    liveHeapMiB: Math.max(...samples.map((s) => s.liveHeap)) / (1024 * 1024),
    outputSize: samples[samples.length - 1].size,
    exitCode: samples[samples.length - 1].exitCode,
  };
}

// Warm-ups and repetitions run in functions of their own: an async function keeps the value it
// last awaited in a register of its frame, which would keep the previous synth's app alive and
// hide the next one's live heap.
async function warmUp(once: () => Promise<Outcome>, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await once();
}

interface Sample {
  readonly ms: number;
  readonly liveHeap: number;
  readonly size: number;
  readonly exitCode: number;
}

async function repetition(once: () => Promise<Outcome>, gc: () => void): Promise<Sample> {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  kept = await once();
  const ms = performance.now() - start;
  gc();
  // `kept` holds what the synth built (the app and the YAML), so the GC keeps it.
  const sample = { ms, liveHeap: process.memoryUsage().heapUsed - heapBefore, size: kept.size, exitCode: kept.exitCode };
  kept = undefined;
  return sample;
}

/** The last repetition's outcome, alive until its live heap is measured. */
let kept: Outcome | undefined;

interface Outcome {
  readonly size: number;
  readonly exitCode: number;
  readonly retained?: unknown;
}

function taskRunner(task: ChildTask): () => Promise<Outcome> {
  switch (task.kind) {
    case 'synth': {
      const variant = VARIANTS[task.variant];
      return async () => {
        const r = variant.synth(task.n);
        return { size: r.yaml.length, exitCode: 0, retained: r };
      };
    }
    case 'lint':
      return () => lintOnce(task.file);
    case 'jsyaml':
      return async () => jsyamlOnce(task.file);
    case 'read':
      return async () => readOnce(task.file);
  }
}

function requireGc(): () => void {
  const gc = (globalThis as any).gc;
  if (typeof gc !== 'function') {
    throw new Error('bench child: global.gc is missing. Fix: run it with node --expose-gc (run.ts forks children that way)');
  }
  return gc;
}

process.once('message', (task: ChildTask) => {
  measure(task).then(
    (report) => process.send!({ ok: true, report }, () => process.exit(0)),
    (e) => process.send!({ ok: false, error: e instanceof Error ? e.stack ?? e.message : String(e) }, () => process.exit(1)),
  );
});
