import { PodDeclarations } from '../engine/pod-declarations';
import { PodManifest } from '../engine/pod-manifest';
import { initSteps, resolveStartOrder } from '../engine/start-order';
import { isObject } from '../engine/wire-types';

/**
 * The order stage: puts the pod's init containers in the declared start order (start-after, and
 * the sidecars each needs ready), declaration order breaking ties, so that a pod without
 * declarations keeps exactly the list cdk8s-plus rendered. Rewrites the pod in place.
 *
 * Left alone when the list cannot be ordered by name (a container without a name, or two with
 * the same one: SC-API-006/007 report it). With a cycle the best order is taken (SC-DECL-001
 * reports the cycle, once).
 */
export function orderInitContainers(pod: PodManifest, declarations: PodDeclarations): void {
  const init = pod.podSpec.initContainers;
  if (!Array.isArray(init) || init.length < 2 || (isEmpty(declarations.startAfter) && isEmpty(declarations.needsReady))) return;
  const names: string[] = [];
  for (const c of init) {
    if (!isObject(c) || typeof c.name !== 'string') return;
    names.push(c.name);
  }
  if (new Set(names).size !== names.length) return;
  const { order } = resolveStartOrder(initSteps(names, declarations.startAfter, declarations.needsReady));
  if (order.every((name, i) => name === names[i])) return;
  const byName = new Map(init.map((c) => [c.name as string, c]));
  (pod.podSpec as { initContainers?: unknown[] }).initContainers = order.map((name) => byName.get(name));
}

function isEmpty(relation: Readonly<Record<string, unknown>>): boolean {
  for (const _ in relation) return false;
  return true;
}
