import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { ValidationArea } from '../validation/field-error';
import { errorFindings } from './private/api-validation';
import { BaseRule } from './private/base-rule';
import { RuleContext } from './rule-context';

/**
 * Container fields of validation.go `validateContainerCommon` that no more specific rule
 * exposes (a view of the API-server validation).
 */
export class ContainerFieldsRule extends BaseRule {
  public readonly id = 'SC-API-012';
  public readonly name = 'container-fields';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'Container fields hold what the API server accepts: an image, pull and termination-message policies, ports, env, envFrom, mounts and devices.';
  public readonly explanation = "The API server rejects a container (app, init, sidecar or ephemeral) with an empty image, an imagePullPolicy or terminationMessagePolicy outside the supported values, a containerPort or hostPort outside 1-65535 or missing, a port protocol other than TCP, UDP or SCTP, a port name that is not an IANA service name, an env var name it does not accept or a valueFrom without exactly one source, an envFrom without exactly one of configMapRef or secretRef, a mount without mountPath or with an absolute or '..' subPath, or a recursive read-only mount that is not read-only. Values that the API server fills in by default (imagePullPolicy, terminationMessagePolicy, protocol) are never reported as missing.";
  public readonly fix = 'Fix the field as the finding says; run `kubectl apply --dry-run=server` against a cluster to confirm.';
  public readonly source = 'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go (validateContainerCommon, validateContainerPorts, ValidateEnv, ValidateEnvFrom, ValidateVolumeMounts)';

  public evaluate(context: RuleContext): Finding[] {
    return errorFindings(this, context, [ValidationArea.CONTAINER]);
  }
}
