import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { parseAllDocuments, stringify } from 'yaml';
import { REPO, run } from './capture-io';

/**
 * Robustness: whatever bytes arrive, the tool ends with exit 0, 1 or 2, every stderr line is one
 * message (never a stack trace, never an internal error), and it finishes in bounded time.
 * Seeded, so a failure reproduces: rerun with the printed seed and path.
 */
const SEED = 20240506;
const RUNS_PER_PROPERTY = 500; // 5 properties -> 2,500 inputs
// Bounded, not fast: a 20,000-line broken document takes ~1 s on a loaded 2-core machine (the exact
// reader re-reads it for the error's position); a hang or a superlinear blow-up takes far longer.
const PER_INPUT_MS = 5000;

const seedTexts = fs.readdirSync(path.join(REPO, 'test/fixtures/seeds')).filter((f) => f.endsWith('.yaml'))
  .map((f) => fs.readFileSync(path.join(REPO, 'test/fixtures/seeds', f), 'utf-8'))
  .concat(['legacy-deployment.yaml', 'legacy-sidecar-job.yaml', 'live-pod-dump.yaml']
    .map((f) => fs.readFileSync(path.join(REPO, 'test/cli/fixtures', f), 'utf-8')));

async function expectWellBehaved(argv: string[], input: string | Buffer): Promise<void> {
  const started = Date.now();
  const r = await run(argv, { files: { 'in.yaml': input } });
  const elapsed = Date.now() - started;
  expect([0, 1, 2]).toContain(r.code);
  const errLines = r.stderr.split('\n').filter((l) => l !== '');
  for (const line of errLines) {
    expect(line).not.toMatch(/^\s+at /);
    expect(line).not.toMatch(/internal error/);
    expect(line).not.toMatch(/TypeError|ReferenceError|RangeError: Maximum/);
  }
  if (r.code === 2) expect(errLines.length).toBeGreaterThanOrEqual(1);
  // Notes (what kubectl ignores silently, links read once) may accompany any exit code; errors only exit 2.
  if (r.code !== 2 && argv[0] === 'lint') expect(errLines.filter((l) => !/^[^:]*(:\d+:\d+)?: note: |^note: /.test(l))).toEqual([]);
  expect(elapsed).toBeLessThan(PER_INPUT_MS);
}

/** Any JSON-ish value, to put in place of any field ("wrong types in every field"). */
const anyValue = fc.oneof(
  fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.string({ maxLength: 12 }),
  fc.constant('1e400'), fc.constant(-0), fc.constant(Number.MAX_SAFE_INTEGER), fc.constant('99999999999999999999999999Ei'),
  fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);

/** Replaces the value at one random place of a parsed seed with a random value. */
function corrupt(value: any, choices: number[], replacement: unknown): any {
  if (choices.length === 0 || value === null || typeof value !== 'object') return replacement;
  const keys = Object.keys(value);
  if (keys.length === 0) return replacement;
  const k = keys[choices[0] % keys.length];
  const copy: any = Array.isArray(value) ? [...value] : { ...value };
  copy[k] = choices.length === 1 ? replacement : corrupt(value[k], choices.slice(1), replacement);
  return copy;
}

describe('fuzz: the CLI never crashes', () => {
  jest.setTimeout(240_000);
  const params = { seed: SEED, numRuns: RUNS_PER_PROPERTY };

  test('GIVEN random bytes WHEN linted THEN the run is well-behaved', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
      await expectWellBehaved(['lint', 'in.yaml'], Buffer.from(bytes));
    }), params);
  });

  test('GIVEN truncated or byte-flipped seed manifests WHEN linted THEN the run is well-behaved', async () => {
    await fc.assert(fc.asyncProperty(
      fc.integer({ min: 0, max: seedTexts.length - 1 }), fc.nat(), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 127 })), { maxLength: 4 }),
      async (which, cut, flips) => {
        const chars = seedTexts[which].slice(0, cut % (seedTexts[which].length + 1)).split('');
        for (const [at, code] of flips) if (chars.length > 0) chars[at % chars.length] = String.fromCharCode(code);
        await expectWellBehaved(['lint', 'in.yaml'], chars.join(''));
      }), params);
  });

  test('GIVEN seed manifests with a wrong-typed value at a random field WHEN linted, explained and migrated THEN every run is well-behaved', async () => {
    const parsed = seedTexts.map((t) => parseAllDocuments(t)[0].toJS());
    await fc.assert(fc.asyncProperty(
      fc.integer({ min: 0, max: parsed.length - 1 }), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), anyValue, fc.boolean(),
      async (which, choices, replacement, asJson) => {
        const manifest = corrupt(parsed[which], choices, replacement);
        const text = asJson ? JSON.stringify(manifest) ?? 'null' : stringify(manifest);
        await expectWellBehaved(['lint', 'in.yaml'], text);
        await expectWellBehaved(['explain', '--format', 'json', 'in.yaml'], text);
        await expectWellBehaved(['migrate', 'in.yaml', '--sidecar', 'app'], text);
      }), { seed: SEED, numRuns: 300 });
  });

  test('GIVEN deep nesting, huge numbers and alias chains WHEN linted THEN the run is well-behaved', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom('[', '{a: ', '- ', '  a:\n'), async (depth, open) => {
      const deep = `kind: Pod\nspec: ${open.repeat(depth)}`;
      await expectWellBehaved(['lint', 'in.yaml'], deep);
    }), { seed: SEED, numRuns: 200 });
    await expectWellBehaved(['lint', 'in.yaml'], `kind: Pod\nspec:\n  containers:\n  - name: a\n    resources: {requests: {cpu: ${'9'.repeat(5000)}}}\n`);
    await expectWellBehaved(['lint', 'in.yaml'], 'kind: Pod\nspec:\n  terminationGracePeriodSeconds: 1e999999\n  containers: [{name: a, image: b}]\n');
    const chain = ['x0: &x0 [a,a,a,a,a,a,a,a,a,a]', ...Array.from({ length: 30 }, (_, i) => `x${i + 1}: &x${i + 1} [${Array(10).fill(`*x${i}`).join(',')}]`)].join('\n');
    await expectWellBehaved(['lint', 'in.yaml'], chain);
  });

  test('GIVEN random YAML-like token soup WHEN linted THEN the run is well-behaved', async () => {
    const token = fc.constantFrom('kind: Pod\n', 'kind: List\n', 'items:\n', '- ', 'spec:\n', '  ', 'containers:', 'initContainers:', '[', ']', '{', '}', ',',
      'name: a', 'restartPolicy: Always', '---\n', '...\n', '&a ', '*a', '!!binary ', '"', "'", '#', '\n', ': ', '|', '>', '%YAML 1.2\n', '\t', '\uFEFF');
    await fc.assert(fc.asyncProperty(fc.array(token, { maxLength: 60 }), async (tokens) => {
      await expectWellBehaved(['lint', 'in.yaml'], tokens.join(''));
    }), params);
  });
});
