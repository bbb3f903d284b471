import type { IConstruct } from 'constructs';
import type { SidecarContext } from '../sidecar-context';

/**
 * Contexts given to stand-in workloads. Injection into a raw manifest runs the definition's
 * `addTo()` (its checks, `sidecarOptions()` and `bind()`) on a stand-in `SidecarPod` in a scratch
 * app; the definition must still create its objects (ConfigMaps, volumes) in the manifest's real
 * chart, with the manifest's termination grace period, so `SidecarContext.of()` answers from here.
 */
const overrides = new WeakMap<IConstruct, SidecarContext>();

export function overrideContext(workload: IConstruct, context: SidecarContext): void {
  overrides.set(workload, context);
}

export function contextOverride(workload: IConstruct): SidecarContext | undefined {
  return overrides.get(workload);
}
