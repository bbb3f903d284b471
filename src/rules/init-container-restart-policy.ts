import { ContainerRole } from '../engine/container-role';
import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { BaseRule } from './private/base-rule';
import { containersOf } from './private/pod-view';
import { RuleContext } from './rule-context';

/**
 * `restartPolicy` on an init container may only be `Always` (which makes it a sidecar).
 * validation.go: `validateInitContainers` -> `validateInitContainerRestartPolicy`.
 */
export class InitContainerRestartPolicyRule extends BaseRule {
  public readonly id = 'SC-API-001';
  public readonly name = 'init-container-restart-policy';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'An init container\'s restartPolicy may only be Always.';
  public readonly explanation = 'The API server accepts exactly one value for restartPolicy on an init container: Always, which turns it into a native sidecar. Any other value (OnFailure, Never) is rejected; the Pod restartPolicy already decides how regular init containers are retried.';
  public readonly fix = 'Set restartPolicy: Always to make it a sidecar, or remove the field to keep a regular init container.';
  public readonly source = 'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go (validateInitContainers)';

  public evaluate(context: RuleContext): Finding[] {
    const out: Finding[] = [];
    for (const c of containersOf(context._pod)) {
      if (c.role === ContainerRole.APP || c.container.restartPolicy === undefined || c.container.restartPolicy === 'Always') continue;
      out.push(this.notSupported(c.path.child('restartPolicy'), c.container.restartPolicy, ['Always'],
        'set restartPolicy: Always to make it a sidecar, or remove restartPolicy to keep a regular init container'));
    }
    return out;
  }
}
