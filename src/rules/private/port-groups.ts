import { PerCheck } from './per-check';
import { arrayOf, containersOf } from './pod-view';
import { ContainerRole } from '../../engine/container-role';
import { FieldPath } from '../../engine/field-path';
import { PodContainer } from '../../engine/pod-containers';
import { PodManifest } from '../../engine/pod-manifest';
import { isObject } from '../../engine/wire-types';

/** One declared port of one container. */
export interface DeclaredPort {
  readonly container: PodContainer;
  readonly port: Record<string, any>;
  readonly path: FieldPath;
}

/** The container's ports, read once per check (three port rules ask; rules never change the manifest). */
export function portsOf(c: PodContainer): DeclaredPort[] {
  return PORTS.of(c);
}

const PORTS = new PerCheck<PodContainer, DeclaredPort[]>((c) => {
  const out: DeclaredPort[] = [];
  arrayOf(c.container.ports).forEach((port, i) => {
    if (isObject(port)) out.push(new Port(c, port, i));
  });
  return out;
});

/** A `DeclaredPort` whose path is made on first use (only clashes print it). */
class Port implements DeclaredPort {
  private _path?: FieldPath;

  constructor(public readonly container: PodContainer, public readonly port: Record<string, any>, private readonly i: number) {}

  public get path(): FieldPath {
    return this._path ??= this.container.path.child('ports').index(this.i);
  }
}

/**
 * Sets of containers that run at the same time, so share the pod's network namespace at once:
 * the app containers with every sidecar, and each regular init container with the sidecars
 * declared before it (those are already running while it runs).
 */
export function concurrentGroups(pod: PodManifest): PodContainer[][] {
  return GROUPS.of(pod);
}

const GROUPS = new PerCheck<PodManifest, PodContainer[][]>((pod) => {
  const all = containersOf(pod);
  const sidecars = all.filter((c) => c.role === ContainerRole.SIDECAR);
  const groups: PodContainer[][] = [[...sidecars, ...all.filter((c) => c.role === ContainerRole.APP)]];
  for (const init of all.filter((c) => c.role === ContainerRole.REGULAR_INIT)) {
    groups.push([...sidecars.filter((s) => s.index < init.index), init]);
  }
  return groups;
});

/** A port that clashes with one declared earlier in a group of containers running at once. */
export interface PortClash {
  readonly key: string;
  readonly earlier: DeclaredPort;
  readonly port: DeclaredPort;
}

/**
 * Every port whose key (e.g. `8080/TCP`) an earlier port of a group of concurrent containers
 * already has, each port reported once across groups. `keyOf` returns `undefined` for ports
 * that do not take part; `counts` decides whether a repeat is a clash (e.g. only across containers).
 */
export function portClashes(
  pod: PodManifest,
  keyOf: (p: DeclaredPort) => string | undefined,
  counts: (earlier: DeclaredPort, p: DeclaredPort) => boolean = () => true,
): PortClash[] {
  let out: PortClash[] | undefined;
  let reported: Set<DeclaredPort> | undefined;
  for (const group of concurrentGroups(pod)) {
    // A clash needs two ports: most groups have fewer, and need no table.
    let ports = 0;
    for (const c of group) ports += portsOf(c).length;
    if (ports < 2) continue;
    const first = new Map<string, DeclaredPort>();
    for (const c of group) {
      for (const p of portsOf(c)) {
        const key = keyOf(p);
        if (key === undefined) continue;
        const earlier = first.get(key);
        if (!earlier) {
          first.set(key, p);
        } else if (counts(earlier, p) && !reported?.has(p)) {
          (reported ??= new Set()).add(p);
          (out ??= []).push({ key, earlier, port: p });
        }
      }
    }
  }
  return out ?? [];
}

/** `8080/TCP`: the protocol defaults to TCP as in the API. */
export function portKey(port: unknown, protocol: unknown): string {
  return `${port}/${typeof protocol === 'string' && protocol !== '' ? protocol : 'TCP'}`;
}
