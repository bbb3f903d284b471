import { DOC_EXAMPLES } from './doc-examples';
import { ContainerRole } from '../../src/engine/container-role';
import { LifecyclePlan } from '../../src/lifecycle/lifecycle-plan';

/**
 * docs/lifecycle.md tells a story for each seed example, and docs.test.ts checks that its pictures
 * are what the renderers draw. This checks that the story is true: the facts the prose states,
 * worked out from the seeds and KEP-753, not from a rendering.
 */
const plan = (id: string): LifecyclePlan => DOC_EXAMPLES.find((e) => e.id === id)!.plan();
type Stop = { container: string; sigtermAt: number; exitsAt: number };
const stops = (steps: ReadonlyArray<Stop>) => steps.map((s) => [s.container, s.sigtermAt, s.exitsAt]);

describe('the stories of docs/lifecycle.md', () => {
  test('GIVEN "Start and stop order" THEN app, second-sidecar and first-sidecar exit about 3 s apart, in that order, as in the seed\'s logs', () => {
    const p = plan('order');
    expect(p.startOrder).toEqual(['first-sidecar', 'second-sidecar', 'app']);
    expect(stops(p.shutdown)).toEqual([['app', 0, 3], ['second-sidecar', 3, 6], ['first-sidecar', 6, 9]]);
    expect(p.grace).toMatchObject({ gracePeriodSeconds: 30, defaulted: true, endsAt: 9, neededSeconds: 9, exceeded: false });
  });

  test('GIVEN "Completion" THEN the pod completes on its app alone, and only then are the sidecars stopped, the last declared first', () => {
    const p = plan('exit');
    expect(p.completion).toBeDefined();
    expect(p.completion!.decidedBy).toEqual(['app']);
    expect(stops(p.completion!.stopSequence)).toEqual([['second-sidecar', 0, 3], ['first-sidecar', 3, 6]]);
  });

  test('GIVEN "Regular init container before a sidecar" THEN secret-fetch must complete before network-proxy starts, and the app may race network-proxy (no startupProbe)', () => {
    const p = plan('secret-fetch');
    expect(p.startup.map((s) => [s.container, s.role])).toEqual([
      ['secret-fetch', ContainerRole.REGULAR_INIT],
      ['network-proxy', ContainerRole.SIDECAR],
      ['app', ContainerRole.APP],
    ]);
    expect(p.startup.find((s) => s.container === 'secret-fetch')!.waitsForText).toMatch(/exit/);
    expect(p.startup.filter((s) => s.races).map((s) => s.container)).toEqual(['network-proxy']);
    // The regular init container has exited long before: it is not part of the shutdown.
    expect(p.stopOrder).toEqual(['app', 'network-proxy']);
  });
});
