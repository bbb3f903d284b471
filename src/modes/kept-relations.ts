import type { ModeContext } from './apply-sidecar-mode';
import { SidecarMode } from './sidecar-mode';
import { filterRelation, PodDeclarations } from '../engine/pod-declarations';

/**
 * The declared relations a LEGACY or UNIVERSAL pod can keep, reporting each one it cannot keep
 * once (SC-MODE-005), so that the rules never judge it again on the rewritten pod (where a
 * former sidecar is an app container, or a twin without probes).
 *
 * Neither mode keeps a relation whose target is a sidecar: in LEGACY it becomes a regular
 * container, started together with the app containers after every init container; in UNIVERSAL
 * its native twin exits on its first run (so the next container may start before the sidecar
 * serves) and its regular twin starts with the app containers. Relations to regular init
 * containers are kept: those still run first, in order. Shutdown times are kept (they are facts
 * of the container, whatever stops it).
 */
export function keepRelations(ctx: ModeContext, declarations: PodDeclarations): PodDeclarations {
  const sidecars = new Map(ctx.sidecars.map((s) => [s.name, s]));
  // LEGACY: a regular init container listed after a sidecar relied on it (declared or not):
  // one finding per such init container, which also covers its declared relations to sidecars.
  const covered = new Set<string>();
  if (ctx.mode === SidecarMode.LEGACY) {
    const first = ctx.sidecars[0].index;
    for (const c of ctx.regularInit) {
      if (c.index < first) continue;
      covered.add(c.name);
      const before = ctx.sidecars.filter((s) => s.index < c.index).map((s) => `"${s.name}"`).join(', ');
      ctx.notKept(ctx.emittedPath(c), c.name,
        `init container "${c.name}" starts after sidecar ${before}, but in LEGACY mode every sidecar is a regular container that starts only after all init containers have completed`,
        'do not rely on a sidecar from an init container in LEGACY mode, or choose SidecarMode.NATIVE or UNIVERSAL');
    }
  }
  // Every other relation to a sidecar: one finding per sidecar, naming who relied on it.
  const dependants = new Map<string, string[]>();
  const note = (from: string, to: string, what: string) => {
    if (!sidecars.has(to) || covered.has(from)) return;
    dependants.set(to, [...(dependants.get(to) ?? []), `"${from}" ${what}`]);
  };
  for (const [from, targets] of Object.entries(declarations.needsReady)) for (const to of targets) note(from, to, 'needs it ready');
  for (const [from, targets] of Object.entries(declarations.startAfter)) for (const to of targets) note(from, to, 'starts after it');
  for (const s of ctx.sidecars) {
    const who = dependants.get(s.name);
    if (!who) continue;
    const why = ctx.mode === SidecarMode.LEGACY
      ? `LEGACY mode makes sidecar "${s.name}" a regular container, started together with the app containers after every init container`
      : `UNIVERSAL mode runs sidecar "${s.name}" as a native twin that exits on its first run and a regular twin that starts with the app containers, so nothing waits for it to serve`;
    ctx.notKept(ctx.emittedPath(s), s.name, `${why}: ${who.join(', ')}, which the kubelet no longer guarantees`,
      `let the containers that rely on "${s.name}" retry until it serves, or choose SidecarMode.NATIVE (Kubernetes 1.29+, or 1.28 with the SidecarContainers feature gate)`);
  }
  const keep = (_from: string, to: string) => !sidecars.has(to);
  return {
    startAfter: filterRelation(declarations.startAfter, keep),
    needsReady: filterRelation(declarations.needsReady, keep),
    shutdownSeconds: declarations.shutdownSeconds,
  };
}
