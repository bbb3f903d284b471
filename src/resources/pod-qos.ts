import { QosClass } from './qos-class';
import { Quantity } from './quantity';
import { ResourceList } from './resource-list';

/** Only cpu and memory decide the QoS class (qos.go, `supportedQoSComputeResources`). */
const QOS_RESOURCES = new Set(['cpu', 'memory']);

/**
 * The pod's QoS class, after `ComputePodQOS` in pkg/apis/core/v1/helper/qos/qos.go.
 *
 * @param podLevel pod-level `spec.resources` when the field is present and PodLevelResources is
 *   on: it then decides alone, containers are not looked at (even when it is empty).
 * @param containers every app and init container's requests and limits (ephemeral containers
 *   cannot set resources and never count).
 */
export function computePodQos(
  podLevel: { requests: ResourceList; limits: ResourceList } | undefined,
  containers: ReadonlyArray<{ requests: ResourceList; limits: ResourceList }>,
): QosClass {
  const requests: ResourceList = new Map();
  const limits: ResourceList = new Map();
  let isGuaranteed = true;
  if (podLevel !== undefined) {
    addPositive(requests, podLevel.requests);
    if (podLevel.limits.size > 0 && !addPositive(limits, podLevel.limits)) isGuaranteed = false;
  } else {
    for (const c of containers) {
      addPositive(requests, c.requests);
      if (!addPositive(limits, c.limits)) isGuaranteed = false;
    }
  }
  if (requests.size === 0 && limits.size === 0) return QosClass.BEST_EFFORT;
  if (isGuaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (lim === undefined || lim.cmp(req) !== 0) {
        isGuaranteed = false;
        break;
      }
    }
  }
  return isGuaranteed && requests.size === limits.size ? QosClass.GUARANTEED : QosClass.BURSTABLE;
}

/** `processResourceList`: sums positive cpu/memory amounts; returns whether it found both. */
function addPositive(into: ResourceList, list: ResourceList): boolean {
  let cpu = false;
  let memory = false;
  for (const [name, q] of list) {
    if (!QOS_RESOURCES.has(name) || q.sign <= 0) continue;
    if (name === 'cpu') cpu = true; else memory = true;
    const current: Quantity | undefined = into.get(name);
    into.set(name, current === undefined ? q : q.add(current));
  }
  return cpu && memory;
}
