import { Severity } from '../engine/severity';
import { StageRule } from './private/base-rule';

/**
 * Reported by the declarations stage of the pod pipeline (src/pipeline), registered here: only
 * the constructs know that an object passed to `startsAfter()`/`requireReady()` belongs to
 * another workload; a manifest only has names, which SC-ANN-001 checks.
 */
export class ForeignDeclarationRule extends StageRule {
  public readonly id = 'SC-DECL-002';
  public readonly name = 'foreign-declaration';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'Declared relations name init steps and sidecars of the same workload.';
  public readonly explanation = 'startsAfter()/startAfter and requireReady() relate containers of one pod: the kubelet orders init containers and waits for sidecars within a pod only. A step or sidecar of another workload (or one never added to this one) cannot be waited for; the relation would silently do nothing.';
  public readonly fix = 'Declare relations only between the sidecars and init steps of the same workload; add the sidecar to this workload with addSidecar().';
  public readonly source = 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/';
}
