import * as fs from 'fs';
import * as path from 'path';

const DOC = path.join(__dirname, '..', '..', 'docs', 'authoring-sidecars.md');
const EXAMPLE = path.join(__dirname, 'secrets-agent-sidecar.ts');

describe('docs/authoring-sidecars.md', () => {
  test('GIVEN the guide WHEN its first ts code block is read THEN it is the tested secrets agent file, verbatim', () => {
    const doc = fs.readFileSync(DOC, 'utf-8');
    const block = /```ts\n([\s\S]*?)```/.exec(doc);
    expect(block).not.toBeNull();
    expect(block![1]).toBe(fs.readFileSync(EXAMPLE, 'utf-8'));
  });
});
