import { Severity } from '../engine/severity';
import { ModeRuleId } from '../modes/mode-rule-id';
import { StageRule } from './private/base-rule';

/** Reported by the sidecar-mode stage of the pod pipeline (src/modes), registered here. */
export class ModeCommandRequiredRule extends StageRule {
  public readonly id = ModeRuleId.COMMAND_REQUIRED;
  public readonly name = 'mode-command-required';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'LEGACY and UNIVERSAL need an explicit command on every container they wrap.';
  public readonly explanation = 'In run-to-completion pods LEGACY wraps the app and sidecar commands in a small shell protocol so that the sidecars stop when the app exits; UNIVERSAL wraps every sidecar in its native and regular twins. Wrapping needs the argv, and an image\'s ENTRYPOINT and CMD are not known at synth. Reported by the sidecar-mode stage of the pod pipeline; nothing is emitted half-way.';
  public readonly fix = 'Set command (and args) explicitly, e.g. to the image\'s ENTRYPOINT and CMD, or choose SidecarMode.NATIVE and target Kubernetes 1.29 or later.';
  public readonly source = 'https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/';
}
