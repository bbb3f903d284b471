import { Severity } from '../engine/severity';
import { ModeRuleId } from '../modes/mode-rule-id';
import { StageRule } from './private/base-rule';

/** Reported by the sidecar-mode stage of the pod pipeline (src/modes), registered here. */
export class AutoModeLegacyRule extends StageRule {
  public readonly id = ModeRuleId.AUTO_LEGACY;
  public readonly name = 'auto-mode-legacy';
  public readonly severity = Severity.WARNING;
  public readonly summary = 'SidecarMode.AUTO chose LEGACY for a target below Kubernetes 1.29.';
  public readonly explanation = 'AUTO emits native sidecars from Kubernetes 1.29, where the SidecarContainers feature is on by default, and LEGACY below: the sidecars become regular containers, started together with the app containers (so nothing guarantees they are up first) and stopped with them. That is the right default for a 1.28 cluster without the feature gate, but it changes what the pod guarantees, so it is said at synth rather than done silently. Reported by the sidecar-mode stage of the pod pipeline.';
  public readonly fix = 'Set the sidecar mode to LEGACY to accept it, to NATIVE if the cluster enables the SidecarContainers feature gate, or target Kubernetes 1.29 or later.';
  public readonly source = 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/';
}
