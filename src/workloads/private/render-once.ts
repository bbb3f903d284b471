import { ApiObject } from 'cdk8s';

/**
 * Makes an ApiObject render once per synth: cdk8s validates every construct before it renders
 * anything, so the validation renders the final manifest (and checks it) and the synth's
 * `toJson()` takes that very manifest instead of rendering again. A `toJson()` with no
 * validation before it renders afresh.
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
  private cached?: any;

  private constructor(apiObject: ApiObject) {
    this.original = apiObject.toJson.bind(apiObject);
    apiObject.toJson = () => this.take();
  }

  /** Adds a post-processing step, applied in order on every render. */
  public decorate(decorator: (manifest: any) => any): void {
    this.decorators.push(decorator);
  }

  /** Renders afresh (the construct may have changed since any earlier render) and keeps it for the synth. */
  public renderForValidation(): any {
    this.cached = this.render();
    return this.cached;
  }

  /** Drops the kept manifest (after a failed validation, so nothing stale is ever synthesized). */
  public forget(): void {
    this.cached = undefined;
  }

  private take(): any {
    const manifest = this.cached ?? this.render();
    this.cached = undefined;
    return manifest;
  }

  private render(): any {
    let manifest = this.original();
    for (const d of this.decorators) manifest = d(manifest);
    return manifest;
  }
}

const INSTANCES = new WeakMap<ApiObject, RenderOnce>();
