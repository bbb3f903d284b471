import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

/**
 * Every TypeScript block of the README compiles against the real API and runs: each block becomes
 * a function (so blocks may redeclare names) after a prelude that provides what the prose assumes
 * (`app`, `chart`, `deployment`), and the prelude's app is synthesized at the end.
 */
const ROOT = path.join(__dirname, '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf-8');
const BLOCKS = [...README.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);

const PRELUDE = `
import { App, Chart, Cron, Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  FluentBitOutput, LogShipperSidecar, ProxySidecar, SidecarCronJob, SidecarDaemonSet, SidecarDeployment, SidecarJob,
  SidecarMode, SidecarPod, SidecarSettings, SidecarStatefulSet,
} from '../src';

export function runReadme(): string {
  const app = Testing.app();
  const chart = new Chart(app, 'readme');
  const deployment = new SidecarDeployment(chart, 'deployment');
  deployment.addContainer({ name: 'main', image: 'main:1.0' });
  void App; void Cron; void Duration; void kplus; void FluentBitOutput; void LogShipperSidecar; void ProxySidecar;
  void SidecarCronJob; void SidecarDaemonSet; void SidecarJob; void SidecarMode; void SidecarPod; void SidecarSettings; void SidecarStatefulSet;
`;

function snippetSource(): string {
  const bodies = BLOCKS.map((block, i) => {
    const body = block
      .split('\n')
      .filter((line) => !/^import .* from '/.test(line))
      .join('\n')
      // Synthesize into a temporary directory, never into the working tree.
      .replace(/new App\(\)/g, 'Testing.app()');
    return `  ((): void => { // README block ${i + 1}\n${body}\n  })();`;
  });
  return `${PRELUDE}\n${bodies.join('\n')}\n  return app.synthYaml();\n}\n`;
}

describe('README', () => {
  const file = path.join(ROOT, 'test', '.readme-snippets.generated.ts');
  beforeAll(() => fs.writeFileSync(file, snippetSource()));
  afterAll(() => fs.rmSync(file, { force: true }));

  test('has TypeScript blocks to check (the test cannot pass vacuously)', () => {
    expect(BLOCKS.length).toBeGreaterThanOrEqual(8);
  });

  test('every TypeScript block type-checks against the library', () => {
    const config = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile).config;
    const overrides = { noEmit: true, rootDir: ROOT, noUnusedLocals: false };
    const options = ts.convertCompilerOptionsFromJson({ ...config.compilerOptions, ...overrides }, ROOT).options;
    const program = ts.createProgram([file], options);
    const problems = ts.getPreEmitDiagnostics(program)
      .filter((d) => d.file?.fileName === file)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(problems).toEqual([]);
  });

  test('every TypeScript block runs, and the app they build synthesizes', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { runReadme } = require(file);
    const yaml: string = runReadme();
    expect(yaml).toContain('kind: Deployment');
  });
});
