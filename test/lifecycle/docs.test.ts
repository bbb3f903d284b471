import * as fs from 'fs';
import * as path from 'path';
import { DOC_EXAMPLES } from './doc-examples';

/**
 * docs/images/lifecycle-<id>.svg and the Mermaid blocks of docs/lifecycle.md are generated from
 * the renderers. This test fails when they drift; regenerate with
 * `UPDATE_LIFECYCLE_DOCS=1 npx jest test/lifecycle/docs.test.ts`.
 */
const DOCS = path.join(__dirname, '..', '..', 'docs');
const UPDATE = process.env.UPDATE_LIFECYCLE_DOCS === '1';

function mermaidBlock(id: string, mermaid: string): string {
  return `<!-- generated:mermaid:${id} -->\n\`\`\`mermaid\n${mermaid}\`\`\`\n<!-- /generated:mermaid:${id} -->`;
}

describe('docs/lifecycle.md and docs/images are generated from the renderers', () => {
  test.each(DOC_EXAMPLES.map((e) => [e.id, e.plan] as const))('GIVEN example %s WHEN rendering THEN the committed SVG is the renderer output', (id, plan) => {
    const file = path.join(DOCS, 'images', `lifecycle-${id}.svg`);
    const svg = plan().toSvg();
    if (UPDATE) fs.writeFileSync(file, svg);
    expect(fs.readFileSync(file, 'utf-8')).toEqual(svg);
  });

  test('GIVEN docs/lifecycle.md WHEN rendering THEN every example shows its SVG and its generated Mermaid block', () => {
    const file = path.join(DOCS, 'lifecycle.md');
    let md = fs.readFileSync(file, 'utf-8');
    for (const e of DOC_EXAMPLES) {
      const block = mermaidBlock(e.id, e.plan().toMermaid());
      const re = new RegExp(`<!-- generated:mermaid:${e.id} -->[\\s\\S]*?<!-- /generated:mermaid:${e.id} -->`);
      expect(md).toMatch(re);
      if (UPDATE) md = md.replace(re, () => block);
      expect(md).toContain(block);
      expect(md).toContain(`](images/lifecycle-${e.id}.svg)`);
    }
    if (UPDATE) fs.writeFileSync(file, md);
  });
});
