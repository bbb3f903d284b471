import * as fs from 'fs';
import * as path from 'path';
import { LAYERS } from './layering-table';
import { checkWellFormedXml } from './lifecycle/xml-well-formed';

const ROOT = path.join(__dirname, '..');
const doc = fs.readFileSync(path.join(ROOT, 'docs', 'architecture.md'), 'utf-8');

describe('docs/architecture.md', () => {
  test('GIVEN the picture of one pod\'s flow THEN it is well-formed XML, an SVG with a title, and the doc shows it', () => {
    const svg = fs.readFileSync(path.join(ROOT, 'docs', 'images', 'pod-pipeline.svg'), 'utf-8');
    const { problems, elements } = checkWellFormedXml(svg);
    expect(problems).toEqual([]);
    expect(elements[0]).toBe('svg');
    expect(elements).toContain('title');
    expect(doc).toContain('](images/pod-pipeline.svg)');
  });

  test('GIVEN every folder of src/ THEN the layout table describes it', () => {
    const folders = fs.readdirSync(path.join(ROOT, 'src'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.filter((f) => !doc.includes(`| \`src/${f}/\` |`))).toEqual([]);
    expect(folders.filter((f) => !(f in LAYERS))).toEqual([]);
  });
});
