import { ContainerRole } from '../engine/container-role';
import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { ValidationArea } from '../validation/field-error';
import { errorFindings } from './private/api-validation';
import { BaseRule } from './private/base-rule';
import { portClashes, portKey } from './private/port-groups';
import { RuleContext } from './rule-context';

/**
 * hostPort clashes. validation.go `checkHostPortConflicts` (from the API-server validation)
 * checks app containers together and each init container alone, and rejects a clash. Sidecars
 * run alongside the app containers and the init containers declared after them, which the API
 * server does not check: the kubelet cannot bind both, so we report those clashes as well.
 */
export class HostPortConflictRule extends BaseRule {
  public readonly id = 'SC-PORT-003';
  public readonly name = 'host-port-conflict';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'No two containers that run at the same time use the same hostPort/protocol.';
  public readonly explanation = 'A hostPort binds a port of the node. Two containers of one pod that run at the same time cannot bind the same hostPort and protocol; the API server rejects it among app containers and within one container, and a sidecar that clashes with an app container or a later init container fails at runtime.';
  public readonly fix = 'Use a different hostPort, or drop hostPort and expose the port with a Service.';
  public readonly source = 'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go (checkHostPortConflicts)';

  public evaluate(context: RuleContext): Finding[] {
    const out = errorFindings(this, context, [ValidationArea.HOST_PORT]);
    // Clashes the API server does not see: one side is a sidecar, the other a different container.
    const clashes = portClashes(context._pod, (p) => {
      if (typeof p.port.hostPort !== 'number' || p.port.hostPort === 0) return undefined;
      const ip = typeof p.port.hostIP === 'string' && p.port.hostIP !== '' ? `${p.port.hostIP}:` : '';
      return `${ip}${portKey(p.port.hostPort, p.port.protocol)}`;
    }, (earlier, p) => earlier.container !== p.container
      && (earlier.container.role === ContainerRole.SIDECAR || p.container.role === ContainerRole.SIDECAR));
    for (const { key, earlier, port: p } of clashes) {
      out.push(this.duplicate(p.path.child('hostPort'), key, `already bound by ${earlier.path}, and a sidecar runs at the same time as the other container`,
        'use another hostPort, or drop hostPort and expose the port through a Service'));
    }
    return out;
  }
}
