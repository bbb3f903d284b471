/**
 * What a finding says about a field: the fixed vocabulary of the Kubernetes API server for what
 * it rejects (k8s.io/apimachinery/pkg/util/validation/field/errors.go, `ErrorType.String()`),
 * plus a few types of our own for what is legal but worth saying. A user who knows
 * `kubectl apply` errors reads ours the same way, and an advisory finding never borrows a
 * rejection type: a legal readinessProbe is not an "Invalid value".
 */
export enum ErrorType {
  // Rejections: the API server (or, for our own errors, the kubelet or a controller) refuses this.

  /** A required field is missing (`field.Required`). */
  REQUIRED = 'Required value',
  /** A value is malformed or out of range (`field.Invalid`). */
  INVALID = 'Invalid value',
  /** A field or value is not allowed here (`field.Forbidden`). */
  FORBIDDEN = 'Forbidden',
  /** A value that must be unique is repeated (`field.Duplicate`). */
  DUPLICATE = 'Duplicate value',
  /** A value names something that does not exist (`field.NotFound`). */
  NOT_FOUND = 'Not found',
  /** A value is not one of the supported values, which the detail lists (`field.NotSupported`). */
  NOT_SUPPORTED = 'Unsupported value',
  /** A list has too many items (`field.TooMany`). */
  TOO_MANY = 'Too many',
  /** A value is too long (`field.TooLong`). */
  TOO_LONG = 'Too long',
  /** The check itself failed; the value may be fine (`field.InternalError`). */
  INTERNAL = 'Internal error',

  // Advice: the API server accepts this; we say what it will do.

  /** Legal to leave out, but should be set for the pod to behave as intended (e.g. a sidecar without requests). */
  RECOMMENDED = 'Recommended value',
  /** A legal value with an effect that is easy to miss (e.g. a sidecar's readinessProbe gates Pod Ready). */
  NOT_RECOMMENDED = 'Not recommended',
  /** A legal value that has no effect here (e.g. Pod Ready in a Job). */
  NO_EFFECT = 'No effect',
  /** Accepted only where a feature gate is on; elsewhere the API server drops or refuses it. */
  FEATURE_GATED = 'Feature gated',
  /**
   * A warning the API server itself returns with a successful response (pkg/api/pod/warnings.go),
   * printed by kubectl as `Warning: <field>: <text>`; the detail is the API server's text.
   */
  API_WARNING = 'Warning',
  /** Declared, but the sidecar mode cannot keep it (e.g. start order once sidecars are regular containers). */
  NOT_KEPT = 'Not kept',
}

