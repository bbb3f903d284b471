import { Duration } from 'cdk8s';
import { Construct } from 'constructs';
import * as kplus from '../cdk8s-plus';
import { contextOverride } from './private/context-overrides';
import { DEFAULT_TERMINATION_GRACE_SECONDS } from '../engine/pod-defaults';

/**
 * Properties of a `SidecarContext`.
 */
export interface SidecarContextProps {
  /**
   * Where the sidecar may create the objects it needs (ConfigMaps, volumes). The workload it is
   * added to, or the chart of an injected manifest.
   */
  readonly scope: Construct;

  /**
   * The pod's `terminationGracePeriodSeconds`: the whole time the kubelet gives app containers
   * and then sidecars to stop before it kills them.
   *
   * @see https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination
   * @default Duration.seconds(30) - the Kubernetes default
   */
  readonly terminationGracePeriod?: Duration;
}

/**
 * What a `SidecarDefinition` knows about the pod it is rendered for. The same definition
 * renders for a Sidecar* workload, a plain cdk8s-plus workload or an injected manifest, so it
 * gets this small context rather than the workload itself.
 */
export class SidecarContext {
  /** The Kubernetes default of `terminationGracePeriodSeconds`. */
  public static readonly DEFAULT_TERMINATION_GRACE_PERIOD = Duration.seconds(DEFAULT_TERMINATION_GRACE_SECONDS);

  /**
   * The context of a cdk8s-plus pod or workload (Sidecar* workloads included): the workload is
   * the scope, and its `terminationGracePeriod` is the pod's.
   */
  public static of(workload: Construct): SidecarContext {
    const override = contextOverride(workload);
    if (override) return override;
    const grace = workload instanceof kplus.AbstractPod ? workload.terminationGracePeriod : undefined;
    return new SidecarContext({ scope: workload, terminationGracePeriod: grace });
  }

  /** Where to create the objects the sidecar needs. */
  public readonly scope: Construct;
  /** The pod's termination grace period (the Kubernetes default of 30s when unset). */
  public readonly terminationGracePeriod: Duration;

  constructor(props: SidecarContextProps) {
    this.scope = props.scope;
    this.terminationGracePeriod = props.terminationGracePeriod ?? SidecarContext.DEFAULT_TERMINATION_GRACE_PERIOD;
  }

  /**
   * A construct id not yet used under `scope`: `base`, then `base-2`, `base-3`... Use it for the
   * volumes and ConfigMaps a definition creates: injection renders a definition once per raw
   * manifest, and several manifests may share one chart.
   */
  public uniqueId(base: string): string {
    if (!this.scope.node.tryFindChild(base)) return base;
    for (let i = 2; ; i++) {
      const id = `${base}-${i}`;
      if (!this.scope.node.tryFindChild(id)) return id;
    }
  }
}
