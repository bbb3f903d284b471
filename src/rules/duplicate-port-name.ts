import { ContainerRole } from '../engine/container-role';
import { ErrorType } from '../engine/error-type';
import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { ValidationArea } from '../validation/field-error';
import { errorFindings } from './private/api-validation';
import { BaseRule } from './private/base-rule';
import { containersOf, q } from './private/pod-view';
import { DeclaredPort, portsOf } from './private/port-groups';
import { RuleContext } from './rule-context';

/**
 * Port names: unique within a container (validation.go `validateContainerPorts`, an error, from
 * the API-server validation), and best unique within the pod: a Service `targetPort` by name
 * resolves to whichever container `FindPort` finds first (our warning, not the API server's), so
 * only the ports `FindPort` can return count: same name and protocol, on app containers and sidecars.
 */
export class DuplicatePortNameRule extends BaseRule {
  public readonly id = 'SC-PORT-002';
  public readonly name = 'duplicate-port-name';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'Port names are unique within a container (error) and within the pod (warning).';
  public readonly explanation = 'The API server rejects two ports of one container with the same name. Across containers the same name is legal, but a Service targetPort that uses the name becomes ambiguous when an app container and a sidecar (or two app containers) declare it with the same protocol: the endpoints controller takes the first match (FindPort looks at app containers, then sidecars; never at regular init containers), so a sidecar that reuses the app\'s "http" may receive the app\'s traffic. A probe is not affected: its named port is looked up in its own container.';
  public readonly fix = 'Give each port a name that is unique in the pod, e.g. prefixed with the container\'s role ("proxy-http").';
  public readonly source = 'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go (validateContainerPorts)';

  public evaluate(context: RuleContext): Finding[] {
    const out = errorFindings(this, context, [ValidationArea.PORT_NAME_DUPLICATE]);
    // Keyed as a Service port looks a pod's port up: pkg/api/v1/pod/util.go `FindPort` matches a targetPort name
    // together with the Service port's protocol, in app containers and then in sidecars (init containers with
    // restartPolicy Always); it never looks at regular init containers, whose ports no Service can reach by name.
    const inPod = new Map<string, DeclaredPort>();
    for (const c of containersOf(context._pod)) {
      if (c.role === ContainerRole.REGULAR_INIT) continue;
      const inContainer = new Set<string>();
      for (const p of portsOf(c)) {
        const name = p.port.name;
        if (typeof name !== 'string' || name === '') continue;
        const protocol = typeof p.port.protocol === 'string' && p.port.protocol !== '' ? p.port.protocol : 'TCP';
        // A name twice in one container is the API server's error above, whatever the protocols.
        if (inContainer.has(name)) continue;
        inContainer.add(name);
        const key = `${name}/${protocol}`;
        const earlier = inPod.get(key);
        if (earlier) {
          // Legal across containers (the API server checks one container at a time), but a Service targetPort by name is ambiguous.
          const kind = protocol === 'TCP' ? 'a port' : `a ${protocol} port`;
          out.push(this.advise(ErrorType.NOT_RECOMMENDED, p.path.child('name'),
            `also the name of ${kind} of container "${earlier.container.name}" (${earlier.path}); a Service targetPort ${q(name)} is ambiguous`,
            `rename it, e.g. "${`${c.name}-${name}`.slice(0, 15)}" (port names are at most 15 characters)`, { severity: Severity.WARNING, value: name }));
        } else {
          inPod.set(key, p);
        }
      }
    }
    return out;
  }
}
