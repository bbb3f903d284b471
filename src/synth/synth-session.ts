import { App, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';

/**
 * One synth call (`app.synth()`, `app.synthYaml()`, `chart.toJson()`, `Testing.synth()`), seen
 * from inside: the outermost call opens a session and closes it when it returns or throws.
 *
 * Why: cdk8s validates the whole app once per synth call *and again for every chart* it turns to
 * JSON, so a validation that renders and checks its object would do it (charts + 1) times. Nothing
 * can change between those passes (no user code runs), so within one session every object is
 * rendered and checked once; the next call opens a new session and renders afresh, so a change
 * made between two calls is never missed.
 *
 * cdk8s has no synth hook, so the session is opened by wrapping, per instance, the App's and the
 * charts' synth methods (pinned by tests in test/workloads/render-once.test.ts).
 */
export class SynthSession {
  /** The session in progress, or `undefined` outside any synth call. */
  public static current(): object | undefined {
    return active;
  }

  /**
   * Runs `cleanup` when the session in progress ends, so that what was kept for one synth call
   * (rendered manifests, rule results) does not outlive it and hold memory.
   */
  public static onEnd(cleanup: () => void): void {
    active?.cleanups.push(cleanup);
  }

  /** Opens sessions around the synth methods of the app and the chart that hold `construct`. */
  public static instrument(construct: IConstruct): void {
    // cdk8s has no App.isApp brand; an App is the root of its tree with synth() and synthYaml().
    const root: any = construct.node.root;
    if (root instanceof App || (typeof root.synth === 'function' && typeof root.synthYaml === 'function')) {
      wrap(root, 'synth');
      wrap(root, 'synthYaml');
    }
    for (let c: IConstruct | undefined = construct; c; c = c.node.scope) {
      if (Chart.isChart(c)) wrap(c, 'toJson');
    }
  }
}

let active: { cleanups: Array<() => void> } | undefined;
const WRAPPED = new WeakMap<object, Set<string>>();

function wrap(target: any, method: string): void {
  const done = WRAPPED.get(target) ?? new Set<string>();
  if (done.has(method) || typeof target[method] !== 'function') return;
  done.add(method);
  WRAPPED.set(target, done);
  const original = target[method];
  target[method] = function (this: unknown, ...args: unknown[]) {
    if (active) return original.apply(this, args);
    const session = { cleanups: [] as Array<() => void> };
    active = session;
    try {
      return original.apply(this, args);
    } finally {
      active = undefined;
      for (const cleanup of session.cleanups) cleanup();
    }
  };
}
