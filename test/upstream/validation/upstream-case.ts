import { PodValidationOptions } from '../../../src/validation/pod-validation-options';

/**
 * Cases of kubernetes/kubernetes `pkg/apis/core/validation/validation_test.go` at one commit,
 * ported as data. Upstream builds Go structs of the internal API and calls one validation
 * function; here each input is written in wire format (JSON as in YAML) and placed in an
 * otherwise valid pod, which is validated whole, so every error the pod produces is an error of
 * the unit under test.
 *
 * Go's zero values are kept: an absent field is "" or 0, and the runner validates WITHOUT the API
 * server's defaulting and with `PodValidationOptions{}` unless a case sets options, because that
 * is what the Go tests do. (Defaulting has its own tests: test/validation/defaults.test.ts.)
 */
export const UPSTREAM_REPO = 'kubernetes/kubernetes';
export const UPSTREAM_COMMIT = 'b1ce15c54586daabffbc79d6ef36feabbf5a0875';
export const UPSTREAM_FILE = 'pkg/apis/core/validation/validation_test.go';

/** One expected error: type, field path (rooted at the Pod), and the detail when upstream checks it. */
export interface Expected {
  readonly type: string;
  readonly field: string;
  /** Compared as a substring of our detail (upstream tests use strings.Contains). */
  readonly detail?: string;
}

export interface UpstreamCase {
  /** Upstream test function, e.g. `TestValidateContainers`. */
  readonly test: string;
  /** Upstream case title (or a description of an unnamed entry). */
  readonly name: string;
  /** The pod spec (wire format). */
  readonly spec: Record<string, any>;
  /** Options as the Go test sets them (merged over `PodValidationOptions{}`). */
  readonly options?: Partial<PodValidationOptions>;
  /**
   * The exact errors, in order (`[]` for a success case), where upstream compares the whole
   * list or the case is a success.
   */
  readonly errors?: ReadonlyArray<Expected>;
  /**
   * Errors that must be among ours, where upstream only asserts that validation fails (or checks
   * a substring of every error): we name the error validation.go raises for the input.
   */
  readonly includes?: ReadonlyArray<Expected>;
  /** Why the translation differs from a literal one, when it does. */
  readonly note?: string;
}

/** An in-scope upstream case that is not ported, with the reason (listed in docs/validation.md). */
export interface SkippedCase {
  readonly test: string;
  readonly name: string;
  readonly reason: string;
}

export const REQUIRED = 'Required value';
export const INVALID = 'Invalid value';
export const FORBIDDEN = 'Forbidden';
export const DUPLICATE = 'Duplicate value';
export const NOT_FOUND = 'Not found';
export const NOT_SUPPORTED = 'Unsupported value';

export const e = (type: string, field: string, detail?: string): Expected => (detail === undefined ? { type, field } : { type, field, detail });

/** A container as the Go tests write them: name, image, IfNotPresent, File. */
export const ctr = (extra: Record<string, any> = {}): Record<string, any> => ({
  name: 'ctr', image: 'image', imagePullPolicy: 'IfNotPresent', terminationMessagePolicy: 'File', ...extra,
});

/** A valid pod spec (podtest.MakePod: one container, Always, ClusterFirst, 30 s), with `extra` over it. */
export const podSpec = (extra: Record<string, any> = {}): Record<string, any> => ({
  restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', terminationGracePeriodSeconds: 30, containers: [ctr()], ...extra,
});

/** A pod whose one container gets `extra`. */
export const withCtr = (extra: Record<string, any>, specExtra: Record<string, any> = {}) => podSpec({ containers: [ctr(extra)], ...specExtra });

/** The path of the one container. */
export const C0 = 'spec.containers[0]';
