import { ContainerRole } from '../engine/container-role';
import { ErrorType } from '../engine/error-type';
import { Finding } from '../engine/finding';
import { KubernetesVersion } from '../engine/kubernetes-version';
import { Severity } from '../engine/severity';
import { BaseRule } from './private/base-rule';
import { containersOf } from './private/pod-view';
import { RuleContext } from './rule-context';

/**
 * The version that introduced container restart rules (KEP-5307): feature gate
 * `ContainerRestartRules`, alpha and off by default from 1.34
 * (kubernetes/website `feature-gates/ContainerRestartRules.md`).
 */
export const CONTAINER_RESTART_RULES_ALPHA = KubernetesVersion.of('1.34');

/**
 * `restartPolicy` / `restartPolicyRules` on an app container: forbidden before container restart
 * rules existed (validation.go `validateContainers`: "may not be set for non-init containers"),
 * behind an alpha feature gate after.
 */
export class AppContainerRestartPolicyRule extends BaseRule {
  public readonly id = 'SC-API-002';
  public readonly name = 'app-container-restart-policy';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'restartPolicy on an app container is forbidden before Kubernetes 1.34 and needs the ContainerRestartRules gate after.';
  public readonly explanation = 'Per-container restart policies for regular containers (KEP-5307) arrived as an alpha feature, off by default, in Kubernetes 1.34. Before that the API server rejects restartPolicy on any container that is not an init container; from 1.34 it is only accepted where the ContainerRestartRules feature gate is on. A restartPolicy: Always meant to make a sidecar belongs on an init container.';
  public readonly fix = 'Remove restartPolicy from the app container; to make it a sidecar, move it to initContainers with restartPolicy: Always.';
  public readonly source = 'https://github.com/kubernetes/enhancements/tree/master/keps/sig-node/5307-container-restart-policy';

  public evaluate(context: RuleContext): Finding[] {
    const out: Finding[] = [];
    const gated = context._version.isAtLeast(CONTAINER_RESTART_RULES_ALPHA);
    for (const c of containersOf(context._pod)) {
      if (c.role !== ContainerRole.APP) continue;
      for (const field of ['restartPolicy', 'restartPolicyRules']) {
        const value = c.container[field];
        if (value === undefined) continue;
        const path = c.path.child(field);
        if (!gated) {
          out.push(this.forbidden(path,
            `may not be set for non-init containers (container restart rules arrive in Kubernetes ${CONTAINER_RESTART_RULES_ALPHA}, target is ${context._version})`,
            `remove ${field}; to run "${c.name}" as a sidecar, move it to initContainers with restartPolicy: Always`));
        } else if (field === 'restartPolicy' && !['Always', 'OnFailure', 'Never'].includes(value as string)) {
          out.push(this.notSupported(path, value, ['Always', 'OnFailure', 'Never'], 'use Always, OnFailure or Never'));
        } else {
          out.push(this.advise(ErrorType.FEATURE_GATED, path,
            `${field} of an app container needs the ContainerRestartRules feature gate (alpha in ${CONTAINER_RESTART_RULES_ALPHA}, off by default); where it is off the API server rejects it`,
            `enable the ContainerRestartRules feature gate on the cluster, or remove ${field}`));
        }
      }
    }
    return out;
  }
}
