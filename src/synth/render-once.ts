import { ApiObject } from 'cdk8s';
import { SynthSession } from './synth-session';
import { Finding } from '../engine/finding';
import { PodSettings } from '../rules/pod-settings';

/** An object as synth emits it, with what the pod pipeline found and the settings it used. */
export interface Rendered {
  readonly manifest: any;
  readonly findings: ReadonlyArray<Finding>;
  /** The pod's settings, when the object went through the pod pipeline. */
  readonly settings?: PodSettings;
}

/**
 * Renders an ApiObject once per synth call and keeps what was computed from that render (the
 * pod pipeline's findings) for the rest of the call: cdk8s validates every construct before
 * rendering anything, and validates again for every chart, so the validation, the checks and the
 * synth's `toJson()` all share one render. Outside a synth call (a direct `toJson()`, a
 * `lifecyclePlan()`), every call renders afresh. See `SynthSession`.
 *
 * Rendering once matters for correctness, not only speed: cdk8s-plus's `spread: true` adds its
 * topology constraints again on every render of the pod spec.
 *
 * The finisher (the pod pipeline) turns cdk8s's render, after every token is resolved and every
 * JSON patch applied, into what is emitted.
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
  private finish?: (manifest: any) => Rendered;
  private memo?: { session: object; rendered: Rendered; results?: Map<string, unknown> };

  private constructor(private readonly apiObject: ApiObject) {
    this.original = apiObject.toJson.bind(apiObject);
    apiObject.toJson = () => this.manifest();
    SynthSession.instrument(apiObject);
  }

  /** Sets what turns cdk8s's render into the emitted object: the pod pipeline. One per object. */
  public finishWith(finish: (manifest: any) => Rendered): void {
    if (this.finish) throw new Error(`[${this.apiObject.node.path}] internal error: the object already has a pod pipeline`);
    this.finish = finish;
  }

  /** The manifest of this synth call (rendered on first use), or a fresh render outside one. */
  public manifest(): any {
    return this.rendered().manifest;
  }

  /** The render of this synth call with its findings (a fresh one outside a synth call). Errors thrown while rendering propagate. */
  public rendered(): Rendered {
    return this.current()?.rendered ?? this.render();
  }

  /** Computes something from this synth's render once per synth call (every time outside one). */
  public once<T>(key: string, compute: (rendered: Rendered) => T): T {
    const memo = this.current();
    if (!memo) return compute(this.render());
    const results = memo.results ??= new Map();
    if (!results.has(key)) results.set(key, compute(memo.rendered));
    return results.get(key) as T;
  }

  private current(): { rendered: Rendered; results?: Map<string, unknown> } | undefined {
    const session = SynthSession.current();
    if (!session) return undefined;
    if (this.memo?.session !== session) {
      this.memo = { session, rendered: this.render() };
      SynthSession.onEnd(() => { this.memo = undefined; });
    }
    return this.memo;
  }

  private render(): Rendered {
    const manifest = this.original();
    return this.finish ? this.finish(manifest) : { manifest, findings: NONE };
  }
}

const NONE: ReadonlyArray<Finding> = Object.freeze([]);
const INSTANCES = new WeakMap<ApiObject, RenderOnce>();
