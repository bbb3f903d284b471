import { RULE_LOOKALIKES } from './lookalikes';
import { exampleFindings } from './rule-examples';
import { formatFinding } from '../../src/engine/finding-format';
import { Severity } from '../../src/engine/severity';
import { allRules } from '../../src/rules/private/all-rules';

/**
 * "False positives are the worst bug": every rule has look-alikes (test/rules/lookalikes.ts),
 * manifests the API server accepts and that run as intended but resemble what the rule catches.
 * The rule must not report them, and no rule may call them an error. Warnings of OTHER rules
 * are allowed: a look-alike of one rule may still be worth advice from another.
 */
const ENTRIES = Object.entries(RULE_LOOKALIKES).flatMap(([ruleId, lookalikes]) => lookalikes.map((l) => [ruleId, l.name, l] as const));

describe('look-alikes of every rule (no false positives)', () => {
  test('GIVEN the registered rules THEN RULE_LOOKALIKES has look-alikes for exactly their ids (a new rule needs one)', () => {
    expect(Object.keys(RULE_LOOKALIKES).sort()).toEqual(allRules().map((r) => r.id).sort());
    expect(Object.entries(RULE_LOOKALIKES).filter(([, lookalikes]) => lookalikes.length === 0).map(([ruleId]) => ruleId)).toEqual([]);
  });

  test('GIVEN the look-alikes of one rule THEN their names are unique and each says why Kubernetes accepts it', () => {
    for (const [ruleId, lookalikes] of Object.entries(RULE_LOOKALIKES)) {
      const names = lookalikes.map((l) => l.name);
      expect({ ruleId, names: [...new Set(names)] }).toEqual({ ruleId, names });
      for (const l of lookalikes) expect({ ruleId, name: l.name, why: l.why.length > 20 }).toEqual({ ruleId, name: l.name, why: true });
    }
  });

  test.each(ENTRIES)('%s %s: GIVEN the look-alike WHEN checked THEN its rule reports nothing', (ruleId, _name, lookalike) => {
    expect(exampleFindings(lookalike).filter((f) => f.ruleId === ruleId).map(formatFinding)).toEqual([]);
  });

  test.each(ENTRIES)('%s %s: GIVEN the look-alike WHEN checked THEN no rule reports an error (the API server accepts it)', (_i, _n, lookalike) => {
    expect(exampleFindings(lookalike).filter((f) => f.severity === Severity.ERROR).map(formatFinding)).toEqual([]);
  });
});
