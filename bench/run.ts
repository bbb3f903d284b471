/* eslint-disable no-console */
import { fork } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ChildReport, ChildTask } from './child-protocol';
import { MIN_LINT_INPUT_BYTES, writeLintInput } from './lint-input';
import { CliTaskKind } from './child-protocol';
import { largestDocumentBytes } from './cli-tasks';
import { BenchResults, checkTargets, CliCell, renderCliMarkdown, renderMarkdown, SynthCell } from './report';
import { VARIANT_KEYS, VariantKey } from './variants';

/**
 * `npm run bench`: issue 9's benchmark in one run. Every (variant, N) cell and each CLI task is
 * measured in child processes of its own (peak memory per variant), one child at a time (the
 * machine is shared; parallel children would time each other). Prints the table and writes it
 * into docs/benchmarks.md between the result markers, leaving the hand-written analysis alone.
 *
 * Options:
 *   --sizes 500,2000,8000  workload counts (default: the issue's)
 *   --no-cli               skip the CLI measurement
 *   --no-synth             skip the synth measurement (the CLI results alone are written, between their own markers)
 *   --no-write             print only, do not touch docs/benchmarks.md
 *   --quick                small sizes and input, one round: checks the harness in seconds (never written)
 *   --profile DIR          children write V8 CPU profiles (--cpu-prof) to DIR
 */

const ROOT = path.join(__dirname, '..');
const DOC = path.join(ROOT, 'docs', 'benchmarks.md');
export const START_MARKER = '<!-- bench:results:start (written by `npm run bench`; edit outside the markers) -->';
export const END_MARKER = '<!-- bench:results:end -->';
export const CLI_START_MARKER = '<!-- bench:cli:start (written by `npm run bench`; edit outside the markers) -->';
export const CLI_END_MARKER = '<!-- bench:cli:end -->';

interface Plan {
  readonly rounds: number;
  readonly warmups: number;
  readonly reps: number;
}

/**
 * Repetitions per size. Small N get more samples (their times are short and noisier); N=8,000
 * gets one warm-up and three timed repetitions per child to keep the whole run under ~10 minutes
 * on 2 cores. Two rounds per cell, variants alternating first, so that a change of background
 * load hits both sides of a ratio (one round at N=8,000 once let a single slow kplus child
 * turn 1.2x into 1.09x).
 */
function planFor(n: number, quick: boolean): Plan {
  if (quick) return { rounds: 1, warmups: 1, reps: 1 };
  if (n <= 500) return { rounds: 2, warmups: 2, reps: 4 };
  if (n <= 2000) return { rounds: 2, warmups: 1, reps: 3 };
  return { rounds: 2, warmups: 1, reps: 3 };
}

interface Options {
  readonly sizes: number[];
  readonly cli: boolean;
  readonly synth: boolean;
  readonly write: boolean;
  readonly quick: boolean;
  readonly profileDir?: string;
}

function parseOptions(argv: string[]): Options {
  let sizes = [500, 2000, 8000];
  let cli = true;
  let synth = true;
  let write = true;
  let quick = false;
  let profileDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--sizes') {
      const raw = argv[++i] ?? '';
      sizes = raw.split(',').map((s) => Number(s.trim()));
      if (sizes.length === 0 || sizes.some((s) => !Number.isInteger(s) || s <= 0)) {
        throw new Error(`bench: --sizes: Invalid value: ${JSON.stringify(raw)}: expected positive integers separated by commas. Fix: --sizes 500,2000,8000`);
      }
    } else if (a === '--no-cli') cli = false;
    else if (a === '--no-synth') synth = false;
    else if (a === '--no-write') write = false;
    else if (a === '--quick') quick = true;
    else if (a === '--profile') profileDir = path.resolve(argv[++i] ?? 'bench-profiles');
    else throw new Error(`bench: unknown option ${JSON.stringify(a)}. Fix: use --sizes, --no-cli, --no-synth, --no-write, --quick or --profile DIR`);
  }
  if (quick) {
    sizes = [50, 200];
    write = false;
  }
  return { sizes: synth ? sizes : [], cli, synth, write, quick, profileDir };
}

function runChild(task: ChildTask, profileDir: string | undefined): Promise<ChildReport> {
  const execArgv = ['--expose-gc', '-r', 'ts-node/register/transpile-only'];
  if (profileDir) {
    const label = task.kind === 'synth' ? `${task.variant}-${task.n}` : task.kind;
    execArgv.push('--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${label}-${Date.now()}.cpuprofile`);
  }
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'child.ts'), [], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], cwd: ROOT });
    let settled = false;
    child.on('message', (m: any) => {
      settled = true;
      if (m.ok) resolve(m.report);
      else reject(new Error(`bench child ${JSON.stringify(task)} failed: ${m.error}`));
    });
    child.on('exit', (code) => {
      if (!settled) reject(new Error(`bench child ${JSON.stringify(task)} exited with code ${code} before reporting`));
    });
    child.send(task);
  });
}

function mergeSynth(variant: VariantKey, n: number, reports: ChildReport[]): SynthCell {
  return {
    variant,
    n,
    timesMs: reports.flatMap((r) => r.timesMs),
    peakRssMiB: Math.max(...reports.map((r) => r.peakRssMiB)),
    baselineRssMiB: Math.max(...reports.map((r) => r.baselineRssMiB)),
    liveHeapMiB: Math.max(...reports.map((r) => r.liveHeapMiB)),
    yamlChars: reports[0].outputSize,
  };
}

function mergeCli(kind: CliTaskKind, reports: ChildReport[]): CliCell {
  return {
    kind,
    timesMs: reports.flatMap((r) => r.timesMs),
    peakRssMiB: Math.max(...reports.map((r) => r.peakRssMiB)),
    liveHeapMiB: Math.max(...reports.map((r) => r.liveHeapMiB)),
  };
}

async function run(options: Options): Promise<BenchResults> {
  const startedAt = new Date();
  const loadBefore = os.loadavg();
  if (options.profileDir) fs.mkdirSync(options.profileDir, { recursive: true });
  const reports = new Map<string, ChildReport[]>();
  const maxRounds = Math.max(0, ...options.sizes.map((n) => planFor(n, options.quick).rounds));
  for (let round = 0; round < maxRounds; round++) {
    for (const n of options.sizes) {
      const plan = planFor(n, options.quick);
      if (round >= plan.rounds) continue;
      // Alternate which construct variant goes first in each round.
      const order: VariantKey[] = round % 2 === 0 ? ['kplus', 'sidecar', 'raw', 'floor'] : ['sidecar', 'kplus', 'floor', 'raw'];
      for (const variant of order) {
        process.stdout.write(`synth ${variant} N=${n} round ${round + 1}/${plan.rounds} ... `);
        const report = await runChild({ kind: 'synth', variant, n, warmups: plan.warmups, reps: plan.reps }, options.profileDir);
        console.log(report.timesMs.map((t) => `${t.toFixed(0)} ms`).join(', '));
        const key = `${variant}:${n}`;
        reports.set(key, [...reports.get(key) ?? [], report]);
      }
    }
  }
  const synth = options.sizes.flatMap((n) => VARIANT_KEYS.map((v) => mergeSynth(v, n, reports.get(`${v}:${n}`)!)));

  let cli: BenchResults['cli'];
  if (options.cli) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-sidecars-bench-'));
    const file = path.join(dir, 'helm-output.yaml');
    try {
      const written = writeLintInput(file, options.quick ? 2 * 1024 * 1024 : MIN_LINT_INPUT_BYTES);
      console.log(`CLI input: ${file}, ${(written.bytes / (1024 * 1024)).toFixed(1)} MiB, ${written.workloads} Deployments + ${written.workloads} Services`);
      // One timed run per child, three children per task, in a rotating order: a 50 MB input warms
      // the JIT within its first few documents, so a separate warm-up would only add minutes.
      const rounds = options.quick ? 1 : 3;
      const kinds: CliTaskKind[] = ['jsyaml', 'read', 'lint'];
      const cliReports: Record<CliTaskKind, ChildReport[]> = { lint: [], jsyaml: [], read: [] };
      for (let round = 0; round < rounds; round++) {
        for (const kind of [...kinds.slice(round % kinds.length), ...kinds.slice(0, round % kinds.length)]) {
          process.stdout.write(`cli ${kind} round ${round + 1}/${rounds} ... `);
          const report = await runChild({ kind, file, warmups: 0, reps: 1 }, options.profileDir);
          console.log(`${report.timesMs[0].toFixed(0)} ms, peak RSS ${report.peakRssMiB.toFixed(0)} MiB`);
          cliReports[kind].push(report);
        }
      }
      cli = {
        bytes: written.bytes,
        workloads: written.workloads,
        largestDocument: largestDocumentBytes(file),
        baselineRssMiB: Math.max(...cliReports.lint.map((r) => r.baselineRssMiB)),
        lint: mergeCli('lint', cliReports.lint),
        jsyaml: mergeCli('jsyaml', cliReports.jsyaml),
        read: mergeCli('read', cliReports.read),
      };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return {
    startedAt,
    durationS: (Date.now() - startedAt.getTime()) / 1000,
    loadBefore,
    loadAfter: os.loadavg(),
    sizes: options.sizes,
    synth,
    cli,
  };
}

/** Puts the results between the markers of docs/benchmarks.md (appending the markers if missing). */
export function spliceResults(doc: string, markdown: string, markers: [string, string] = [START_MARKER, END_MARKER], heading = '## Results'): string {
  const [startMarker, endMarker] = markers;
  const block = `${startMarker}\n${markdown}\n${endMarker}`;
  const start = doc.indexOf(startMarker);
  const end = doc.indexOf(endMarker);
  if (start === -1 || end === -1 || end < start) return `${doc.trimEnd()}\n\n${heading}\n\n${block}\n`;
  return doc.slice(0, start) + block + doc.slice(end + endMarker.length);
}

async function cliMain(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const results = await run(options);
  const markdown = options.synth ? renderMarkdown(results) : undefined;
  const cliMarkdown = results.cli ? renderCliMarkdown(results) : undefined;
  console.log(`\n${[markdown, cliMarkdown].filter(Boolean).join('\n\n')}\n`);
  if (options.write) {
    let doc = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf-8') : '# Benchmarks\n';
    if (markdown) doc = spliceResults(doc, markdown);
    if (cliMarkdown) doc = spliceResults(doc, cliMarkdown, [CLI_START_MARKER, CLI_END_MARKER], '## CLI results');
    fs.writeFileSync(DOC, doc);
    console.log(`written to ${path.relative(ROOT, DOC)}`);
  }
  // A missed target is a result to report, not a crash: the exit code stays 0 unless asked.
  const missed = checkTargets(results).filter((t) => !t.met);
  if (missed.length > 0) console.log(`${missed.length} target(s) missed: ${missed.map((t) => t.target).join('; ')}`);
  return 0;
}

if (require.main === module) {
  cliMain().then((code) => process.exit(code), (e) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(2);
  });
}
