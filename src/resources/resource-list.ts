import { Quantity } from './quantity';

/**
 * A resource name -> quantity map, like `v1.ResourceList`. The operations below mirror the
 * private helpers of `staging/src/k8s.io/component-helpers/resource/helpers.go`, including
 * which operand's format the result keeps, so printed figures match what Kubernetes prints.
 */
export type ResourceList = Map<string, Quantity>;

/** `addResourceList`: adds every entry of `add` into `into` (a missing entry starts as a copy). */
export function addResourceList(into: ResourceList, add: ResourceList): void {
  for (const [name, q] of add) {
    const current = into.get(name);
    into.set(name, current === undefined ? q : current.add(q));
  }
}

/** `maxResourceList`: for every entry of `other`, keeps the greater (the existing one on a tie). */
export function maxResourceList(into: ResourceList, other: ResourceList): void {
  for (const [name, q] of other) {
    const current = into.get(name);
    if (current === undefined || q.cmp(current) > 0) into.set(name, q);
  }
}

/** The map as plain JSON (canonical strings), keys sorted so output is deterministic. */
export function resourceListToJson(list: ResourceList): { [resource: string]: string } {
  const out: { [resource: string]: string } = {};
  for (const name of [...list.keys()].sort()) out[name] = list.get(name)!.toString();
  return out;
}
