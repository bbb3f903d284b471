import { ApiObject, Chart, Duration, JsonPatch } from 'cdk8s';
import { IConstruct } from 'constructs';
import * as kplus from '../cdk8s-plus';
import { InjectionTarget } from './injection-target';
import { escapePointerToken, jsonPointer } from './private/json-pointer';
import { PlainPodWorkload } from './private/plain-pod-workload';
import { ContainerWiring, renderForRawManifest } from './private/raw-wiring';
import { SidecarContext } from './sidecar-context';
import { SidecarDefinition } from './sidecar-definition';
import { SidecarInjectionOptions, SidecarInjectionResult } from './sidecar-injection-options';
import { ANNOTATION_PREFIX, Annotations, readJsonAnnotation, readNumberMap, readRelation, writeRelation } from '../engine/annotations';
import { ErrorType } from '../engine/error-type';
import { PodManifest } from '../engine/pod-manifest';
import { Sidecar } from '../workloads/sidecar';
import { ISidecarWorkload } from '../workloads/sidecar-workload';

/**
 * Injects sidecars at synth time: the reviewable, checkable answer to mutating webhooks that
 * strip `restartPolicy: Always` or skip some pods (Kubernetes docs, "Adopting Sidecar Containers").
 *
 * `inject()` adds a `SidecarDefinition` to every matching pod-bearing workload under a scope:
 * - Sidecar* workloads through `addTo()` (so `bind()` wires it),
 * - plain cdk8s-plus workloads through `addTo()` on an `ISidecarWorkload` view of them (the
 *   sidecar through `addInitContainer()` with `restartPolicy: Always`, moved first; `bind()`
 *   wires the real cdk8s-plus containers; relations are written as annotations),
 * - raw `ApiObject`s (from `Include` or Helm) through JSON patches: `addTo()` and `bind()` run on a
 *   stand-in `SidecarPod` with the manifest's container names, and the sidecar container, its
 *   volumes and what `bind()` gave the manifest's containers (volume mounts, env, envFrom,
 *   readiness and start-order relations) are written into the manifest.
 *
 * Injected sidecars start first, in injection order: before the workload's own init containers,
 * which may need them (a proxy, a secrets agent). Injection is idempotent: a pod that already has
 * a container of the sidecar's name is left unchanged. Each injection is recorded in the pod
 * (template) annotation `cdk8s-sidecars.dev/injected` (a JSON list of sidecar names).
 *
 * Workloads are matched when `inject()` runs: call it after defining them.
 *
 * @see https://kubernetes.io/docs/tutorials/configuration/pod-sidecar-containers/
 */
export class SidecarInjector {
  /** Pod (template) annotation listing the injected sidecars, in injection order, as JSON. */
  public static readonly INJECTED_ANNOTATION = `${ANNOTATION_PREFIX}injected`;

  /**
   * Injects `definition` into every matching workload under `scope`.
   * @throws if a raw manifest holds a volume of the sidecar's name with another source
   */
  public static inject(scope: IConstruct, definition: SidecarDefinition, options: SidecarInjectionOptions = {}): SidecarInjectionResult {
    const injected: string[] = [];
    const alreadyPresent: string[] = [];
    const candidates = scope.node.findAll();
    for (const construct of candidates) {
      const target = targetOf(construct);
      if (!target || !matches(target.view, options)) continue;
      const done = target.inject(definition);
      (done ? injected : alreadyPresent).push(construct.node.path);
    }
    return { injected, alreadyPresent };
  }

  private constructor() {}
}

interface Target {
  readonly view: InjectionTarget;
  /** Injects; false when the pod already has a container of that name. */
  inject(definition: SidecarDefinition): boolean;
}

function matches(target: InjectionTarget, options: SidecarInjectionOptions): boolean {
  const wanted = options.podLabels ?? {};
  if (!Object.entries(wanted).every(([k, v]) => target.podLabels[k] === v)) return false;
  return options.filter ? options.filter.matches(target) : true;
}

function targetOf(construct: IConstruct): Target | undefined {
  if (construct instanceof kplus.AbstractPod) {
    return isSidecarWorkload(construct) ? sidecarWorkloadTarget(construct) : plainPodTarget(construct);
  }
  // The ApiObject of a cdk8s-plus workload is reached through the workload, never on its own.
  if (ApiObject.isApiObject(construct) && !(construct.node.scope instanceof kplus.AbstractPod)) return apiObjectTarget(construct);
  return undefined;
}

function isSidecarWorkload(pod: kplus.AbstractPod): pod is kplus.AbstractPod & ISidecarWorkload {
  const candidate = pod as any;
  return typeof candidate.addSidecar === 'function' && typeof candidate.initStep === 'function' && typeof candidate.requireReady === 'function';
}

function injectedNames(annotations: { [key: string]: string } | undefined): string[] {
  const parsed = readJsonAnnotation(annotations, SidecarInjector.INJECTED_ANNOTATION);
  // A hand-edited value we cannot read is replaced by what we know.
  return Array.isArray(parsed) && parsed.every((n) => typeof n === 'string') ? parsed : [];
}

function podView(pod: kplus.AbstractPod): InjectionTarget {
  const apiObject = pod.node.children.find(ApiObject.isApiObject);
  return { construct: pod, kind: apiObject?.kind ?? pod.constructor.name, name: apiObject?.name, podLabels: pod.podMetadata.toJson().labels ?? {} };
}

function sidecarWorkloadTarget(workload: kplus.AbstractPod & ISidecarWorkload): Target {
  return {
    view: podView(workload),
    inject(definition) {
      if ([...workload.initContainers, ...workload.containers].some((c) => c.name === definition.name)) return false;
      const before = injectedNames(workload.podMetadata.toJson().annotations);
      const ownSteps = workload.initContainers.filter((c) => !before.includes(c.name)).map((c) => workload.initStep(c));
      const earlierInjected = workload.initContainers.filter((c) => before.includes(c.name)).map((c) => workload.initStep(c));
      const sidecar: Sidecar = definition.addTo(workload);
      // Injected first, in injection order: after earlier injected sidecars, before the pod's own steps.
      if (earlierInjected.length > 0) sidecar.startsAfter(...earlierInjected);
      for (const step of ownSteps) step.startsAfter(sidecar);
      workload.podMetadata.addAnnotation(SidecarInjector.INJECTED_ANNOTATION, JSON.stringify([...before, definition.name]));
      return true;
    },
  };
}

function plainPodTarget(pod: kplus.AbstractPod): Target {
  const view = podView(pod);
  return {
    view,
    inject(definition) {
      if ([...pod.initContainers, ...pod.containers].some((c) => c.name === definition.name)) return false;
      const before = injectedNames(pod.podMetadata.toJson().annotations);
      // addTo() and bind() on the pod itself, through an ISidecarWorkload view of it.
      definition.addTo(PlainPodWorkload.of(pod, before.length));
      pod.podMetadata.addAnnotation(SidecarInjector.INJECTED_ANNOTATION, JSON.stringify([...before, definition.name]));
      return true;
    },
  };
}

function apiObjectTarget(apiObject: ApiObject): Target | undefined {
  const pod = PodManifest.from(apiObject.toJson());
  if (!pod) return undefined;
  return {
    view: { construct: apiObject, kind: apiObject.kind, name: apiObject.name, podLabels: stringMap(pod.podMetadata.labels) },
    inject(definition) {
      const current = PodManifest.from(apiObject.toJson())!; // patches of earlier injections applied
      const names = [...arrayOf(current.podSpec.initContainers), ...arrayOf(current.podSpec.containers)].map((c: any) => c?.name);
      if (names.includes(definition.name)) return false;

      const grace = current.podSpec.terminationGracePeriodSeconds;
      const context = new SidecarContext({ scope: Chart.of(apiObject), terminationGracePeriod: typeof grace === 'number' ? Duration.seconds(grace) : undefined });
      // The definition's addTo() and bind() run on a stand-in workload; the manifest gets the difference.
      const rendered = renderForRawManifest(apiObject, current, definition, context);
      const base = jsonPointer(current.podSpecPath);
      const problems: string[] = [];

      const existing = new Map(arrayOf(current.podSpec.volumes).map((v: any) => [v?.name, v]));
      const conflicts = rendered.volumes.filter((v) =>
        existing.has(v.name) &&
        JSON.stringify(existing.get(v.name)) !== JSON.stringify(v) &&
        !(isEmptyDir(v) && isEmptyDir(existing.get(v.name))));
      if (conflicts.length > 0) {
        problems.push(`${current.podSpecPath}.volumes: ${ErrorType.DUPLICATE}: ${conflicts.map((v) => `"${v.name}"`).join(', ')}: ` +
          `${current.displayName} already has a volume of this name with another source, which sidecar "${definition.name}" would mount`);
      }
      // Wiring first: it addresses the manifest's containers by index, before the sidecar is inserted.
      const wiringPatches = rendered.wiring.flatMap((w) => wiringPatchesFor(w, current, base, definition.name, problems));
      if (problems.length > 0) {
        throw new Error(`[${apiObject.node.path}] ${problems.join('; ')}. ` +
          'Fix: rename the volume, mount path or variable in the sidecar definition, or filter this workload out of the injection');
      }
      for (const patch of wiringPatches) apiObject.addJsonPatch(patch);

      const initContainers = arrayOf(current.podSpec.initContainers);
      const annotations = stringMap(current.podMetadata.annotations);
      const before = injectedNames(annotations);
      if (!Array.isArray(current.podSpec.initContainers)) {
        apiObject.addJsonPatch(JsonPatch.add(`${base}/initContainers`, [rendered.container]));
      } else {
        apiObject.addJsonPatch(JsonPatch.add(`${base}/initContainers/${Math.min(before.length, initContainers.length)}`, rendered.container));
      }

      // An emptyDir of the same name is shared on purpose (e.g. the log volume the app already writes to).
      const added = rendered.volumes.filter((v) => !existing.has(v.name));
      if (added.length > 0) {
        if (!Array.isArray(current.podSpec.volumes)) {
          apiObject.addJsonPatch(JsonPatch.add(`${base}/volumes`, added));
        } else {
          for (const v of added) apiObject.addJsonPatch(JsonPatch.add(`${base}/volumes/-`, v));
        }
      }

      const newAnnotations: { [key: string]: string } = { [SidecarInjector.INJECTED_ANNOTATION]: JSON.stringify([...before, definition.name]) };
      if (rendered.shutdownSeconds !== undefined) {
        const { values } = readNumberMap(annotations, Annotations.SHUTDOWN_SECONDS);
        newAnnotations[Annotations.SHUTDOWN_SECONDS] = JSON.stringify({ ...values, [definition.name]: rendered.shutdownSeconds });
      }
      for (const [key, relation] of Object.entries(rendered.relations)) {
        const merged = { ...readRelation(annotations, key).relation };
        for (const [name, list] of Object.entries(relation)) merged[name] = [...new Set([...merged[name] ?? [], ...list])];
        newAnnotations[key] = writeRelation(merged) ?? '{}';
      }
      const meta = jsonPointer(current.podMetadataPath);
      if (typeof current.template.metadata !== 'object' || current.template.metadata === null) {
        apiObject.addJsonPatch(JsonPatch.add(meta, { annotations: newAnnotations }));
      } else if (typeof current.podMetadata.annotations !== 'object' || current.podMetadata.annotations === null) {
        apiObject.addJsonPatch(JsonPatch.add(`${meta}/annotations`, newAnnotations));
      } else {
        for (const [k, v] of Object.entries(newAnnotations)) apiObject.addJsonPatch(JsonPatch.add(`${meta}/annotations/${escapePointerToken(k)}`, v));
      }
      return true;
    },
  };
}

/**
 * JSON patches adding what `bind()` gave one container of a raw manifest. An entry the container
 * already has is kept when identical; a different one under the same key (mount path, variable
 * name) is a conflict: the API server refuses two mounts on one path, and a second variable of
 * one name silently overrides the first.
 */
function wiringPatchesFor(w: ContainerWiring, pod: PodManifest, base: string, sidecar: string, problems: string[]): JsonPatch[] {
  const container = arrayOf(pod.podSpec[w.list])[w.index];
  const patches: JsonPatch[] = [];
  for (const [field, entries] of Object.entries(w.added) as Array<[keyof ContainerWiring['added'], any[]]>) {
    const present = arrayOf(container[field]);
    const keyOf = (e: any) => (field === 'volumeMounts' ? e?.mountPath : field === 'env' ? e?.name : JSON.stringify(e));
    const fresh: any[] = [];
    for (const entry of entries) {
      const same = present.find((p) => keyOf(p) === keyOf(entry));
      if (same === undefined) {
        fresh.push(entry);
      } else if (field === 'volumeMounts' ? same.name !== entry.name : JSON.stringify(same) !== JSON.stringify(entry)) {
        problems.push(`${pod.podSpecPath}.${w.list}[${w.index}].${field}: ${ErrorType.DUPLICATE}: ${JSON.stringify(keyOf(entry))}: ` +
          `container "${w.name}" already has ${JSON.stringify(same)}, where sidecar "${sidecar}" would add ${JSON.stringify(entry)}`);
      }
    }
    if (fresh.length === 0) continue;
    const at = `${base}/${w.list}/${w.index}/${field}`;
    if (!Array.isArray(container[field])) patches.push(JsonPatch.add(at, fresh));
    else patches.push(...fresh.map((e) => JsonPatch.add(`${at}/-`, e)));
  }
  return patches;
}

function arrayOf(value: unknown): any[] {
  return Array.isArray(value) ? value : [];
}

function stringMap(value: unknown): { [key: string]: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'string')) as { [key: string]: string };
}

function isEmptyDir(volume: any): boolean {
  return Object.keys(volume).filter((k) => k !== 'name').join() === 'emptyDir';
}
