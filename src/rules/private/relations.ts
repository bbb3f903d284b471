import { readDeclarations } from './declarations';
import { PerCheck } from './per-check';
import { containersOf } from './pod-view';
import { ContainerRole } from '../../engine/container-role';
import { PodContainer } from '../../engine/pod-containers';
import { PodManifest } from '../../engine/pod-manifest';
import { initSteps, onStartCycle, StartOrderStep, stepRelation } from '../../engine/start-order';

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
export function pairs(relation: Readonly<Record<string, ReadonlyArray<string>>>): Array<[string, string]> {
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
export function resolvedPairs(pod: PodManifest, relation: Readonly<Record<string, ReadonlyArray<string>>>): ResolvedPair[] {
  const byName = containerIndex(pod);
  return pairs(relation).map(([fromName, toName]) => ({ fromName, toName, from: byName.get(fromName), to: byName.get(toName) }));
}

/** The pod's init steps in list order with what each starts after (declared start-after and needs-ready); once per check. */
export function declaredInitSteps(pod: PodManifest): StartOrderStep[] {
  return STEPS.of(pod);
}

const STEPS = new PerCheck<PodManifest, StartOrderStep[]>((pod) => {
  const d = readDeclarations(pod);
  const names = containersOf(pod).filter((c) => c.role !== ContainerRole.APP).map((c) => c.name);
  return initSteps(names, d.startAfter, d.needsReady);
});

const STEP_RELATIONS = new PerCheck<PodManifest, Record<string, ReadonlyArray<string>>>((pod) => stepRelation(declaredInitSteps(pod)));

/**
 * True when "`from` starts after `to`" lies on a start-order cycle of the pod: SC-DECL-001 reports
 * the cycle, once; the order rules leave its declarations alone.
 */
export function onCycle(pod: PodManifest, from: string, to: string): boolean {
  return onStartCycle(STEP_RELATIONS.of(pod), from, to);
}
