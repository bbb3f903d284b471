import { ContainerRole } from '../engine/container-role';
import { ErrorType } from '../engine/error-type';
import { Finding } from '../engine/finding';
import { KubernetesVersion } from '../engine/kubernetes-version';
import { Severity } from '../engine/severity';
import { BaseRule } from './private/base-rule';
import { containersOf } from './private/pod-view';
import { RuleContext } from './rule-context';

/**
 * Native sidecars against the target version (feature gate `SidecarContainers`): absent before
 * 1.28; alpha and off by default in 1.28, where termination is not ordered either; beta and on
 * by default from 1.29; GA in 1.33.
 */
export class NativeSidecarVersionRule extends BaseRule {
  public readonly id = 'SC-VERSION-001';
  public readonly name = 'native-sidecar-version';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'Native sidecars need Kubernetes 1.29 (1.28 with the SidecarContainers feature gate).';
  public readonly explanation = 'restartPolicy: Always on an init container arrived in Kubernetes 1.28 as an alpha feature behind the SidecarContainers gate, without ordered termination; it is on by default from 1.29. On an older API server the field does not exist: the init container is treated as a regular one, never exits, and the pod stays in Init forever.';
  public readonly fix = 'Target Kubernetes 1.29 or later, or (1.28) enable the SidecarContainers feature gate.';
  public readonly source = 'https://kubernetes.io/docs/reference/command-line-tools-reference/feature-gates/ (SidecarContainers)';

  public evaluate(context: RuleContext): Finding[] {
    const v = context._version;
    if (v.isAtLeast(KubernetesVersion.SIDECARS_BETA)) return [];
    return containersOf(context._pod)
      .filter((c) => c.role === ContainerRole.SIDECAR)
      .map((c) => v.isBefore(KubernetesVersion.SIDECARS_ALPHA)
        ? this.forbidden(c.path.child('restartPolicy'),
          `native sidecars do not exist before Kubernetes ${KubernetesVersion.SIDECARS_ALPHA} (target is ${v}): "${c.name}" would run as a regular init container that never exits`,
          `target Kubernetes ${KubernetesVersion.SIDECARS_BETA} or later, or run "${c.name}" as a regular container ` +
          '(with cdk8s-sidecars workloads: sidecarMode AUTO, LEGACY or UNIVERSAL)')
        : this.advise(ErrorType.FEATURE_GATED, c.path.child('restartPolicy'),
          `in Kubernetes ${v} native sidecars need the SidecarContainers feature gate (alpha, off by default) and are not stopped in order`,
          `enable the SidecarContainers feature gate, or target Kubernetes ${KubernetesVersion.SIDECARS_BETA} or later`, { value: 'Always' }));
  }
}
