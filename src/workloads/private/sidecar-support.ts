import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { ChecksRegistry } from './checks-registry';
import { assertNumbers, containerObjectErrors, containerPropsProblems, workloadPropsProblems } from './construct-numbers';
import { OwnSettings, resolvePodSettings } from './resolve-pod-settings';
import * as kplus from '../../cdk8s-plus';
import { ErrorType } from '../../engine/error-type';
import { KubernetesVersion } from '../../engine/kubernetes-version';
import { PodDeclarations } from '../../engine/pod-declarations';
import { usageError } from '../../engine/usage-error';
import { LifecyclePlan } from '../../lifecycle/lifecycle-plan';
import { SidecarMode } from '../../modes/sidecar-mode';
import { ForeignRelation } from '../../pipeline/foreign-relations';
import { runPodPipeline, WorkloadDeclarations } from '../../pipeline/pod-pipeline';
import { writeLifecycleDocs } from '../../synth/lifecycle-docs';
import { addPipelineValidation } from '../../synth/pipeline-validation';
import { RenderOnce } from '../../synth/render-once';
import { IInitStep, InitStep, InitStepBase, InitStepOptions } from '../init-step';
import { Sidecar, SidecarOptions } from '../sidecar';
import { SidecarWorkloadOptions } from '../sidecar-workload';

/**
 * The sidecar state of one Sidecar* workload and its hooks into synth. jsii has no mixins, so
 * each workload class keeps a few one-line delegating methods and all logic lives here, once.
 *
 * It holds construct state only: the init steps in declaration order and the declared readiness
 * relations, as objects. At synth one render hook resolves them to names and hands them, with
 * the pod's settings, to the pod pipeline (src/pipeline), which orders, emits in its sidecar mode, annotates and
 * judges the pod; one validation reports what it found.
 *
 * Kept in a WeakMap rather than a field of the workload: cdk8s-plus adds the `initContainers`
 * props from inside its constructor (through our `addInitContainer` override), before a
 * subclass field could be initialised.
 */
export class SidecarSupport {
  public static of(host: kplus.AbstractPod): SidecarSupport {
    let support = SUPPORTS.get(host);
    if (!support) {
      support = new SidecarSupport(host);
      SUPPORTS.set(host, support);
    }
    return support;
  }

  /** Init steps in declaration order, by their cdk8s-plus container. */
  private readonly steps = new Map<kplus.Container, InitStep | Sidecar>();
  /** container -> sidecars it needs ready before it starts. */
  private readonly readiness = new Map<kplus.Container, Array<IInitStep>>();
  /** Sidecars every app container needs ready, those added later included. */
  private readonly gating: Sidecar[] = [];
  private render?: RenderOnce;
  private own: OwnSettings = {};

  private constructor(private readonly host: kplus.AbstractPod) {}

  /** Adds a native sidecar through cdk8s-plus, with `restartPolicy: Always` and sidecar defaults. */
  public addSidecar(options: SidecarOptions, defaultName?: string): Sidecar {
    assertNumbers(this.host, `sidecar "${options.name ?? defaultName ?? `sidecar-${this.sidecars.length}`}"`, containerPropsProblems(options));
    const { startAfter: _startAfter, shutdownTime: _shutdownTime, ...containerProps } = options;
    const container = baseAddInitContainer(this.host, {
      ...containerProps,
      name: options.name ?? defaultName ?? `sidecar-${this.sidecars.length}`,
      restartPolicy: kplus.ContainerRestartPolicy.ALWAYS,
      resources: options.resources ?? Sidecar.DEFAULT_RESOURCES,
    });
    const sidecar = new Sidecar(container, options);
    this.steps.set(container, sidecar);
    return sidecar;
  }

  /**
   * Adds a regular init container through cdk8s-plus. Throws at once, with the fix, for the
   * probes the API server forbids on regular init containers (cdk8s-plus would throw a terser
   * message).
   */
  public addInitStep(options: InitStepOptions): InitStep {
    const { startAfter, ...containerProps } = options;
    const name = options.name ?? cdk8sPlusInitName(this.host);
    const subject = `addInitStep "${name}"`;
    assertNumbers(this.host, `init container "${name}"`, containerPropsProblems(options));
    if (containerProps.restartPolicy === kplus.ContainerRestartPolicy.ALWAYS) {
      throw usageError(this.host.node.path, subject, {
        field: 'restartPolicy',
        type: ErrorType.INVALID,
        value: 'Always',
        detail: 'makes it a sidecar',
        fix: 'use addSidecar() for a container that keeps running, or drop restartPolicy for a regular init step',
      });
    }
    const forbidden = (['liveness', 'readiness', 'startup'] as const).filter((p) => containerProps[p] !== undefined);
    if (forbidden.length > 0) {
      throw usageError(this.host.node.path, subject, forbidden.map((p) => ({
        field: `${p}Probe`,
        type: ErrorType.FORBIDDEN,
        detail: 'may not be set for init containers without restartPolicy=Always',
        fix: `remove the probe, or make "${name}" a sidecar with addSidecar() if it must keep running`,
      })));
    }
    const container = baseAddInitContainer(this.host, { ...containerProps, name });
    const step = new InitStep(container, startAfter);
    this.steps.set(container, step);
    return step;
  }

  /**
   * cdk8s-plus's `addInitContainer`, kept working as a drop-in: `restartPolicy: ALWAYS` is how
   * cdk8s-plus spells a sidecar, anything else is a regular init step, and an unnamed container
   * gets cdk8s-plus's name (`init-<n>`, n counting every init container so far).
   */
  public addInitContainer(props: kplus.ContainerProps): kplus.Container {
    return props.restartPolicy === kplus.ContainerRestartPolicy.ALWAYS
      ? this.addSidecar(props, cdk8sPlusInitName(this.host)).container
      : this.addInitStep(props).container;
  }

  /** The step (sidecar or regular init container) behind a container of this workload. */
  public stepOf(container: kplus.Container): IInitStep {
    const step = this.steps.get(container);
    if (!step) {
      throw usageError(this.host.node.path, 'initStep', {
        field: 'container',
        type: ErrorType.NOT_FOUND,
        value: container?.name,
        detail: 'not an init container or sidecar of this workload',
        fix: 'pass a container returned by addSidecar(), addInitStep() or addInitContainer() of this workload',
      });
    }
    return step;
  }

  /** Declares that `container` needs `sidecars` ready (started) before it starts; resolved at synth. */
  public requireReady(container: kplus.Container, sidecars: IInitStep[]): void {
    const list = this.readiness.get(container) ?? [];
    list.push(...sidecars);
    this.readiness.set(container, list);
  }

  /** Declares that every app container, those added later included, needs `sidecars` ready. */
  public gateAppContainers(sidecars: Sidecar[]): void {
    this.gating.push(...sidecars);
  }

  public get sidecars(): Sidecar[] {
    return [...this.steps.values()].filter((s): s is Sidecar => s instanceof Sidecar);
  }

  /**
   * Drops the TCP startupProbe that cdk8s-plus adds to every container with a `portNumber` from
   * the regular init containers (the API server rejects any probe on them; `addInitStep()`
   * refuses explicit ones, so any left is cdk8s-plus's default). Runs inside cdk8s-plus's render,
   * before JSON patches, which may still add one on purpose.
   */
  public transformPodSpec(spec: any): any {
    const rendered: any[] = spec.initContainers ?? [];
    // Only regular init containers with a startupProbe are rewritten (rare): most renders allocate nothing here.
    if (!rendered.some((json) => json.restartPolicy !== 'Always' && json.startupProbe !== undefined)) return spec;
    const containers = this.host.initContainers; // cdk8s-plus renders them in this order
    if (rendered.length !== containers.length) return spec;
    const initContainers = rendered.map((json, i) => {
      const step = this.steps.get(containers[i]);
      if (step?.isSidecar || json.restartPolicy === 'Always' || json.startupProbe === undefined) return json;
      const { startupProbe: _cdk8sPlusDefault, ...rest } = json;
      return rest;
    });
    return { ...spec, initContainers };
  }

  /**
   * The declared relations, resolved to container names now (so containers and steps added after
   * a declaration count), each pair once. Relations naming something outside the workload are
   * set apart for SC-DECL-002.
   */
  public workloadDeclarations(): WorkloadDeclarations {
    const startAfter: Record<string, string[]> = {};
    const needsReady: Record<string, string[]> = {};
    const shutdownSeconds: Record<string, number> = {};
    const foreign: ForeignRelation[] = [];
    const add = (relation: Record<string, string[]>, from: string, to: string) => {
      const list = relation[from] ??= [];
      if (!list.includes(to)) list.push(to);
    };
    const isOurs = (step: IInitStep) => this.steps.get(step.container) === step;
    const needs = (from: string, sidecar: IInitStep) => {
      if (isOurs(sidecar)) add(needsReady, from, sidecar.name);
      else foreign.push({ relation: 'needs-ready', from, to: sidecar.name, outside: 'to' });
    };

    for (const step of this.steps.values()) {
      for (const dep of step.after) {
        if (isOurs(dep)) add(startAfter, step.name, dep.name);
        else foreign.push({ relation: 'start-after', from: step.name, to: dep.name, outside: 'to' });
      }
      if (step instanceof InitStepBase) for (const sidecar of step.needsReady) needs(step.name, sidecar);
      if (step instanceof Sidecar && step.shutdownTime) shutdownSeconds[step.name] = step.shutdownTime.toSeconds();
    }
    const apps = this.readiness.size > 0 ? new Set(this.host.containers) : undefined;
    for (const [container, sidecars] of this.readiness) {
      if (!apps!.has(container) && !this.steps.has(container)) {
        for (const s of sidecars) foreign.push({ relation: 'needs-ready', from: container.name, to: s.name, outside: 'from' });
        continue;
      }
      for (const sidecar of sidecars) needs(container.name, sidecar);
    }
    if (this.gating.length > 0) for (const app of this.host.containers) for (const sidecar of this.gating) needs(app.name, sidecar);
    const declarations: PodDeclarations = { startAfter, needsReady, shutdownSeconds };
    return { declarations, foreign };
  }

  /**
   * Hooks the workload's ApiObject: rendered once per synth (see `RenderOnce`), finished by the
   * pod pipeline with this workload's declarations and settings, and checked by one validation.
   * The workload's own settings are checked here, at construction.
   */
  public attach(apiObject: ApiObject, options: SidecarWorkloadOptions): void {
    assertNumbers(this.host, this.host.constructor.name, workloadPropsProblems(options));
    this.own = ownSettings(this.host, options);
    ChecksRegistry.markOwned(apiObject);
    const render = RenderOnce.of(apiObject);
    render.finishWith((manifest) => {
      const settings = resolvePodSettings(this.host, this.own);
      return { ...runPodPipeline({ manifest, settings, workload: this.workloadDeclarations(), record: true }), settings };
    });
    addPipelineValidation(this.host, render, options.lifecycleDocs
      ? (rendered) => writeLifecycleDocs(this.host, rendered.manifest, rendered.settings!)
      : undefined,
    // Containers added with cdk8s-plus's own addContainer (which we do not override) are checked here.
    () => containerObjectErrors(this.host));
    this.render = render;
  }

  /** The lifecycle plan of the manifest as it will be synthesized now, for the workload's settings. */
  public lifecyclePlan(): LifecyclePlan {
    const rendered = this.attached().rendered();
    return LifecyclePlan.of(rendered.manifest, { targetVersion: rendered.settings!.targetVersion });
  }

  /** The manifest as it would be synthesized now (rendered afresh outside a synth call). */
  public manifest(): any {
    return this.attached().manifest();
  }

  private attached(): RenderOnce {
    if (!this.render) throw usageError(this.host.node.path, 'SidecarSupport', { field: '', type: ErrorType.INTERNAL, detail: 'sidecar support is not attached', fix: 'report this as a bug' });
    return this.render;
  }
}

const SUPPORTS = new WeakMap<IConstruct, SidecarSupport>();

/** The workload's own settings, checked and parsed once (construction time). */
function ownSettings(host: IConstruct, options: SidecarWorkloadOptions): OwnSettings {
  let targetVersion: KubernetesVersion | undefined;
  if (options.targetVersion !== undefined) {
    targetVersion = KubernetesVersion._tryOf(options.targetVersion);
    if (!targetVersion) {
      throw usageError(host.node.path, 'props', {
        field: 'targetVersion',
        type: ErrorType.INVALID,
        value: options.targetVersion,
        detail: KubernetesVersion._EXPECTED,
        fix: 'pass a Kubernetes minor version such as "1.29"',
      });
    }
  }
  const mode = options.sidecarMode?.mode;
  if (mode !== undefined && !(Object.values(SidecarMode) as string[]).includes(mode)) {
    throw usageError(host.node.path, 'props', {
      field: 'sidecarMode.mode',
      type: ErrorType.NOT_SUPPORTED,
      value: mode,
      detail: `supported values: ${Object.values(SidecarMode).map((m) => JSON.stringify(m)).join(', ')}`,
      fix: 'use a SidecarMode',
    });
  }
  return { targetVersion, sidecarMode: options.sidecarMode };
}

/** The name cdk8s-plus gives an unnamed init container: `init-<number of init containers so far>`. */
function cdk8sPlusInitName(host: kplus.AbstractPod): string {
  return `init-${host.initContainers.length}`;
}

/** cdk8s-plus's own `addInitContainer`, bypassing our override on the workload. */
function baseAddInitContainer(host: kplus.AbstractPod, props: kplus.ContainerProps): kplus.Container {
  return kplus.AbstractPod.prototype.addInitContainer.call(host, props);
}
