import { isPodLevelRequestsSet, isPodLevelResourcesSet, isSupportedPodLevelResource, PodLevelGates, podLevelGatesAt } from './pod-level-resources';
import { computePodQos } from './pod-qos';
import { ContainerResources, formatInvalidQuantity, PodResources, readPodResources } from './pod-resource-reader';
import { QosClass } from './qos-class';
import { ALLOWED_QUANTITY_FORMS, Quantity } from './quantity';
import { ContainerAmount, EffectiveResourcesExplanation, InitStepAmount, ResourceExplanation } from './resource-explanation';
import { addResourceList, maxResourceList, ResourceList, resourceListToJson } from './resource-list';
import { ContainerRole } from '../engine/container-role';
import { KubernetesVersion } from '../engine/kubernetes-version';
import { PodManifest } from '../engine/pod-manifest';

/**
 * Options for `EffectiveResources`. The first two map to `PodResourcesOptions` of
 * staging/src/k8s.io/component-helpers/resource/helpers.go.
 */
export interface EffectiveResourcesOptions {
  /**
   * Leave pod overhead (`spec.overhead`, set from the RuntimeClass) out of the figures, as
   * `PodResourcesOptions.ExcludeOverhead` does.
   * @see https://kubernetes.io/docs/concepts/scheduling-eviction/pod-overhead/
   * @default false
   */
  readonly excludeOverhead?: boolean;

  /**
   * The Kubernetes version the pod runs on. It decides whether pod-level `spec.resources` counts
   * (the PodLevelResources feature gate is on by default from 1.34; before that the API server
   * drops the field) and how an empty pod-level `resources: {}` affects the QoS class (from 1.36,
   * PodLevelResourcesFixKubeletQOSClass, the containers decide; on 1.34 and 1.35 it makes the
   * pod BestEffort).
   * @see https://kubernetes.io/docs/reference/command-line-tools-reference/feature-gates/
   * @default KubernetesVersion.DEFAULT (1.29)
   */
  readonly targetVersion?: KubernetesVersion;

  /**
   * Honour pod-level `spec.resources` (the PodLevelResources feature): where set, it replaces
   * the container aggregate for cpu, memory and hugepages-*, and decides the QoS class.
   * `false` maps to `PodResourcesOptions.SkipPodLevelResources` and to the feature gate off;
   * `true` to the gate switched on (e.g. on 1.32 or 1.33, where it is alpha).
   * @see https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#pod-level-resource-specification
   * @default - from `targetVersion`: on from Kubernetes 1.34
   */
  readonly podLevelResources?: boolean;

  /**
   * Apply the API server's defaulting first: a container limit without a request becomes the
   * request too (`SetDefaults_Pod`, pkg/apis/core/v1/defaults.go), so the figures are those
   * the scheduler sees after `kubectl apply`. Pod-level `spec.resources` is not defaulted.
   * @see https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#requests-and-limits
   * @default true
   */
  readonly apiServerDefaults?: boolean;
}

/**
 * Resources whose use a missing limit leaves uncapped. Extended resources and hugepages are
 * not overcommitted: a container without them gets none, so they are never "unbounded".
 * cpu and memory are always checked (the kubelet sizes the pod cgroup from them);
 * ephemeral-storage only when the pod mentions it.
 */
const ALWAYS_BOUNDABLE = ['cpu', 'memory'];
const BOUNDABLE_WHEN_MENTIONED = ['ephemeral-storage'];

/**
 * The effective requests, limits and QoS class of a pod: the figures the scheduler, the
 * kubelet's pod cgroup, ResourceQuota and eviction use. With native sidecars these are not the
 * sum of the containers: sidecars run for the pod's whole life and also overlap every init
 * container declared after them.
 *
 * Computed exactly as `PodRequests`/`PodLimits` in
 * staging/src/k8s.io/component-helpers/resource/helpers.go and `ComputePodQOS` in
 * pkg/apis/core/v1/helper/qos/qos.go.
 *
 * @see https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#resource-sharing-within-containers
 */
export class EffectiveResources {
  /**
   * The effective resources of a pod spec (wire-format JSON, as in YAML). Field paths in
   * errors are rooted as for a Pod (`spec.containers[0]...`).
   * @throws Error listing every invalid quantity in the pod (field path, value, reason) at once
   */
  public static of(podSpec: any, options: EffectiveResourcesOptions = {}): EffectiveResources {
    const pod = PodManifest.fromPodSpec(podSpec);
    if (!pod) {
      throw new Error(`expected a pod spec (an object with "containers"), got ${describe(podSpec)}`);
    }
    return EffectiveResources.compute(pod, options);
  }

  /**
   * The effective resources of the pod inside any pod-bearing manifest (Pod, Deployment,
   * StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate).
   * @throws Error if the manifest carries no pod, or listing every invalid quantity at once
   */
  public static ofManifest(manifest: any, options: EffectiveResourcesOptions = {}): EffectiveResources {
    const pod = PodManifest.from(manifest);
    if (!pod) {
      const kind = manifest !== null && typeof manifest === 'object' ? manifest.kind : undefined;
      throw new Error(`expected a manifest with a pod (kind one of ${PodManifest.KINDS.join(', ')}) and its pod spec, got ${typeof kind === 'string' ? `kind ${JSON.stringify(kind)}` : describe(manifest)}`);
    }
    return EffectiveResources.compute(pod, options);
  }

  /** @internal the shared computation; `pod` comes from `PodManifest`. */
  public static _fromPod(pod: PodManifest, options: EffectiveResourcesOptions = {}): EffectiveResources {
    return EffectiveResources.compute(pod, options);
  }

  /**
   * Like `_fromPod`, but `undefined` when a quantity is invalid (reads the pod once; for callers
   * that report invalid quantities elsewhere, such as synth, where the rules report them).
   * @internal
   */
  public static _tryFromPod(pod: PodManifest, options: EffectiveResourcesOptions = {}): EffectiveResources | undefined {
    const read = readPodResources(pod, options.apiServerDefaults ?? true);
    return read.invalid.length > 0 ? undefined : new EffectiveResources(read, options);
  }

  private static compute(pod: PodManifest, options: EffectiveResourcesOptions): EffectiveResources {
    const read = readPodResources(pod, options.apiServerDefaults ?? true);
    if (read.invalid.length > 0) {
      const n = read.invalid.length;
      throw new Error(
        `${pod.displayName} has ${n} invalid resource quantit${n === 1 ? 'y' : 'ies'}:\n`
        + read.invalid.map((i) => `  ${formatInvalidQuantity(i)}`).join('\n')
        + `\nFix: write each as a Kubernetes quantity; ${ALLOWED_QUANTITY_FORMS}`,
      );
    }
    return new EffectiveResources(read, options);
  }

  /** Effective pod requests: resource name -> canonical quantity (e.g. `{ cpu: '350m' }`). */
  public readonly requests: { [resource: string]: string };

  /**
   * Effective pod limits as `PodLimits` computes them: the sum over containers that set a
   * limit. For a resource listed in `unbounded`, that figure does not cap the pod.
   */
  public readonly limits: { [resource: string]: string };

  /**
   * Resources (cpu, memory; ephemeral-storage when mentioned) that some container, sidecar or
   * init container leaves without a limit and no pod-level limit covers: the kubelet then
   * leaves the pod cgroup unlimited for them. The docs call this "the highest limit".
   */
  public readonly unbounded: string[];

  /** The pod's QoS class. */
  public readonly qosClass: QosClass;

  /**
   * Built on first use: synth computes effective resources for every pod but only `explain()`
   * and reports read the explanation.
   */
  private readonly explain_: () => EffectiveResourcesExplanation;
  private explanation_?: EffectiveResourcesExplanation;

  private constructor(read: PodResources, options: EffectiveResourcesOptions) {
    const gates = gatesOf(options);
    const excludeOverhead = options.excludeOverhead ?? false;
    // Where the gate is off the API server drops the field: nobody downstream ever sees it.
    const podLevel = gates.podLevelResources ? read.podLevel : undefined;

    // Requests: PodRequests.
    const requests: ResourceList = aggregateTotal(read.containers, (c) => c.requests);
    const podLevelRequests = new Map<string, Quantity>();
    if (isPodLevelRequestsSet(podLevel)) {
      for (const [name, q] of podLevel!.requests) {
        if (isSupportedPodLevelResource(name)) {
          requests.set(name, q);
          podLevelRequests.set(name, q);
        }
      }
    }
    const overheadRequests = new Map<string, Quantity>();
    if (!excludeOverhead) {
      addResourceList(requests, read.overhead);
      for (const [name, q] of read.overhead) overheadRequests.set(name, q);
    }

    // Limits: PodLimits. Overhead only lands on non-zero limits.
    const limits: ResourceList = aggregateTotal(read.containers, (c) => c.limits);
    const podLevelLimits = new Map<string, Quantity>();
    if (isPodLevelResourcesSet(podLevel)) {
      for (const [name, q] of podLevel!.limits) {
        if (isSupportedPodLevelResource(name)) {
          limits.set(name, q);
          podLevelLimits.set(name, q);
        }
      }
    }
    const overheadLimits = new Map<string, Quantity>();
    if (!excludeOverhead) {
      for (const [name, q] of read.overhead) {
        const current = limits.get(name);
        if (current !== undefined && !current.isZero) {
          limits.set(name, current.add(q));
          overheadLimits.set(name, q);
        }
      }
    }

    // Unbounded: any container without a positive limit, unless a pod-level limit covers it.
    const withoutLimit = new Map<string, string[]>();
    const mentions = (r: string): boolean => read.containers.some((c) => c.requests.has(r) || c.limits.has(r))
      || (podLevel !== undefined && (podLevel.requests.has(r) || podLevel.limits.has(r)));
    for (const resource of ALWAYS_BOUNDABLE) checkBound(resource);
    for (const resource of BOUNDABLE_WHEN_MENTIONED) if (mentions(resource)) checkBound(resource);
    function checkBound(resource: string): void {
      if ((podLevelLimits.get(resource)?.sign ?? 0) > 0) return;
      const missing: string[] = [];
      for (const c of read.containers) if ((c.limits.get(resource)?.sign ?? 0) <= 0) missing.push(c.label);
      if (missing.length > 0 || read.containers.length === 0) withoutLimit.set(resource, missing);
    }

    this.requests = resourceListToJson(requests);
    this.limits = resourceListToJson(limits);
    this.unbounded = [...withoutLimit.keys()].sort();
    // qos.go ComputePodQOS: pod-level resources decide when the field is present, unless
    // PodLevelResourcesFixKubeletQOSClass is on and they name no supported resource.
    const podLevelDecides = podLevel !== undefined && (!gates.fixKubeletQosClass || isPodLevelResourcesSet(podLevel));
    this.qosClass = computePodQos(podLevelDecides ? podLevel : undefined, read.containers);
    // The detailed aggregate (every term of every step) only for the explanation.
    this.explain_ = () => {
      const req = aggregate(read.containers, (c) => c.requests);
      const lim = aggregate(read.containers, (c) => c.limits);
      return {
        requests: Object.keys(this.requests).map((r) =>
          explainResource(r, req, podLevelRequests.get(r), overheadRequests.get(r), requests.get(r)!, undefined)),
        limits: [...new Set([...Object.keys(this.limits), ...this.unbounded])].sort().map((r) =>
          explainResource(r, lim, podLevelLimits.get(r), overheadLimits.get(r), limits.get(r) ?? Quantity.zero(), withoutLimit.get(r))),
      };
    };
  }

  /** Where each figure comes from. */
  public get explanation(): EffectiveResourcesExplanation {
    this.explanation_ ??= this.explain_();
    return this.explanation_;
  }

  /**
   * The arithmetic in plain text, one line per resource, e.g.
   * `cpu: max(app+sidecars = 100m + 250m = 350m, peak init step "setup" = 250m + 50m = 300m) = 350m`.
   */
  public explain(): string {
    const lines: string[] = [];
    lines.push(this.explanation.requests.length === 0 ? 'requests: none' : 'requests:');
    for (const e of this.explanation.requests) lines.push(`  ${e.resource}: ${explainLine(e, 'requests')}`);
    lines.push(this.explanation.limits.length === 0 ? 'limits: none' : 'limits:');
    for (const e of this.explanation.limits) lines.push(`  ${e.resource}: ${explainLine(e, 'limits')}`);
    lines.push(`qosClass: ${this.qosClass}`);
    return lines.join('\n');
  }
}

/** The container aggregate of one kind of figure, with the detail needed to explain it. */
interface Aggregate {
  /** max(long-running sum, peak init step), per resource. */
  readonly result: ResourceList;
  readonly longRunningTotal: ResourceList;
  readonly longRunning: Map<string, ContainerAmount[]>;
  readonly steps: Map<string, InitStepAmount[]>;
  readonly peakStep: Map<string, InitStepAmount>;
}

/**
 * The figure of `aggregate` without the explanation detail: the same algorithm, for synth, where
 * it runs for every pod (`aggregate` builds every term of every step as text).
 */
function aggregateTotal(containers: ReadonlyArray<ContainerResources>, pick: (c: ContainerResources) => ResourceList): ResourceList {
  const result: ResourceList = new Map();
  const restartable: ResourceList = new Map();
  const initMax: ResourceList = new Map();
  // App containers first, then init containers, as helpers.go adds them: the first term of a sum
  // decides how it prints (128Mi + 64M prints 193572Ki, 64M + 128Mi prints 198217728).
  for (const c of containers) if (c.container.role === ContainerRole.APP) addResourceList(result, pick(c));
  for (const c of containers) {
    const own = pick(c);
    if (c.container.role === ContainerRole.APP) {
      continue;
    } else if (c.container.role === ContainerRole.SIDECAR) {
      addResourceList(result, own);
      addResourceList(restartable, own);
      maxResourceList(initMax, restartable);
    } else {
      const use: ResourceList = new Map(own);
      addResourceList(use, restartable);
      maxResourceList(initMax, use);
    }
  }
  maxResourceList(result, initMax);
  return result;
}

/**
 * helpers.go `aggregateContainerResourcesByFn`: app containers and sidecars add up; each init
 * step uses its own figure plus the sidecars started before it; the pod needs the larger.
 */
function aggregate(containers: ReadonlyArray<ContainerResources>, pick: (c: ContainerResources) => ResourceList): Aggregate {
  const result: ResourceList = new Map();
  const longRunning = new Map<string, ContainerAmount[]>();
  const push = <T>(m: Map<string, T[]>, k: string, v: T) => m.set(k, [...(m.get(k) ?? []), v]);
  const amount = (c: ContainerResources, q: Quantity): ContainerAmount => ({ container: c.label, role: c.container.role, amount: q.toString() });

  for (const c of containers.filter((x) => x.container.role === ContainerRole.APP)) {
    addResourceList(result, pick(c));
    for (const [name, q] of pick(c)) push(longRunning, name, amount(c, q));
  }

  const restartable: ResourceList = new Map();
  const restartableTerms = new Map<string, ContainerAmount[]>();
  const initMax: ResourceList = new Map();
  const steps = new Map<string, InitStepAmount[]>();
  const peakStep = new Map<string, InitStepAmount>();
  for (const c of containers.filter((x) => x.container.role !== ContainerRole.APP)) {
    const own = pick(c);
    let use: ResourceList;
    if (c.container.role === ContainerRole.SIDECAR) {
      addResourceList(result, own);
      addResourceList(restartable, own);
      for (const [name, q] of own) {
        push(longRunning, name, amount(c, q));
        push(restartableTerms, name, amount(c, q));
      }
      use = new Map(restartable);
    } else {
      use = new Map();
      addResourceList(use, own);
      addResourceList(use, restartable);
    }
    for (const [name, q] of use) {
      const ownTerm = c.container.role === ContainerRole.REGULAR_INIT && own.has(name) ? [amount(c, own.get(name)!)] : [];
      const step: InitStepAmount = {
        step: c.label,
        role: c.container.role,
        terms: [...(restartableTerms.get(name) ?? []), ...ownTerm],
        total: q.toString(),
      };
      push(steps, name, step);
      const current = initMax.get(name);
      if (current === undefined || q.cmp(current) > 0) {
        initMax.set(name, q);
        peakStep.set(name, step);
      }
    }
  }
  const longRunningTotal: ResourceList = new Map(result);
  maxResourceList(result, initMax);
  return { result, longRunningTotal, longRunning, steps, peakStep };
}

function explainResource(
  resource: string,
  agg: Aggregate,
  podLevel: Quantity | undefined,
  overhead: Quantity | undefined,
  total: Quantity,
  withoutLimit: string[] | undefined,
): ResourceExplanation {
  const peak = agg.peakStep.get(resource);
  return {
    resource,
    longRunning: agg.longRunning.get(resource) ?? [],
    longRunningTotal: agg.longRunningTotal.get(resource)?.toString() ?? '0',
    initSteps: agg.steps.get(resource) ?? [],
    peakInitStep: peak?.step,
    peakInitTotal: peak?.total,
    containerTotal: agg.result.get(resource)?.toString(),
    podLevel: podLevel?.toString(),
    overhead: overhead?.toString(),
    total: total.toString(),
    unbounded: withoutLimit !== undefined,
    withoutLimit: withoutLimit ?? [],
  };
}

function sumText(terms: ReadonlyArray<ContainerAmount>, total: string): string {
  if (terms.length === 0) return '0';
  if (terms.length === 1) return terms[0].amount;
  return `${terms.map((t) => t.amount).join(' + ')} = ${total}`;
}

function explainLine(e: ResourceExplanation, kind: 'requests' | 'limits'): string {
  let text: string | undefined;
  if (e.containerTotal !== undefined) {
    const longRunning = `app+sidecars = ${sumText(e.longRunning, e.longRunningTotal)}`;
    const peak = e.initSteps.find((s) => s.step === e.peakInitStep);
    text = peak === undefined
      ? longRunning
      : `max(${longRunning}, peak init step ${JSON.stringify(peak.step)} = ${sumText(peak.terms, peak.total)}) = ${e.containerTotal}`;
  }
  if (e.podLevel !== undefined) {
    const pod = `pod-level spec.resources.${kind}[${e.resource}] = ${e.podLevel}`;
    text = text === undefined ? pod : `${pod} (replaces ${text})`;
  }
  if (e.overhead !== undefined) {
    text = text === undefined ? `overhead ${e.overhead}` : `${text} + overhead ${e.overhead} = ${e.total}`;
  }
  text = text ?? e.total;
  if (!e.unbounded) return text;
  const who = e.withoutLimit.map((n) => JSON.stringify(n)).join(', ');
  const unbounded = `unbounded: no ${e.resource} limit on ${who || 'any container'}`;
  return e.containerTotal === undefined && e.podLevel === undefined ? unbounded : `${unbounded} (declared limits: ${text})`;
}

/** The pod-level feature gates, from the target version unless `podLevelResources` says otherwise. */
function gatesOf(options: EffectiveResourcesOptions): PodLevelGates {
  const atVersion = podLevelGatesAt(options.targetVersion ?? KubernetesVersion.DEFAULT);
  return options.podLevelResources === undefined ? atVersion : { ...atVersion, podLevelResources: options.podLevelResources };
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`;
}
