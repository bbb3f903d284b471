import { ErrorType } from './error-type';

/** The advisory types: what `advise()` helpers take, so that advice never borrows a rejection type. */
export type AdviceType =
  | ErrorType.RECOMMENDED | ErrorType.NOT_RECOMMENDED | ErrorType.NO_EFFECT | ErrorType.FEATURE_GATED | ErrorType.NOT_KEPT
  | ErrorType.API_WARNING;

/** The API server's rejection types (and `Internal error`), as opposed to advice. */
const REJECTIONS: ReadonlySet<ErrorType> = new Set([
  ErrorType.REQUIRED, ErrorType.INVALID, ErrorType.FORBIDDEN, ErrorType.DUPLICATE, ErrorType.NOT_FOUND,
  ErrorType.NOT_SUPPORTED, ErrorType.TOO_MANY, ErrorType.TOO_LONG, ErrorType.INTERNAL,
]);

/** True for the types that mean "rejected" (the apimachinery vocabulary); false for advice. */
export function isRejection(type: ErrorType): boolean {
  return REJECTIONS.has(type);
}
