import { Construct } from 'constructs';
import { PodManifest } from '../../engine/pod-manifest';

/**
 * Renders a workload's manifest once per synth and checks it.
 *
 * cdk8s runs every construct's validation before it renders anything, so `validate()` renders
 * the final manifest, checks it, and keeps it; the synth's `toJson()` then takes that same
 * manifest instead of rendering a second time. A `toJson()` without a validation before it
 * (nothing cached) renders afresh.
 */
export class SynthAnalysis {
  private cached?: any;
  private last?: any;

  constructor(
    private readonly scope: Construct,
    private readonly render: () => any,
    private readonly declarationErrors: (podSpecPath: string) => string[],
  ) {}

  /** cdk8s validation: messages without the construct path (cdk8s prefixes `[path] `). */
  public validate(): string[] {
    const errors: string[] = [];
    // Always render afresh here: the workload may have changed since any earlier render.
    this.cached = this.render();
    const pod = PodManifest.from(this.cached);
    const podSpecPath = pod ? pod.podSpecPath.toString() : 'spec';
    errors.push(...this.declarationErrors(podSpecPath));
    if (errors.length > 0) this.cached = undefined;
    return errors;
  }

  /** The manifest for this synth: the validated one if there is one, else a fresh render. */
  public takeManifest(): any {
    const manifest = this.cached ?? this.render();
    this.cached = undefined;
    this.last = manifest;
    return manifest;
  }

  /** The manifest as it would be synthesized now (renders and caches it for the synth). */
  public peekManifest(): any {
    if (this.cached === undefined) this.cached = this.render();
    return this.cached;
  }

  /** The last synthesized manifest, or a fresh render if there was none. */
  public get manifest(): any {
    return this.last ?? this.peekManifest();
  }

  /** The construct this analysis belongs to. */
  public get construct(): Construct {
    return this.scope;
  }
}
