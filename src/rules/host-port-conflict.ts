import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { BaseRule } from './private/base-rule';
import { portClashes, portKey } from './private/port-groups';
import { RuleContext } from './rule-context';

/**
 * validation.go `checkHostPortConflicts`: one hostPort/protocol/hostIP per pod. The API server
 * checks app containers together and each init container alone; sidecars run alongside the app
 * containers, so we also check them together (the kubelet cannot bind both).
 */
export class HostPortConflictRule extends BaseRule {
  public readonly id = 'SC-PORT-003';
  public readonly name = 'host-port-conflict';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'No two containers that run at the same time use the same hostPort/protocol.';
  public readonly explanation = 'A hostPort binds a port of the node. Two containers of one pod that run at the same time cannot bind the same hostPort and protocol; the API server rejects it among app containers, and a sidecar that clashes with an app container fails at runtime.';
  public readonly fix = 'Use a different hostPort, or drop hostPort and expose the port with a Service.';
  public readonly source = 'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go (checkHostPortConflicts)';

  public evaluate(context: RuleContext): Finding[] {
    const clashes = portClashes(context._pod, (p) => {
      if (typeof p.port.hostPort !== 'number' || p.port.hostPort === 0) return undefined;
      const ip = typeof p.port.hostIP === 'string' && p.port.hostIP !== '' ? `${p.port.hostIP}:` : '';
      return `${ip}${portKey(p.port.hostPort, p.port.protocol)}`;
    });
    return clashes.map(({ key, earlier, port: p }) => this.duplicate(p.path.child('hostPort'), key, `already bound by ${earlier.path}`,
      'use another hostPort, or drop hostPort and expose the port through a Service'));
  }
}
