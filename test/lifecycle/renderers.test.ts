import { DOC_EXAMPLES } from './doc-examples';
import { loadSeed, published, withShutdownSeconds } from './seeds';
import { checkWellFormedXml } from './xml-well-formed';
import { KubernetesVersion } from '../../src/engine/kubernetes-version';
import { LifecyclePlan } from '../../src/lifecycle/lifecycle-plan';

const order = () => LifecyclePlan.of(withShutdownSeconds(loadSeed('order'), { 'app': 3, 'first-sidecar': 3, 'second-sidecar': 3 }));

const tightBudget = () => LifecyclePlan.of({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'tight' },
  spec: {
    template: {
      metadata: { annotations: { 'cdk8s-sidecars.dev/shutdown-seconds': '{"app":5,"proxy":30}' } },
      spec: {
        terminationGracePeriodSeconds: 20,
        initContainers: [{ name: 'proxy', restartPolicy: 'Always', startupProbe: { tcpSocket: { port: 1 } } }],
        containers: [{ name: 'app', lifecycle: { preStop: { sleep: { seconds: 5 } } } }],
      },
    },
  },
});

describe('toText', () => {
  test('GIVEN seed 002 order WHEN rendering text THEN the tables read as expected', () => {
    expect(order().toText()).toMatchSnapshot();
  });

  test('GIVEN any plan WHEN rendering text THEN every line is plain ASCII without trailing spaces', () => {
    for (const text of [order().toText(), tightBudget().toText(), LifecyclePlan.of(loadSeed('exit')).toText()]) {
      for (const line of text.split('\n')) {
        expect(line).toMatch(/^[\x20-\x7e]*$/);
        expect(line).toEqual(line.trimEnd());
      }
    }
  });

  test('GIVEN a killed sidecar WHEN rendering text THEN its SIGKILL column says KILLED', () => {
    expect(tightBudget().toText()).toContain('  2     proxy      sidecar  app    -        10s      30s    10s   20s    20s KILLED');
  });
});

describe('toJson', () => {
  test('GIVEN seed 002 exit WHEN rendering JSON THEN it is plain data with stable keys', () => {
    const json = LifecyclePlan.of(loadSeed('exit')).toJson();
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(Object.keys(json)).toEqual(['kind', 'name', 'targetVersion', 'startup', 'steadyState', 'shutdown', 'completion', 'notes']);
    expect(json.completion.stopSequence.map((s: any) => s.container)).toEqual(['second-sidecar', 'first-sidecar']);
    expect(json).toMatchSnapshot();
  });

  test('GIVEN a long-running pod WHEN rendering JSON THEN completion is null (not missing)', () => {
    expect(order().toJson().completion).toBeNull();
  });
});

describe('toMermaid', () => {
  // Every line the renderer may write, as Mermaid's sequence grammar accepts it.
  const STATEMENT = [
    /^sequenceDiagram$/,
    /^ {2}title [^;#%\n]+$/,
    /^ {2}participant (K|c\d+) as [A-Za-z0-9._\-/]+$/,
    /^ +(K|c\d+)(->>|-->>|-x)(K|c\d+): [^;#%\n]+$/,
    /^ {2}Note over K,c\d+: [^;#%\n]+$/,
    /^ {2}(par|alt) [^;#%\n]+$/,
    /^ {2}(and|end)$/,
    /^ {2}else [^;#%\n]+$/,
  ];

  test('GIVEN seed 002 order WHEN rendering Mermaid THEN every line is a sequence diagram statement and dashed names are labels, not ids', () => {
    const lines = order().toMermaid().trimEnd().split('\n');
    for (const line of lines) expect(STATEMENT.some((re) => re.test(line)) ? line : `not Mermaid: ${line}`).toEqual(line);
    expect(lines).toContain('  participant c1 as first-sidecar');
    expect(lines).toContain('  participant c2 as second-sidecar');
  });

  test('GIVEN seed 002 order WHEN rendering Mermaid THEN messages follow the start then stop order', () => {
    expect(order().toMermaid()).toMatchSnapshot();
  });

  test('GIVEN a Job with two app containers WHEN rendering Mermaid THEN blocks open and close in pairs', () => {
    const m = LifecyclePlan.of({ kind: 'Job', metadata: { name: 'j' }, spec: { template: { spec: { restartPolicy: 'Never', initContainers: [{ name: 's', restartPolicy: 'Always' }], containers: [{ name: 'a' }, { name: 'b' }] } } } }).toMermaid();
    const lines = m.trimEnd().split('\n');
    for (const line of lines) expect(STATEMENT.some((re) => re.test(line)) ? line : `not Mermaid: ${line}`).toEqual(line);
    const opened = lines.filter((l) => /^ {2}(par|alt) /.test(l)).length;
    const closed = lines.filter((l) => /^ {2}end$/.test(l)).length;
    expect([opened, closed]).toEqual([2, 2]);
  });

  test.each([
    ['argo-cd HA redis (an app postStart holds the next app)', () => LifecyclePlan.of(published('argocd-redis-ha-server.yaml'))],
    ['a Job whose legacy proxy never exits', () => LifecyclePlan.of(published('cloud-sql-proxy-job-with-shutdown-hook.yaml'))],
    ['seed 002 order at 1.27 (the pod stays in Init)', () => LifecyclePlan.of(loadSeed('order'), { targetVersion: KubernetesVersion.of('1.27') })],
  ])('GIVEN %s WHEN rendering Mermaid and SVG THEN every Mermaid line is a statement, blocks pair up, and the SVG is well-formed', (_name, plan) => {
    const lines = plan().toMermaid().trimEnd().split('\n');
    for (const line of lines) expect(STATEMENT.some((re) => re.test(line)) ? line : `not Mermaid: ${line}`).toEqual(line);
    expect(lines.filter((l) => /^ {2}(par|alt) /.test(l)).length).toEqual(lines.filter((l) => /^ {2}end$/.test(l)).length);
    expect(checkWellFormedXml(plan().toSvg()).problems).toEqual([]);
  });

  test('GIVEN a manifest name with Mermaid control characters WHEN rendering THEN they are neutralised', () => {
    const m = LifecyclePlan.of({ kind: 'Pod', metadata: { name: 'a;b#c%%d' }, spec: { containers: [{ name: 'app' }] } }).toMermaid();
    expect(m.split('\n')[1]).toEqual('  title Pod/a_b_c__d: start and stop (Kubernetes 1.29)');
  });
});

describe('toSvg', () => {
  test.each(DOC_EXAMPLES.map((e) => [e.id, e.plan] as const))('GIVEN seed example %s WHEN rendering SVG THEN it is well-formed XML', (_id, plan) => {
    const { problems, elements } = checkWellFormedXml(plan().toSvg());
    expect(problems).toEqual([]);
    expect(elements[0]).toEqual('svg');
  });

  test('GIVEN seed 002 order WHEN rendering SVG THEN it has a title and a text label for every container', () => {
    const svg = order().toSvg();
    expect(svg).toMatch(/<title>Pod\/sidecar-container-order-example: start and stop sequence \(Kubernetes 1\.29\)<\/title>/);
    for (const name of ['first-sidecar', 'second-sidecar', 'app']) {
      expect(svg).toContain(`font-weight="bold">${name}</text>`);
    }
    expect(svg).toContain('>stop 1: SIGTERM 0s, exits 3s (30s left)</text>');
    expect(svg).toContain('>stop 2: SIGTERM 3s, exits 6s (27s left)</text>');
    expect(svg).toContain('>stop 3: SIGTERM 6s, exits 9s (24s left)</text>');
    expect(svg).toContain('>grace ends at 30s (default)</text>');
  });

  test('GIVEN any example WHEN rendering SVG THEN it is self-contained: no scripts, links, external fonts or images', () => {
    for (const e of DOC_EXAMPLES) {
      const svg = e.plan().toSvg();
      expect(svg).not.toMatch(/<script|href=|@import|url\(|<image|<style|@font-face/i);
    }
  });

  test('GIVEN names with XML special characters WHEN rendering SVG THEN they are escaped and the XML stays well-formed', () => {
    const svg = LifecyclePlan.of({ kind: 'Pod', metadata: { name: 'a<b>&"c\'' }, spec: { containers: [{ name: 'x&<y>' }] } }).toSvg();
    expect(svg).toContain('<title>Pod/a&lt;b&gt;&amp;&quot;c&apos;: start and stop sequence (Kubernetes 1.29)</title>');
    expect(svg).toContain('font-weight="bold">x&amp;&lt;y&gt;</text>');
    expect(checkWellFormedXml(svg).problems).toEqual([]);
  });

  test('GIVEN a killed sidecar WHEN rendering SVG THEN the SIGKILL time is drawn', () => {
    const svg = tightBudget().toSvg();
    expect(svg).toContain('>stop 2: SIGTERM 10s, SIGKILL 20s</text>');
    expect(checkWellFormedXml(svg).problems).toEqual([]);
  });

  test('GIVEN seed 002 order WHEN rendering SVG THEN it matches the snapshot', () => {
    expect(order().toSvg()).toMatchSnapshot();
  });
});

describe('checkWellFormedXml (the test helper itself)', () => {
  test.each([
    ['<a><b></a></b>', 'closing </a> does not match <b>'],
    ['<a>x & y</a>', 'bad entity "&" in text'],
    ['<a t="1" t="2"/>', 'duplicate attribute t in <a>'],
    ['<a t="<"/>', 'raw "<" in attribute t of <a>'],
    ['<a/><b/>', 'expected exactly one root element, found 2'],
    ['<a>', 'unclosed elements: a'],
    ['<a t=1/>', 'bad attributes in <a>: " t=1"'],
  ])('fails %s', (xml, problem) => {
    expect(checkWellFormedXml(xml).problems).toContain(problem);
  });
});
