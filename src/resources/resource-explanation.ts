import { ContainerRole } from '../engine/container-role';

/** One container's share of a figure. */
export interface ContainerAmount {
  /** The container's name (or `initContainers[1]` when it has none). */
  readonly container: string;
  /** App container, sidecar or regular init container. */
  readonly role: ContainerRole;
  /** Its request or limit for the resource, canonical (e.g. `250m`). */
  readonly amount: string;
}

/**
 * What the pod uses while one init container runs: a regular init container's own figure
 * plus every sidecar declared before it; for a sidecar, every sidecar up to and including it.
 * https://github.com/kubernetes/enhancements/tree/master/keps/sig-node/753-sidecar-containers#resources-calculation-for-scheduling-and-pod-admission
 */
export interface InitStepAmount {
  /** The init container that runs in this step. */
  readonly step: string;
  /** `init` or `sidecar`. */
  readonly role: ContainerRole;
  /** The containers running during the step, sidecars first, in declaration order. */
  readonly terms: ContainerAmount[];
  /** Their sum, canonical. */
  readonly total: string;
}

/**
 * Where one effective figure (the pod's request or limit of one resource) comes from,
 * following `PodRequests`/`PodLimits` of staging/src/k8s.io/component-helpers/resource/helpers.go.
 */
export interface ResourceExplanation {
  /** The resource, e.g. `cpu`. */
  readonly resource: string;
  /** App containers then sidecars that set this resource: they all run for the pod's life. */
  readonly longRunning: ContainerAmount[];
  /**
   * Their sum.
   * @default - "0" when no long-running container sets the resource
   */
  readonly longRunningTotal: string;
  /** Every init step that sets the resource, in start order. */
  readonly initSteps: InitStepAmount[];
  /**
   * The first init step with the highest figure.
   * @default - no init step sets the resource
   */
  readonly peakInitStep?: string;
  /**
   * That step's figure.
   * @default - no init step sets the resource
   */
  readonly peakInitTotal?: string;
  /**
   * max(longRunningTotal, peakInitTotal): the figure from the containers alone.
   * @default - no container sets the resource
   */
  readonly containerTotal?: string;
  /**
   * The pod-level `spec.resources` figure, which replaces `containerTotal` (cpu, memory, hugepages-*).
   * @default - no pod-level figure applies
   */
  readonly podLevel?: string;
  /**
   * Pod overhead added on top (`spec.overhead`); for limits only where a non-zero limit exists.
   * @default - no overhead added
   */
  readonly overhead?: string;
  /** The effective figure, as in `requests`/`limits`; for an unbounded limit, what the declared limits add up to. */
  readonly total: string;
  /** Limits only: true when some container sets no limit, so the pod cgroup is not limited. */
  readonly unbounded: boolean;
  /** Limits only: the containers that set no limit for this resource. */
  readonly withoutLimit: string[];
}

/** The arithmetic behind `EffectiveResources`, per resource. */
export interface EffectiveResourcesExplanation {
  /** One entry per resource of the effective requests, sorted by name. */
  readonly requests: ResourceExplanation[];
  /** One entry per resource of the effective limits (unbounded ones included), sorted by name. */
  readonly limits: ResourceExplanation[];
}
