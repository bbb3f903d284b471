/**
 * A Kubernetes minor version such as `1.29`, the unit in which features graduate.
 */
export class KubernetesVersion {
  /**
   * The version the engine assumes when none is given: the first release in which native
   * sidecars are on by default (SidecarContainers beta).
   * https://kubernetes.io/docs/reference/command-line-tools-reference/feature-gates/
   */
  public static readonly DEFAULT = KubernetesVersion.of('1.29');

  /** 1.28: restartable init containers exist, behind the SidecarContainers feature gate (alpha). */
  public static readonly SIDECARS_ALPHA = KubernetesVersion.of('1.28');
  /** 1.29: SidecarContainers beta, on by default; termination of sidecars is ordered. */
  public static readonly SIDECARS_BETA = KubernetesVersion.of('1.29');
  /** 1.33: SidecarContainers GA. */
  public static readonly SIDECARS_GA = KubernetesVersion.of('1.33');

  /**
   * What a version must look like, for messages.
   * @internal
   */
  public static readonly _EXPECTED = 'expected MAJOR.MINOR such as "1.29" (a leading "v" and a patch number are accepted)';

  /**
   * Parses `1.29`, `v1.29` or `1.29.3` (the patch is ignored).
   * @throws if the text is not a Kubernetes version
   */
  public static of(text: string): KubernetesVersion {
    const v = KubernetesVersion._tryOf(text);
    if (!v) throw new Error(`invalid Kubernetes version "${text}": ${KubernetesVersion._EXPECTED}`);
    return v;
  }

  /**
   * Parses like `of`, `undefined` for anything that is not a version (no exception).
   * @internal
   */
  public static _tryOf(text: unknown): KubernetesVersion | undefined {
    const m = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(String(text).trim());
    return m ? new KubernetesVersion(Number(m[1]), Number(m[2])) : undefined;
  }

  private constructor(public readonly major: number, public readonly minor: number) {}

  /** Negative, zero or positive as this version is before, equal to or after `other`. */
  public compare(other: KubernetesVersion): number {
    return this.major !== other.major ? this.major - other.major : this.minor - other.minor;
  }

  public isAtLeast(other: KubernetesVersion): boolean {
    return this.compare(other) >= 0;
  }

  public isBefore(other: KubernetesVersion): boolean {
    return this.compare(other) < 0;
  }

  public toString(): string {
    return `${this.major}.${this.minor}`;
  }
}
