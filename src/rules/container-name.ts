import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { BaseRule } from './private/base-rule';
import { allContainers, q } from './private/pod-view';
import { RuleContext } from './rule-context';

// apimachinery pkg/util/validation/validation.go IsDNS1123Label: the rule and its messages.
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_LABEL_MAX = 63;
const DNS1123_LABEL_MESSAGE = 'a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character (e.g. \'my-name\',  or \'123-abc\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?\')';

/** The problems of a container name, in apimachinery's words (empty when valid). */
export function dns1123LabelProblems(name: string): string[] {
  const problems: string[] = [];
  if (name.length > DNS1123_LABEL_MAX) problems.push(`must be no more than ${DNS1123_LABEL_MAX} characters`);
  if (!DNS1123_LABEL.test(name)) problems.push(DNS1123_LABEL_MESSAGE);
  return problems;
}

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
      const path = c.path.child('name');
      if (name === undefined || name === null || name === '') {
        out.push(this.finding(path, 'Required value', 'give the container a name such as "log-shipper"'));
      } else if (typeof name !== 'string') {
        out.push(this.finding(path, `Invalid value: ${q(name)}: must be a string`, 'give the container a name such as "log-shipper"'));
      } else {
        for (const problem of dns1123LabelProblems(name)) {
          const suggestion = name.toLowerCase().replace(/[^a-z0-9-]/g, '-').replace(/^-+|-+$/g, '').slice(0, DNS1123_LABEL_MAX) || 'container';
          out.push(this.finding(path, `Invalid value: ${q(name)}: ${problem}`, `rename it, e.g. "${suggestion}"`));
        }
      }
    }
    return out;
  }
}
