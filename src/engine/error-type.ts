/**
 * The fixed vocabulary of error types of the Kubernetes API server
 * (k8s.io/apimachinery/pkg/util/validation/field/errors.go, `ErrorType.String()`).
 * Findings start their message with one of these, so a user who knows `kubectl apply`
 * errors reads ours the same way.
 */
export enum ErrorType {
  REQUIRED = 'Required value',
  INVALID = 'Invalid value',
  FORBIDDEN = 'Forbidden',
  DUPLICATE = 'Duplicate value',
  NOT_FOUND = 'Not found',
  NOT_SUPPORTED = 'Unsupported value',
  TOO_MANY = 'Too many',
  TOO_LONG = 'Too long',
}
