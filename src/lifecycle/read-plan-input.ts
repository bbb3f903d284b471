import { legacySidecarsOf } from './legacy-sidecars';
import { preStopOf } from './plan-shutdown';
import { postStartHoldOf } from './post-start-hook';
import { Annotations, readNumberMap, readRelation } from '../engine/annotations';
import { ContainerRole } from '../engine/container-role';
import { ErrorType } from '../engine/error-type';
import { FieldPath } from '../engine/field-path';
import { formatValue } from '../engine/finding-format';
import { podContainers } from '../engine/pod-containers';
import { DEFAULT_TERMINATION_GRACE_SECONDS } from '../engine/pod-defaults';
import { PodManifest } from '../engine/pod-manifest';
import { isObject } from '../engine/wire-types';

/**
 * The facts of one container that its lifecycle depends on, read and checked once so the
 * planners never meet a malformed field. Internal.
 */
export interface PlannedContainer {
  readonly name: string;
  readonly role: ContainerRole;
  readonly path: string;
  readonly hasStartupProbe: boolean;
  readonly hasPostStart: boolean;
  /**
   * Seconds the postStart hook takes at least, when the manifest says: `sleep.seconds` of a sleep
   * action, or the leading `sleep N` of an exec hook (argo-cd's sentinel: `sleep 30; redis-cli ...`).
   */
  readonly postStartSeconds?: number;
  /**
   * Why this container never exits on its own, when it does not: a legacy sidecar (a long-running
   * regular container of a run-to-completion pod) that nothing stops, or, before 1.28, a sidecar
   * the API server turned into a regular init container.
   */
  readonly neverExits?: string;
  /** For a legacy sidecar the app stops through a shutdown protocol: who stops it and how. */
  readonly stoppedBy?: string;
  readonly hasReadinessProbe: boolean;
  readonly hasLivenessProbe: boolean;
  /** `sleep`, `exec`, `httpGet`, `tcpSocket` or undefined when there is no preStop hook. */
  readonly preStopKind?: string;
  /** Declared preStop duration: `sleep.seconds`, or N of an exec hook that runs `sleep N`; 0 for the other handlers (`preStopOf`). */
  readonly preStopSeconds: number;
  /** From the `shutdown-seconds` annotation. */
  readonly shutdownSeconds: number;
}

export interface PlanInput {
  readonly kind: string;
  readonly name: string;
  /** The pod's restartPolicy as the API server defaults it. */
  readonly restartPolicy: string;
  /** Pods whose restartPolicy is Never or OnFailure (what a Job or CronJob requires). */
  readonly runsToCompletion: boolean;
  /** Jobs and CronJobs. */
  readonly isJob: boolean;
  readonly gracePeriodSeconds: number;
  readonly graceDefaulted: boolean;
  /** Init containers in declaration order, then app containers. */
  readonly containers: PlannedContainer[];
  /** container -> sidecars it needs ready (annotation `needs-ready`). */
  readonly needsReady: Record<string, string[]>;
}

/**
 * Finds the pod in `manifestOrPodSpec` and reads what the plan needs, collecting every problem
 * and throwing once, so a user fixes them all in one round.
 */
export function readPlanInput(manifestOrPodSpec: unknown): PlanInput {
  const pod = findPod(manifestOrPodSpec);
  const problems: string[] = [];
  const problem = (path: FieldPath | string, type: ErrorType, detail: string, fix: string) => {
    const where = String(path);
    problems.push(`${where === '' ? '' : `${where}: `}${type}: ${detail}. Fix: ${fix}`);
  };

  const spec = pod.podSpec;
  const specPath = pod.podSpecPath;
  const annotationsPath = pod.podMetadataPath.child('annotations');

  for (const list of ['initContainers', 'containers']) {
    const v = spec[list];
    if (v !== undefined && !Array.isArray(v)) {
      problem(specPath.child(list), ErrorType.INVALID, `${JSON.stringify(v)}: must be a list of containers`, `write ${list} as a YAML list`);
    }
  }
  const all = podContainers(spec, specPath);
  if (!all.some((c) => c.role === ContainerRole.APP)) {
    problem(specPath.child('containers'), ErrorType.REQUIRED, 'a pod needs at least one app container', 'add a container under containers');
  }

  const gp = spec.terminationGracePeriodSeconds;
  const graceDefaulted = gp === undefined || gp === null;
  if (!graceDefaulted && !(typeof gp === 'number' && Number.isInteger(gp) && gp >= 0)) {
    problem(specPath.child('terminationGracePeriodSeconds'), ErrorType.INVALID, `${JSON.stringify(gp)}: must be a non-negative whole number of seconds`, 'set it to an integer such as 30, or remove it to get the default of 30');
  }

  const seen = new Set<string>();
  for (const c of all) {
    if (c.name === '') {
      problem(c.path.child('name'), ErrorType.REQUIRED, 'every container needs a name', 'give the container a unique name');
    } else if (seen.has(c.name)) {
      problem(c.path.child('name'), ErrorType.DUPLICATE, JSON.stringify(c.name), 'give every container (init and app) a unique name');
    }
    seen.add(c.name);
    const rp = c.container.restartPolicy;
    if (c.role === ContainerRole.REGULAR_INIT && rp !== undefined && rp !== null) {
      problem(c.path.child('restartPolicy'), ErrorType.NOT_SUPPORTED, `${JSON.stringify(rp)}: supported values: "Always"`, 'set restartPolicy: Always to make it a sidecar, or remove the field for a regular init container');
    }
  }

  const annotations = isObject(pod.podMetadata.annotations) ? pod.podMetadata.annotations : undefined;
  const shutdownRead = readNumberMap(annotations, Annotations.SHUTDOWN_SECONDS);
  if (shutdownRead.problem) {
    problem(annotationsPath.key(Annotations.SHUTDOWN_SECONDS), ErrorType.INVALID, `${formatValue(annotations?.[Annotations.SHUTDOWN_SECONDS])}: ${shutdownRead.problem}`, 'write a JSON object such as {"proxy": 5}');
  }
  for (const name of Object.keys(shutdownRead.values)) {
    if (!seen.has(name)) {
      problem(annotationsPath.key(Annotations.SHUTDOWN_SECONDS), ErrorType.NOT_FOUND, `${JSON.stringify(name)} names no container of this pod`, `use one of ${quoteList([...seen].filter((x) => x !== ''))}`);
    }
  }
  const needsRead = readRelation(annotations, Annotations.NEEDS_READY);
  if (needsRead.problem) {
    problem(annotationsPath.key(Annotations.NEEDS_READY), ErrorType.INVALID, `${formatValue(annotations?.[Annotations.NEEDS_READY])}: ${needsRead.problem}`, 'write a JSON object such as {"app": ["proxy"]}');
  }
  for (const [name, targets] of Object.entries(needsRead.relation)) {
    for (const n of [name, ...targets]) {
      if (!seen.has(n)) {
        problem(annotationsPath.key(Annotations.NEEDS_READY), ErrorType.NOT_FOUND, `${JSON.stringify(n)} names no container of this pod`, `use one of ${quoteList([...seen].filter((x) => x !== ''))}`);
      }
    }
  }

  const legacy = new Map(legacySidecarsOf(pod).map((l) => [l.name, l]));
  const containers: PlannedContainer[] = [];
  for (const c of all) {
    const l = legacy.get(c.name);
    const lifecycle: Record<string, unknown> = isObject(c.container.lifecycle) ? c.container.lifecycle : {};
    const preStop = preStopOf(c.container);
    if (preStop.kind === 'sleep') {
      const s = isObject(lifecycle.preStop) && isObject(lifecycle.preStop.sleep) ? lifecycle.preStop.sleep.seconds : undefined;
      if (!(typeof s === 'number' && Number.isInteger(s) && s >= 0)) {
        problem(c.path.child('lifecycle', 'preStop', 'sleep', 'seconds'), ErrorType.INVALID, `${JSON.stringify(s ?? null)}: must be a non-negative whole number of seconds`, 'set sleep.seconds to an integer such as 5');
      }
    }
    const preStopKind = preStop.kind;
    const preStopSeconds = preStop.seconds;
    containers.push({
      name: c.name,
      role: c.role,
      path: c.path.toString(),
      hasStartupProbe: isObject(c.container.startupProbe),
      hasPostStart: isObject(lifecycle.postStart),
      postStartSeconds: postStartHoldOf(c.container)?.seconds,
      neverExits: l && !l.protocol ? `a regular container that never exits on its own (${l.reason})` : undefined,
      stoppedBy: l?.protocol ? `"${l.protocol.caller}" stops it through the ${l.protocol.name} protocol${l.protocol.conditional ? ', but only when the command before the call succeeds' : ''}` : undefined,
      hasReadinessProbe: isObject(c.container.readinessProbe),
      hasLivenessProbe: isObject(c.container.livenessProbe),
      preStopKind,
      preStopSeconds,
      shutdownSeconds: shutdownRead.values[c.name] ?? 0,
    });
  }

  if (problems.length > 0) {
    throw new Error(`cannot plan the lifecycle of ${pod.displayName}, ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }

  const restartPolicy = pod.effectiveRestartPolicy;
  return {
    kind: pod.kind,
    name: typeof pod.metadata.name === 'string' ? pod.metadata.name : '(unnamed)',
    restartPolicy,
    runsToCompletion: restartPolicy === 'Never' || restartPolicy === 'OnFailure',
    isJob: pod.runsToCompletion,
    gracePeriodSeconds: graceDefaulted ? DEFAULT_TERMINATION_GRACE_SECONDS : (gp as number),
    graceDefaulted,
    containers,
    needsReady: needsRead.relation,
  };
}

/**
 * A manifest has a string `kind`; anything else that looks like a pod spec (an object with
 * `containers` or `initContainers`) is taken as a bare pod spec.
 */
function findPod(input: unknown): PodManifest {
  if (isObject(input) && typeof input.kind === 'string') {
    const pod = PodManifest.from(input);
    if (pod) return pod;
    const name = isObject(input.metadata) && typeof input.metadata.name === 'string' ? input.metadata.name : '(unnamed)';
    if (!PodManifest.KINDS.includes(input.kind)) {
      throw new Error(`cannot plan the lifecycle of ${input.kind}/${name}: kind: ${ErrorType.NOT_SUPPORTED}: ${JSON.stringify(input.kind)}: supported values: ${quoteList([...PodManifest.KINDS])}. Fix: pass a manifest that runs pods, or its pod spec`);
    }
    throw new Error(`cannot plan the lifecycle of ${input.kind}/${name}: ${PodManifest.podSpecPathOf(input.kind) ?? 'spec'}: ${ErrorType.REQUIRED}: a ${input.kind} needs a pod spec (an object). Fix: add the pod spec with its containers`);
  }
  if (isObject(input) && (input.containers !== undefined || input.initContainers !== undefined)) {
    return PodManifest.fromPodSpec(input)!;
  }
  throw new Error(`cannot plan the lifecycle of ${describe(input)}: expected a pod-bearing manifest (an object with kind ${quoteList([...PodManifest.KINDS])}) or a pod spec (an object with containers). Fix: pass a parsed manifest or its pod spec`);
}

function describe(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (Array.isArray(v)) return 'a list';
  if (isObject(v)) return `an object with keys ${quoteList(Object.keys(v).slice(0, 5))}${Object.keys(v).length > 5 ? ', ...' : ''}`;
  return JSON.stringify(v);
}

function quoteList(xs: string[]): string {
  return xs.length === 0 ? '(none)' : xs.map((x) => JSON.stringify(x)).join(', ');
}
