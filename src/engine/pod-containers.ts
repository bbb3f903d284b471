import { ContainerRole } from './container-role';
import { FieldPath } from './field-path';
import { ContainerJson, isObject, PodSpecJson } from './wire-types';

/** One container of a pod, with its role, its position and its field path. */
export interface PodContainer {
  readonly container: ContainerJson;
  readonly role: ContainerRole;
  /** Index inside its own list (`initContainers` or `containers`). */
  readonly index: number;
  /** e.g. `spec.template.spec.initContainers[1]`. */
  readonly path: FieldPath;
  /** The container's name, or `''` when it has none. */
  readonly name: string;
}

/**
 * True when an init container is a sidecar (a "restartable init container"):
 * `restartPolicy: Always`, the only value the field may have on an init container.
 * https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#sidecar-containers-in-kubernetes
 */
export function isSidecar(initContainer: ContainerJson): boolean {
  return isObject(initContainer) && initContainer.restartPolicy === 'Always';
}

/**
 * Every container of a pod, init containers first in declaration order (the order the
 * kubelet starts them), then app containers. Entries that are not objects are skipped.
 */
export function podContainers(podSpec: PodSpecJson, podSpecPath: FieldPath): PodContainer[] {
  const out: PodContainer[] = [];
  const init = podSpec.initContainers;
  if (Array.isArray(init)) {
    for (let index = 0; index < init.length; index++) {
      const c = init[index];
      if (isObject(c)) out.push(new Entry(c, isSidecar(c) ? ContainerRole.SIDECAR : ContainerRole.REGULAR_INIT, index, podSpecPath, 'initContainers'));
    }
  }
  const app = podSpec.containers;
  if (Array.isArray(app)) {
    for (let index = 0; index < app.length; index++) {
      const c = app[index];
      if (isObject(c)) out.push(new Entry(c, ContainerRole.APP, index, podSpecPath, 'containers'));
    }
  }
  return out;
}

/**
 * A `PodContainer` whose field path is made on first use: every reader walks the containers,
 * and only the few that end up in a finding (or a keyed table) need their path.
 */
class Entry implements PodContainer {
  public readonly name: string;
  private _path?: FieldPath;

  constructor(
    public readonly container: ContainerJson,
    public readonly role: ContainerRole,
    public readonly index: number,
    private readonly specPath: FieldPath,
    private readonly list: 'initContainers' | 'containers',
  ) {
    this.name = typeof container.name === 'string' ? container.name : '';
  }

  public get path(): FieldPath {
    return this._path ??= this.specPath.child(this.list).index(this.index);
  }
}
