import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { ValidationArea } from '../validation/field-error';
import { errorFindings } from './private/api-validation';
import { BaseRule } from './private/base-rule';
import { RuleContext } from './rule-context';

/**
 * `restartPolicy` (and `restartPolicyRules`) of init containers: a view of the API-server
 * validation (`src/validation/pod-spec.ts`, `validateRestartFields`).
 */
export class InitContainerRestartPolicyRule extends BaseRule {
  public readonly id = 'SC-API-001';
  public readonly name = 'init-container-restart-policy';
  public readonly severity = Severity.ERROR;
  public readonly summary = "An init container's restartPolicy may only be Always (before container restart rules).";
  public readonly explanation = 'The API server accepts exactly one value for restartPolicy on an init container: Always, which turns it into a native sidecar. Any other value (OnFailure, Never, empty) is rejected; the Pod restartPolicy already decides how regular init containers are retried. From Kubernetes 1.34 container restart rules (KEP-5307, alpha; beta from 1.35) also accept OnFailure and Never and add restartPolicyRules; where the ContainerRestartRules gate is off by default they are reported as warnings.';
  public readonly fix = 'Set restartPolicy: Always to make it a sidecar, or remove the field to keep a regular init container.';
  public readonly source = 'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go (validateInitContainers, validateInitContainerRestartPolicy)';

  public evaluate(context: RuleContext): Finding[] {
    return errorFindings(this, context, [ValidationArea.INIT_RESTART_POLICY]);
  }
}
