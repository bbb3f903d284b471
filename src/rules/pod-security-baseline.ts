import { PodSecurityLevel } from './pod-security-level';
import { FieldPath } from '../engine/field-path';
import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { isObject } from '../engine/wire-types';
import { BaseRule } from './private/base-rule';
import { windowsPodExempt } from './private/pod-security-windows';
import { allContainers, arrayOf, q } from './private/pod-view';
import { RuleContext } from './rule-context';

// The tables of https://kubernetes.io/docs/concepts/security/pod-security-standards/ (baseline).
const BASELINE_CAPABILITIES = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);
const SAFE_SYSCTLS = new Set(['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.ip_unprivileged_port_start', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_local_reserved_ports', 'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes']);
const SELINUX_TYPES = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t']);
const APPARMOR_ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
const HOST_NAMESPACES = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

/**
 * Pod Security Standards, baseline, over every container: init containers, sidecars, app and
 * ephemeral containers alike. Admission checks them all, so a privileged log shipper added as a
 * sidecar gets a whole Deployment rejected in a baseline namespace.
 *
 * Windows pods (`spec.os.name: windows`) follow pod-security-admission: every baseline control
 * applies to them (HostProcess, host namespaces, ... have no OS condition upstream), except that at
 * level restricted from policy 1.25 the seccomp and capabilities controls are not checked, because
 * the restricted checks that replace them admit Windows pods (see `windowsPodExempt`).
 */
export class PodSecurityBaselineRule extends BaseRule {
  public readonly id = 'SC-PSS-001';
  public readonly name = 'pod-security-baseline';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'Every container, sidecars included, meets the Pod Security Standard "baseline".';
  public readonly explanation = 'Pod Security admission checks every container of a pod, init containers and sidecars included. In a namespace that enforces "baseline" (a common default), one sidecar that is privileged, adds a capability outside the baseline set, binds a hostPort, or a pod that uses host namespaces, hostPath volumes, unsafe sysctls, Unconfined seccomp/AppArmor or custom SELinux users/roles, is rejected as a whole.';
  public readonly fix = 'Remove the privileged setting, or deploy to a namespace whose Pod Security level allows it and set podSecurity accordingly.';
  public readonly source = 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline';

  public evaluate(context: RuleContext): Finding[] {
    if (context.podSecurity === PodSecurityLevel.NONE) return [];
    const pod = context._pod;
    const spec = pod.podSpec;
    const out: Finding[] = [];
    const forbid = (path: FieldPath, what: string, fix: string) => out.push(this.forbidden(path, `${what} (Pod Security "baseline")`, fix));
    // At restricted, seccompProfile_restricted and capabilities_restricted replace the baseline seccomp and
    // capabilities checks (OverrideCheckIDs, policy/registry.go populate), and from 1.25 they admit Windows
    // pods: check_seccompProfile_restricted.go and check_capabilities_restricted.go, k8s.io/pod-security-admission.
    const seccompAndCaps = !(context.podSecurity === PodSecurityLevel.RESTRICTED && windowsPodExempt(context));

    for (const ns of HOST_NAMESPACES) {
      if (spec[ns] === true) forbid(pod.podSpecPath.child(ns), `${ns}: true shares a host namespace`, `remove ${ns}`);
    }
    arrayOf(spec.volumes).forEach((v, i) => {
      if (isObject(v) && v.hostPath !== undefined) {
        forbid(pod.podSpecPath.child('volumes').index(i).child('hostPath'), `hostPath volume ${q(v.name)}`, 'use an emptyDir, configMap, secret or persistentVolumeClaim volume instead');
      }
    });
    const podSc = spec.securityContext;
    if (isObject(podSc)) {
      const scPath = () => pod.podSpecPath.child('securityContext');
      this.checkSecurityContext(podSc, scPath, forbid, seccompAndCaps);
      arrayOf(podSc.sysctls).forEach((s, i) => {
        if (isObject(s) && !SAFE_SYSCTLS.has(s.name)) {
          forbid(scPath().child('sysctls').index(i).child('name'), `unsafe sysctl ${q(s.name)}`, `use only the safe sysctls (${[...SAFE_SYSCTLS].join(', ')})`);
        }
      });
    }
    const annotations = pod.podMetadata.annotations;
    if (isObject(annotations)) {
      for (const key in annotations) {
        if (!key.startsWith(APPARMOR_ANNOTATION_PREFIX)) continue;
        const value = annotations[key];
        if (value !== 'runtime/default' && !String(value).startsWith('localhost/')) {
          forbid(pod.podMetadataPath.child('annotations').key(key), `AppArmor profile ${q(value)}`, 'use runtime/default or a localhost/ profile');
        }
      }
    }
    for (const c of allContainers(pod)) {
      const sc = c.container.securityContext;
      const who = `container "${c.name}"`;
      if (isObject(sc)) {
        // Paths are made only for what is reported: most containers have nothing to report.
        const scPath = () => c.path.child('securityContext');
        if (sc.privileged === true) forbid(scPath().child('privileged'), `${who} is privileged`, `remove privileged: true from ${who}`);
        const caps = seccompAndCaps && isObject(sc.capabilities) ? arrayOf(sc.capabilities.add) : [];
        caps.forEach((cap, i) => {
          if (!BASELINE_CAPABILITIES.has(cap)) {
            forbid(scPath().child('capabilities', 'add').index(i), `${who} adds capability ${q(cap)}`, `remove ${q(cap)}; baseline allows only ${[...BASELINE_CAPABILITIES].join(', ')}`);
          }
        });
        if (sc.procMount !== undefined && sc.procMount !== 'Default') {
          forbid(scPath().child('procMount'), `${who} uses procMount ${q(sc.procMount)}`, 'remove procMount or set it to Default');
        }
        this.checkSecurityContext(sc, scPath, forbid, seccompAndCaps);
      }
      arrayOf(c.container.ports).forEach((p, i) => {
        if (isObject(p) && typeof p.hostPort === 'number' && p.hostPort !== 0) {
          forbid(c.path.child('ports').index(i).child('hostPort'), `${who} binds hostPort ${p.hostPort}`, 'remove hostPort and expose the port through a Service');
        }
      });
    }
    return out;
  }

  /** Controls shared by the pod and container security contexts; `seccomp`: whether the seccomp control applies. */
  private checkSecurityContext(sc: Record<string, any>, scPath: () => FieldPath, forbid: (p: FieldPath, what: string, fix: string) => void,
    seccomp: boolean): void {
    if (isObject(sc.windowsOptions) && sc.windowsOptions.hostProcess === true) {
      forbid(scPath().child('windowsOptions', 'hostProcess'), 'Windows HostProcess', 'remove windowsOptions.hostProcess');
    }
    if (seccomp && isObject(sc.seccompProfile) && sc.seccompProfile.type === 'Unconfined') {
      forbid(scPath().child('seccompProfile', 'type'), 'seccomp profile "Unconfined"', 'use RuntimeDefault or Localhost');
    }
    if (isObject(sc.appArmorProfile) && sc.appArmorProfile.type === 'Unconfined') {
      forbid(scPath().child('appArmorProfile', 'type'), 'AppArmor profile "Unconfined"', 'use RuntimeDefault or Localhost');
    }
    if (isObject(sc.seLinuxOptions)) {
      const se = sc.seLinuxOptions;
      if (se.type !== undefined && !SELINUX_TYPES.has(se.type)) {
        forbid(scPath().child('seLinuxOptions', 'type'), `SELinux type ${q(se.type)}`, `use one of ${[...SELINUX_TYPES].filter((t) => t).join(', ')} or remove it`);
      }
      for (const f of ['user', 'role']) {
        if (se[f] !== undefined && se[f] !== '') forbid(scPath().child('seLinuxOptions', f), `custom SELinux ${f} ${q(se[f])}`, `remove seLinuxOptions.${f}`);
      }
    }
  }
}
