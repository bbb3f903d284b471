import { Severity } from '../engine/severity';
import { ModeRuleId } from '../modes/mode-rule-id';
import { StageRule } from './private/base-rule';

/** Reported by the sidecar-mode stage of the pod pipeline (src/modes), registered here. */
export class ModeNotKeptRule extends StageRule {
  public readonly id = ModeRuleId.NOT_KEPT;
  public readonly name = 'mode-not-kept';
  public readonly severity = Severity.WARNING;
  public readonly summary = 'What a LEGACY or UNIVERSAL pod cannot keep of the declared sidecars: start order, readiness, probes, ports.';
  public readonly explanation = 'Without native sidecars the kubelet does not start a sidecar before the containers declared after it, and does not wait for it to be ready: in LEGACY sidecars are regular containers started with the app containers, in UNIVERSAL the native twin exits on its first run and the regular twin starts with the app containers. A declared relation to a sidecar (needs-ready, start-after, an init container listed after it) cannot hold there, and UNIVERSAL drops the sidecars\' probes and declares their ports on one twin only. Each such relation is reported once, here, and left out of the pod\'s declarations, so the order rules do not judge it again.';
  public readonly fix = 'Let the containers that rely on a sidecar retry until it serves, or choose SidecarMode.NATIVE (Kubernetes 1.29+, or 1.28 with the SidecarContainers feature gate).';
  public readonly source = 'https://kubernetes.io/docs/tutorials/configuration/pod-sidecar-containers/';
}
