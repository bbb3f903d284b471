import { finalManifest } from './final-manifest';
import { runPodPipeline } from '../src/pipeline/pod-pipeline';
import { DEFAULT_POD_SETTINGS } from '../src/rules/pod-settings';
const decl = { startAfter: { proxy: ['setup'] }, needsReady: { app: ['proxy'] }, shutdownSeconds: { 'log-shipper': 5 } };
const rounds = Number(process.argv[2] ?? 5);
const raw = Array.from({ length: 2000 }, (_, i) => { const m = finalManifest(i); delete m.spec.template.metadata.annotations; return m; });
let total = 0;
for (let r = 0; r < rounds; r++) {
  const ms = raw.map((m) => JSON.parse(JSON.stringify(m)));
  const t0 = process.hrtime.bigint();
  for (const m of ms) runPodPipeline({ manifest: m, settings: DEFAULT_POD_SETTINGS, workload: { declarations: decl, foreign: [] }, record: true });
  const us = Number(process.hrtime.bigint() - t0) / 1e3 / ms.length;
  if (r > 0) total += us;
  console.log(`round ${r}: ${us.toFixed(1)} us per pod`);
}
console.log(`mean ${(total / (rounds - 1)).toFixed(1)} us per pod`);
