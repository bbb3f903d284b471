/**
 * A path to a field inside a manifest, printed the way the Kubernetes API server prints
 * them (`spec.template.spec.initContainers[1].livenessProbe`), after apimachinery's
 * `field.Path` (k8s.io/apimachinery/pkg/util/validation/field/path.go).
 *
 * Paths are immutable; `child`, `index` and `key` return new paths.
 */
export class FieldPath {
  /** The root of a manifest (prints as the empty string). */
  public static root(): FieldPath {
    return new FieldPath([]);
  }

  /** Parses a dotted path such as `spec.template.spec` (no indexes). */
  public static of(dotted: string): FieldPath {
    return new FieldPath(dotted === '' ? [] : dotted.split('.').map((name) => ({ kind: 'child' as const, name })));
  }

  private constructor(private readonly segments: ReadonlyArray<Segment>) {}

  /** `spec` -> `spec.containers` */
  public child(...names: string[]): FieldPath {
    return new FieldPath([...this.segments, ...names.map((name) => ({ kind: 'child' as const, name }))]);
  }

  /** `spec.containers` -> `spec.containers[2]` */
  public index(i: number): FieldPath {
    return new FieldPath([...this.segments, { kind: 'index', name: String(i) }]);
  }

  /** `resources.limits` -> `resources.limits[cpu]` (map keys, as the API server prints them) */
  public key(k: string): FieldPath {
    return new FieldPath([...this.segments, { kind: 'index', name: k }]);
  }

  /** Joins another (relative) path below this one. */
  public concat(other: FieldPath): FieldPath {
    return new FieldPath([...this.segments, ...other.segments]);
  }

  public toString(): string {
    let out = '';
    for (const s of this.segments) {
      if (s.kind === 'index') {
        out += `[${s.name}]`;
      } else {
        out += out === '' ? s.name : `.${s.name}`;
      }
    }
    return out;
  }
}

interface Segment {
  readonly kind: 'child' | 'index';
  readonly name: string;
}
