import { FieldPath } from './field-path';
import { PodContainer, podContainers } from './pod-containers';
import { isObject, ObjectMetaJson, PodSpecJson } from './wire-types';

/**
 * Where the pod lives inside each pod-bearing kind. One table, so every consumer
 * (rules, resources, lifecycle, CLI) agrees on paths.
 */
const POD_SPEC_LOCATIONS: Record<string, { template: string[]; replicas?: string[] }> = {
  Pod: { template: [] },
  PodTemplate: { template: ['template'] },
  Deployment: { template: ['spec', 'template'], replicas: ['spec', 'replicas'] },
  StatefulSet: { template: ['spec', 'template'], replicas: ['spec', 'replicas'] },
  ReplicaSet: { template: ['spec', 'template'], replicas: ['spec', 'replicas'] },
  ReplicationController: { template: ['spec', 'template'], replicas: ['spec', 'replicas'] },
  DaemonSet: { template: ['spec', 'template'] },
  Job: { template: ['spec', 'template'], replicas: ['spec', 'parallelism'] },
  CronJob: { template: ['spec', 'jobTemplate', 'spec', 'template'], replicas: ['spec', 'jobTemplate', 'spec', 'parallelism'] },
};

/**
 * Field paths of the pod spec and pod metadata per kind, built once (paths are immutable):
 * `PodManifest.from` runs for every manifest every rule pass and render sees.
 */
const POD_PATHS: Record<string, { spec: FieldPath; metadata: FieldPath }> = Object.fromEntries(
  Object.entries(POD_SPEC_LOCATIONS).map(([kind, l]) => {
    const template = FieldPath.root().child(...l.template);
    return [kind, { spec: template.child('spec'), metadata: template.child('metadata') }];
  }),
);

/** The kinds whose pods run to completion: their Pod restartPolicy must be Never or OnFailure. */
const RUN_TO_COMPLETION_KINDS = new Set(['Job', 'CronJob']);

/** The kinds that keep pods running forever: their Pod restartPolicy must be Always. */
const LONG_RUNNING_KINDS = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController', 'DaemonSet']);

/**
 * A pod-bearing manifest, seen through its pod: the one way the engine finds a pod spec,
 * its field path and its metadata inside any workload kind.
 */
export class PodManifest {
  /** Kinds this engine understands. */
  public static readonly KINDS: ReadonlyArray<string> = Object.keys(POD_SPEC_LOCATIONS);

  /** Field path of the pod spec in a manifest of this kind (`spec.template.spec`, ...), `undefined` for a kind without a pod. */
  public static podSpecPathOf(kind: string): FieldPath | undefined {
    return POD_PATHS[kind]?.spec;
  }

  /** True for the kinds that run several identical pods at once (`replicas`, or `parallelism` for Jobs). */
  public static isReplicated(kind: string): boolean {
    return POD_SPEC_LOCATIONS[kind]?.replicas !== undefined;
  }

  /**
   * Reads a manifest (wire-format JSON). Returns `undefined` for kinds that carry no pod,
   * and for pod-bearing kinds whose pod spec is missing or not an object.
   */
  public static from(manifest: unknown): PodManifest | undefined {
    if (!isObject(manifest) || typeof manifest.kind !== 'string') return undefined;
    const location = POD_SPEC_LOCATIONS[manifest.kind];
    if (!location) return undefined;
    const template = dig(manifest, location.template);
    if (!isObject(template)) return undefined;
    const spec = template.spec;
    if (!isObject(spec)) return undefined;
    const replicasValue = location.replicas ? dig(manifest, location.replicas) : undefined;
    const paths = POD_PATHS[manifest.kind];
    return new PodManifest(
      manifest,
      manifest.kind,
      template,
      spec as PodSpecJson,
      paths.spec,
      isObject(template.metadata) ? (template.metadata as ObjectMetaJson) : {},
      paths.metadata,
      typeof replicasValue === 'number' ? replicasValue : undefined,
    );
  }

  /** Wraps a bare pod spec (no manifest around it) as if it were a Pod. */
  public static fromPodSpec(podSpec: unknown): PodManifest | undefined {
    if (!isObject(podSpec)) return undefined;
    return PodManifest.from({ apiVersion: 'v1', kind: 'Pod', metadata: {}, spec: podSpec });
  }

  private _containers?: PodContainer[];

  private constructor(
    /** The whole manifest, as given. */
    public readonly manifest: Record<string, any>,
    /** `Deployment`, `Job`, ... */
    public readonly kind: string,
    /** The object that holds the pod's `metadata` and `spec` (the manifest itself for a Pod). */
    public readonly template: Record<string, any>,
    /** The pod spec, as given (not copied: never mutate it). */
    public readonly podSpec: PodSpecJson,
    /** Field path of the pod spec, e.g. `spec.template.spec`. */
    public readonly podSpecPath: FieldPath,
    /** Metadata of the pod (the template's for workloads, the object's own for a Pod). */
    public readonly podMetadata: ObjectMetaJson,
    /** Field path of that metadata. */
    public readonly podMetadataPath: FieldPath,
    /**
     * Pods that run at once: `replicas` or `parallelism` when set. `undefined` when the
     * kind has no such field or it is unset (the API server then defaults it to 1).
     */
    public readonly replicas: number | undefined,
  ) {}

  /**
   * Replaces the pod spec in the manifest (and in this view). Only for the pod pipeline, which
   * owns the manifest it builds: it reads the pod once and rewrites it in place (sidecar modes).
   */
  public _replacePodSpec(spec: PodSpecJson): void {
    this.template.spec = spec;
    (this as { podSpec: PodSpecJson }).podSpec = spec;
    this._containers = undefined;
  }

  /**
   * Every container of the pod (`podContainers`), walked once per `PodManifest`: the rules, the
   * resource figures and the lifecycle reader all ask. Do not change the list.
   */
  public get containers(): PodContainer[] {
    return this._containers ??= podContainers(this.podSpec, this.podSpecPath);
  }

  /**
   * Sets annotations on the pod (template) metadata, keys sorted as cdk8s sorts them. Only for
   * the pod pipeline, which owns the manifest it builds.
   */
  public _setPodAnnotations(values: Record<string, string>): void {
    const current = isObject(this.template.metadata) ? this.template.metadata : {};
    const annotations = sortKeys({ ...(isObject(current.annotations) ? current.annotations : {}), ...values });
    const metadata = sortKeys({ ...current, annotations });
    this.template.metadata = metadata;
    (this as { podMetadata: ObjectMetaJson }).podMetadata = metadata;
  }

  /** The object's own metadata. */
  public get metadata(): ObjectMetaJson {
    return isObject(this.manifest.metadata) ? (this.manifest.metadata as ObjectMetaJson) : {};
  }

  /** `kind/name` for messages, e.g. `Deployment/myapp`. */
  public get displayName(): string {
    return `${this.kind}/${this.metadata.name ?? '(unnamed)'}`;
  }

  /** Jobs and CronJobs: pods that run to completion. */
  public get runsToCompletion(): boolean {
    return RUN_TO_COMPLETION_KINDS.has(this.kind);
  }

  /** Deployments, StatefulSets, ReplicaSets, ReplicationControllers, DaemonSets. */
  public get isLongRunning(): boolean {
    return LONG_RUNNING_KINDS.has(this.kind);
  }

  /**
   * The Pod `restartPolicy` as the API server would default it (`Always` when unset).
   * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy
   */
  public get effectiveRestartPolicy(): string {
    const p = this.podSpec.restartPolicy;
    return typeof p === 'string' && p !== '' ? p : 'Always';
  }
}

function sortKeys<T extends Record<string, any>>(obj: T): T {
  const out: Record<string, any> = {};
  for (const k of Object.keys(obj).sort()) out[k] = obj[k];
  return out as T;
}

function dig(obj: unknown, keys: string[]): unknown {
  let cur: unknown = obj;
  for (const k of keys) {
    if (!isObject(cur)) return undefined;
    cur = cur[k];
  }
  return cur;
}
