/* eslint-disable no-console, @typescript-eslint/no-require-imports */
import { VARIANTS } from './variants';

/**
 * What each part of SidecarDeployment's synth costs, measured the only way that counts the
 * garbage it makes and the caches it cools: in a real synth, with that part replaced by a no-op.
 * Not a benchmark of record (`run.ts` is); a tool for deciding what to optimise next.
 *
 * Usage: node --expose-gc -r ts-node/register/transpile-only bench/ablation.ts [N] [REPS] [PART,...]
 * PART (stages of the pod pipeline, src/pipeline/pod-pipeline.ts):
 *   rules      the rules stage (every rule, suppressions, promotion)
 *   effective  the effective-resources stage
 *   mode       the sidecar-mode stage
 *   order      the order stage
 *   annotations  the YAML of our annotations (the pipeline runs, its annotations are dropped before YAML)
 *   pipeline   the whole pipeline (the object is emitted as cdk8s-plus rendered it)
 *   rules2x    runs the rules stage twice
 *   validation the API-server validation of src/validation/, which the API-validation rules read
 * Without parts it prints the sidecar/kplus ratio as it is; the difference between two runs is
 * what the parts cost. Prints wall time and CPU time (user + system of this process): on a
 * machine shared with other work, CPU time moves less than wall time; `instructions.ts` counts
 * instructions instead, which do not move at all.
 */
const n = Number(process.argv[2] ?? 2000);
const reps = Number(process.argv[3] ?? 8);
const parts = new Set((process.argv[4] ?? '').split(',').filter(Boolean));

function replace(modulePath: string, name: string, make: (original: any) => any): void {
  const target = require(modulePath);
  target[name] = make(target[name]);
}

if (parts.has('rules')) replace('../src/rules/private/check-pod', 'checkPod', () => (input: any) => ({ findings: [...(input.stageFindings ?? [])], suppressed: [] }));
if (parts.has('rules2x')) replace('../src/rules/private/check-pod', 'checkPod', (o) => (input: any) => { o(input); return o(input); });
if (parts.has('effective')) replace('../src/resources/effective-resource-annotations', 'effectiveResourceAnnotationsOfPod', () => () => undefined);
if (parts.has('mode')) replace('../src/modes/apply-sidecar-mode', 'applySidecarMode', () => (podSpec: any, _m: any, o: any) => ({ mode: 'native', podSpec, annotations: {}, declarations: o.declarations, findings: [] }));
if (parts.has('order')) replace('../src/pipeline/order-init-containers', 'orderInitContainers', () => () => undefined);
if (parts.has('annotations')) replace('../src/pipeline/pod-pipeline', 'runPodPipeline', (o) => (input: any) => { const r = o(input); delete r.manifest.spec.template.metadata.annotations; return r; });
if (parts.has('pipeline')) replace('../src/pipeline/pod-pipeline', 'runPodPipeline', () => (input: any) => ({ manifest: input.manifest, findings: [], suppressed: [] }));
if (parts.has('validation')) replace('../src/validation/validate-manifest', 'validatePodManifest', () => () => ({ errors: [], warnings: [], byArea: new Map() }));

const times: Record<'sidecar' | 'kplus', { wall: number[]; cpu: number[] }> = { sidecar: { wall: [], cpu: [] }, kplus: { wall: [], cpu: [] } };
for (let r = 0; r < reps; r++) {
  const order: Array<'sidecar' | 'kplus'> = r % 2 ? ['kplus', 'sidecar'] : ['sidecar', 'kplus'];
  for (const key of order) {
    (global as any).gc?.();
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    VARIANTS[key].synth(n);
    times[key].wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const c = process.cpuUsage(c0);
    times[key].cpu.push((c.user + c.system) / 1e3);
  }
}
// The first two repetitions warm the JIT up and are left out.
const median = (a: number[]) => { const s = a.slice(2).sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
const line = (what: 'wall' | 'cpu') => {
  const s = median(times.sidecar[what]);
  const k = median(times.kplus[what]);
  return `${what} sidecar ${s.toFixed(0)} ms, kplus ${k.toFixed(0)} ms, ratio ${(s / k).toFixed(3)}`;
};
console.log(`N=${n} parts off: ${[...parts].join(',') || 'none'}: ${line('wall')}; ${line('cpu')}`);
