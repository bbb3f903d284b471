/**
 * The string checks of apimachinery (`k8s.io/apimachinery/pkg/util/validation/validation.go`,
 * `pkg/api/validate/content`): each returns the API server's messages, empty when the value is
 * valid. Regular expressions are compiled once, here.
 */
import { DNS1123_LABEL, DNS1123_LABEL_FMT, DNS1123_LABEL_MAX } from '../engine/dns1123';

const DNS1123_LABEL_MSG = 'a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character';

const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1123_SUBDOMAIN = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);
const DNS1123_SUBDOMAIN_MSG = 'a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character';
const DNS1123_SUBDOMAIN_MAX = 253;

const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const QUALIFIED_NAME = new RegExp(`^${QUALIFIED_NAME_FMT}$`);
const QUALIFIED_NAME_MSG = 'must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character';
const QUALIFIED_NAME_MAX = 63;

const LABEL_VALUE = new RegExp(`^(${QUALIFIED_NAME_FMT})?$`);
const LABEL_VALUE_MAX = 63;

const PORT_NAME_CHARSET = /^[-a-z0-9]+$/;
const PORT_NAME_LETTER = /[a-z]/;

const HTTP_HEADER_NAME_FMT = '[-A-Za-z0-9]+';
const HTTP_HEADER_NAME = new RegExp(`^${HTTP_HEADER_NAME_FMT}$`);

const ENV_VAR_NAME_FMT = '[-._a-zA-Z][-._a-zA-Z0-9]*';
const ENV_VAR_NAME = new RegExp(`^${ENV_VAR_NAME_FMT}$`);
const ENV_VAR_NAME_MSG = 'a valid environment variable name must consist of alphabetic characters, digits, \'_\', \'-\', or \'.\', and must not start with a digit';
/** Printable ASCII other than '=' (`IsRelaxedEnvVarName`). */
const RELAXED_ENV_VAR_NAME = /^[\x20-\x3c\x3e-\x7e]*$/;
export const RELAXED_ENV_VAR_NAME_MSG = 'a valid environment variable name must consist only of printable ASCII characters other than \'=\'';

const CONFIG_MAP_KEY_FMT = '[-._a-zA-Z0-9]+';
const CONFIG_MAP_KEY = new RegExp(`^${CONFIG_MAP_KEY_FMT}$`);

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const IPV6_GROUP = /^[0-9a-fA-F]{1,4}$/;

/** What every check returns for a valid value: one shared, frozen empty list (no allocation on the common path). */
const NONE: ReadonlyArray<string> = Object.freeze([]);

/** apimachinery `RegexError`: the message, examples and the pattern. */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`;
}

export function maxLenError(n: number): string {
  return `must be no more than ${n} characters`;
}

export function inclusiveRangeError(lo: number, hi: number): string {
  return `must be between ${lo} and ${hi}, inclusive`;
}

/** `ValidateNonnegativeField`'s detail (apimachinery `IsNegativeErrorMsg`). */
export const IS_NEGATIVE_MSG = 'must be greater than or equal to 0';

export function isDNS1123Label(value: string): ReadonlyArray<string> {
  if (value.length <= DNS1123_LABEL_MAX && DNS1123_LABEL.test(value)) return NONE;
  const errs: string[] = [];
  if (value.length > DNS1123_LABEL_MAX) errs.push(maxLenError(DNS1123_LABEL_MAX));
  if (!DNS1123_LABEL.test(value)) {
    // A valid subdomain of the right length can only fail as a label because of its dots.
    errs.push(DNS1123_SUBDOMAIN.test(value) ? 'must not contain dots' : regexError(DNS1123_LABEL_MSG, DNS1123_LABEL_FMT, 'my-name', '123-abc'));
  }
  return errs;
}

export function isDNS1123Subdomain(value: string): ReadonlyArray<string> {
  if (value.length <= DNS1123_SUBDOMAIN_MAX && DNS1123_SUBDOMAIN.test(value)) return NONE;
  const errs: string[] = [];
  if (value.length > DNS1123_SUBDOMAIN_MAX) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX));
  if (!DNS1123_SUBDOMAIN.test(value)) errs.push(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, 'example.com'));
  return errs;
}

/** A qualified name (label key, resource name): optional DNS-subdomain prefix and `/`, then a name. */
export function isQualifiedName(value: string): ReadonlyArray<string> {
  // The common case: no prefix (the pattern has no '/').
  if (value.length <= QUALIFIED_NAME_MAX && QUALIFIED_NAME.test(value)) return NONE;
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) {
    name = parts[0];
  } else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else for (const m of isDNS1123Subdomain(prefix)) errs.push(`prefix part ${m}`);
  } else {
    return [`a qualified name ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (name.length > QUALIFIED_NAME_MAX) errs.push(`name part ${maxLenError(QUALIFIED_NAME_MAX)}`);
  if (!QUALIFIED_NAME.test(name)) errs.push(`name part ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')}`);
  return errs;
}

export function isLabelValue(value: string): ReadonlyArray<string> {
  if (value.length <= LABEL_VALUE_MAX && LABEL_VALUE.test(value)) return NONE;
  const errs: string[] = [];
  if (value.length > LABEL_VALUE_MAX) errs.push(maxLenError(LABEL_VALUE_MAX));
  if (!LABEL_VALUE.test(value)) errs.push(regexError('a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character', `(${QUALIFIED_NAME_FMT})?`, 'MyValue', 'my_value', '12345'));
  return errs;
}

/** A port number: an integer from 1 to 65535. */
export function isValidPortNum(port: unknown): ReadonlyArray<string> {
  return typeof port === 'number' && Number.isInteger(port) && port >= 1 && port <= 65535 ? NONE : [inclusiveRangeError(1, 65535)];
}

/** An IANA service name: 1-15 of [-a-z0-9], a letter, no `--`, no leading or trailing `-`. */
export function isValidPortName(port: string): ReadonlyArray<string> {
  if (port.length <= 15 && PORT_NAME_CHARSET.test(port) && PORT_NAME_LETTER.test(port) && !port.includes('--') && port[0] !== '-' && port[port.length - 1] !== '-') return NONE;
  const errs: string[] = [];
  if (port.length > 15) errs.push(maxLenError(15));
  if (!PORT_NAME_CHARSET.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!PORT_NAME_LETTER.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port[0] === '-' || port[port.length - 1] === '-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

export function isHTTPHeaderName(value: string): ReadonlyArray<string> {
  return HTTP_HEADER_NAME.test(value) ? NONE : [regexError('a valid HTTP header must consist of alphanumeric characters or \'-\'', HTTP_HEADER_NAME_FMT, 'X-Header-Name')];
}

/** `.`, `..` and names starting with `..` would change directories (`hasChDirPrefix`). */
function chDirPrefixErrors(value: string): ReadonlyArray<string> {
  if (value === '.') return ['must not be \'.\''];
  if (value === '..') return ['must not be \'..\''];
  if (value.startsWith('..')) return ['must not start with \'..\''];
  return NONE;
}

export function isEnvVarName(value: string): ReadonlyArray<string> {
  if (ENV_VAR_NAME.test(value) && value[0] !== '.') return NONE;
  const errs: string[] = [];
  if (!ENV_VAR_NAME.test(value)) errs.push(regexError(ENV_VAR_NAME_MSG, ENV_VAR_NAME_FMT, 'my.env-name', 'MY_ENV.NAME', 'MyEnvName1'));
  return errs.concat(chDirPrefixErrors(value));
}

export function isRelaxedEnvVarName(value: string): ReadonlyArray<string> {
  if (value.length > 0 && RELAXED_ENV_VAR_NAME.test(value)) return NONE;
  const errs: string[] = [];
  if (value.length === 0) errs.push('environment variable name must be non-empty');
  if (!RELAXED_ENV_VAR_NAME.test(value)) errs.push(RELAXED_ENV_VAR_NAME_MSG);
  return errs;
}

export function isConfigMapKey(value: string): ReadonlyArray<string> {
  if (value.length <= DNS1123_SUBDOMAIN_MAX && CONFIG_MAP_KEY.test(value) && value[0] !== '.') return NONE;
  const errs: string[] = [];
  if (value.length > DNS1123_SUBDOMAIN_MAX) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX));
  if (!CONFIG_MAP_KEY.test(value)) errs.push(regexError('a valid config key must consist of alphanumeric characters, \'-\', \'_\' or \'.\'', CONFIG_MAP_KEY_FMT, 'key.name', 'KEY_NAME', 'key-name'));
  return errs.concat(chDirPrefixErrors(value));
}

/** An IPv4 (dotted quad) or IPv6 address, as `netutils.ParseIPSloppy` reads one. */
export function isValidIP(value: string): boolean {
  const v4 = IPV4.exec(value);
  if (v4) return v4.slice(1).every((o) => Number(o) <= 255);
  if (!value.includes(':')) return false;
  // IPv6: at most one '::', groups of 1-4 hex digits, optionally an embedded IPv4 at the end.
  const halves = value.split('::');
  if (halves.length > 2) return false;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const all = halves.flatMap(groups);
  let count = all.length;
  const last = all[all.length - 1];
  if (last !== undefined && last.includes('.')) {
    if (!IPV4.test(last) || !isValidIP(last)) return false;
    all.pop();
    count += 1; // an IPv4 tail takes two groups
  }
  if (!all.every((g) => IPV6_GROUP.test(g))) return false;
  return halves.length === 2 ? count < 8 : count === 8;
}

export const INVALID_IP_MSG = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';
