import { PerCheck } from './per-check';
import { containersOf } from './pod-view';
import { PodContainer } from '../../engine/pod-containers';
import { PodManifest } from '../../engine/pod-manifest';

/** Finds the (first) container of a pod by name, init and app containers alike; built once per check. */
export function containerIndex(pod: PodManifest): ReadonlyMap<string, PodContainer> {
  return INDEXES.of(pod);
}

const INDEXES = new PerCheck<PodManifest, ReadonlyMap<string, PodContainer>>((pod) => {
  const byName = new Map<string, PodContainer>();
  for (const c of containersOf(pod)) {
    if (c.name !== '' && !byName.has(c.name)) byName.set(c.name, c);
  }
  return byName;
});

/** Every (from, to) pair of a relation, sorted for deterministic output. */
export function pairs(relation: Record<string, string[]>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const from of Object.keys(relation).sort()) {
    for (const to of relation[from]) out.push([from, to]);
  }
  return out;
}

/** One declared (from, to) pair with the containers it names (`undefined` when a name matches none). */
export interface ResolvedPair {
  readonly fromName: string;
  readonly toName: string;
  readonly from?: PodContainer;
  readonly to?: PodContainer;
}

/**
 * The pairs of a declared relation with their containers, in deterministic order. Names that
 * match no container are reported by SC-ANN-001; the order rules skip them.
 */
export function resolvedPairs(pod: PodManifest, relation: Record<string, string[]>): ResolvedPair[] {
  const byName = containerIndex(pod);
  return pairs(relation).map(([fromName, toName]) => ({ fromName, toName, from: byName.get(fromName), to: byName.get(toName) }));
}
