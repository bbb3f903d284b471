import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { BaseRule } from './private/base-rule';
import { portClashes, portKey } from './private/port-groups';
import { RuleContext } from './rule-context';

/**
 * All containers of a pod share one network namespace; two of them that run at the same time
 * cannot both listen on one port/protocol: the second fails to bind and crash-loops. The API
 * server does not check this (only hostPort clashes); cdk8s-plus does not either.
 */
export class DuplicateContainerPortRule extends BaseRule {
  public readonly id = 'SC-PORT-001';
  public readonly name = 'duplicate-container-port';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'Two containers that run at the same time do not declare the same containerPort/protocol.';
  public readonly explanation = 'Containers of one pod share its network namespace, sidecars included: two containers listening on the same port and protocol cannot both bind it, and the second one crash-loops. Sidecars run alongside the app containers and alongside the init containers declared after them, so their ports clash with both.';
  public readonly fix = 'Give one of the containers another port.';
  public readonly source = 'https://kubernetes.io/docs/concepts/workloads/pods/#pod-networking';

  public evaluate(context: RuleContext): Finding[] {
    const clashes = portClashes(context._pod,
      (p) => (typeof p.port.containerPort === 'number' ? portKey(p.port.containerPort, p.port.protocol) : undefined),
      // A repeat within one container is SC-PORT-002's (duplicate port names) business.
      (earlier, p) => earlier.container !== p.container);
    return clashes.map(({ key, earlier, port: p }) => this.duplicate(p.path.child('containerPort'), key,
      `also declared by container "${earlier.container.name}" (${earlier.path}), and containers of a pod share one network namespace`,
      `use another port for "${p.container.name}" or "${earlier.container.name}"`));
  }
}
