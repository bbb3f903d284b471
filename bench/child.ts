import { performance } from 'perf_hooks';
import { ChildReport, ChildTask } from './child-protocol';
import { lintOnce, parseOnce } from './cli-tasks';
import { VARIANTS } from './variants';

/**
 * One measurement in a process of its own (forked by `run.ts` with `--expose-gc`): warm-ups,
 * then timed repetitions, each preceded by a full GC so that one repetition's garbage is not
 * collected on the next one's clock.
 */
async function measure(task: ChildTask): Promise<ChildReport> {
  const gc = requireGc();
  gc();
  const baselineRss = process.memoryUsage().rss;
  const once = taskRunner(task);
  for (let i = 0; i < task.warmups; i++) await once();
  const timesMs: number[] = [];
  let liveHeap = 0;
  let outputSize = 0;
  let exitCode = 0;
  for (let i = 0; i < task.reps; i++) {
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const start = performance.now();
    kept = await once();
    timesMs.push(performance.now() - start);
    gc();
    // `kept` (module scope, so no liveness analysis can drop it) holds what the synth built.
    liveHeap = Math.max(liveHeap, process.memoryUsage().heapUsed - heapBefore);
    outputSize = kept.size;
    exitCode = kept.exitCode;
    kept = undefined;
  }
  return {
    timesMs,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    baselineRssMiB: baselineRss / (1024 * 1024),
    liveHeapMiB: liveHeap / (1024 * 1024),
    outputSize,
    exitCode,
  };
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
    case 'parse':
      return async () => parseOnce(task.file);
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
