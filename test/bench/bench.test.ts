import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { jsyamlOnce, lintOnce, readOnce } from '../../bench/cli-tasks';
import { writeLintInput } from '../../bench/lint-input';
import { BenchResults, checkTargets, SynthCell } from '../../bench/report';
import { END_MARKER, spliceResults, START_MARKER } from '../../bench/run';
import { median } from '../../bench/stats';
import { VARIANT_KEYS, VARIANTS } from '../../bench/variants';

// A fast smoke test of the benchmark's builders and arithmetic. It times nothing: timings
// belong to `npm run bench`, never to the test suite.

const ANNOTATION_PREFIX = 'cdk8s-sidecars.dev/';

function docs(yaml: string): any[] {
  return parseAllDocuments(yaml).map((d) => d.toJS());
}

function withoutOurAnnotations(manifest: any): any {
  const copy = JSON.parse(JSON.stringify(manifest));
  const meta = copy.spec.template.metadata;
  for (const key of Object.keys(meta.annotations ?? {})) if (key.startsWith(ANNOTATION_PREFIX)) delete meta.annotations[key];
  if (meta.annotations && Object.keys(meta.annotations).length === 0) delete meta.annotations;
  return copy;
}

describe('bench variants', () => {
  const yaml: Record<string, string> = {};
  let stderr = '';
  beforeAll(() => {
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: any) => {
      stderr += String(chunk);
      return true;
    });
    try {
      for (const key of VARIANT_KEYS) yaml[key] = VARIANTS[key].synth(3).yaml;
    } finally {
      spy.mockRestore();
    }
  });

  test('GIVEN N=3 WHEN the raw ApiObject and bare-YAML variants synthesize THEN their YAML is byte for byte what SidecarDeployment synthesizes', () => {
    expect(yaml.raw).toEqual(yaml.sidecar);
    expect(yaml.floor).toEqual(yaml.sidecar);
  });

  test('GIVEN N=3 WHEN the kplus variant synthesizes THEN its manifests equal SidecarDeployment\'s without our annotations', () => {
    const sidecar = docs(yaml.sidecar);
    const kplus = docs(yaml.kplus);
    expect(sidecar).toHaveLength(3);
    expect(kplus.map(withoutOurAnnotations)).toEqual(sidecar.map(withoutOurAnnotations));
    // The kplus variant carries none of ours; the sidecar variant carries the relations and figures.
    expect(JSON.stringify(kplus)).not.toContain(ANNOTATION_PREFIX);
    expect(Object.keys(sidecar[0].spec.template.metadata.annotations)).toEqual([
      'cdk8s-sidecars.dev/effective-limits', 'cdk8s-sidecars.dev/effective-requests', 'cdk8s-sidecars.dev/needs-ready',
      'cdk8s-sidecars.dev/qos-class', 'cdk8s-sidecars.dev/shutdown-seconds', 'cdk8s-sidecars.dev/start-after',
      'cdk8s-sidecars.dev/total-limits', 'cdk8s-sidecars.dev/total-requests',
    ]);
  });

  test('GIVEN the benchmark workload THEN each pod has 1 app container, 1 regular init container, 2 probed sidecars with resources and one shared volume', () => {
    const pod = docs(yaml.sidecar)[2].spec.template.spec;
    expect(pod.containers.map((c: any) => c.name)).toEqual(['app']);
    expect(pod.initContainers.map((c: any) => [c.name, c.restartPolicy])).toEqual([['setup', undefined], ['proxy', 'Always'], ['log-shipper', 'Always']]);
    for (const sidecar of pod.initContainers.slice(1)) {
      expect(sidecar.livenessProbe).toBeDefined();
      expect(sidecar.resources.requests).toBeDefined();
      expect(sidecar.resources.limits).toBeDefined();
    }
    expect(pod.volumes).toEqual([{ emptyDir: {}, name: 'shared' }]);
    expect(docs(yaml.sidecar).map((d) => d.metadata.name)).toEqual(['w-0', 'w-1', 'w-2']);
  });

  test('GIVEN the benchmark workload WHEN SidecarDeployment synthesizes it THEN no rule warns (the clean path is measured, not stderr)', () => {
    expect(stderr).toEqual('');
  });
});

describe('bench CLI input', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-test-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('GIVEN a small generated input WHEN parsed and linted as the bench does THEN it holds a Deployment and a Service per workload and lints clean', async () => {
    const file = path.join(dir, 'input.yaml');
    const written = writeLintInput(file, 20_000);
    expect(written.bytes).toBeGreaterThanOrEqual(20_000);
    expect(fs.statSync(file).size).toEqual(written.bytes);
    expect(readOnce(file)).toEqual({ size: 2 * written.workloads, exitCode: 0 });
    expect(jsyamlOnce(file)).toEqual({ size: 2 * written.workloads, exitCode: 0 });
    expect(await lintOnce(file)).toEqual({ size: written.bytes, exitCode: 0 });
  });

  test('throws when the input has findings, with the exit code and the CLI\'s message', async () => {
    const file = path.join(dir, 'bad.yaml');
    // A probe on a regular init container: the API server's Forbidden, an error finding.
    fs.writeFileSync(file, [
      'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:',
      '  initContainers:', '    - name: init', '      image: busybox', '      livenessProbe:', '        exec:', '          command: [true]',
      '  containers:', '    - name: app', '      image: busybox', '',
    ].join('\n'));
    await expect(lintOnce(file)).rejects.toThrow(
      /^bench: lint of the generated input exited 1, expected 0 \(a clean input\): .*bad\.yaml:9:\d+ .*SC-API-\d{3} spec\.initContainers\[0\]\.livenessProbe: Forbidden: [^\n]*$/s);
  });
});

describe('bench arithmetic', () => {
  test('GIVEN odd and even samples THEN median is the middle value or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toEqual(2);
    expect(median([4, 1, 3, 2])).toEqual(2.5);
  });

  test('throws on an empty sample', () => {
    expect(() => median([])).toThrow(new Error('bench: median of no values'));
  });

  function synthCell(variant: SynthCell['variant'], n: number, ms: number, rss: number): SynthCell {
    return { variant, n, timesMs: [ms, ms * 2, ms / 2], peakRssMiB: rss, baselineRssMiB: 100, liveHeapMiB: rss / 10, yamlChars: 1 };
  }

  test('GIVEN one run\'s cells THEN each target is judged on the ratio of medians (met at the limit, missed above)', () => {
    const results: BenchResults = {
      startedAt: new Date(0),
      durationS: 1,
      loadBefore: [0, 0, 0],
      loadAfter: [0, 0, 0],
      sizes: [2000, 8000],
      synth: [
        synthCell('kplus', 2000, 100, 200), synthCell('sidecar', 2000, 110, 230),
        synthCell('kplus', 8000, 400, 400), synthCell('sidecar', 8000, 500, 461),
      ],
      cli: {
        bytes: 50 * 1024 * 1024,
        workloads: 1,
        largestDocument: 4096,
        baselineRssMiB: 1,
        lint: { kind: 'lint', timesMs: [2600], peakRssMiB: 1, liveHeapMiB: 0 },
        jsyaml: { kind: 'jsyaml', timesMs: [1300], peakRssMiB: 1, liveHeapMiB: 0 },
        read: { kind: 'read', timesMs: [1000], peakRssMiB: 1, liveHeapMiB: 0 },
      },
    };
    expect(checkTargets(results).map((t) => [t.measured, t.met])).toEqual([
      ['1.10x', true], ['1.25x', false],
      ['4.55', false],
      ['1.15x (live heap after synth: 1.15x)', true], ['1.15x (live heap after synth: 1.15x)', false],
      ['2.00x', true], ['20.2 MB/s (5.4x)', true],
    ]);
  });

  test('GIVEN a document with result markers THEN only the text between them is replaced; without markers a Results section is appended', () => {
    const doc = `# Benchmarks\n\nintro\n\n${START_MARKER}\nold\n${END_MARKER}\n\n## Analysis\n`;
    expect(spliceResults(doc, 'new')).toEqual(`# Benchmarks\n\nintro\n\n${START_MARKER}\nnew\n${END_MARKER}\n\n## Analysis\n`);
    expect(spliceResults('# Benchmarks\n', 'new')).toEqual(`# Benchmarks\n\n## Results\n\n${START_MARKER}\nnew\n${END_MARKER}\n`);
  });
});
