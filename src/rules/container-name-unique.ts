import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { BaseRule } from './private/base-rule';
import { allContainers, AnyContainer } from './private/pod-view';
import { RuleContext } from './rule-context';

/**
 * validation.go: names are unique across app, init and ephemeral containers. The API server
 * reports a clash on the later list it checks (app names first, then init, then ephemeral),
 * so a clash between an init and an app container is reported at the init container.
 */
export class ContainerNameUniqueRule extends BaseRule {
  public readonly id = 'SC-API-007';
  public readonly name = 'container-name-unique';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'Container names are unique across init, sidecar, app and ephemeral containers.';
  public readonly explanation = 'The kubelet, kubectl logs/exec and the ordering declarations address containers by name; the API server rejects a pod in which two containers of any kind share one. cdk8s-plus does not catch duplicates across containers and initContainers.';
  public readonly fix = 'Rename one of the containers.';
  public readonly source = 'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go (validateInitContainers, validateContainers, validateEphemeralContainers)';

  public evaluate(context: RuleContext): Finding[] {
    const out: Finding[] = [];
    const all = allContainers(context._pod);
    const seen = new Map<string, AnyContainer>();
    const visit = (c: AnyContainer) => {
      if (c.name === '') return; // SC-API-006 reports missing names
      const first = seen.get(c.name);
      if (first !== undefined) {
        out.push(this.duplicate(c.path.child('name'), c.name, `already used by ${first.path}`, `rename this container or ${first.path}`));
      } else {
        seen.set(c.name, c);
      }
    };
    // The API server's order: app containers, then init containers (sidecars included), then ephemeral ones.
    for (const c of all) if (c.kind === 'app') visit(c);
    for (const c of all) if (c.kind === 'init' || c.kind === 'sidecar') visit(c);
    for (const c of all) if (c.kind === 'ephemeral') visit(c);
    return out;
  }
}
