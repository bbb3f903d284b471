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
  const init = Array.isArray(podSpec.initContainers) ? podSpec.initContainers : [];
  init.forEach((c, index) => {
    if (!isObject(c)) return;
    out.push({
      container: c,
      role: isSidecar(c) ? ContainerRole.SIDECAR : ContainerRole.REGULAR_INIT,
      index,
      path: podSpecPath.child('initContainers').index(index),
      name: typeof c.name === 'string' ? c.name : '',
    });
  });
  const app = Array.isArray(podSpec.containers) ? podSpec.containers : [];
  app.forEach((c, index) => {
    if (!isObject(c)) return;
    out.push({
      container: c,
      role: ContainerRole.APP,
      index,
      path: podSpecPath.child('containers').index(index),
      name: typeof c.name === 'string' ? c.name : '',
    });
  });
  return out;
}
