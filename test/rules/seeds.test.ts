import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { formatFinding } from '../../src/engine/finding-format';
import { Severity } from '../../src/engine/severity';
import { SidecarRules } from '../../src/rules/sidecar-rules';

const SEEDS = path.join(__dirname, '..', 'fixtures', 'seeds');
const files = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.yaml')).sort();

/** The non-error findings each seed is expected to carry, and why they are justified. */
const EXPECTED_NON_ERRORS: Record<string, string[]> = {
  'deployment-sidecar.yaml': ['SC-RES-001 spec.template.spec.initContainers[0].resources.requests'],
  'exit.yaml': ['SC-RES-001 spec.initContainers[0].resources.requests', 'SC-RES-001 spec.initContainers[1].resources.requests'],
  'job-sidecar.yaml': ['SC-RES-001 spec.template.spec.initContainers[0].resources.requests'],
  // readinessProbe on the sidecar of a Pod: gates Pod Ready (the seed shows exactly that).
  'liveness-fail.yaml': ['SC-READINESS-001 spec.initContainers[0].readinessProbe', 'SC-RES-001 spec.initContainers[0].resources.requests'],
  'netshoot-sidecar.yaml': ['SC-READINESS-001 spec.initContainers[0].readinessProbe', 'SC-RES-001 spec.initContainers[0].resources.requests'],
  'order.yaml': ['SC-RES-001 spec.initContainers[0].resources.requests', 'SC-RES-001 spec.initContainers[1].resources.requests'],
  'readiness-fail.yaml': ['SC-READINESS-001 spec.initContainers[0].readinessProbe', 'SC-RES-001 spec.initContainers[0].resources.requests'],
  'secret-fetch.yaml': ['SC-RES-001 spec.initContainers[1].resources.requests'],
};

describe('seed manifests', () => {
  test('GIVEN the seed folder THEN it holds the eight seeds (the test cannot pass vacuously)', () => {
    expect(files).toEqual(Object.keys(EXPECTED_NON_ERRORS).sort());
  });

  test.each(files)('GIVEN seed %s WHEN checked at 1.29 with baseline Pod Security THEN no finding is an error', (file) => {
    const docs = parseAllDocuments(fs.readFileSync(path.join(SEEDS, file), 'utf-8')).map((d) => d.toJSON());
    expect(docs.length).toBeGreaterThan(0);
    const findings = docs.flatMap((d) => SidecarRules.check(d));
    expect(findings.filter((f) => f.severity === Severity.ERROR).map(formatFinding)).toEqual([]);
    expect(findings.map((f) => `${f.ruleId} ${f.path}`)).toEqual(EXPECTED_NON_ERRORS[file]);
  });
});
