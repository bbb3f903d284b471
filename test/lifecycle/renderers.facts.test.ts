import { loadSeed, withShutdownSeconds } from './seeds';
import { LifecyclePlan } from '../../src/lifecycle/lifecycle-plan';

/**
 * renderers.test.ts keeps one snapshot per output format (text, JSON, Mermaid, SVG), as a record of
 * the format. A snapshot only says "the same as last time"; the facts each one must show are pinned
 * here, so that a wrong time or a wrong order fails by name even when someone updates snapshots.
 *
 * Seed 002 `order.yaml`: first-sidecar, second-sidecar, app, each needing 3 s after SIGTERM; the
 * kubelet stops app at 0 s, second-sidecar when app has exited (3 s), first-sidecar at 6 s; all is
 * over at 9 s of the default 30 s.
 */
const order = () => LifecyclePlan.of(withShutdownSeconds(loadSeed('order'), { 'app': 3, 'first-sidecar': 3, 'second-sidecar': 3 }));
const exit = () => LifecyclePlan.of(loadSeed('exit'));

/** The rows of one section of the text rendering, split on runs of two or more spaces. */
function section(text: string, title: string): string[][] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(title));
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!/^ {2}\d/.test(line)) break;
    rows.push(line.trim().split(/ {2,}/));
  }
  return rows;
}

describe('key facts of the rendered formats (seed 002)', () => {
  test('GIVEN the text rendering THEN startup is first-sidecar, second-sidecar, app, and the shutdown table has the kubelet\'s times', () => {
    const text = order().toText();
    expect(section(text, 'STARTUP').map((r) => [r[0], r[1], r[2]])).toEqual([
      ['1', 'first-sidecar', 'sidecar'],
      ['2', 'second-sidecar', 'sidecar'],
      ['3', 'app', 'app'],
    ]);
    // STEP CONTAINER ROLE AFTER PRESTOP SIGTERM NEEDS LEFT EXITS SIGKILL
    expect(section(text, 'SHUTDOWN')).toEqual([
      ['1', 'app', 'app', '-', '-', '0s', '3s', '30s', '3s', '30s'],
      ['2', 'second-sidecar', 'sidecar', 'app', '-', '3s', '3s', '27s', '6s', '30s'],
      ['3', 'first-sidecar', 'sidecar', 'second-sidecar', '-', '6s', '3s', '24s', '9s', '30s'],
    ]);
    expect(text).toContain('terminationGracePeriodSeconds 30 (default): the shutdown needs 9s, ends at 9s, 21s to spare');
  });

  test('GIVEN the Mermaid rendering THEN the kubelet starts the containers in order, then SIGTERMs app, second-sidecar, first-sidecar at 0, 3 and 6 s', () => {
    const lines = order().toMermaid().split('\n');
    const names = new Map(lines.map((l) => /^ {2}participant (\S+) as (\S+)$/.exec(l)).filter((m) => m !== null).map((m) => [m![1], m![2]]));
    const kubelet = lines.map((l) => /^ +K->>(c\d+): (start|SIGTERM at \d+s)/.exec(l)).filter((m) => m !== null).map((m) => `${m![2]} ${names.get(m![1])}`);
    expect(kubelet).toEqual([
      'start first-sidecar', 'start second-sidecar', 'start app',
      'SIGTERM at 0s app', 'SIGTERM at 3s second-sidecar', 'SIGTERM at 6s first-sidecar',
    ]);
    const exits = lines.map((l) => /^ +(c\d+)-->>K: exited at (\d+s)/.exec(l)).filter((m) => m !== null).map((m) => `${names.get(m![1])} ${m![2]}`);
    expect(exits).toEqual(['app 3s', 'second-sidecar 6s', 'first-sidecar 9s']);
  });

  test('GIVEN the JSON rendering of the exit seed THEN the pod completes on its app, then second-sidecar and first-sidecar are stopped in that order', () => {
    const json = exit().toJson();
    expect(json.completion).toMatchObject({ restartPolicy: 'Never', decidedBy: ['app'], sidecarsRestartedUntilCompletion: true });
    expect(json.completion.stopSequence.map((s: any) => [s.step, s.container, s.waitsFor])).toEqual([
      [1, 'second-sidecar', ['app']],
      [2, 'first-sidecar', ['second-sidecar']],
    ]);
    expect(json.shutdown).toMatchObject({ gracePeriodSeconds: 30, defaulted: true, ordered: true, exceeded: false });
    expect(json.shutdown.steps.map((s: any) => s.container)).toEqual(['app', 'second-sidecar', 'first-sidecar']);
    expect(json.startup.map((s: any) => s.container)).toEqual(['first-sidecar', 'second-sidecar', 'app']);
  });
});
