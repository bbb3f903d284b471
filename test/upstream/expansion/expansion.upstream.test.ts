import * as fc from 'fast-check';
import { EXPANSION_CONTEXT, TEST_EXPANSION } from './expand-tables';
import { expandLikeKubelet } from './kubelet-expansion';
import { escapeExpansion } from '../../../src/sidecars/private/kubernetes-expansion';

describe('expand_test.go doExpansionTest (the oracle reproduces upstream)', () => {
  test('GIVEN the table THEN it has every upstream case', () => expect(TEST_EXPANSION).toHaveLength(37));
  test.each(TEST_EXPANSION)('%s', (_name, input, expected) => expect(expandLikeKubelet(input, EXPANSION_CONTEXT)).toBe(expected));
});

describe('escapeExpansion', () => {
  test('GIVEN any string and any environment WHEN escaped and then expanded as the kubelet does THEN the original string comes back', () => {
    const text = fc.array(fc.constantFrom('$', '(', ')', 'A', 'B', '_', '/', ' ', '\'', '"', '\\', 'x'), { maxLength: 40 }).map((cs) => cs.join(''));
    const env = fc.dictionary(fc.constantFrom('A', 'B', 'A_B', 'X', ''), fc.string({ maxLength: 5 }));
    fc.assert(fc.property(text, env, (s, e) => expandLikeKubelet(escapeExpansion(s), e) === s), { numRuns: 500 });
  });

  test.each([
    ['/var/log/$(HOSTNAME)/app.log', '/var/log/$$(HOSTNAME)/app.log'],
    ['/var/log/a$$b/app.log', '/var/log/a$$$$b/app.log'],
    ['/var/log/app.log', '/var/log/app.log'],
  ])('GIVEN %s THEN it is written %s', (literal, escaped) => expect(escapeExpansion(literal)).toBe(escaped));
});
