/* eslint-disable no-console, @typescript-eslint/no-require-imports */
import { VARIANTS } from './variants';

/**
 * What each part of SidecarDeployment's synth costs, measured the only way that counts the
 * garbage it makes and the caches it cools: in a real synth, with that part replaced by a no-op.
 * Not a benchmark of record (`run.ts` is); a tool for deciding what to optimise next.
 *
 * Usage: node --expose-gc -r ts-node/register/transpile-only bench/ablation.ts [N] [REPS] [PART,...]
 * PART: rules | effective | decorate | checks | rules2x (runs the rules twice) | validation (the API-server
 * validation of src/validation/, which the API-validation rules read). Without parts it
 * prints the sidecar/kplus ratio as it is; the difference between two runs is what the parts cost.
 * Run-to-run noise on a 2-core machine is about +-0.04 in the ratio: repeat before believing a change.
 */
const n = Number(process.argv[2] ?? 2000);
const reps = Number(process.argv[3] ?? 8);
const parts = new Set((process.argv[4] ?? '').split(',').filter(Boolean));

function replace(modulePath: string, owner: (m: any) => any, name: string, make: (original: any) => any): void {
  const target = owner(require(modulePath));
  target[name] = make(target[name]);
}

if (parts.has('rules')) replace('../src/rules/sidecar-rules', (m) => m.SidecarRules, 'checkAll', () => () => []);
if (parts.has('rules2x')) replace('../src/rules/sidecar-rules', (m) => m.SidecarRules, 'checkAll', (o) => (...a: any[]) => { o(...a); return o(...a); });
if (parts.has('effective')) replace('../src/resources/effective-resource-annotations', (m) => m, 'effectiveResourceAnnotationsIfValid', () => () => ({}));
if (parts.has('decorate')) replace('../src/workloads/private/sidecar-support', (m) => m.SidecarSupport.prototype, 'decorate', () => (x: any) => x);
if (parts.has('validation')) replace('../src/validation/validate-manifest', (m) => m, 'validatePodManifest', () => () => ({ errors: [], warnings: [], byArea: new Map() }));
if (parts.has('checks')) replace('../src/workloads/private/check-manifest', (m) => m, 'checkManifest', () => (_c: any, r: any) => { r.manifest(); return []; });

const times: Record<'sidecar' | 'kplus', number[]> = { sidecar: [], kplus: [] };
for (let r = 0; r < reps; r++) {
  const order: Array<'sidecar' | 'kplus'> = r % 2 ? ['kplus', 'sidecar'] : ['sidecar', 'kplus'];
  for (const key of order) {
    (global as any).gc?.();
    const t0 = process.hrtime.bigint();
    VARIANTS[key].synth(n);
    times[key].push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
}
// The first two repetitions warm the JIT up and are left out.
const median = (a: number[]) => { const s = a.slice(2).sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
const s = median(times.sidecar);
const k = median(times.kplus);
console.log(`N=${n} parts off: ${[...parts].join(',') || 'none'}: sidecar ${s.toFixed(0)} ms, kplus ${k.toFixed(0)} ms, ratio ${(s / k).toFixed(3)}`);
