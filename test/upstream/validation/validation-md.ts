/**
 * Renders the case tables of docs/validation.md from the ported data, so the document cannot go
 * stale: validation-md.test.ts fails when the committed section differs from what this renders.
 *
 * Run: `npx ts-node --project test/tsconfig.json test/upstream/validation/validation-md.ts` (rewrites the section).
 */
import * as fs from 'fs';
import * as path from 'path';
import { CONTAINERS_CASES, CONTAINERS_SKIPPED, INIT_CONTAINERS_CASES } from './containers.cases';
import { POD_SPEC_CASES, POD_SPEC_SKIPPED, RESOURCE_CASES } from './pod-spec.cases';
import { ENV_CASES, ENV_FROM_CASES, PORT_CASES } from './ports-env.cases';
import { HANDLER_CASES, PROBE_CASES, SLEEP_CASES } from './probes.cases';
import { SkippedCase, UPSTREAM_COMMIT, UpstreamCase } from './upstream-case';
import { VOLUME_DEVICE_CASES, VOLUME_MOUNT_CASES } from './volumes.cases';

export const DOC = path.join(__dirname, '..', '..', '..', 'docs', 'validation.md');
export const START = '<!-- cases:start (rendered by test/upstream/validation/validation-md.ts; edit outside the markers) -->';
export const END = '<!-- cases:end -->';

const CASES: UpstreamCase[] = [
  ...CONTAINERS_CASES, ...INIT_CONTAINERS_CASES, ...PROBE_CASES, ...HANDLER_CASES, ...SLEEP_CASES, ...PORT_CASES, ...ENV_CASES,
  ...ENV_FROM_CASES, ...VOLUME_MOUNT_CASES, ...VOLUME_DEVICE_CASES, ...POD_SPEC_CASES, ...RESOURCE_CASES,
];
const SKIPPED: SkippedCase[] = [...CONTAINERS_SKIPPED, ...POD_SPEC_SKIPPED];
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderCases(): string {
  const tests = [...new Set([...CASES.map((c) => c.test), ...SKIPPED.map((s) => s.test)])];
  const lines = [START, '', `Upstream: kubernetes/kubernetes \`pkg/apis/core/validation/validation_test.go\` at commit \`${UPSTREAM_COMMIT}\`.`, '',
    '| upstream test | ported | skipped |', '| --- | ---: | ---: |'];
  for (const t of tests) lines.push(`| ${t} | ${CASES.filter((c) => c.test === t).length} | ${SKIPPED.filter((s) => s.test === t).length} |`);
  lines.push(`| **all** | **${CASES.length}** | **${SKIPPED.length}** |`, '');
  for (const t of tests) {
    lines.push(`### ${t}`, '', '| case | status | expected | note |', '| --- | --- | --- | --- |');
    for (const c of CASES.filter((x) => x.test === t)) {
      const expected = c.errors !== undefined
        ? (c.errors.length === 0 ? 'no error' : c.errors.map((e) => `${e.type} at \`${e.field}\``).join('; '))
        : `includes ${c.includes!.map((e) => `${e.type} at \`${e.field}\``).join('; ')}`;
      lines.push(`| ${cell(c.name)} | ported | ${cell(expected)} | ${cell(c.note ?? '')} |`);
    }
    for (const s of SKIPPED.filter((x) => x.test === t)) lines.push(`| ${cell(s.name)} | skipped | | ${cell(s.reason)} |`);
    lines.push('');
  }
  lines.push(END);
  return lines.join('\n');
}

/** The document with its case section replaced by a fresh rendering. */
export function renderDoc(current: string): string {
  const a = current.indexOf(START);
  const b = current.indexOf(END);
  if (a < 0 || b < 0) throw new Error(`${DOC} lacks the markers ${START} ... ${END}`);
  return current.slice(0, a) + renderCases() + current.slice(b + END.length);
}

if (require.main === module) {
  fs.writeFileSync(DOC, renderDoc(fs.readFileSync(DOC, 'utf-8')));
  console.log(`wrote ${DOC}`);
}
