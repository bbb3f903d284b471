import * as kplus from '../cdk8s-plus';
import { SidecarContext } from './sidecar-context';
import { isDns1123Label } from '../engine/dns1123';
import { ErrorType } from '../engine/error-type';
import { usageError } from '../engine/usage-error';
import { Sidecar, SidecarOptions } from '../workloads/sidecar';
import { ISidecarWorkload } from '../workloads/sidecar-workload';

/**
 * Properties every `SidecarDefinition` takes.
 */
export interface SidecarDefinitionProps {
  /**
   * Container name of the sidecar, unique in the pod. Injection uses it to recognise a pod
   * that already has the sidecar.
   *
   * @see https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/
   */
  readonly name: string;
}

/**
 * The base of every ready-made sidecar, and of the ones platform teams publish themselves.
 *
 * A definition is a recipe: `sidecarOptions()` renders the container (with the defaults the
 * team stands behind: image, resources, security context, probes, volumes), and `bind()` wires it
 * into a Sidecar* workload (mounts into app containers, readiness gating). `addTo()` adds it to one
 * workload; `SidecarInjector` adds it to every matching workload under a scope, including plain
 * cdk8s-plus workloads (`addTo()` on an `ISidecarWorkload` view of them) and raw manifests (where
 * `bind()` runs on a stand-in and its mounts, env and relations are carried into the YAML).
 *
 * Subclasses implement `sidecarOptions()` and may override `bind()`. See
 * `docs/authoring-sidecars.md` for a complete example.
 *
 * @see https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/
 */
export abstract class SidecarDefinition {
  /** Container name of the sidecar. */
  public readonly name: string;

  protected constructor(props: SidecarDefinitionProps) {
    const name: unknown = props?.name;
    // RFC 1123 label: the API server's rule for container names (validation.go, validateContainers).
    if (!isDns1123Label(name)) {
      throw usageError(undefined, this.constructor.name, {
        field: 'name',
        type: ErrorType.INVALID,
        value: name,
        detail: "a container name must be a lowercase RFC 1123 label of at most 63 characters (a-z, 0-9 and '-', starting and ending with a letter or digit)",
        fix: 'use a name such as "log-shipper"',
      });
    }
    this.name = name;
  }

  /**
   * Adds this sidecar to a Sidecar* workload and wires it (`bind()`).
   * @returns the sidecar handle (its container, start order)
   * @throws if the pod already has a container of this name
   */
  public addTo(workload: ISidecarWorkload): Sidecar {
    const clash = [...workload.initContainers, ...workload.containers].find((c) => c.name === this.name);
    if (clash) {
      throw usageError(workload.node.path, `${this.constructor.name} "${this.name}"`, {
        field: 'spec.initContainers[].name',
        type: ErrorType.DUPLICATE,
        value: this.name,
        detail: 'the pod already has a container of this name',
        fix: 'give the sidecar another name, or add it only once',
      });
    }
    const options = this._renderOptions(SidecarContext.of(workload));
    const sidecar = workload.addSidecar(options);
    this.bind(workload, sidecar);
    return sidecar;
  }

  /**
   * Renders the sidecar's options for one pod, with `name` set to this definition's name and
   * `restartPolicy` to `Always`. Used by `addTo()` and by `SidecarInjector`.
   * @internal
   */
  public _renderOptions(context: SidecarContext): SidecarOptions {
    return { ...this.sidecarOptions(context), name: this.name, restartPolicy: kplus.ContainerRestartPolicy.ALWAYS };
  }

  /**
   * The sidecar's container: image, command, resources, security context, probes, volume mounts
   * and its shutdown time. `name` and `restartPolicy` are set by the base class.
   */
  protected abstract sidecarOptions(context: SidecarContext): SidecarOptions;

  /**
   * Wires the added sidecar into a Sidecar* workload: mount shared volumes into app containers,
   * `requireReady()` for containers that need it, `startsAfter()` for steps it needs. For
   * injection into a raw manifest it runs on a stand-in whose containers have the manifest's
   * names: find containers by name there, and change only volume mounts, env and relations
   * (anything else is refused). For a plain cdk8s-plus workload, `workload` is a view of it whose
   * relations are recorded as annotations.
   *
   * @param _workload the workload the sidecar was added to
   * @param _sidecar the sidecar just added
   */
  protected bind(_workload: ISidecarWorkload, _sidecar: Sidecar): void {
    // nothing to wire by default
  }
}
