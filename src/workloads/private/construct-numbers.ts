import { IConstruct } from 'constructs';
import { ErrorType } from '../../engine/error-type';

/**
 * Numbers that reach a manifest through the constructs, checked where they enter: plain
 * JavaScript can pass anything (NaN, Infinity, -1, 1.5, "3"), and cdk8s-plus passes most of it
 * through: a port of NaN or 0 is dropped silently (`if (this.portNumber)`), 65536, -1 and 1.5
 * are written as given and rejected by the API server, `replicas: "3"` is written as a string.
 * Each check follows the API server's own limits (pkg/apis/core/validation/validation.go:
 * `ValidatePortNumOrName`, `validateProbe`, `ValidateNonnegativeField`; int32 fields).
 *
 * Pure functions over props and cdk8s-plus objects, plus one `assertNumbers` that throws once
 * with every problem in the construct error grammar
 * `[construct path] subject: field: Type: detail. Fix: hint`.
 */

/** One number a construct would write and the API server would reject, or that JavaScript let through. */
export interface NumberProblem {
  /** Field as the user wrote it, e.g. `replicas`, `ports[1].number`, `readiness.periodSeconds`. */
  readonly field: string;
  /** The value, printed for the message (`NaN`, `"3"`, `1.5s`). */
  readonly value: string;
  readonly detail: string;
  readonly fix: string;
}

/** The largest value of an int32 field (replicas, thresholds, seconds). */
const INT32_MAX = 2147483647;

interface WholeNumberRule {
  readonly min: number;
  readonly max: number;
  /** What the number means, for the detail: `a port number`, `a count`. */
  readonly what: string;
  /** An example of a good value for the fix. */
  readonly example: number;
}

const PORT: WholeNumberRule = { min: 1, max: 65535, what: 'a port number', example: 8080 };
const HOST_PORT: WholeNumberRule = { min: 0, max: 65535, what: 'a host port (0 for none)', example: 8080 };
const COUNT: WholeNumberRule = { min: 0, max: INT32_MAX, what: 'a count', example: 3 };

/** Prints a value the way the user wrote it in JavaScript. */
function show(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null) return 'null';
  if (isDuration(value)) {
    const ms = value.toMilliseconds({ integral: false });
    return `${Number.isFinite(ms) ? ms / 1000 : String(ms)}s`;
  }
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : String(value);
}

/** A problem with one whole-number field, or `undefined` when it is fine (absent counts as fine). */
export function wholeNumberProblem(field: string, value: unknown, rule: WholeNumberRule): NumberProblem | undefined {
  if (value === undefined) return undefined;
  const problem = (detail: string, fix: string): NumberProblem => ({ field, value: show(value), detail, fix });
  const range = `${rule.what} from ${rule.min} to ${rule.max}`;
  if (typeof value !== 'number') {
    const parsed = typeof value === 'string' && /^-?[0-9]+$/.test(value.trim()) ? Number(value) : undefined;
    return problem(`must be ${range}, got ${typeof value === 'string' ? 'a string' : show(value)}`,
      parsed !== undefined && parsed >= rule.min && parsed <= rule.max ? `pass the number itself: ${field}: ${parsed}` : `pass a number, e.g. ${field}: ${rule.example}`);
  }
  if (Number.isNaN(value)) return problem(`must be ${range}, got NaN (a failed conversion?)`, `pass a number, e.g. ${field}: ${rule.example}`);
  if (!Number.isFinite(value)) return problem(`must be ${range}`, `pass a finite number, e.g. ${field}: ${rule.example}`);
  if (!Number.isInteger(value)) return problem(`must be a whole number (${range})`, `round it, e.g. ${field}: ${Math.min(Math.max(Math.round(value), rule.min), rule.max)}`);
  if (value < rule.min || value > rule.max) return problem(`must be ${range}`, `pass a value in that range, e.g. ${field}: ${rule.example}`);
  return undefined;
}

/** A cdk8s `Duration`, recognised by shape (an install may hold two copies of cdk8s). */
function isDuration(value: unknown): value is { toMilliseconds(opts?: { integral?: boolean }): number } {
  return typeof value === 'object' && value !== null && typeof (value as any).toMilliseconds === 'function' && typeof (value as any).toSeconds === 'function';
}

/**
 * A problem with a Duration written as whole seconds (probe timings, grace periods, deadlines):
 * a Duration, finite, of whole seconds, at least `minSeconds`.
 */
export function durationSecondsProblem(field: string, value: unknown, minSeconds: number): NumberProblem | undefined {
  if (value === undefined) return undefined;
  const problem = (detail: string, fix: string): NumberProblem => ({ field, value: show(value), detail, fix });
  if (!isDuration(value)) {
    return problem('must be a Duration', typeof value === 'number' && Number.isInteger(value) && value >= minSeconds
      ? `wrap it: ${field}: Duration.seconds(${value})`
      : `pass a Duration, e.g. ${field}: Duration.seconds(${Math.max(minSeconds, 5)})`);
  }
  const ms = value.toMilliseconds({ integral: false });
  if (!Number.isFinite(ms)) return problem('must be a finite number of seconds', `pass e.g. ${field}: Duration.seconds(${Math.max(minSeconds, 5)})`);
  if (ms % 1000 !== 0) return problem('must be whole seconds (the field is an integer number of seconds)', `round it, e.g. ${field}: Duration.seconds(${Math.max(minSeconds, Math.round(ms / 1000))})`);
  const seconds = ms / 1000;
  if (seconds < minSeconds) return problem(`must be at least ${minSeconds} second${minSeconds === 1 ? '' : 's'}`, `pass e.g. ${field}: Duration.seconds(${Math.max(minSeconds, 5)})`);
  if (seconds > INT32_MAX) return problem(`must be at most ${INT32_MAX} seconds`, `pass a shorter Duration for ${field}`);
  return undefined;
}

/** The port of a cdk8s-plus probe or lifecycle handler (httpGet or tcpSocket), when it sets one. */
function handlerPortProblems(field: string, handler: any): NumberProblem[] {
  if (typeof handler !== 'object' || handler === null) return [];
  const out: NumberProblem[] = [];
  for (const [kind, options] of [['tcpSocket', handler.tcpSocketOptions], ['httpGet', handler.httpGetOptions]] as const) {
    if (typeof options === 'object' && options !== null) push(out, wholeNumberProblem(`${field}.${kind}.port`, options.port, PORT));
  }
  return out;
}

/**
 * A cdk8s-plus `Probe`: thresholds are counts (0 means the API server's default), timings whole
 * seconds (0 means its default), its port a port number (validation.go `validateProbe`,
 * defaults.go `SetDefaults_Probe`).
 */
function probeProblems(field: string, probe: any): NumberProblem[] {
  if (typeof probe !== 'object' || probe === null) return [];
  const options = typeof probe.probeOptions === 'object' && probe.probeOptions !== null ? probe.probeOptions : {};
  const out: NumberProblem[] = [];
  push(out, wholeNumberProblem(`${field}.failureThreshold`, options.failureThreshold, COUNT));
  push(out, wholeNumberProblem(`${field}.successThreshold`, options.successThreshold, COUNT));
  for (const timing of ['initialDelaySeconds', 'periodSeconds', 'timeoutSeconds']) push(out, durationSecondsProblem(`${field}.${timing}`, options[timing], 0));
  out.push(...handlerPortProblems(field, probe));
  return out;
}

function push(into: NumberProblem[], p: NumberProblem | undefined): void {
  if (p) into.push(p);
}

/** The numbers of one container as cdk8s-plus holds them, from props or from a `kplus.Container`. */
interface ContainerNumbers {
  readonly portNumber?: unknown;
  readonly port?: unknown;
  readonly ports?: unknown;
  readonly probes: ReadonlyArray<readonly [string, unknown]>;
  readonly lifecycle?: unknown;
  readonly shutdownTime?: unknown;
}

function containerNumbersProblems(c: ContainerNumbers, prefix: string): NumberProblem[] {
  const out: NumberProblem[] = [];
  push(out, wholeNumberProblem(`${prefix}portNumber`, c.portNumber, PORT));
  push(out, wholeNumberProblem(`${prefix}port`, c.port, PORT));
  if (Array.isArray(c.ports)) {
    c.ports.forEach((p: any, i: number) => {
      if (typeof p !== 'object' || p === null) return;
      push(out, wholeNumberProblem(`${prefix}ports[${i}].number`, p.number, PORT));
      push(out, wholeNumberProblem(`${prefix}ports[${i}].hostPort`, p.hostPort, HOST_PORT));
    });
  }
  for (const [name, probe] of c.probes) out.push(...probeProblems(`${prefix}${name}`, probe));
  const lifecycle: any = c.lifecycle;
  if (typeof lifecycle === 'object' && lifecycle !== null) {
    for (const hook of ['postStart', 'preStop']) out.push(...handlerPortProblems(`${prefix}lifecycle.${hook}`, lifecycle[hook]));
  }
  push(out, durationSecondsProblem(`${prefix}shutdownTime`, c.shutdownTime, 0));
  return out;
}

/** Problems in the props of `addContainer`, `addSidecar` or `addInitStep` (field names as in the props). */
export function containerPropsProblems(props: any, prefix = ''): NumberProblem[] {
  if (typeof props !== 'object' || props === null) return [];
  return containerNumbersProblems({
    portNumber: props.portNumber,
    port: props.port,
    ports: props.ports,
    probes: [['startup', props.startup], ['liveness', props.liveness], ['readiness', props.readiness]],
    lifecycle: props.lifecycle,
    shutdownTime: props.shutdownTime,
  }, prefix);
}

/**
 * Problems in a `kplus.Container` as it stands (for containers added with cdk8s-plus's own
 * `addContainer` after construction, checked at synth). Reads cdk8s-plus's fields: the props it
 * keeps (`portNumber`, `ports`) and the probes and hooks it stores as given.
 */
export function containerObjectProblems(container: any): NumberProblem[] {
  if (typeof container !== 'object' || container === null) return [];
  return containerNumbersProblems({
    portNumber: container.portNumber,
    ports: container.ports,
    probes: [['startup', container._startup], ['liveness', container._liveness], ['readiness', container._readiness]],
    lifecycle: container._lifecycle,
  }, '');
}

/** Problems in the props of a Sidecar* workload (any kind: the fields a kind does not have are absent). */
export function workloadPropsProblems(props: any): NumberProblem[] {
  if (typeof props !== 'object' || props === null) return [];
  const out: NumberProblem[] = [];
  for (const field of ['replicas', 'backoffLimit', 'successfulJobsRetained', 'failedJobsRetained', 'minReadySeconds']) {
    push(out, wholeNumberProblem(field, props[field], COUNT));
  }
  // The pod's grace period may be 0 (kill at once); deadlines and minimums are whole seconds.
  for (const field of ['terminationGracePeriod', 'activeDeadline', 'ttlAfterFinished', 'minReady', 'progressDeadline', 'startingDeadline']) {
    push(out, durationSecondsProblem(field, props[field], 0));
  }
  for (const list of ['containers', 'initContainers']) {
    if (Array.isArray(props[list])) props[list].forEach((c: any, i: number) => out.push(...containerPropsProblems(c, `${list}[${i}].`)));
  }
  return out;
}

/** One problem in the grammar `subject: field: Invalid value: value: detail. Fix: hint` (no construct path). */
export function formatNumberProblem(subject: string, p: NumberProblem): string {
  return `${subject}: ${p.field}: ${ErrorType.INVALID}: ${p.value}: ${p.detail}. Fix: ${p.fix}`;
}

/**
 * Synth-time errors for the containers of a workload as they stand, so that containers added with
 * cdk8s-plus's own `addContainer` (which we do not override) are checked too; the construct path
 * is added by cdk8s's validation.
 */
export function containerObjectErrors(host: { readonly containers: ReadonlyArray<any>; readonly initContainers: ReadonlyArray<any> }): string[] {
  return [...host.initContainers, ...host.containers].flatMap((c) => containerObjectProblems(c).map((p) => formatNumberProblem(`container "${c.name}"`, p)));
}

/**
 * Throws once, listing every problem in the construct error grammar, when there is any:
 * `[construct path] subject: field: Invalid value: value: detail. Fix: hint`.
 */
export function assertNumbers(scope: IConstruct, subject: string, problems: NumberProblem[]): void {
  if (problems.length === 0) return;
  throw new Error(problems.map((p) => `[${scope.node.path}] ${formatNumberProblem(subject, p)}`).join('\n'));
}
