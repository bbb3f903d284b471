import { parseQuantityCached, Quantity } from './quantity';
import { ResourceList } from './resource-list';
import { ContainerRole } from '../engine/container-role';
import { FieldPath } from '../engine/field-path';
import { PodContainer } from '../engine/pod-containers';
import { PodManifest } from '../engine/pod-manifest';
import { isObject } from '../engine/wire-types';

/** One value in a pod that is not a valid resource quantity. */
export interface InvalidQuantity {
  /** Where it is, e.g. `spec.template.spec.initContainers[1].resources.limits[cpu]`. */
  readonly path: string;
  /** The value as found in the manifest. */
  readonly value: unknown;
  /** What is wrong with it, e.g. `unknown suffix "mm"`. */
  readonly reason: string;
}

/** A container's resources, read and parsed. */
export interface ContainerResources {
  readonly container: PodContainer;
  /** The container's name, or a positional label such as `initContainers[1]` when unnamed. */
  readonly label: string;
  readonly requests: ResourceList;
  readonly limits: ResourceList;
}

/** Everything resource-related in a pod, read and parsed, plus every invalid value found. */
export interface PodResources {
  readonly pod: PodManifest;
  /** Init containers in declaration order, then app containers (as `podContainers`). */
  readonly containers: ContainerResources[];
  /** `spec.overhead`, set by the RuntimeClass admission controller. */
  readonly overhead: ResourceList;
  /** Pod-level `spec.resources` (PodLevelResources), `undefined` when the field is absent. */
  readonly podLevel?: { readonly requests: ResourceList; readonly limits: ResourceList };
  readonly invalid: InvalidQuantity[];
}

/**
 * Reads every resource list of a pod: each container's `resources.requests` and
 * `resources.limits`, `spec.overhead` and pod-level `spec.resources`. Never throws: bad
 * values are collected (all of them, with their field paths) and left out of the lists.
 *
 * `applyApiServerDefaults` copies each container limit into a missing request, as the API
 * server's defaulting does (`SetDefaults_Pod` in pkg/apis/core/v1/defaults.go), so figures
 * match what the scheduler sees once the manifest is applied.
 */
export function readPodResources(pod: PodManifest, applyApiServerDefaults: boolean): PodResources {
  const invalid: InvalidQuantity[] = [];
  const spec = pod.podSpec;
  const containers = pod.containers.map((c): ContainerResources => {
    const path = c.path.child('resources');
    const raw = c.container.resources;
    let requests: ResourceList = new Map();
    let limits: ResourceList = new Map();
    if (raw !== undefined && raw !== null && !isObject(raw)) {
      invalid.push({ path: path.toString(), value: raw, reason: 'resources must be an object with "requests" and "limits" maps' });
    } else if (isObject(raw)) {
      requests = readResourceList(raw.requests, path.child('requests'), invalid);
      limits = readResourceList(raw.limits, path.child('limits'), invalid);
    }
    if (applyApiServerDefaults) {
      let defaulted: ResourceList | undefined;
      for (const [name, q] of limits) {
        if (requests.has(name)) continue;
        defaulted ??= new Map(requests);
        defaulted.set(name, q);
      }
      requests = defaulted ?? requests;
    }
    return { container: c, label: containerLabel(c), requests, limits };
  });
  const overhead = readResourceList(spec.overhead, pod.podSpecPath.child('overhead'), invalid);
  let podLevel: PodResources['podLevel'];
  const rawPod = spec.resources as unknown;
  const podPath = pod.podSpecPath.child('resources');
  if (rawPod !== undefined && rawPod !== null && !isObject(rawPod)) {
    invalid.push({ path: podPath.toString(), value: rawPod, reason: 'resources must be an object with "requests" and "limits" maps' });
  } else if (isObject(rawPod)) {
    podLevel = {
      requests: readResourceList(rawPod.requests, podPath.child('requests'), invalid),
      limits: readResourceList(rawPod.limits, podPath.child('limits'), invalid),
    };
  }
  return { pod, containers, overhead, podLevel, invalid };
}

/** Every invalid quantity of a pod-bearing manifest (or of a bare pod spec), without throwing. */
export function findInvalidQuantities(manifestOrPodSpec: unknown): InvalidQuantity[] {
  const pod = PodManifest.from(manifestOrPodSpec) ?? PodManifest.fromPodSpec(manifestOrPodSpec);
  return pod ? readPodResources(pod, false).invalid : [];
}

/** One line per invalid value, in the API server's grammar: `path: Invalid value: "x": reason`. */
export function formatInvalidQuantity(i: InvalidQuantity): string {
  return `${i.path}: Invalid value: ${JSON.stringify(i.value) ?? String(i.value)}: ${i.reason}`;
}

function readResourceList(raw: unknown, path: FieldPath, invalid: InvalidQuantity[]): ResourceList {
  const list: ResourceList = new Map();
  if (raw === undefined || raw === null) return list;
  if (!isObject(raw)) {
    invalid.push({ path: path.toString(), value: raw, reason: 'must be a map of resource name to quantity, e.g. {"cpu": "100m", "memory": "128Mi"}' });
    return list;
  }
  for (const [name, value] of Object.entries(raw)) {
    const parsed = readQuantity(value);
    if (typeof parsed === 'string') {
      invalid.push({ path: path.key(name).toString(), value, reason: parsed });
    } else if (parsed.sign < 0) {
      // The API server's message for negative requests and limits (ValidateNonnegativeQuantity).
      invalid.push({ path: path.key(name).toString(), value, reason: 'must be greater than or equal to 0' });
    } else {
      list.set(name, parsed);
    }
  }
  return list;
}

function readQuantity(value: unknown): Quantity | string {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? parseQuantityCached(String(value)) : 'not a finite number';
  }
  if (typeof value !== 'string') {
    return `expected a quantity string such as "100m" or "128Mi", got ${value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `a ${typeof value}`}`;
  }
  return parseQuantityCached(value);
}

function containerLabel(c: PodContainer): string {
  if (c.name !== '') return c.name;
  return c.role === ContainerRole.APP ? `containers[${c.index}]` : `initContainers[${c.index}]`;
}
