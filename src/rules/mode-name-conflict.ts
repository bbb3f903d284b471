import { Severity } from '../engine/severity';
import { ModeRuleId } from '../modes/mode-rule-id';
import { StageRule } from './private/base-rule';

/** Reported by the sidecar-mode stage of the pod pipeline (src/modes), registered here. */
export class ModeNameConflictRule extends StageRule {
  public readonly id = ModeRuleId.CONFLICT;
  public readonly name = 'mode-name-conflict';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'The names, volume and mount that LEGACY and UNIVERSAL add are free and valid.';
  public readonly explanation = 'LEGACY and UNIVERSAL add an emptyDir volume for their marker files, mount it into the containers they wrap, name UNIVERSAL\'s regular twins <sidecar>-twin and use container names as file names in their scripts. A volume, mount or container that already has such a name or path, a twin name longer than 63 characters, or a container name that is not a DNS-1123 label would make the pod invalid or the protocol unsafe. Reported by the sidecar-mode stage of the pod pipeline.';
  public readonly fix = 'Rename the clashing container, volume or mount, or set lifecycleMountPath of the sidecar mode options to a free path.';
  public readonly source = 'https://kubernetes.io/docs/concepts/storage/volumes/#emptydir';
}
