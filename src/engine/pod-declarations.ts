import { Annotations, writeRelation } from './annotations';

/**
 * The relations declared for a pod, by container name: who starts after whom, who needs which
 * sidecar ready, how long each container needs to shut down. Our constructs resolve them from
 * their objects at synth; any manifest carries them as annotations (`cdk8s-sidecars.dev/...`),
 * so the rules, the lifecycle plan and the CLI see what the constructs knew.
 */
export interface PodDeclarations {
  /** Container name -> names of the init steps it starts after. */
  readonly startAfter: Readonly<Record<string, ReadonlyArray<string>>>;
  /** Container name -> names of the sidecars it needs ready (started) before it starts. */
  readonly needsReady: Readonly<Record<string, ReadonlyArray<string>>>;
  /** Container name -> seconds it needs after SIGTERM. */
  readonly shutdownSeconds: Readonly<Record<string, number>>;
}

export const NO_DECLARATIONS: PodDeclarations = Object.freeze({ startAfter: {}, needsReady: {}, shutdownSeconds: {} });

/** The annotations that carry declarations: compact, deterministic (keys sorted, empty lists left out). */
export function declarationAnnotations(d: PodDeclarations): Record<string, string> {
  const out: Record<string, string> = {};
  const sa = writeRelation(d.startAfter);
  if (sa) out[Annotations.START_AFTER] = sa;
  const nr = writeRelation(d.needsReady);
  if (nr) out[Annotations.NEEDS_READY] = nr;
  const names = Object.keys(d.shutdownSeconds).sort();
  if (names.length > 0) out[Annotations.SHUTDOWN_SECONDS] = JSON.stringify(Object.fromEntries(names.map((n) => [n, d.shutdownSeconds[n]])));
  return out;
}

/** The relation without the pairs `keep` refuses (lists that become empty are left out). */
export function filterRelation(
  relation: Readonly<Record<string, ReadonlyArray<string>>>,
  keep: (from: string, to: string) => boolean,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [from, targets] of Object.entries(relation)) {
    const kept = targets.filter((to) => keep(from, to));
    if (kept.length > 0) out[from] = kept;
  }
  return out;
}
