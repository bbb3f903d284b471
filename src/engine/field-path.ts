/**
 * A path to a field inside a manifest, printed the way the Kubernetes API server prints
 * them (`spec.template.spec.initContainers[1].livenessProbe`), after apimachinery's
 * `field.Path` (k8s.io/apimachinery/pkg/util/validation/field/path.go).
 *
 * Paths are immutable; `child`, `index` and `key` return new paths. Like `field.Path`, a path
 * is its last segment plus a pointer to its parent, so deriving a path costs one small object
 * whatever its depth: the rules derive a path for every container and field they look at, and
 * print only the few that end up in a finding (the printed form is built on first use).
 */
export class FieldPath {
  /** The root of a manifest (prints as the empty string). */
  public static root(): FieldPath {
    return FieldPath.ROOT;
  }

  /** Parses a dotted path such as `spec.template.spec` (no indexes). */
  public static of(dotted: string): FieldPath {
    return dotted === '' ? FieldPath.ROOT : FieldPath.ROOT.child(...dotted.split('.'));
  }

  private static readonly ROOT = new FieldPath(undefined, '', false);

  private printed?: string;

  private constructor(
    private readonly parent: FieldPath | undefined,
    private readonly name: string,
    private readonly isIndex: boolean,
  ) {}

  /** `spec` -> `spec.containers` */
  public child(...names: string[]): FieldPath {
    if (names.length === 1) return new FieldPath(this, names[0], false);
    let p: FieldPath = this;
    for (const name of names) p = new FieldPath(p, name, false);
    return p;
  }

  /** `spec.containers` -> `spec.containers[2]` */
  public index(i: number): FieldPath {
    return new FieldPath(this, String(i), true);
  }

  /** `resources.limits` -> `resources.limits[cpu]` (map keys, as the API server prints them) */
  public key(k: string): FieldPath {
    return new FieldPath(this, k, true);
  }

  /**
   * The names of the path from the root down (`spec.template.spec` -> `['spec', 'template', 'spec']`),
   * indexes and keys included as their text: how a manifest is stepped into.
   */
  public steps(): string[] {
    return this.segments().map((s) => s.name);
  }

  /** Joins another (relative) path below this one. */
  public concat(other: FieldPath): FieldPath {
    return other.segments().reduce<FieldPath>((p, s) => new FieldPath(p, s.name, s.isIndex), this);
  }

  public toString(): string {
    if (this.printed !== undefined) return this.printed;
    let out: string;
    if (this.parent === undefined) {
      out = '';
    } else {
      const head = this.parent.toString();
      out = this.isIndex ? `${head}[${this.name}]` : head === '' ? this.name : `${head}.${this.name}`;
    }
    this.printed = out;
    return out;
  }

  /** Segments from the root down (the root itself has none). */
  private segments(): FieldPath[] {
    const out: FieldPath[] = [];
    for (let p: FieldPath | undefined = this as FieldPath; p?.parent !== undefined; p = p.parent) out.push(p);
    return out.reverse();
  }
}

