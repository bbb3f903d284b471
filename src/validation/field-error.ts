import { ErrorType } from '../engine/error-type';
import { FieldPath } from '../engine/field-path';

/**
 * What part of the API server's validation an error comes from. Each area is exposed by exactly
 * one rule (`src/rules/private/api-validation.ts` holds the table), so a field error is reported
 * once, under one id.
 */
export enum ValidationArea {
  /** Container name required and a DNS-1123 label. */
  CONTAINER_NAME = 'container-name',
  /** Container names unique across app, init and ephemeral containers. */
  CONTAINER_NAME_UNIQUE = 'container-name-unique',
  /** restartPolicy (and restartPolicyRules) of an init container. */
  INIT_RESTART_POLICY = 'init-restart-policy',
  /** restartPolicy (and restartPolicyRules) of an app container. */
  APP_RESTART_POLICY = 'app-restart-policy',
  /** Probes and lifecycle on a regular init container. */
  INIT_FORBIDDEN_FIELD = 'init-forbidden-field',
  /** successThreshold of liveness and startup probes. */
  PROBE_SUCCESS_THRESHOLD = 'probe-success-threshold',
  /** Exactly one handler in a probe or lifecycle hook. */
  HANDLER_COUNT = 'handler-count',
  /** A volumeMount's name: required, and the name of a volume of the pod. */
  VOLUME_MOUNT_NAME = 'volume-mount-name',
  /** Resource names and quantities, requests against limits, pod-level resources. */
  RESOURCES = 'resources',
  /** The Pod restartPolicy: its value and what the workload kind accepts. */
  POD_RESTART_POLICY = 'pod-restart-policy',
  /** Two ports of one container with the same name. */
  PORT_NAME_DUPLICATE = 'port-name-duplicate',
  /** hostPort/protocol/hostIP clashes (`checkHostPortConflicts`). */
  HOST_PORT = 'host-port',
  /** Every other container field: image, pull policy, ports, env, envFrom, mounts, devices, ... */
  CONTAINER = 'container',
  /** Probe numbers and handler fields. */
  PROBE = 'probe',
  /** postStart/preStop handler fields and the sleep action. */
  LIFECYCLE = 'lifecycle',
  /** Pod spec fields: containers present, dnsPolicy, grace period, volumes, names, ... */
  POD_SPEC = 'pod-spec',
  /** Fields of the workload around the pod template: replicas, selector, strategy, ... */
  WORKLOAD = 'workload',
  /** The apiVersion of the object at the target version. */
  API_VERSION = 'api-version',
}

/**
 * One validation error, as apimachinery's `field.Error` (pkg/util/validation/field/errors.go):
 * a type from the fixed vocabulary, the field path, the bad value and a detail. The printed
 * message is derived (`errorBody`), never parsed back.
 */
export interface FieldError {
  readonly type: ErrorType;
  readonly field: FieldPath;
  /** The bad value; `OMIT` when the API server prints none (Required, Forbidden, ...). */
  readonly badValue: unknown;
  readonly detail: string;
  readonly area: ValidationArea;
  /**
   * Set when the API server accepts the value only where a feature gate that is off by default
   * at the target version is switched on: the gate's name. Such errors are reported as warnings.
   */
  readonly gate?: string;
  /** A precise fix, when the error knows one; otherwise the rule's general hint applies. */
  readonly fix?: string;
}

/** A warning the API server returns with a successful response (pkg/api/pod/warnings.go). */
export interface ApiWarning {
  readonly field: FieldPath;
  /** The text after `<field path>: `, as the API server writes it. */
  readonly message: string;
  /** True for the port-definition warnings (duplicate, overlapping, ambiguous ports). */
  readonly port: boolean;
  readonly fix: string;
}

/** The bad value of errors whose message shows none. */
export const OMIT: unique symbol = Symbol('omit value');

type Extra = Pick<FieldError, 'gate' | 'fix'>;

export function required(field: FieldPath, detail: string, area: ValidationArea, extra?: Extra): FieldError {
  return { type: ErrorType.REQUIRED, field, badValue: OMIT, detail, area, ...extra };
}

export function invalid(field: FieldPath, badValue: unknown, detail: string, area: ValidationArea, extra?: Extra): FieldError {
  return { type: ErrorType.INVALID, field, badValue, detail, area, ...extra };
}

export function forbidden(field: FieldPath, detail: string, area: ValidationArea, extra?: Extra): FieldError {
  return { type: ErrorType.FORBIDDEN, field, badValue: OMIT, detail, area, ...extra };
}

export function duplicate(field: FieldPath, badValue: unknown, area: ValidationArea, extra?: Extra & { detail?: string }): FieldError {
  return { type: ErrorType.DUPLICATE, field, badValue, detail: extra?.detail ?? '', area, gate: extra?.gate, fix: extra?.fix };
}

export function notFound(field: FieldPath, badValue: unknown, area: ValidationArea, extra?: Extra & { detail?: string }): FieldError {
  return { type: ErrorType.NOT_FOUND, field, badValue, detail: extra?.detail ?? '', area, gate: extra?.gate, fix: extra?.fix };
}

/** `Unsupported value: "x": supported values: "a", "b"` (the list in the order given). */
export function notSupported(field: FieldPath, badValue: unknown, supported: ReadonlyArray<string>, area: ValidationArea, extra?: Extra): FieldError {
  const detail = supported.length === 0 ? '' : `supported values: ${supported.map((v) => JSON.stringify(v)).join(', ')}`;
  return { type: ErrorType.NOT_SUPPORTED, field, badValue, detail, area, ...extra };
}

export function tooMany(field: FieldPath, actual: number, max: number, area: ValidationArea, extra?: Extra): FieldError {
  return { type: ErrorType.TOO_MANY, field, badValue: actual, detail: `must have at most ${max} items`, area, ...extra };
}

export function tooLong(field: FieldPath, max: number, area: ValidationArea, extra?: Extra): FieldError {
  return { type: ErrorType.TOO_LONG, field, badValue: OMIT, detail: `may not be more than ${max} bytes`, area, ...extra };
}

/**
 * The message after the field path, as apimachinery's `Error.ErrorBody()`: the type, the bad
 * value unless the type prints none (Required, Forbidden, Too long), then the detail.
 */
export function errorBody(e: FieldError): string {
  let s: string = e.type;
  const printsValue = e.badValue !== OMIT && e.type !== ErrorType.REQUIRED && e.type !== ErrorType.FORBIDDEN && e.type !== ErrorType.TOO_LONG;
  if (printsValue) s += `: ${printValue(e.badValue)}`;
  if (e.detail !== '') s += `: ${e.detail}`;
  return s;
}

/** Strings quoted (Go's %q), numbers and booleans bare, anything else as JSON. */
export function printValue(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v === undefined) return 'null';
  return JSON.stringify(v);
}
