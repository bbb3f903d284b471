import { ApiObject, JsonPatch, Lazy } from 'cdk8s';
import { Node } from 'constructs';
import { overrideContext } from './context-overrides';
import { jsonPointer } from './json-pointer';
import * as kplus from '../../cdk8s-plus';
import { Annotations, readNumberMap, readRelation, writeRelation } from '../../engine/annotations';
import { ErrorType } from '../../engine/error-type';
import { PodManifest } from '../../engine/pod-manifest';
import { usageError } from '../../engine/usage-error';
import { LifecyclePlan } from '../../lifecycle/lifecycle-plan';
import { IInitStep, InitStep, InitStepOptions } from '../../workloads/init-step';
import { resolvePodSettings } from '../../workloads/private/resolve-pod-settings';
import { Sidecar, SidecarOptions } from '../../workloads/sidecar';
import { ISidecarWorkload } from '../../workloads/sidecar-workload';
import { SidecarContext } from '../sidecar-context';

const adapters = new WeakMap<kplus.AbstractPod, PlainPodWorkload>();

/**
 * A plain cdk8s-plus workload (a `kplus.Deployment` someone else defined) seen as an
 * `ISidecarWorkload`, so that `SidecarInjector` can run a definition's `addTo()` and `bind()` on
 * it as on our own workloads: `bind()` mounts volumes and sets env on the real cdk8s-plus
 * containers. What a plain workload cannot do is kept as data: injected sidecars are moved in
 * front of the pod's own init containers by a JSON patch (cdk8s-plus appends), and declared
 * relations (`requireReady`, `startsAfter`) are written as the annotations the rules and the
 * lifecycle plan read, without reordering the pod.
 */
export class PlainPodWorkload implements ISidecarWorkload {
  /** The one adapter of a pod: relations of successive injections accumulate in it. */
  public static of(pod: kplus.AbstractPod, injectedBefore: number): PlainPodWorkload {
    let adapter = adapters.get(pod);
    if (!adapter) {
      adapter = new PlainPodWorkload(pod, injectedBefore);
      adapters.set(pod, adapter);
    }
    return adapter;
  }

  private readonly added: Sidecar[] = [];
  private readonly steps = new Map<kplus.Container, IInitStep>();
  private readonly needsReady: Record<string, string[]>;
  /** Sidecars every app container needs ready (`gateAppContainers`), resolved when the annotation is written. */
  private readonly gating: Sidecar[] = [];
  private readonly initial: { readonly injected: number; readonly startAfter: Record<string, string[]> };

  /** @param injectedBefore how many sidecars were injected into the pod before (they stay first) */
  private constructor(private readonly pod: kplus.AbstractPod, injectedBefore: number) {
    const annotations = pod.podMetadata.toJson().annotations ?? {};
    this.initial = { injected: injectedBefore, startAfter: readRelation(annotations, Annotations.START_AFTER).relation };
    this.needsReady = readRelation(annotations, Annotations.NEEDS_READY).relation;
    overrideContext(this, SidecarContext.of(pod));
    pod.podMetadata.addAnnotation(Annotations.NEEDS_READY, Lazy.any({ produce: () => writeRelation(this.needsReadyNow()) }) as any);
    pod.podMetadata.addAnnotation(Annotations.START_AFTER, Lazy.any({ produce: () => writeRelation(this.startAfter()) }) as any);
  }

  public get node(): Node {
    return this.pod.node;
  }

  public get sidecars(): Sidecar[] {
    return [...this.added];
  }

  public get containers(): kplus.Container[] {
    return this.pod.containers;
  }

  public get initContainers(): kplus.Container[] {
    return this.pod.initContainers;
  }

  /**
   * Adds the sidecar through cdk8s-plus (`restartPolicy: Always`, `Sidecar.DEFAULT_RESOURCES`
   * unless given) and moves it in front of the pod's own init containers, after the sidecars
   * injected before it.
   */
  public addSidecar(options: SidecarOptions): Sidecar {
    const { startAfter, shutdownTime, ...props } = options;
    const index = this.pod.initContainers.length;
    const container = this.pod.addInitContainer({
      ...props,
      restartPolicy: kplus.ContainerRestartPolicy.ALWAYS,
      resources: props.resources ?? Sidecar.DEFAULT_RESOURCES,
    });
    const position = Math.min(this.initial.injected + this.added.length, index);
    const apiObject = this.pod.node.children.find(ApiObject.isApiObject);
    const base = apiObject ? podSpecPointer(apiObject.kind) : undefined;
    if (base !== undefined && position !== index) {
      apiObject!.addJsonPatch(JsonPatch.move(`${base}/initContainers/${index}`, `${base}/initContainers/${position}`));
    }
    const sidecar = new Sidecar(container, { ...options, startAfter });
    this.added.push(sidecar);
    this.steps.set(container, sidecar);
    if (shutdownTime) {
      const { values } = readNumberMap(this.pod.podMetadata.toJson().annotations ?? {}, Annotations.SHUTDOWN_SECONDS);
      this.pod.podMetadata.addAnnotation(Annotations.SHUTDOWN_SECONDS, JSON.stringify({ ...values, [container.name]: shutdownTime.toSeconds() }));
    }
    return sidecar;
  }

  public addInitStep(options: InitStepOptions): InitStep {
    const { startAfter, ...props } = options;
    const step = new InitStep(this.pod.addInitContainer(props), startAfter ?? []);
    this.steps.set(step.container, step);
    return step;
  }

  public initStep(container: kplus.Container): IInitStep {
    if (!this.pod.initContainers.includes(container)) {
      throw usageError(this.node.path, `initStep("${container.name}")`, {
        field: '', type: ErrorType.NOT_FOUND, detail: 'not an init container of this workload', fix: 'pass one of its initContainers',
      });
    }
    let step = this.steps.get(container);
    if (!step) {
      step = new InitStep(container);
      this.steps.set(container, step);
    }
    return step;
  }

  public requireReady(container: kplus.Container, ...sidecars: Sidecar[]): void {
    const names = this.needsReady[container.name] ?? [];
    this.needsReady[container.name] = [...new Set([...names, ...sidecars.map((s) => s.name)])];
  }

  public gateAppContainers(...sidecars: Sidecar[]): void {
    for (const s of sidecars) if (!this.gating.includes(s)) this.gating.push(s);
  }

  /** The plan for the settings that apply here (target version from `SidecarChecks` or the context). */
  public lifecyclePlan(): LifecyclePlan {
    const apiObject = this.pod.node.children.find(ApiObject.isApiObject);
    return LifecyclePlan.of(apiObject!.toJson(), { targetVersion: resolvePodSettings(this.pod).targetVersion });
  }

  public addContainer(cont: kplus.ContainerProps): kplus.Container {
    return this.pod.addContainer(cont);
  }

  public addVolume(vol: kplus.Volume): void {
    this.pod.addVolume(vol);
  }

  /** Declared needs-ready relations, with the gated app containers as they stand now (those added later included). */
  private needsReadyNow(): Record<string, string[]> {
    if (this.gating.length === 0) return this.needsReady;
    const relation: Record<string, string[]> = { ...this.needsReady };
    for (const app of this.pod.containers) {
      relation[app.name] = [...new Set([...relation[app.name] ?? [], ...this.gating.map((s) => s.name)])];
    }
    return relation;
  }

  /** Declared start-after relations: those the pod had, and those of its steps. */
  private startAfter(): Record<string, string[]> {
    const relation: Record<string, string[]> = { ...this.initial.startAfter };
    for (const step of this.steps.values()) {
      const after = (step as InitStep).after?.map((s) => s.name) ?? [];
      if (after.length > 0) relation[step.name] = [...new Set([...relation[step.name] ?? [], ...after])];
    }
    return relation;
  }
}

/** The JSON pointer of a pod spec in a cdk8s-plus workload of this kind (RFC 6901). */
function podSpecPointer(kind: string): string | undefined {
  const path = PodManifest.podSpecPathOf(kind);
  return path ? jsonPointer(path) : undefined;
}
