import { dns1123LabelProblems, isDns1123Label, suggestDns1123Label } from '../engine/dns1123';
import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { BaseRule } from './private/base-rule';
import { allContainers } from './private/pod-view';
import { RuleContext } from './rule-context';

/** validation.go `validateContainerCommon`: name required, a DNS-1123 label. */
export class ContainerNameRule extends BaseRule {
  public readonly id = 'SC-API-006';
  public readonly name = 'container-name';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'Every container (init, sidecar, app, ephemeral) has a name that is a DNS-1123 label.';
  public readonly explanation = 'The API server requires a container name of at most 63 lower-case alphanumeric characters or \'-\', starting and ending with an alphanumeric character. Names are how probes, logs, ordering declarations and kubectl refer to a container.';
  public readonly fix = 'Use a lower-case name such as "log-shipper" (letters, digits and \'-\', at most 63 characters).';
  public readonly source = 'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go (validateContainerCommon)';

  public evaluate(context: RuleContext): Finding[] {
    const out: Finding[] = [];
    for (const c of allContainers(context._pod)) {
      const name = c.container.name;
      if (isDns1123Label(name)) continue; // the usual case: nothing to say
      const path = c.path.child('name');
      if (name === undefined || name === null || name === '') {
        out.push(this.required(path, '', 'give the container a name such as "log-shipper"'));
      } else if (typeof name !== 'string') {
        out.push(this.invalid(path, name, 'must be a string', 'give the container a name such as "log-shipper"'));
      } else {
        for (const problem of dns1123LabelProblems(name)) {
          out.push(this.invalid(path, name, problem, `rename it, e.g. "${suggestDns1123Label(name)}"`));
        }
      }
    }
    return out;
  }
}
