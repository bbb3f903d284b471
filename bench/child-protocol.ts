import { VariantKey } from './variants';

/**
 * What `run.ts` asks one child process to measure. Every measurement runs in its own child so
 * that its peak memory (the process's max RSS) belongs to it alone.
 */
export type ChildTask =
  | { readonly kind: 'synth'; readonly variant: VariantKey; readonly n: number; readonly warmups: number; readonly reps: number }
  | { readonly kind: CliTaskKind; readonly file: string; readonly warmups: number; readonly reps: number };

/** The CLI measurements: `lint` itself, js-yaml parsing the same file (the yardstick), and the CLI's reading alone. */
export type CliTaskKind = 'lint' | 'jsyaml' | 'read';

/** What a child reports back. */
export interface ChildReport {
  /** Wall time of every timed repetition, in milliseconds (warm-ups excluded). */
  readonly timesMs: number[];
  /** `process.resourceUsage().maxRSS` at the end, in MiB: the peak of the whole child. */
  readonly peakRssMiB: number;
  /** RSS after the modules were loaded and before any work, in MiB. */
  readonly baselineRssMiB: number;
  /**
   * Heap still used right after a repetition, after a full GC, with its result (app or objects,
   * and the YAML) still referenced, minus the heap before: what the synth holds at its end. MiB, max over repetitions.
   */
  readonly liveHeapMiB: number;
  /** Size of the output (YAML characters) or, for the CLI, objects read. */
  readonly outputSize: number;
  /** The CLI's exit code (lint) or 0. */
  readonly exitCode: number;
}
