import { ContainerRole } from '../engine/container-role';
import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { isObject } from '../engine/wire-types';
import { isValidPortName } from '../validation/names';
import { BaseRule } from './private/base-rule';
import { arrayOf, containersOf, q } from './private/pod-view';
import { RuleContext } from './rule-context';

/**
 * A probe's named port must be a port name of the same container. Not an API-server check:
 * the kubelet resolves the name against that container's ports only (pkg/kubelet/prober,
 * `findPortByName`) and fails the probe every time when it is missing, so a liveness or
 * startup probe restarts the container forever and a readiness probe never passes.
 */
export class ProbeNamedPortRule extends BaseRule {
  public readonly id = 'SC-API-009';
  public readonly name = 'probe-named-port';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'A probe\'s named port exists on that same container.';
  public readonly explanation = 'httpGet and tcpSocket probes may name a port instead of a number. The kubelet looks the name up among the ports of the probed container only, not the whole pod; if it is missing the probe fails on every attempt: liveness and startup probes restart the container forever, readiness never passes. A sidecar probing a port name that only the app container declares is the typical case.';
  public readonly fix = 'Declare the named port on the probed container, or use the port number.';
  public readonly source = 'https://github.com/kubernetes/kubernetes/blob/master/pkg/kubelet/prober/prober.go (findPortByName)';

  public evaluate(context: RuleContext): Finding[] {
    const out: Finding[] = [];
    for (const c of containersOf(context._pod)) {
      if (c.role === ContainerRole.REGULAR_INIT) continue; // SC-API-003 forbids probes there
      let names: Set<unknown> | undefined;
      for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
        const p = c.container[probe];
        if (!isObject(p)) continue;
        for (const handler of ['httpGet', 'tcpSocket']) {
          const port = isObject(p[handler]) ? p[handler].port : undefined;
          // A name the API server rejects is SC-API-013's; only valid names can be missing.
          if (typeof port !== 'string' || isValidPortName(port).length > 0) continue;
          names ??= new Set(arrayOf(c.container.ports).filter(isObject).map((x) => x.name));
          if (names.has(port)) continue;
          const declared = names.size === 0 ? 'it declares no named ports' : `its named ports: ${[...names].filter((n) => typeof n === 'string').map((n) => q(n)).join(', ')}`;
          out.push(this.notFound(c.path.child(probe, handler, 'port'), port,
            `no port named ${q(port)} on container "${c.name}" (${declared})`,
            `add { name: ${q(port)}, containerPort: <number> } to the ports of "${c.name}", or probe the port number`));
        }
      }
    }
    return out;
  }
}
