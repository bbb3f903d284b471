import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { ValidationArea } from '../validation/field-error';
import { errorFindings } from './private/api-validation';
import { BaseRule } from './private/base-rule';
import { RuleContext } from './rule-context';

/**
 * `restartPolicy` / `restartPolicyRules` on app containers: a view of the API-server validation
 * (`validateRestartFields`), with the version gates of KEP-5307.
 */
export class AppContainerRestartPolicyRule extends BaseRule {
  public readonly id = 'SC-API-002';
  public readonly name = 'app-container-restart-policy';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'restartPolicy and restartPolicyRules on an app container are forbidden before Kubernetes 1.34 and need the ContainerRestartRules gate in 1.34.';
  public readonly explanation = 'Per-container restart policies for regular containers (KEP-5307) arrived as an alpha feature, off by default, in Kubernetes 1.34, and are beta, on by default, from 1.35. Before 1.34 the API server rejects restartPolicy on any container that is not an init container; in 1.34 it is accepted only where the ContainerRestartRules feature gate is on (a warning); from 1.35 the values are validated (Always, OnFailure, Never; rules with action Restart and an exit-code operator In or NotIn). A restartPolicy: Always meant to make a sidecar belongs on an init container.';
  public readonly fix = 'Remove restartPolicy from the app container; to make it a sidecar, move it to initContainers with restartPolicy: Always.';
  public readonly source = 'https://github.com/kubernetes/enhancements/tree/master/keps/sig-node/5307-container-restart-policy';

  public evaluate(context: RuleContext): Finding[] {
    return errorFindings(this, context, [ValidationArea.APP_RESTART_POLICY]);
  }
}
