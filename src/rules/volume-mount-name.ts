import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { ValidationArea } from '../validation/field-error';
import { errorFindings } from './private/api-validation';
import { BaseRule } from './private/base-rule';
import { RuleContext } from './rule-context';

/**
 * validation.go `ValidateVolumeMounts`: every mount names a volume of the pod the controller
 * creates (a view of the API-server validation, which models StatefulSet claim volumes).
 */
export class VolumeMountNameRule extends BaseRule {
  public readonly id = 'SC-API-008';
  public readonly name = 'volume-mount-name';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'Every volumeMount names a volume of the pod (a declared volume or, in a StatefulSet, a volumeClaimTemplates entry).';
  public readonly explanation = 'A sidecar often shares a volume with the app (logs, sockets, secrets). The API server rejects a mount whose name is not one of the pod\'s volumes ("Not found"), which is easy to miss when a sidecar is added to an existing workload. A StatefulSet\'s controller adds a volume for every volumeClaimTemplates entry to each pod it creates, so mounting a claim template is valid; a volume that has errors of its own does not count either.';
  public readonly fix = "Declare the volume in the pod's volumes (or a StatefulSet's volumeClaimTemplates), or fix the mount's name.";
  public readonly source = 'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go (ValidateVolumeMounts)';

  public evaluate(context: RuleContext): Finding[] {
    return errorFindings(this, context, [ValidationArea.VOLUME_MOUNT_NAME]);
  }
}
