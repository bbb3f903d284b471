import { Severity } from '../engine/severity';
import { ModeRuleId } from '../modes/mode-rule-id';
import { StageRule } from './private/base-rule';

/** Reported by the sidecar-mode stage of the pod pipeline (src/modes), registered here. */
export class ModeOptionsRule extends StageRule {
  public readonly id = ModeRuleId.OPTIONS;
  public readonly name = 'mode-options';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'The sidecar mode and its protocol options are valid.';
  public readonly explanation = 'The detection and stop timeouts, the poll interval, the mount path and the shell of the LEGACY and UNIVERSAL protocols end up in the generated scripts; out-of-range numbers or paths with spaces, ":" or "$" would break them. Reported by the sidecar-mode stage of the pod pipeline.';
  public readonly fix = 'Use a SidecarMode and option values in the documented ranges.';
  public readonly source = 'https://kubernetes.io/docs/tutorials/configuration/pod-sidecar-containers/';
}
