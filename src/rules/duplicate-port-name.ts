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
 * resolves to whichever container the endpoints controller finds first (our warning, not the API
 * server's).
 */
export class DuplicatePortNameRule extends BaseRule {
  public readonly id = 'SC-PORT-002';
  public readonly name = 'duplicate-port-name';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'Port names are unique within a container (error) and within the pod (warning).';
  public readonly explanation = 'The API server rejects two ports of one container with the same name. Across containers the same name is legal, but a Service targetPort or a probe that uses the name becomes ambiguous: a sidecar that reuses the app\'s "http" may receive the app\'s traffic.';
  public readonly fix = 'Give each port a name that is unique in the pod, e.g. prefixed with the container\'s role ("proxy-http").';
  public readonly source = 'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go (validateContainerPorts)';

  public evaluate(context: RuleContext): Finding[] {
    const out = errorFindings(this, context, [ValidationArea.PORT_NAME_DUPLICATE]);
    const inPod = new Map<string, DeclaredPort>();
    for (const c of containersOf(context._pod)) {
      const inContainer = new Set<string>();
      for (const p of portsOf(c)) {
        const name = p.port.name;
        if (typeof name !== 'string' || name === '' || inContainer.has(name)) continue;
        inContainer.add(name);
        const earlier = inPod.get(name);
        if (earlier) {
          // Legal across containers (the API server checks one container at a time), but a Service targetPort by name is ambiguous.
          out.push(this.advise(ErrorType.NOT_RECOMMENDED, p.path.child('name'),
            `also the name of a port of container "${earlier.container.name}" (${earlier.path}); a Service targetPort ${q(name)} is ambiguous`,
            `rename it, e.g. "${`${c.name}-${name}`.slice(0, 15)}" (port names are at most 15 characters)`, { severity: Severity.WARNING, value: name }));
        } else {
          inPod.set(name, p);
        }
      }
    }
    return out;
  }
}
