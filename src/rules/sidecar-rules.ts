import { CheckResult } from './check-result';
import { ManifestFindings } from './manifest-findings';
import { Finding } from '../engine/finding';
import { PodManifest } from '../engine/pod-manifest';
import { isObject } from '../engine/wire-types';
import { allRules } from './private/all-rules';
import { checkPod, ruleIds } from './private/check-pod';
import { podSettingsFromOptions } from './private/settings-from-options';
import { IRule } from './rule';
import { SidecarRulesOptions } from './sidecar-rules-options';

/**
 * The rules engine: runs every rule of `RULES.md` over pod-bearing manifests in wire-format
 * JSON (Pod, PodTemplate, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController,
 * Job, CronJob). Other kinds yield no finding. The manifests are judged as written (our
 * constructs build theirs through the pod pipeline, whose last stage is this same check).
 *
 * @example
 * const findings = SidecarRules.check(deploymentJson, { targetVersion: '1.30' });
 * findings.map(formatFinding); // ['SC-API-003 spec.template.spec.initContainers[0].livenessProbe: Forbidden: ...']
 */
export class SidecarRules {
  /** Every rule, in `RULES.md` order. */
  public static rules(): IRule[] {
    return allRules();
  }

  /**
   * Reported findings of one manifest (suppressed ones left out), most serious first.
   * @param manifest any manifest, wire-format JSON
   * @throws if the options are invalid (every problem listed at once)
   */
  public static check(manifest: any, options: SidecarRulesOptions = {}): Finding[] {
    return SidecarRules.checkDetailed(manifest, options).findings;
  }

  /**
   * Reported and suppressed findings of one manifest.
   * @throws if the options are invalid (every problem listed at once)
   */
  public static checkDetailed(manifest: any, options: SidecarRulesOptions = {}): CheckResult {
    const settings = podSettingsFromOptions(options, ruleIds());
    const pod = PodManifest.from(manifest);
    if (!pod) return { findings: [], suppressed: [] };
    return checkPod({ pod, settings, manifests: [manifest], applySettingsSuppressions: true });
  }

  /**
   * Checks the manifests of one app together, so that rules that look across manifests (e.g.
   * LimitRange and ResourceQuota of a namespace) see them all. Returns one entry per pod-bearing
   * manifest, in input order.
   * @throws if the options are invalid (every problem listed at once)
   */
  public static checkAll(manifests: any[], options: SidecarRulesOptions = {}): ManifestFindings[] {
    const settings = podSettingsFromOptions(options, ruleIds());
    const list = Array.isArray(manifests) ? manifests : [];
    const out: ManifestFindings[] = [];
    list.forEach((manifest, index) => {
      const pod = PodManifest.from(manifest);
      if (!pod) return;
      const result = checkPod({ pod, settings, manifests: list, applySettingsSuppressions: true });
      const meta = isObject(manifest.metadata) ? manifest.metadata : {};
      out.push({
        index,
        kind: manifest.kind,
        name: typeof meta.name === 'string' ? meta.name : '',
        namespace: typeof meta.namespace === 'string' ? meta.namespace : '',
        findings: result.findings,
        suppressed: result.suppressed,
      });
    });
    return out;
  }
}
