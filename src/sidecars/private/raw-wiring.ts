import { ApiObject, App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { overrideContext } from './context-overrides';
import { Annotations, readRelation } from '../../engine/annotations';
import { ErrorType } from '../../engine/error-type';
import { PodManifest } from '../../engine/pod-manifest';
import { SidecarPod } from '../../workloads/sidecar-pod';
import { SidecarContext } from '../sidecar-context';
import { SidecarDefinition } from '../sidecar-definition';

/** What `bind()` may change on an existing container of a raw manifest, and how entries are keyed. */
const WIRED_FIELDS = { volumeMounts: (m: any) => m?.mountPath, env: (e: any) => e?.name, envFrom: (e: any) => JSON.stringify(e) } as const;
type WiredField = keyof typeof WIRED_FIELDS;

/** Entries `bind()` added to one container of the raw manifest. */
export interface ContainerWiring {
  /** `initContainers` or `containers`. */
  readonly list: 'initContainers' | 'containers';
  readonly index: number;
  readonly name: string;
  readonly added: { [field in WiredField]: any[] };
}

/** A definition rendered and bound for one raw manifest, in wire format. */
export interface RawInjection {
  /** The sidecar's container, rendered by cdk8s-plus. */
  readonly container: any;
  /** Every volume the pod needs for it: the sidecar's and those `bind()` mounted into other containers. */
  readonly volumes: any[];
  /** What `bind()` added to the manifest's own containers. */
  readonly wiring: ContainerWiring[];
  /** Relations `bind()` declared (`requireReady`, `startsAfter`), as the annotations hold them. */
  readonly relations: { readonly [annotation: string]: Record<string, string[]> };
  /** Seconds the sidecar needs to shut down, when it declares it. */
  readonly shutdownSeconds?: number;
}

/**
 * Renders `definition` for a raw manifest (`Include`, Helm) the way it is rendered for a Sidecar*
 * workload: `addTo()` runs on a stand-in `SidecarPod` whose containers have the manifest's names,
 * so the definition's own checks and its `bind()` (shared volumes, env, readiness) apply; the
 * stand-in is rendered before and after, and the difference is what the manifest gets.
 *
 * The stand-in lives in a scratch app, at the same construct path as the manifest (so messages
 * name the real construct); the definition creates its objects in the manifest's chart
 * (`context`). What `bind()` does beyond volume mounts, env, envFrom and the declared relations
 * cannot be carried into YAML, and is refused with the field it touched rather than dropped.
 *
 * @throws if the definition refuses the workload, or `bind()` changed what cannot be carried over
 */
export function renderForRawManifest(apiObject: ApiObject, pod: PodManifest, definition: SidecarDefinition, context: SidecarContext): RawInjection {
  const standIn = standInPod(apiObject.node.path);
  const spec = pod.podSpec;
  for (const c of arrayOf(spec.initContainers).filter(named)) {
    if (c.restartPolicy === 'Always') standIn.addSidecar({ name: c.name, image: imageOf(c) });
    else standIn.addInitStep({ name: c.name, image: imageOf(c) });
  }
  for (const c of arrayOf(spec.containers).filter(named)) standIn.addContainer({ name: c.name, image: imageOf(c) });

  const before = render(standIn);
  overrideContext(standIn, context);
  const sidecar = definition.addTo(standIn);
  const after = render(standIn);

  const problems: string[] = [];
  const beforeByName = containersByName(before.spec);
  const afterByName = containersByName(after.spec);
  const wiring: ContainerWiring[] = [];
  for (const list of ['initContainers', 'containers'] as const) {
    arrayOf(spec[list]).forEach((raw, index) => {
      if (!named(raw)) return;
      const was = beforeByName.get(raw.name);
      const now = afterByName.get(raw.name);
      if (!was || !now) return;
      const changed = Object.keys({ ...was, ...now }).filter((k) => !(k in WIRED_FIELDS) && JSON.stringify(was[k]) !== JSON.stringify(now[k]));
      if (changed.length > 0) {
        problems.push(`${pod.podSpecPath}.${list}[${index}]: ${ErrorType.FORBIDDEN}: bind() of sidecar "${definition.name}" changed ${changed.join(', ')} of container "${raw.name}", ` +
          'which injection into a raw manifest cannot carry over (it carries volumeMounts, env, envFrom and declared relations)');
      }
      const added = Object.fromEntries((Object.keys(WIRED_FIELDS) as WiredField[]).map((field) => {
        const key = WIRED_FIELDS[field];
        const old = new Set(arrayOf(was[field]).map(key));
        return [field, arrayOf(now[field]).filter((e) => !old.has(key(e)))];
      })) as ContainerWiring['added'];
      if (Object.values(added).some((a) => a.length > 0)) wiring.push({ list, index, name: raw.name, added });
    });
  }
  const known = new Set([...beforeByName.keys(), definition.name]);
  const extra = [...afterByName.keys()].filter((n) => !known.has(n));
  if (extra.length > 0) {
    problems.push(`${pod.podSpecPath}: ${ErrorType.FORBIDDEN}: adding sidecar "${definition.name}" added container(s) ${extra.map((n) => `"${n}"`).join(', ')}, ` +
      'which injection into a raw manifest cannot carry over');
  }
  if (problems.length > 0) {
    throw new Error(`[${apiObject.node.path}] cannot inject sidecar "${definition.name}":\n${problems.map((p) => `  - ${p}`).join('\n')}\n` +
      'Fix: inject this definition into Sidecar* workloads only, or filter this workload out of the injection');
  }

  const relations: Record<string, Record<string, string[]>> = {};
  for (const key of [Annotations.NEEDS_READY, Annotations.START_AFTER]) {
    const was = readRelation(before.annotations, key).relation;
    const now = readRelation(after.annotations, key).relation;
    const added: Record<string, string[]> = {};
    for (const [name, list] of Object.entries(now)) {
      const fresh = list.filter((n) => !(was[name] ?? []).includes(n));
      if (fresh.length > 0) added[name] = fresh;
    }
    if (Object.keys(added).length > 0) relations[key] = added;
  }
  return {
    container: afterByName.get(definition.name),
    volumes: arrayOf(after.spec.volumes),
    wiring,
    relations,
    shutdownSeconds: sidecar.shutdownTime?.toSeconds(),
  };
}

/** A `SidecarPod` in a scratch app whose construct path is `path`. */
function standInPod(path: string): SidecarPod {
  const [first, ...rest] = path.split('/');
  let scope: Construct = new Chart(new App(), first);
  for (const id of rest.slice(0, -1)) scope = new Construct(scope, id);
  return new SidecarPod(scope, rest[rest.length - 1] ?? 'stand-in');
}

function render(pod: SidecarPod): { spec: any; annotations: Record<string, string> } {
  const manifest = Chart.of(pod).toJson().find((m: any) => m.kind === 'Pod');
  return { spec: manifest?.spec ?? {}, annotations: manifest?.metadata?.annotations ?? {} };
}

function containersByName(spec: any): Map<string, any> {
  return new Map([...arrayOf(spec.initContainers), ...arrayOf(spec.containers)].map((c) => [c.name, c]));
}

function named(c: any): boolean {
  return typeof c?.name === 'string' && c.name !== '';
}

function imageOf(c: any): string {
  return typeof c.image === 'string' && c.image !== '' ? c.image : 'unknown';
}

export function arrayOf(value: unknown): any[] {
  return Array.isArray(value) ? value : [];
}
