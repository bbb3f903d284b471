import * as fs from 'fs';
import * as path from 'path';
import { run } from './capture-io';
import { InputError } from '../../src/cli/cli-errors';
import { bufferSource, readManifests, ReadNotice } from '../../src/cli/read/manifest-reader';

/**
 * The tool reads every fixture exactly as kubectl does: kubectl's readings were recorded by
 * scripts/record-kubectl-readings.ts (`kubectl label --local -f FILE KEY=VALUE -o json`: the
 * objects it read, each with that label added, or its refusal) into
 * test/fixtures/kubectl-reading/golden/. This test never runs kubectl.
 */
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'kubectl-reading');
const LABEL = { key: 'golden.cdk8s-sidecars.dev/read', value: 'kubectl' };

interface Golden {
  readonly fixture: string;
  readonly recordedWith: string;
  readonly accepted: boolean;
  readonly objects?: any[];
  readonly error?: string;
}

const goldens: Golden[] = fs.readdirSync(path.join(FIXTURES, 'golden')).sort()
  .map((f) => JSON.parse(fs.readFileSync(path.join(FIXTURES, 'golden', f), 'utf-8')));

function ourReading(fixture: string) {
  const bytes = fs.readFileSync(path.join(FIXTURES, 'inputs', fixture));
  const objects: any[] = [];
  const errors: string[] = [];
  const notices: string[] = [];
  for (const item of readManifests(fixture, bufferSource(bytes))) {
    if (item instanceof InputError) errors.push(item.message);
    else if (item instanceof ReadNotice) notices.push(item.message);
    else objects.push(item.manifest);
  }
  return { objects, errors, notices };
}

/** What `kubectl label --local` does to each object it read. */
function labelled(manifest: any): any {
  const copy = JSON.parse(JSON.stringify(manifest));
  const metadata = copy.metadata ?? {};
  metadata.labels = { ...(metadata.labels ?? {}), [LABEL.key]: LABEL.value };
  copy.metadata = metadata;
  return copy;
}

describe('reading as kubectl reads (golden readings recorded with kubectl)', () => {
  test('GIVEN the fixture set THEN it covers at least 40 files, kubectl accepting some and refusing others', () => {
    expect(goldens.length).toBeGreaterThanOrEqual(40);
    expect(fs.readdirSync(path.join(FIXTURES, 'inputs')).sort()).toEqual(goldens.map((g) => g.fixture));
    expect(goldens.filter((g) => g.accepted).length).toBeGreaterThanOrEqual(20);
    expect(goldens.filter((g) => !g.accepted).length).toBeGreaterThanOrEqual(20);
  });

  const accepted = goldens.filter((g) => g.accepted).map((g) => [g.fixture, g] as const);
  const refused = goldens.filter((g) => !g.accepted).map((g) => [g.fixture, g] as const);

  test.each(accepted)('GIVEN %s, which kubectl reads, WHEN read THEN the objects are kubectl\'s', (fixture, golden) => {
    const ours = ourReading(fixture);
    expect(ours.errors).toEqual([]);
    expect(ours.objects.map(labelled)).toEqual(golden.objects);
  });

  test.each(refused)('GIVEN %s, which kubectl refuses, WHEN read THEN it is refused too', (fixture) => {
    const ours = ourReading(fixture);
    expect(ours.errors.length).toBeGreaterThan(0);
    for (const e of ours.errors) {
      expect(e.split('\n')).toHaveLength(1);
      expect(e.startsWith(fixture)).toBe(true);
    }
  });

  test.each(refused)('GIVEN %s, which kubectl refuses, WHEN linted THEN the exit code is 2 with one clear line per problem and no stack trace', async (fixture) => {
    const r = await run(['lint', '--quiet', path.join('test/fixtures/kubectl-reading/inputs', fixture)]);
    expect(r.code).toBe(2);
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).toMatch(/^test\/fixtures\/kubectl-reading\/inputs\/[^:]+(:\d+:\d+)?: (note: )?\S/);
      expect(line).not.toMatch(/^\s+at |internal error|TypeError|RangeError/);
    }
  });
});
