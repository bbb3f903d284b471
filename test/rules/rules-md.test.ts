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
  test('GIVEN every rule id written anywhere under src/ THEN each is a registered rule with its RULES.md section', () => {
    const ids = new Set<string>();
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.ts')) for (const m of fs.readFileSync(p, 'utf-8').matchAll(/SC-[A-Z]+-\d{3}/g)) ids.add(m[0]);
      }
    };
    walk(path.join(root, 'src'));
    const registered = new Set(SidecarRules.rules().map((r) => r.id));
    const rulesMd = fs.readFileSync(path.join(root, 'RULES.md'), 'utf-8');
    expect([...ids].filter((id) => !registered.has(id) || !rulesMd.includes(`## ${id}\n`)).sort()).toEqual([]);
    expect(ids.size).toBeGreaterThanOrEqual(30);
  });

  test.each(SidecarRules.rules().map((r) => [r.id]))('GIVEN the example of %s THEN it produces at least one finding of that rule', (id) => {
    const example = RULE_EXAMPLES[id];
    expect(example).toBeDefined();
    expect(exampleFindings(example).filter((f) => f.ruleId === id).length).toBeGreaterThan(0);
  });
});
