import * as fs from 'fs';
import { DOC, renderDoc } from './validation-md';

describe('docs/validation.md', () => {
  test('GIVEN the committed document THEN its case tables are what the ported data renders (fails when stale)', () => {
    const current = fs.readFileSync(DOC, 'utf-8');
    expect(current).toBe(renderDoc(current));
  });
});
