import { ApiObject } from 'cdk8s';
import { SynthSession } from './synth-session';

/**
 * Renders an ApiObject once per synth call and keeps what was computed from that render (the
 * rule findings) for the rest of the call: cdk8s validates every construct before rendering
 * anything, and validates again for every chart, so the validation, the checks and the synth's
 * `toJson()` all share one render. Outside a synth call (a direct `toJson()`, a
 * `lifecyclePlan()`), every call renders afresh. See `SynthSession`.
 *
 * Rendering once matters for correctness, not only speed: cdk8s-plus's `spread: true` adds its
 * topology constraints again on every render of the pod spec.
 *
 * Decorators post-process the rendered JSON (our annotations), after cdk8s has resolved every
 * token and applied every JSON patch.
 */
export class RenderOnce {
  public static of(apiObject: ApiObject): RenderOnce {
    let r = INSTANCES.get(apiObject);
    if (!r) {
      r = new RenderOnce(apiObject);
      INSTANCES.set(apiObject, r);
    }
    return r;
  }

  private readonly original: () => any;
  private readonly decorators: Array<(manifest: any) => any> = [];
  private memo?: { session: object; manifest: any; results: Map<string, unknown> };

  private constructor(apiObject: ApiObject) {
    this.original = apiObject.toJson.bind(apiObject);
    apiObject.toJson = () => this.manifest();
    SynthSession.instrument(apiObject);
  }

  /** Adds a post-processing step, applied in order on every render. */
  public decorate(decorator: (manifest: any) => any): void {
    this.decorators.push(decorator);
  }

  /** The manifest of this synth call (rendered on first use), or a fresh render outside one. */
  public manifest(): any {
    return this.current()?.manifest ?? this.render();
  }

  /**
   * Computes something from this synth's manifest once per synth call (every time outside one).
   * Errors thrown while rendering propagate to the caller.
   */
  public once<T>(key: string, compute: (manifest: any) => T): T {
    const memo = this.current();
    if (!memo) return compute(this.render());
    if (!memo.results.has(key)) memo.results.set(key, compute(memo.manifest));
    return memo.results.get(key) as T;
  }

  private current(): { manifest: any; results: Map<string, unknown> } | undefined {
    const session = SynthSession.current();
    if (!session) return undefined;
    if (this.memo?.session !== session) {
      this.memo = { session, manifest: this.render(), results: new Map() };
      SynthSession.onEnd(() => { this.memo = undefined; });
    }
    return this.memo;
  }

  private render(): any {
    let manifest = this.original();
    for (const d of this.decorators) manifest = d(manifest);
    return manifest;
  }
}

const INSTANCES = new WeakMap<ApiObject, RenderOnce>();
