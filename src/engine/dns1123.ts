/**
 * apimachinery pkg/util/validation/validation.go `IsDNS1123Label`: the rule for container names
 * (and the names our sidecar modes derive from them). The one copy of the pattern and the length:
 * the API-server validation (`src/validation/names.ts`, which also words the messages) reads them here.
 */
export const DNS1123_LABEL_MAX = 63;
/** The pattern as apimachinery prints it in its message (`dns1123LabelFmt`). */
export const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
export const DNS1123_LABEL = new RegExp(`^${DNS1123_LABEL_FMT}$`);

/** True when `name` is a string and a DNS-1123 label. */
export function isDns1123Label(name: unknown): name is string {
  return typeof name === 'string' && name.length <= DNS1123_LABEL_MAX && DNS1123_LABEL.test(name);
}
