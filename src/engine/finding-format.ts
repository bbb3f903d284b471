import { ErrorType } from './error-type';
import { FieldPath } from './field-path';
import { Finding } from './finding';
import { Severity } from './severity';

/** What a finding is made of; `makeFinding` derives the message. */
export interface FindingParts {
  readonly type: ErrorType;
  readonly path: FieldPath | string;
  /** The bad value; `undefined` prints none. */
  readonly value?: unknown;
  readonly detail: string;
  readonly fix: string;
}

/**
 * The one way a finding is made, by rules and pipeline stages alike: the message is derived here
 * from the parts, so what is printed and what `--format json` carries never disagree.
 */
export function makeFinding(ruleId: string, severity: Severity, parts: FindingParts): Finding {
  const f: { -readonly [K in keyof Finding]: Finding[K] } = {
    ruleId,
    severity,
    type: parts.type,
    path: typeof parts.path === 'string' ? parts.path : parts.path.toString(),
    detail: parts.detail,
    message: findingMessage(parts.type, parts.value, parts.detail),
    fix: parts.fix,
  };
  if (parts.value !== undefined) f.value = parts.value;
  return f;
}

/**
 * Types whose message shows the bad value when there is one. Like `field.Error.ErrorBody()`,
 * Required, Forbidden, Too long and Internal error never print it (the path says where).
 */
const SHOWS_VALUE: ReadonlySet<ErrorType> = new Set([
  ErrorType.INVALID, ErrorType.DUPLICATE, ErrorType.NOT_FOUND, ErrorType.NOT_SUPPORTED, ErrorType.TOO_MANY,
  ErrorType.RECOMMENDED, ErrorType.NOT_RECOMMENDED, ErrorType.NO_EFFECT, ErrorType.FEATURE_GATED, ErrorType.NOT_KEPT,
]);

/** `Type: value: detail`, each part only when there is one. */
export function findingMessage(type: ErrorType, value: unknown, detail: string): string {
  let s: string = type;
  if (value !== undefined && SHOWS_VALUE.has(type)) s += `: ${formatValue(value)}`;
  if (detail !== '') s += `: ${detail}`;
  return s;
}

/** A bad value as the API server prints it: strings quoted (Go's `%q`), everything else as JSON. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A rule's general fix (a sentence) as a finding's hint: a clause, since the grammar adds "Fix: ". */
export function hintOf(fix: string): string {
  const f = fix.endsWith('.') ? fix.slice(0, -1) : fix;
  return /^[A-Z][a-z]/.test(f) ? f[0].toLowerCase() + f.slice(1) : f;
}

/** The one message grammar: `RULE-ID field.path: Type: value: detail. Fix: hint`. */
export function formatFinding(f: Finding): string {
  const where = f.path === '' ? '' : ` ${f.path}:`;
  const detail = f.message.endsWith('.') ? f.message.slice(0, -1) : f.message;
  return `${f.ruleId}${where} ${detail}. Fix: ${f.fix}`;
}

/** Orders severities from most to least serious (error < warning < info). */
export function severityRank(s: Severity): number {
  switch (s) {
    case Severity.ERROR: return 0;
    case Severity.WARNING: return 1;
    default: return 2;
  }
}
