/**
 * Records how kubectl reads every file of test/fixtures/kubectl-reading/inputs/ as golden JSON in
 * test/fixtures/kubectl-reading/golden/, for test/cli/kubectl-reading.test.ts (which never runs kubectl).
 *
 * kubectl prints its reading of a file without a cluster with
 *   kubectl label --local -f FILE golden.cdk8s-sidecars.dev/read=kubectl -o json
 * (the objects it read, each with that label added; or an error). Every kubectl found is asked
 * (`kubectl` on PATH and the versioned `kubectl.1.NN` beside it or under the Google Cloud SDK), and
 * the reading most of them share is recorded (the newest of those for the error text), with the
 * versions that read the file otherwise listed under `differentIn`. (kubectl 1.33 reads some
 * malformed JSON streams as YAML where 1.27-1.32 refuse them; the tool follows the majority.)
 *
 * Run: `npx projen record-kubectl-readings` (or `ts-node --project test/tsconfig.json scripts/record-kubectl-readings.ts
 * [--kubectl PATH] [--only a.yaml,b.json]`).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const FIXTURES = path.join(__dirname, '..', 'test', 'fixtures', 'kubectl-reading');
/** The label kubectl adds to every object it read; the test adds the same to ours. */
export const GOLDEN_LABEL = { key: 'golden.cdk8s-sidecars.dev/read', value: 'kubectl' };

interface Reading {
  readonly accepted: boolean;
  readonly objects?: unknown[];
  readonly error?: string;
}

function read(kubectl: string, file: string): Reading {
  const r = spawnSync(kubectl, ['label', '--local', '-f', file, `${GOLDEN_LABEL.key}=${GOLDEN_LABEL.value}`, '-o', 'json'], {
    encoding: 'utf-8',
    cwd: path.dirname(file),
    timeout: 60_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  const stderr = (r.stderr ?? '').trim();
  // kubectl may print some objects and then fail on a later document: the file is refused.
  if (r.status !== 0 || stderr !== '') {
    return { accepted: false, error: stderr.split('\n')[0].replace(file, path.basename(file)) || `exit ${r.status}` };
  }
  return { accepted: true, objects: splitJsonStream(r.stdout) };
}

/** kubectl prints several objects as JSON values one after another. */
export function splitJsonStream(text: string): unknown[] {
  const out: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) out.push(JSON.parse(text.slice(start, i + 1)));
    }
  }
  return out;
}

function version(kubectl: string): string {
  const r = spawnSync(kubectl, ['version', '--client', '-o', 'json'], { encoding: 'utf-8' });
  try {
    return JSON.parse(r.stdout).clientVersion.gitVersion;
  } catch {
    return 'unknown';
  }
}

function findKubectls(explicit?: string): string[] {
  const found = new Set<string>();
  if (explicit) return [explicit];
  const dirs = new Set((process.env.PATH ?? '').split(path.delimiter).filter(Boolean));
  for (const d of [...dirs]) {
    const k = path.join(d, 'kubectl');
    if (fs.existsSync(k)) {
      found.add(fs.realpathSync(k));
      dirs.add(path.dirname(fs.realpathSync(k)));
    }
  }
  dirs.add('/usr/lib/google-cloud-sdk/bin');
  for (const d of dirs) {
    if (!fs.existsSync(d)) continue;
    for (const name of fs.readdirSync(d)) if (/^kubectl\.1\.\d+$/.test(name)) found.add(fs.realpathSync(path.join(d, name)));
  }
  return [...found];
}

function main(): void {
  const explicit = process.argv.indexOf('--kubectl') !== -1 ? process.argv[process.argv.indexOf('--kubectl') + 1] : undefined;
  const kubectls = findKubectls(explicit).map((k) => ({ path: k, version: version(k) }))
    .filter((k) => k.version !== 'unknown')
    .sort((a, b) => compareVersions(b.version, a.version));
  if (kubectls.length === 0) throw new Error('no kubectl found: put kubectl on PATH or pass --kubectl PATH');
  const only = process.argv.indexOf('--only') !== -1 ? process.argv[process.argv.indexOf('--only') + 1].split(',') : undefined;
  const inputs = fs.readdirSync(path.join(FIXTURES, 'inputs')).sort().filter((f) => !only || only.includes(f));
  fs.mkdirSync(path.join(FIXTURES, 'golden'), { recursive: true });
  let refused = 0;
  for (const name of inputs) {
    const file = path.join(FIXTURES, 'inputs', name);
    const readings = kubectls.map((k) => ({ version: k.version, reading: read(k.path, file) }));
    const golden = majority(name, readings);
    if (!golden.accepted) refused++;
    fs.writeFileSync(path.join(FIXTURES, 'golden', `${name}.json`), `${JSON.stringify(golden, null, 2)}\n`);
    const differs = Object.keys(golden.differentIn ?? {});
    console.log(`${name}: ${golden.accepted ? `${golden.objects!.length} object(s)` : `refused: ${golden.error}`}${differs.length > 0 ? ` (differs in ${differs.join(', ')})` : ''}`);
  }
  console.log(`recorded ${inputs.length} readings (${refused} refused) with ${kubectls.map((k) => k.version).join(', ')}`);
}

/** The reading most versions share (ties: the newest); `readings` are newest first. */
export function majority(fixture: string, readings: Array<{ version: string; reading: Reading }>) {
  // Refusals agree whatever their words: compare what was read.
  const keyOf = (r: Reading) => JSON.stringify(r.accepted ? { accepted: true, objects: r.objects } : { accepted: false });
  const groups = new Map<string, Array<{ version: string; reading: Reading }>>();
  for (const r of readings) groups.set(keyOf(r.reading), [...groups.get(keyOf(r.reading)) ?? [], r]);
  const winner = [...groups.values()].reduce((best, g) => (g.length > best.length ? g : best));
  const differentIn: Record<string, Reading> = {};
  for (const r of readings) if (!winner.includes(r)) differentIn[r.version] = r.reading;
  return {
    fixture,
    recordedWith: `kubectl label --local -f ${fixture} ${GOLDEN_LABEL.key}=${GOLDEN_LABEL.value} -o json`,
    sameIn: winner.map((r) => r.version),
    ...(Object.keys(differentIn).length > 0 ? { differentIn } : {}),
    ...winner[0].reading,
  };
}

function compareVersions(a: string, b: string): number {
  const n = (v: string) => v.replace(/^v/, '').split(/[.-]/).slice(0, 3).map((x) => Number(x) || 0);
  const [x, y] = [n(a), n(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

if (require.main === module) main();
