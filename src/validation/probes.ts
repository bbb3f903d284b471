import * as defaults from './defaults';
import { FieldError, forbidden, invalid, notSupported, required, ValidationArea } from './field-error';
import { IS_NEGATIVE_MSG, isHTTPHeaderName, isValidPortName, isValidPortNum } from './names';
import { PodValidationOptions } from './pod-validation-options';
import { int, isInt, isSet, list, obj, str } from './wire';
import { GateState, POD_LIFECYCLE_SLEEP_ACTION } from '../engine/feature-gates';
import { FieldPath } from '../engine/field-path';

/** Handler kinds in validation.go's order (`validateHandler` checks them in this order). */
const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;
const LIFECYCLE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'] as const;
const ALL_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep'] as const;
const HTTP_SCHEMES = ['HTTP', 'HTTPS'];
const PROBE_NUMBERS = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const;

const HOOKS = ['postStart', 'preStop'] as const;

/** The probe fields of a container, in validation.go's order. */
export const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;

interface HandlerContext {
  readonly opts: PodValidationOptions;
  /** The pod's terminationGracePeriodSeconds after defaulting (undefined when unset and not defaulted). */
  readonly gracePeriod: unknown;
  readonly errs: FieldError[];
}

/** `ValidatePortNumOrName`: an int32 in 1..65535 or an IANA service name. The path is `handlerParent.<kind>.port`. */
function portErrors(port: unknown, handlerParent: FieldPath, kind: string, area: ValidationArea, what: string, errs: FieldError[]): void {
  if (typeof port === 'string') {
    for (const m of isValidPortName(port)) errs.push(invalid(handlerParent.child(kind, 'port'), port, m, area, { fix: `use a port number or the name of a port of this container for the ${what} ${kind}` }));
    return;
  }
  const n = int(port);
  for (const m of isValidPortNum(n)) errs.push(invalid(handlerParent.child(kind, 'port'), n, m, area, { fix: `set the ${what} ${kind} port to a number from 1 to 65535 or to a port name` }));
}

/**
 * `validateHandler`: exactly one handler kind (the second and later are Forbidden, none is
 * Required), then the chosen handler's own fields.
 */
function validateHandler(
  handler: Record<string, any>, kinds: ReadonlyArray<string>, path: FieldPath, area: ValidationArea, what: string, ctx: HandlerContext,
): void {
  let count = 0;
  for (const kind of ALL_HANDLERS) {
    if (!kinds.includes(kind) || !isSet(handler[kind])) continue;
    if (count > 0) {
      ctx.errs.push(forbidden(path.child(kind), 'may not specify more than 1 handler type', ValidationArea.HANDLER_COUNT,
        { fix: `keep exactly one of ${kinds.filter((k) => isSet(handler[k])).join(', ')} in the ${what}` }));
      continue;
    }
    count++;
    const action = obj(handler[kind]) ?? {};
    // The handler's paths are derived only for an error.
    switch (kind) {
      case 'exec':
        if (list(action.command).length === 0) ctx.errs.push(required(path.child(kind, 'command'), '', area, { fix: `give the ${what} a command to run` }));
        break;
      case 'httpGet': {
        if (defaults.httpGetPath(action, ctx.opts.applyDefaults) === '') ctx.errs.push(required(path.child(kind, 'path'), '', area));
        portErrors(action.port, path, kind, area, what, ctx.errs);
        const scheme = defaults.httpGetScheme(action, ctx.opts.applyDefaults);
        if (!HTTP_SCHEMES.includes(scheme as string)) ctx.errs.push(notSupported(path.child(kind, 'scheme'), scheme, HTTP_SCHEMES, area, { fix: 'use HTTP or HTTPS (upper case)' }));
        for (const header of list(action.httpHeaders)) {
          const name = str(obj(header)?.name);
          for (const m of typeof name === 'string' ? isHTTPHeaderName(name) : ['must be a string']) {
            ctx.errs.push(invalid(path.child(kind, 'httpHeaders'), name, m, area, { fix: 'use letters, digits and \'-\' in header names (no \':\' or \'_\')' }));
          }
        }
        break;
      }
      case 'tcpSocket':
        portErrors(action.port, path, kind, area, what, ctx.errs);
        break;
      case 'grpc': {
        // GRPCAction.port is an int32: a name is rejected by the decoder.
        const port = int(action.port);
        for (const m of isValidPortNum(port)) ctx.errs.push(invalid(path.child(kind, 'port'), port, m, area, { fix: 'set the gRPC port to a number from 1 to 65535' }));
        break;
      }
      case 'sleep':
        validateSleep(action, path.child(kind), ctx);
        break;
    }
  }
  if (count === 0) {
    ctx.errs.push(required(path, 'must specify a handler type', ValidationArea.HANDLER_COUNT, { fix: `add one of ${kinds.join(', ')} to the ${what}` }));
  }
}

/** `validateSleepAction`: 0 < seconds <= grace period (0 allowed with PodLifecycleSleepActionAllowZero). */
function validateSleep(action: Record<string, any>, path: FieldPath, ctx: HandlerContext): void {
  const seconds = int(action.seconds);
  if (!isInt(seconds)) {
    ctx.errs.push(invalid(path.child('seconds'), seconds, 'must be an integer', ValidationArea.LIFECYCLE));
    return;
  }
  const grace = ctx.gracePeriod;
  // A missing or invalid grace period is reported on the pod, not again here (as upstream).
  if (!isInt(grace)) return;
  if (ctx.opts.allowPodLifecycleSleepActionZeroValue) {
    if (seconds < 0 || seconds > grace) {
      ctx.errs.push(invalid(path, seconds, `must be non-negative and less than terminationGracePeriodSeconds (${grace})`, ValidationArea.LIFECYCLE,
        { fix: `sleep between 0 and ${grace} seconds, or raise terminationGracePeriodSeconds` }));
    }
  } else if (seconds <= 0 || seconds > grace) {
    ctx.errs.push(invalid(path, seconds, `must be greater than 0 and less than terminationGracePeriodSeconds (${grace}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`, ValidationArea.LIFECYCLE,
      { fix: `sleep between 1 and ${grace} seconds, or raise terminationGracePeriodSeconds` }));
  }
}

/**
 * `validateLivenessProbe` / `validateReadinessProbe` / `validateStartupProbe` and `validateProbe`:
 * one handler, non-negative numbers, a positive probe-level grace period (never on readiness),
 * successThreshold 1 for liveness and startup. Numbers are read after `SetDefaults_Probe`.
 */
export function validateProbe(
  kind: typeof PROBES[number], probeJson: unknown, path: FieldPath, opts: PodValidationOptions, gracePeriod: unknown, errs: FieldError[],
): void {
  const probe = obj(probeJson);
  if (!probe) return;
  const area = ValidationArea.PROBE;
  validateHandler(probe, PROBE_HANDLERS, path, area, kind, { opts, gracePeriod, errs });
  for (const field of PROBE_NUMBERS) {
    const v = defaults.probeField(probe, field, opts.applyDefaults);
    if (!isInt(v)) {
      errs.push(invalid(path.child(field), v, 'must be an integer', area, { fix: `set ${kind}.${field} to a whole number of ${field.endsWith('Seconds') ? 'seconds' : 'attempts'}` }));
    } else if (v < 0) {
      errs.push(invalid(path.child(field), v, IS_NEGATIVE_MSG, area, { fix: `set ${kind}.${field} to 0 or more (remove it for the default)` }));
    }
  }
  const tgps = probe.terminationGracePeriodSeconds;
  if (isSet(tgps) && (!isInt(tgps) || tgps <= 0)) {
    errs.push(invalid(path.child('terminationGracePeriodSeconds'), tgps, 'must be greater than 0', area, { fix: `set ${kind}.terminationGracePeriodSeconds to 1 or more, or remove it` }));
  }
  if (kind === 'readinessProbe') {
    if (isSet(tgps)) {
      errs.push(invalid(path.child('terminationGracePeriodSeconds'), tgps, 'must not be set for readinessProbes', area,
        { fix: 'remove readinessProbe.terminationGracePeriodSeconds: a failing readiness probe never kills the container' }));
    }
  } else {
    const success = defaults.probeField(probe, 'successThreshold', opts.applyDefaults);
    if (success !== 1) {
      errs.push(invalid(path.child('successThreshold'), success, 'must be 1', ValidationArea.PROBE_SUCCESS_THRESHOLD, { fix: `remove ${kind}.successThreshold or set it to 1` }));
    }
  }
}

/**
 * `validateLifecycle`: postStart and preStop handlers (exec, httpGet, tcpSocket or sleep). Where
 * the sleep action does not exist at the target version the API server drops the field, which
 * leaves a hook without a handler; behind its alpha gate the hook works only where the gate is on.
 */
export function validateLifecycle(
  lifecycleJson: unknown, path: FieldPath, opts: PodValidationOptions, gracePeriod: unknown, errs: FieldError[],
): void {
  const lifecycle = obj(lifecycleJson);
  if (!lifecycle) return;
  for (const hook of HOOKS) {
    const handler = obj(lifecycle[hook]);
    if (!handler) continue;
    const at = path.child(hook);
    if (isSet(handler.sleep) && opts.sleepAction !== GateState.ON) {
      sleepGateError(handler, at, opts, errs);
      if (opts.sleepAction === GateState.ABSENT) {
        // The field is dropped: what is left is validated; a hook that had only sleep is already reported.
        const rest: Record<string, any> = { ...handler, sleep: undefined };
        if (LIFECYCLE_HANDLERS.some((k) => isSet(rest[k]))) {
          validateHandler(rest, LIFECYCLE_HANDLERS, at, ValidationArea.LIFECYCLE, hook, { opts, gracePeriod, errs });
        }
        continue;
      }
    }
    validateHandler(handler, LIFECYCLE_HANDLERS, at, ValidationArea.LIFECYCLE, hook, { opts, gracePeriod, errs });
  }
}

function sleepGateError(handler: Record<string, any>, path: FieldPath, opts: PodValidationOptions, errs: FieldError[]): void {
  const g = POD_LIFECYCLE_SLEEP_ACTION;
  if (opts.sleepAction === GateState.ABSENT) {
    errs.push(forbidden(path.child('sleep'), `the sleep action does not exist before Kubernetes ${g.alpha}: the API server drops it`, ValidationArea.LIFECYCLE,
      { fix: `use exec: { command: ["sleep", "${int(obj(handler.sleep)?.seconds)}"] } or target Kubernetes ${g.onByDefault} or later` }));
  } else {
    errs.push(forbidden(path.child('sleep'), `requires the ${g.name} feature gate (alpha in ${g.alpha}, off by default)`, ValidationArea.LIFECYCLE,
      { gate: g.name, fix: `enable the ${g.name} feature gate, use an exec sleep, or target Kubernetes ${g.onByDefault} or later` }));
  }
}
