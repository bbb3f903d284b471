import { PerCheck } from './per-check';
import { FieldPath } from '../../engine/field-path';
import { PodContainer } from '../../engine/pod-containers';
import { PodManifest } from '../../engine/pod-manifest';
import { ContainerJson, isObject } from '../../engine/wire-types';

/** A container of any kind, ephemeral containers included (PSS and name rules need them). */
export interface AnyContainer {
  readonly container: ContainerJson;
  readonly path: FieldPath;
  readonly name: string;
  /** `init`, `sidecar`, `app` or `ephemeral`. */
  readonly kind: string;
}

/** Init, sidecar and app containers (as `podContainers`), then ephemeral containers; walked once per check. */
export function allContainers(pod: PodManifest): AnyContainer[] {
  return ALL_CONTAINERS.of(pod);
}

const ALL_CONTAINERS = new PerCheck<PodManifest, AnyContainer[]>(readAllContainers);

function readAllContainers(pod: PodManifest): AnyContainer[] {
  const out: AnyContainer[] = containersOf(pod).map((c) => new Listed(c.container, c.role, c));
  const eph = Array.isArray(pod.podSpec.ephemeralContainers) ? pod.podSpec.ephemeralContainers : [];
  eph.forEach((c, i) => {
    if (!isObject(c)) return;
    out.push(new Listed(c, 'ephemeral', { path: pod.podSpecPath.child('ephemeralContainers').index(i) }));
  });
  return out;
}

/** An `AnyContainer` whose path comes from its `PodContainer` on first use (most are never printed). */
class Listed implements AnyContainer {
  public readonly name: string;

  constructor(public readonly container: ContainerJson, public readonly kind: string, private readonly at: { readonly path: FieldPath }) {
    this.name = typeof container.name === 'string' ? container.name : '';
  }

  public get path(): FieldPath {
    return this.at.path;
  }
}

/**
 * Init, sidecar and app containers of the pod, walked once per check: every rule asks for them,
 * and the rules never change the manifest.
 */
export function containersOf(pod: PodManifest): PodContainer[] {
  return CONTAINERS.of(pod);
}

const CONTAINERS = new PerCheck<PodManifest, PodContainer[]>((pod) => pod.containers);

/** Array field or `[]` when unset or of the wrong type. */
export function arrayOf(v: unknown): any[] {
  return Array.isArray(v) ? v : [];
}

/** Quotes like Go's `%q`, as the API server prints bad values. */
export function q(v: unknown): string {
  return JSON.stringify(v);
}

/** Names of a container for messages: `container "proxy"` (or its path when unnamed). */
export function describe(c: { name: string; path: FieldPath }): string {
  return c.name === '' ? `container at ${c.path.toString()}` : `container "${c.name}"`;
}

/**
 * The Go-style list of supported values in `Unsupported value` errors
 * (apimachinery `field.NotSupported`): `supported values: "OnFailure", "Never"`.
 */
export function supportedValues(values: string[]): string {
  return `supported values: ${values.map((v) => q(v)).join(', ')}`;
}
