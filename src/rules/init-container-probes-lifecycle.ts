import { ContainerRole } from '../engine/container-role';
import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { BaseRule } from './private/base-rule';
import { containersOf } from './private/pod-view';
import { RuleContext } from './rule-context';

const FORBIDDEN_ON_REGULAR_INIT = ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'];

/** validation.go `validateInitContainers`: these fields are allowed on sidecars only. */
export class InitContainerProbesLifecycleRule extends BaseRule {
  public readonly id = 'SC-API-003';
  public readonly name = 'init-container-probes-lifecycle';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'Probes and lifecycle hooks are forbidden on regular init containers.';
  public readonly explanation = 'A regular init container runs to completion before the next one starts, so the API server rejects livenessProbe, readinessProbe, startupProbe and lifecycle on it. They are allowed on sidecars (init containers with restartPolicy: Always), which keep running. cdk8s-plus adds a default startupProbe to any init container given a port, which trips this rule.';
  public readonly fix = 'Remove the field, or make the container a sidecar with restartPolicy: Always if it is meant to keep running.';
  public readonly source = 'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go (validateInitContainers)';

  public evaluate(context: RuleContext): Finding[] {
    const out: Finding[] = [];
    for (const c of containersOf(context._pod)) {
      if (c.role !== ContainerRole.REGULAR_INIT) continue;
      for (const field of FORBIDDEN_ON_REGULAR_INIT) {
        if (c.container[field] === undefined || c.container[field] === null) continue;
        out.push(this.forbidden(c.path.child(field), 'may not be set for init containers without restartPolicy=Always',
          `remove ${field} from init container "${c.name}", or add restartPolicy: Always to make it a sidecar`));
      }
    }
    return out;
  }
}
