import { PodSecurityLevel } from './pod-security-level';
import { KubernetesVersion } from '../engine/kubernetes-version';
import { PodManifest } from '../engine/pod-manifest';

/**
 * What a rule sees: one pod-bearing manifest, the other manifests of the same app (for rules
 * that look across manifests, such as LimitRange and ResourceQuota) and the check options.
 */
export class RuleContext {
  /** The manifest under check, wire-format JSON. */
  public readonly manifest: any;
  /** Every manifest of the app (including `manifest`). */
  public readonly manifests: any[];
  /** Target Kubernetes minor version, e.g. `1.29`. */
  public readonly targetVersion: string;
  /** Pod Security Standard to check against. */
  public readonly podSecurity: PodSecurityLevel;

  /** @internal */
  public readonly _pod: PodManifest;
  /** @internal */
  public readonly _version: KubernetesVersion;
  /** Ids of every known rule, so that suppressions naming an unknown id are reported. @internal */
  public _knownRuleIds: ReadonlyArray<string> = [];

  /**
   * @param manifest a pod-bearing manifest (Pod, Deployment, Job, ...)
   * @param manifests every manifest of the app
   * @param targetVersion Kubernetes minor version such as `1.29`
   * @param podSecurity level to check
   * @throws if `manifest` carries no pod or the version is invalid
   */
  public constructor(manifest: any, manifests: any[], targetVersion: string, podSecurity: PodSecurityLevel) {
    const pod = PodManifest.from(manifest);
    if (!pod) {
      throw new Error(`RuleContext: manifest must be a pod-bearing object (${PodManifest.KINDS.join(', ')}) with a pod spec, got kind ${JSON.stringify(manifest?.kind)}`);
    }
    this.manifest = manifest;
    this.manifests = manifests;
    this.targetVersion = targetVersion;
    this.podSecurity = podSecurity;
    this._pod = pod;
    this._version = KubernetesVersion.of(targetVersion);
  }
}
