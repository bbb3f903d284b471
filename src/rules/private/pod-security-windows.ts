import { KubernetesVersion } from '../../engine/kubernetes-version';
import { isObject } from '../../engine/wire-types';
import { RuleContext } from '../rule-context';

/**
 * First policy version whose restricted checks let `spec.os.name: windows` pods through the
 * Linux-only controls: the `MinimumVersion: 1.25` entries of `CheckAllowPrivilegeEscalation`,
 * `CheckSeccompProfileRestricted` and `CheckCapabilitiesRestricted` in
 * k8s.io/pod-security-admission/policy.
 */
const WINDOWS_EXEMPTION_SINCE = KubernetesVersion.of('1.25');

/**
 * Whether pod-security-admission skips its Linux-only controls for this pod: `spec.os.name` is
 * exactly `windows` (upstream compares `podSpec.OS.Name == corev1.Windows`; a `kubernetes.io/os`
 * node selector does not count) and the policy version is 1.25 or later. The policy version is the
 * target version: a namespace's `enforce-version` defaults to `latest`, the API server's own.
 *
 * Facts ported from k8s.io/pod-security-admission/policy (kubernetes/kubernetes, staging):
 * - `check_allowPrivilegeEscalation.go`, `allowPrivilegeEscalationV1Dot25` (`_1_25` in older
 *   releases), `check_seccompProfile_restricted.go`, `seccompProfileRestrictedV1Dot25`, and
 *   `check_capabilities_restricted.go`, `capabilitiesRestrictedV1Dot25`, return Allowed for such
 *   a pod before looking at any container (API validation already forbids these fields on it).
 *   The capabilities check is skipped whole, so `capabilities.add` goes unchecked too.
 * - Those two restricted checks list `seccompProfile_baseline` and `capabilities_baseline` in
 *   `OverrideCheckIDs`, and `registry.go` `populate` leaves overridden baseline checks out of the
 *   restricted level: at restricted, the baseline seccomp and capability controls are not run
 *   for such a pod either. At baseline they are not overridden and still apply.
 * - Every other check has no OS condition and applies to Windows pods as to Linux ones:
 *   `windowsHostProcess_1_0` (`check_windowsHostProcess.go`), host namespaces, privileged,
 *   hostPath, hostPorts, procMount, seLinuxOptions, sysctls, AppArmor, restricted volume types,
 *   runAsNonRoot and runAsUser.
 * - The exemption is per pod: `visitContainers` (`visitor.go`) walks init containers (sidecars,
 *   `restartPolicy: Always`, included), containers and ephemeral containers alike.
 */
export function windowsPodExempt(context: RuleContext): boolean {
  const os = context._pod.podSpec.os;
  return isObject(os) && os.name === 'windows' && context._version.isAtLeast(WINDOWS_EXEMPTION_SINCE);
}
