import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { Allowed, CDK8S, ENGINE_LAYER, KPLUS_MODULE, LAYERS } from './layering-table';

/**
 * Layers point one way: engine <- constructs <- CLI. The allow-list below says, for every folder
 * of src/, which folders of src/ and which packages its files may import. Imports are read with
 * the TypeScript compiler, so every form counts: multi-line imports, `import type`, `export ... from`,
 * `require()`, dynamic `import()`, and relative paths that climb out of a folder (`../../`).
 * A folder missing from the table fails the test: a new folder states its layer when it is added.
 */

const ROOT = path.join(__dirname, '..');
const SRC = path.join(ROOT, 'src');

/** One import of one file, as the guard reports it. */
export interface Edge {
  readonly file: string;
  readonly line: number;
  readonly specifier: string;
  /** The src/ folder it points into, or `pkg:<name>` for a package. */
  readonly target: string;
}

/** The folder of a file below src/ (`(root)` for src/index.ts), from a path relative to src/. */
function folderOf(relative: string): string {
  // src/cdk8s-plus.ts is a layer of its own (issue 15): the one module that names a cdk8s-plus package.
  if (relative.replace(/\.ts$/, '') === KPLUS_MODULE) return 'kplus';
  const parts = relative.split(/[\\/]/);
  return parts.length > 1 ? parts[0] : '(root)';
}

/** Every module specifier a file refers to, read with the TypeScript parser (once per file and text). */
export function importsOf(file: string, text: string): Edge[] {
  const key = `${file}\0${text}`;
  let edges = PARSED.get(key);
  if (!edges) PARSED.set(key, edges = parseImports(file, text));
  return edges;
}

const PARSED = new Map<string, Edge[]>();

function parseImports(file: string, text: string): Edge[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const edges: Edge[] = [];
  const add = (node: ts.Node, specifier: string) => {
    let target: string;
    if (specifier.startsWith('.')) {
      const resolved = path.relative(SRC, path.resolve(path.dirname(path.join(SRC, file)), specifier));
      target = resolved.startsWith('..') ? `outside src: ${resolved}` : folderOf(resolved);
    } else {
      const parts = specifier.replace(/^node:/, '').split('/');
      target = `pkg:${specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]}`;
    }
    edges.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, specifier, target });
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node, node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)
      && ts.isStringLiteral(node.moduleReference.expression)) {
      add(node, node.moduleReference.expression.text);
    } else if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteralLike(node.arguments[0])
      && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) {
      add(node, node.arguments[0].text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node, node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

/** The imports the table does not allow, as `file:line: 'specifier' (folder -> target)`. */
export function violations(files: ReadonlyMap<string, string>, layers: Record<string, Allowed> = LAYERS): string[] {
  const out: string[] = [];
  for (const [file, text] of files) {
    const from = folderOf(file);
    const allowed = layers[from];
    if (!allowed) {
      out.push(`${file}: folder "${from}" is not in the layering table of test/layering.test.ts; add it with the folders and packages it may import`);
      continue;
    }
    for (const e of importsOf(file, text)) {
      const ok = e.target.startsWith('pkg:')
        ? allowed.packages.includes(e.target.slice(4))
        : e.target === from || allowed.folders.includes(e.target);
      if (!ok) out.push(`${e.file}:${e.line}: '${e.specifier}' (${from} -> ${e.target})`);
    }
  }
  return out;
}

/** Every .ts file under src/, path relative to src/ -> text. */
function sources(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) out.set(path.relative(SRC, p), fs.readFileSync(p, 'utf-8'));
    }
  };
  walk(SRC);
  return out;
}

describe('layering', () => {
  const real = sources();

  test('GIVEN every file under src/ WHEN reading its imports with the TypeScript parser THEN each one is allowed by the layering table', () => {
    expect(violations(real)).toEqual([]);
  });

  test('GIVEN the table THEN the engine layer imports no cdk8s, cdk8s-plus-28, constructs or Node built-in, and the CLI no construct folder', () => {
    for (const layer of ENGINE_LAYER) expect(LAYERS[layer].packages).toEqual([]);
    expect(LAYERS.cli.folders.filter((f) => ['workloads', 'sidecars', 'synth', 'kplus', 'plugin'].includes(f))).toEqual([]);
    expect(LAYERS.cli.packages.filter((p) => CDK8S.includes(p))).toEqual([]);
  });

  test('GIVEN the sources THEN the guard has real work to do (the engine layer holds files, and they do import each other)', () => {
    const engineFiles = [...real.keys()].filter((f) => ENGINE_LAYER.includes(folderOf(f)));
    expect(engineFiles.length).toBeGreaterThan(50);
    expect([...real].flatMap(([f, t]) => importsOf(f, t)).length).toBeGreaterThan(300);
  });

  // A wrong-way import planted in memory, in every form the guard must see through.
  test.each([
    ['a multi-line import', 'engine/planted.ts', "import {\n  SidecarDeployment,\n} from\n  '../workloads/sidecar-deployment';\n"],
    ['a path that climbs out through ../../', 'rules/private/planted.ts', "import { RenderOnce } from '../../synth/render-once';\n"],
    ['an import type', 'modes/planted.ts', "import type { SidecarChecksOptions } from '../workloads/sidecar-checks-options';\n"],
    ['an export-from', 'lifecycle/planted.ts', "export { SidecarPod } from '../workloads/sidecar-pod';\n"],
    ['a require()', 'resources/planted.ts', "const w = require('../workloads/sidecar-job');\nexport const x = w;\n"],
    ['a dynamic import()', 'pipeline/planted.ts', "export async function f() { return import('../sidecars/proxy-sidecar'); }\n"],
    ['cdk8s in the engine', 'engine/planted.ts', "import { ApiObject } from 'cdk8s';\nexport type A = ApiObject;\n"],
    ['the CLI reaching the constructs', 'cli/planted.ts', "import { SidecarChecks } from '../workloads/sidecar-checks';\nexport const c = SidecarChecks;\n"],
    ['a folder nobody placed in a layer', 'newthing/planted.ts', 'export const x = 1;\n'],
  ])('GIVEN %s planted in a copy of the sources THEN the guard fails, naming the file and line', (_what, file, text) => {
    const planted = new Map(real);
    planted.set(file, text);
    const found = violations(planted);
    expect(found.length).toBe(1);
    expect(found[0].startsWith(file)).toBe(true);
  });
});
