import { PodSecurityLevel } from './pod-security-level';
import { FieldPath } from '../engine/field-path';
import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { isObject } from '../engine/wire-types';
import { BaseRule } from './private/base-rule';
import { windowsPodExempt } from './private/pod-security-windows';
import { allContainers, arrayOf, q } from './private/pod-view';
import { RuleContext } from './rule-context';

const RESTRICTED_VOLUME_TYPES = new Set(['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret']);

/**
 * Pod Security Standards, restricted (on top of baseline, SC-PSS-001), over every container.
 * Checked only when `podSecurity` is RESTRICTED. Windows pods follow pod-security-admission: from
 * policy version 1.25 a pod with `spec.os.name: windows` is exempt from allowPrivilegeEscalation,
 * seccompProfile and capabilities (drop and add), for every container, sidecars included; volume
 * types, runAsNonRoot and runAsUser still apply (see `windowsPodExempt`). Before 1.25 such pods
 * are checked like Linux ones, as upstream's 1.8, 1.19 and 1.22 checks do.
 */
export class PodSecurityRestrictedRule extends BaseRule {
  public readonly id = 'SC-PSS-002';
  public readonly name = 'pod-security-restricted';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'Every container, sidecars included, meets the Pod Security Standard "restricted".';
  public readonly explanation = 'In a namespace that enforces "restricted", every container (init, sidecar, app, ephemeral) must run as non-root, set allowPrivilegeEscalation: false, drop ALL capabilities (adding back only NET_BIND_SERVICE) and use a RuntimeDefault or Localhost seccomp profile, and the pod may only use configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected and secret volumes. Ready-made sidecar images often miss one of these.';
  public readonly fix = 'Set the missing securityContext fields on the pod or on each container.';
  public readonly source = 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted';

  public evaluate(context: RuleContext): Finding[] {
    if (context.podSecurity !== PodSecurityLevel.RESTRICTED) return [];
    const pod = context._pod;
    const out: Finding[] = [];
    const restricted = ' (Pod Security "restricted")';
    const forbid = (path: FieldPath, detail: string, fix: string) => out.push(this.forbidden(path, detail + restricted, fix));
    const invalid = (path: FieldPath, value: unknown, detail: string, fix: string) => out.push(this.invalid(path, value, detail + restricted, fix));
    const require = (path: FieldPath, detail: string, fix: string) => out.push(this.required(path, detail + restricted, fix));
    arrayOf(pod.podSpec.volumes).forEach((v, i) => {
      if (!isObject(v)) return;
      for (const type of Object.keys(v)) {
        if (type === 'name' || type === 'hostPath' || RESTRICTED_VOLUME_TYPES.has(type)) continue; // hostPath: SC-PSS-001
        forbid(pod.podSpecPath.child('volumes').index(i).child(type), `volume type ${q(type)} of volume ${q(v.name)}`,
          `use one of ${[...RESTRICTED_VOLUME_TYPES].join(', ')}`);
      }
    });
    const podSc = isObject(pod.podSpec.securityContext) ? pod.podSpec.securityContext : {};
    const podScPath = pod.podSpecPath.child('securityContext');
    if (podSc.runAsNonRoot === false) invalid(podScPath.child('runAsNonRoot'), false, 'must be true', 'set runAsNonRoot: true');
    if (podSc.runAsUser === 0) invalid(podScPath.child('runAsUser'), 0, 'must not run as root (user 0)', 'set runAsUser to a non-zero user id');
    const podSeccomp = isObject(podSc.seccompProfile) ? podSc.seccompProfile.type : undefined;
    // Linux-only controls (allowPrivilegeEscalation, seccompProfile, capabilities): skipped for a
    // Windows pod from policy 1.25, as allowPrivilegeEscalationV1Dot25, seccompProfileRestrictedV1Dot25
    // and capabilitiesRestrictedV1Dot25 (k8s.io/pod-security-admission/policy) return Allowed for it.
    const linux = !windowsPodExempt(context);

    for (const c of allContainers(pod)) {
      const sc = isObject(c.container.securityContext) ? c.container.securityContext : {};
      const scPath = c.path.child('securityContext');
      const who = `container "${c.name}"`;
      if (linux && sc.allowPrivilegeEscalation !== false) {
        const fix = `set securityContext.allowPrivilegeEscalation: false on ${who}`;
        if (sc.allowPrivilegeEscalation === undefined) require(scPath.child('allowPrivilegeEscalation'), `${who} must set allowPrivilegeEscalation: false`, fix);
        else invalid(scPath.child('allowPrivilegeEscalation'), sc.allowPrivilegeEscalation, 'must be false', fix);
      }
      if (sc.runAsNonRoot === false) {
        invalid(scPath.child('runAsNonRoot'), false, 'must be true', `set securityContext.runAsNonRoot: true on ${who}`);
      } else if (sc.runAsNonRoot !== true && podSc.runAsNonRoot !== true) {
        require(scPath.child('runAsNonRoot'), `${who} must run as non-root (runAsNonRoot: true on the container or the pod)`, 'set securityContext.runAsNonRoot: true on the pod or on the container');
      }
      if (sc.runAsUser === 0) invalid(scPath.child('runAsUser'), 0, 'must not run as root (user 0)', `set runAsUser to a non-zero user id on ${who}`);
      if (!linux) continue;
      const seccomp = isObject(sc.seccompProfile) ? sc.seccompProfile.type : podSeccomp;
      if (seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost' && seccomp !== 'Unconfined') { // Unconfined: SC-PSS-001
        require(scPath.child('seccompProfile', 'type'), `${who} must use seccomp profile RuntimeDefault or Localhost`, 'set securityContext.seccompProfile.type: RuntimeDefault on the pod or on the container');
      }
      const caps = isObject(sc.capabilities) ? sc.capabilities : {};
      if (!arrayOf(caps.drop).includes('ALL')) {
        require(scPath.child('capabilities', 'drop'), `${who} must drop ALL capabilities`, `set securityContext.capabilities.drop: [ALL] on ${who}`);
      }
      arrayOf(caps.add).forEach((cap, i) => {
        if (cap !== 'NET_BIND_SERVICE') {
          forbid(scPath.child('capabilities', 'add').index(i), `${who} adds capability ${q(cap)}; only NET_BIND_SERVICE may be added`, `remove ${q(cap)} from capabilities.add`);
        }
      });
    }
    return out;
  }
}
