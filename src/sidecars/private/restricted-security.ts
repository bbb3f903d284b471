import * as kplus from '../../cdk8s-plus';

/**
 * A container security context that meets the Pod Security Standard "restricted": a numeric
 * non-root user (so the kubelet can check `runAsNonRoot` without reading the image), no privilege
 * escalation, every capability dropped, the runtime's default seccomp profile, and a read-only
 * root filesystem (not required by the standard, but nothing our sidecars run writes to it).
 *
 * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
 */
export function restrictedSecurityContext(user: number): kplus.ContainerSecurityContextProps {
  return {
    user,
    group: user,
    ensureNonRoot: true,
    privileged: false,
    readOnlyRootFilesystem: true,
    allowPrivilegeEscalation: false,
    capabilities: { drop: [kplus.Capability.ALL] },
    seccompProfile: { type: kplus.SeccompProfileType.RUNTIME_DEFAULT },
  };
}

/** `nobody`: a user id every base image leaves unprivileged. */
export const NOBODY = 65534;
