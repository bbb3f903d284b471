import { isObject } from './wire-types';

/**
 * The one annotation prefix of this library. Everything we write on a manifest lives under
 * it, so `kubectl get -o yaml` shows at a glance what was computed or declared at synth.
 */
export const ANNOTATION_PREFIX = 'cdk8s-sidecars.dev/';

/**
 * Annotation keys. Declarations (`START_AFTER`, `NEEDS_READY`, `SHUTDOWN_SECONDS`) are written by
 * our constructs on the pod template and may be written by hand on any manifest, so that the
 * CLI sees the same relations the constructs knew. Computed values (`EFFECTIVE_*`, `QOS_CLASS`)
 * are written by the constructs at synth.
 */
export const Annotations = {
  /** JSON object: container name -> names of init steps it was declared to start after. */
  START_AFTER: `${ANNOTATION_PREFIX}start-after`,
  /** JSON object: container name -> names of sidecars it needs *ready* (started) before it starts. */
  NEEDS_READY: `${ANNOTATION_PREFIX}needs-ready`,
  /** JSON object: sidecar name -> seconds it needs to shut down cleanly after SIGTERM. */
  SHUTDOWN_SECONDS: `${ANNOTATION_PREFIX}shutdown-seconds`,
  /** JSON object: `{ "RULE-ID": "reason" }`, findings of these rules are suppressed (recorded, not reported). */
  SUPPRESS: `${ANNOTATION_PREFIX}suppress`,
  /** `legacy` or `universal`: how the sidecars of this pod were emitted (absent for native sidecars). */
  SIDECAR_MODE: `${ANNOTATION_PREFIX}sidecar-mode`,
  /** LEGACY: the sidecars are regular containers, so their start order is not guaranteed. */
  START_ORDER: `${ANNOTATION_PREFIX}start-order`,
  /**
   * JSON `{ "dir": path, "apps": [...], "sidecars": [...] }`: the marker-file protocol that lets a
   * run-to-completion pod with LEGACY/UNIVERSAL sidecars complete: `apps` are wrapped to mark their
   * exit, `sidecars` (and their UNIVERSAL twins) stop on it.
   */
  COMPLETION_PROTOCOL: `${ANNOTATION_PREFIX}completion-protocol`,
  /** UNIVERSAL: JSON `{ sidecar: twin }`; each sidecar runs as a native twin and a regular twin. */
  UNIVERSAL_TWINS: `${ANNOTATION_PREFIX}universal-twins`,
  /** Effective pod requests, e.g. `cpu=350m,memory=448Mi`. */
  EFFECTIVE_REQUESTS: `${ANNOTATION_PREFIX}effective-requests`,
  /** Effective pod limits; unbounded resources are written `memory=unbounded`. */
  EFFECTIVE_LIMITS: `${ANNOTATION_PREFIX}effective-limits`,
  /** `Guaranteed`, `Burstable` or `BestEffort`. */
  QOS_CLASS: `${ANNOTATION_PREFIX}qos-class`,
  /** Effective requests times replicas/parallelism. */
  TOTAL_REQUESTS: `${ANNOTATION_PREFIX}total-requests`,
  /** Effective limits times replicas/parallelism. */
  TOTAL_LIMITS: `${ANNOTATION_PREFIX}total-limits`,
} as const;

/**
 * Reads a name -> list-of-names relation annotation. Malformed content yields `{}` plus
 * a problem description (the detail of an `Invalid value` of the raw annotation), never an
 * exception: manifests from files may hold anything.
 */
export function readRelation(annotations: Record<string, string> | undefined, key: string): RelationRead {
  const raw = annotations?.[key];
  if (raw === undefined) return { relation: emptyMap() };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { relation: emptyMap(), problem: 'not valid JSON' };
  }
  if (!isObject(parsed)) {
    return { relation: emptyMap(), problem: 'must be a JSON object of name -> [names]' };
  }
  const relation: Record<string, string[]> = emptyMap();
  for (const [name, targets] of Object.entries(parsed)) {
    if (!Array.isArray(targets) || !targets.every((t) => typeof t === 'string')) {
      return { relation: emptyMap(), problem: `${JSON.stringify(name)} must map to a list of container names, got ${JSON.stringify(targets)}` };
    }
    relation[name] = targets as string[];
  }
  return { relation };
}

/**
 * Container names are keys here, and a pod may name a container `constructor` or `__proto__`:
 * maps without a prototype hold them as plain entries (a `{}` would answer `constructor` with
 * Object's, and take `__proto__` as its prototype).
 */
function emptyMap<T>(): Record<string, T> {
  return Object.create(null);
}

/** Reads a name -> number annotation (e.g. shutdown seconds). */
export function readNumberMap(annotations: Record<string, string> | undefined, key: string): NumberMapRead {
  const raw = annotations?.[key];
  if (raw === undefined) return { values: emptyMap() };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { values: emptyMap(), problem: 'not valid JSON' };
  }
  if (!isObject(parsed)) {
    return { values: emptyMap(), problem: 'must be a JSON object of name -> number' };
  }
  const values: Record<string, number> = emptyMap();
  for (const [name, v] of Object.entries(parsed)) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      return { values: emptyMap(), problem: `${JSON.stringify(name)} must be a non-negative number, got ${JSON.stringify(v)}` };
    }
    values[name] = v;
  }
  return { values };
}

/**
 * The parsed JSON of an annotation: `undefined` when it is absent, `MALFORMED` when it is not JSON.
 * For annotations whose shape the caller checks itself.
 */
export function readJsonAnnotation(annotations: Record<string, string> | undefined, key: string): unknown {
  const raw = annotations?.[key];
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return MALFORMED;
  }
}

/** What `readJsonAnnotation` returns for a value that is not JSON. */
export const MALFORMED: unique symbol = Symbol('malformed annotation');

/** Writes a relation compactly and deterministically (keys sorted, empty lists dropped). */
export function writeRelation(relation: Readonly<Record<string, ReadonlyArray<string>>>): string | undefined {
  const keys = Object.keys(relation).filter((k) => relation[k].length > 0).sort();
  if (keys.length === 0) return undefined;
  const out: Record<string, ReadonlyArray<string>> = {};
  for (const k of keys) out[k] = relation[k];
  return JSON.stringify(out);
}

export interface RelationRead {
  readonly relation: Record<string, string[]>;
  readonly problem?: string;
}

export interface NumberMapRead {
  readonly values: Record<string, number>;
  readonly problem?: string;
}
