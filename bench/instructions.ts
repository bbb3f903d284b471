/* eslint-disable no-console */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * Counts the CPU instructions one synth executes, with `valgrind --tool=callgrind`: a count, not a
 * time, so it is the same whatever else the machine is doing (seconds on a shared 2-core machine
 * move by +-15%, instruction counts by well under 1%). For deciding what to optimise, not a
 * benchmark of record (`run.ts` is): instructions leave out cache misses and memory stalls.
 *
 * It compiles src/ and bench/ to JavaScript once (valgrind would otherwise count ts-node
 * compiling), then runs, for each variant and each ablation, a process that synthesizes 50
 * workloads (warm-up) and one that synthesizes 50 + N; the difference, divided by N, is the count
 * per workload.
 *
 * Usage: node -r ts-node/register/transpile-only bench/instructions.ts [N] [CONFIG,...]
 * CONFIG: kplus | sidecar | sidecar-PART[+PART...] with PART one of the ablations below.
 * Default: 300 kplus,sidecar,sidecar-rules,sidecar-effective,sidecar-annotations,sidecar-pipeline
 * (about 15 minutes).
 */
const ROOT = path.join(__dirname, '..');
const n = Number(process.argv[2] ?? 300);
const configs = (process.argv[3] ?? 'kplus,sidecar,sidecar-rules,sidecar-effective,sidecar-annotations,sidecar-pipeline').split(',');

/** What each ablation replaces in the compiled pipeline (module, export, replacement). */
const ABLATIONS: Record<string, string> = {
  rules: "replace('src/rules/private/check-pod', 'checkPod', () => (i) => ({ findings: [...(i.stageFindings ?? [])], suppressed: [] }));",
  effective: "replace('src/resources/effective-resource-annotations', 'effectiveResourceAnnotationsOfPod', () => () => undefined);",
  annotations: "replace('src/pipeline/pod-pipeline', 'runPodPipeline', (o) => (i) => { const r = o(i); delete r.manifest.spec.template.metadata.annotations; return r; });",
  pipeline: "replace('src/pipeline/pod-pipeline', 'runPodPipeline', () => (i) => ({ manifest: i.manifest, findings: [], suppressed: [] }));",
};

function compile(): string {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-sidecars-instructions-'));
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'test', 'tsconfig.json'), '--noEmit', 'false',
    '--outDir', out, '--declaration', 'false', '--inlineSourceMap', 'false', '--inlineSources', 'false'], { stdio: 'inherit' });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(out, 'node_modules'));
  return out;
}

function script(out: string, config: string, count: number): string {
  const [variant, ...parts] = config.split(/[-+]/);
  const lines = [
    `function replace(mod, name, make) { const m = require(${JSON.stringify(out)} + '/' + mod); m[name] = make(m[name]); }`,
    ...parts.map((p) => {
      if (!ABLATIONS[p]) throw new Error(`instructions: unknown part ${JSON.stringify(p)}. Fix: use ${Object.keys(ABLATIONS).join(', ')}`);
      return ABLATIONS[p];
    }),
    `const V = require(${JSON.stringify(out)} + '/bench/variants').VARIANTS;`,
    `V[${JSON.stringify(variant)}].synth(50);`,
    count > 0 ? `V[${JSON.stringify(variant)}].synth(${count});` : '',
  ];
  const file = path.join(out, `run-${config}-${count}.js`);
  fs.writeFileSync(file, lines.join('\n'));
  return file;
}

function instructions(file: string): number {
  const r = spawnSync('valgrind', ['--tool=callgrind', '--smc-check=all-non-file', '--callgrind-out-file=/dev/null', process.execPath, file], { encoding: 'utf-8' });
  const m = /Collected : (\d+)/.exec(r.stderr ?? '');
  if (!m) throw new Error(`instructions: valgrind printed no count for ${file}:\n${r.stderr}`);
  return Number(m[1]);
}

const out = compile();
const perWorkload = new Map<string, number>();
for (const config of configs) {
  const base = instructions(script(out, config, 0));
  const full = instructions(script(out, config, n));
  perWorkload.set(config, (full - base) / n);
  console.log(`${config.padEnd(32)} ${((full - base) / n / 1e6).toFixed(2).padStart(8)} M instructions per workload`);
}
const kplus = perWorkload.get('kplus');
if (kplus) for (const [c, v] of perWorkload) console.log(`${c.padEnd(32)} ${(v / kplus).toFixed(3)}x kplus`);
