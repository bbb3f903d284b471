/**
 * apimachinery pkg/util/validation/validation.go `IsDNS1123Label`: the rule for container names
 * (and the names our sidecar modes derive from them), with its messages. The one copy.
 */
export const DNS1123_LABEL_MAX = 63;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_LABEL_MESSAGE = 'a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character (e.g. \'my-name\',  or \'123-abc\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?\')';

/** The problems of a name, in apimachinery's words (empty when it is a valid label). */
export function dns1123LabelProblems(name: string): string[] {
  const problems: string[] = [];
  if (name.length > DNS1123_LABEL_MAX) problems.push(`must be no more than ${DNS1123_LABEL_MAX} characters`);
  if (!DNS1123_LABEL.test(name)) problems.push(DNS1123_LABEL_MESSAGE);
  return problems;
}

/** True when `name` is a string and a DNS-1123 label. */
export function isDns1123Label(name: unknown): name is string {
  return typeof name === 'string' && name.length <= DNS1123_LABEL_MAX && DNS1123_LABEL.test(name);
}

/** A DNS-1123 label close to `name`, for fix hints (`Log_Shipper` -> `log-shipper`). */
export function suggestDns1123Label(name: string, fallback = 'container'): string {
  return name.toLowerCase().replace(/[^a-z0-9-]/g, '-').replace(/^-+|-+$/g, '').slice(0, DNS1123_LABEL_MAX).replace(/-+$/, '') || fallback;
}
