import * as fs from 'fs';
import * as path from 'path';
import { exampleFindings, RULE_EXAMPLES } from './rule-examples';
import { renderDocsRules, renderRulesMd } from '../../scripts/rules-md';
import { SidecarRules } from '../../src/rules/sidecar-rules';

const root = path.join(__dirname, '..', '..');

describe('RULES.md and docs/rules.md', () => {
  test('GIVEN the committed RULES.md THEN it is what `npx projen rules-md` renders (fails when stale)', () => {
    expect(fs.readFileSync(path.join(root, 'RULES.md'), 'utf-8')).toBe(renderRulesMd());
  });
  test('GIVEN the committed docs/rules.md THEN it is what `npx projen rules-md` renders (fails when stale)', () => {
    expect(fs.readFileSync(path.join(root, 'docs', 'rules.md'), 'utf-8')).toBe(renderDocsRules());
  });
  test.each(SidecarRules.rules().map((r) => [r.id]))('GIVEN the example of %s THEN it produces at least one finding of that rule', (id) => {
    const example = RULE_EXAMPLES[id];
    expect(example).toBeDefined();
    expect(exampleFindings(example).filter((f) => f.ruleId === id).length).toBeGreaterThan(0);
  });
});
