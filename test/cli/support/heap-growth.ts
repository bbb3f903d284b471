/**
 * Child process of test/cli/streaming.test.ts: lints a stream of N generated Deployments in one
 * pass and prints, as JSON, the retained heap at document 200 and at document N (each after a
 * forced full GC). A fresh process, so that nothing a test runner holds or releases meanwhile
 * (other test files' modules, coverage data) shows up as growth.
 *
 * Usage: node --expose-gc -r ts-node/register/transpile-only test/cli/support/heap-growth.ts N keep|drop
 */
import { parseDocument } from 'yaml';
import { CliEngine } from '../../../src/cli/cli-engine';
import { defaultEngine } from '../../../src/cli/default-engine';
import { run } from '../capture-io';

const gc: () => void = (globalThis as any).gc;

function deployment(i: number): string {
  return [
    'apiVersion: apps/v1', 'kind: Deployment', `metadata: {name: app-${i}, labels: {app: app-${i}}}`, 'spec:', '  replicas: 2',
    `  selector: {matchLabels: {app: app-${i}}}`, '  template:', `    metadata: {labels: {app: app-${i}}}`, '    spec:',
    '      containers:', '      - name: app', `        image: registry.example/app-${i}:1.0`,
    '        resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: 100m, memory: 64Mi}}',
    '      initContainers:', '      - name: proxy', '        image: proxy:1', '        restartPolicy: Always',
    '        resources: {requests: {cpu: 50m, memory: 32Mi}, limits: {cpu: 50m, memory: 32Mi}}',
    '        startupProbe: {tcpSocket: {port: 15000}}',
  ].join('\n');
}

async function heapGrowth(documents: number, keep: boolean): Promise<{ growth: number; checked: number; code: number; stdout: string }> {
  const real = defaultEngine();
  const kept: any[] = [];
  const samples = new Map<number, number>();
  let checked = 0;
  const observing: CliEngine = {
    ...real,
    check: (manifest, context, options) => {
      checked++;
      // The control keeps a YAML AST per document: the failure mode streaming avoids.
      if (keep) kept.push(parseDocument(JSON.stringify(manifest), { keepSourceTokens: true }));
      if (checked === 200 || checked === documents) {
        gc();
        samples.set(checked, process.memoryUsage().heapUsed);
      }
      return real.check(manifest, context, options);
    },
  };
  const text = Array.from({ length: documents }, (_, i) => deployment(i)).join('\n---\n');
  const r = await run(['lint', '--quiet', 'many.yaml'], { files: { 'many.yaml': text } }, observing);
  return { growth: samples.get(documents)! - samples.get(200)!, checked, code: r.code, stdout: r.stdout };
}


const [documents, mode] = [Number(process.argv[2] ?? 1000), process.argv[3] ?? 'drop'];
void heapGrowth(documents, mode === 'keep').then((r) => process.stdout.write(JSON.stringify(r)));
