import { PodSecurityLevel } from './pod-security-level';
import { PodSettings } from './pod-settings';
import { KubernetesVersion } from '../engine/kubernetes-version';
import { PodManifest } from '../engine/pod-manifest';

/**
 * What a rule sees: one pod-bearing manifest, the other manifests of the same app (for rules
 * that look across manifests, such as LimitRange and ResourceQuota) and the check options.
 */
export class RuleContext {
  /**
   * The context of a pod the pipeline has already read, with its resolved settings: no second
   * read of the manifest, no second parse of the version.
   * @internal
   */
  public static _of(pod: PodManifest, manifests: any[], settings: PodSettings, knownRuleIds: ReadonlyArray<string>): RuleContext {
    const context: RuleContext = Object.create(RuleContext.prototype);
    Object.assign(context, {
      manifest: pod.manifest, manifests, podSecurity: settings.podSecurity, _pod: pod, _version: settings.targetVersion, _knownRuleIds: knownRuleIds,
    });
    return context;
  }

  /** The manifest under check, wire-format JSON. */
  public readonly manifest: any;
  /** Every manifest of the app (including `manifest`). */
  public readonly manifests: any[];
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
    this.podSecurity = podSecurity;
    this._pod = pod;
    this._version = KubernetesVersion.of(targetVersion);
  }

  /** Target Kubernetes minor version, e.g. `1.29`. */
  public get targetVersion(): string {
    return this._version.toString();
  }
}
