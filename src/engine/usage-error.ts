import { ErrorType } from './error-type';
import { findingMessage } from './finding-format';

/** One problem with an argument, found when it is given (construction time). */
export interface UsageProblem {
  /** The argument or field at fault, e.g. `targetVersion` or `spec.initContainers[].name`; `''` for the subject itself. */
  readonly field: string;
  readonly type: ErrorType;
  /** The bad value; `undefined` prints none. */
  readonly value?: unknown;
  readonly detail: string;
  readonly fix: string;
}

/**
 * The one grammar of errors thrown at construction time, the counterpart of findings:
 * `[construct path] subject: field: Type: value: detail. Fix: hint`, one line per problem, all
 * problems at once. `where` is the construct path (omitted for objects that are not constructs,
 * e.g. a `ProxySidecar` being configured); `subject` names what was called or configured.
 */
export function usageError(where: string | undefined, subject: string, problems: UsageProblem | ReadonlyArray<UsageProblem>): Error {
  const list = Array.isArray(problems) ? problems as ReadonlyArray<UsageProblem> : [problems as UsageProblem];
  const prefix = `${where === undefined ? '' : `[${where === '' ? '(app)' : where}] `}${subject}: `;
  return new Error(list.map((p) => `${prefix}${p.field === '' ? '' : `${p.field}: `}${findingMessage(p.type, p.value, p.detail)}. Fix: ${p.fix}`).join('\n'));
}
