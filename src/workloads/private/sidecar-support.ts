import { ApiObject } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { checkManifest, markSidecarOwned, recordSuppressions, resolveChecks, setPodAnnotations } from './check-manifest';
import { writeLifecycleDocs } from './lifecycle-docs';
import { RenderOnce } from './render-once';
import { applySidecarMode, modeOptionsFrom } from './sidecar-modes';
import { reportWarning } from './warning-reporter';
import * as kplus from '../../cdk8s-plus';
import { Annotations, writeRelation } from '../../engine/annotations';
import { ErrorType } from '../../engine/error-type';
import { KubernetesVersion } from '../../engine/kubernetes-version';
import { PodManifest } from '../../engine/pod-manifest';
import { resolveStartOrder } from '../../engine/start-order';
import { LifecyclePlan } from '../../lifecycle/lifecycle-plan';
import { effectiveResourceAnnotationsIfValid } from '../../resources/effective-resource-annotations';
import { IInitStep, InitStep, InitStepOptions } from '../init-step';
import { Sidecar, SidecarOptions } from '../sidecar';
import { SidecarSettings } from '../sidecar-settings';
import { SidecarWorkloadOptions } from '../sidecar-workload';

/**
 * The sidecar behaviour shared by every Sidecar* workload. jsii has no mixins, so each workload
 * class keeps a few one-line delegating methods and all logic lives here, once.
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
  private readonly readiness = new Map<kplus.Container, Sidecar[]>();
  private render?: RenderOnce;
  private options: SidecarWorkloadOptions = {};
  /** Errors of the sidecar mode at the last render (e.g. LEGACY in a Job whose app has no command). */
  private modeErrors: string[] = [];

  private constructor(private readonly host: kplus.AbstractPod) {}

  /** Adds a native sidecar through cdk8s-plus, with `restartPolicy: Always` and sidecar defaults. */
  public addSidecar(options: SidecarOptions): Sidecar {
    const { startAfter: _startAfter, shutdownTime: _shutdownTime, ...containerProps } = options;
    const container = baseAddInitContainer(this.host, {
      ...containerProps,
      name: options.name ?? `sidecar-${this.sidecars.length}`,
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
    const name = options.name ?? `init-${this.host.initContainers.length}`;
    if (containerProps.restartPolicy === kplus.ContainerRestartPolicy.ALWAYS) {
      throw new Error(`[${this.host.node.path}] init container "${name}": restartPolicy: ${ErrorType.INVALID}: "Always" makes it a sidecar. ` +
        'Fix: use addSidecar() for a container that keeps running, or drop restartPolicy for a regular init step');
    }
    const forbidden = (['liveness', 'readiness', 'startup'] as const).filter((p) => containerProps[p] !== undefined);
    if (forbidden.length > 0) {
      const fields = forbidden.map((p) => `${p}Probe`).join(', ');
      throw new Error(
        `[${this.host.node.path}] init container "${name}": ${fields}: ${ErrorType.FORBIDDEN}: may not be set for init containers ` +
        `without restartPolicy=Always. Fix: remove the probe, or make "${name}" a sidecar with addSidecar() if it must keep running`);
    }
    const container = baseAddInitContainer(this.host, { ...containerProps, name });
    const step = new InitStep(container, startAfter);
    this.steps.set(container, step);
    return step;
  }

  /**
   * cdk8s-plus's `addInitContainer`, kept working: `restartPolicy: ALWAYS` is how cdk8s-plus spells
   * a sidecar, anything else is a regular init step.
   */
  public addInitContainer(props: kplus.ContainerProps): kplus.Container {
    return props.restartPolicy === kplus.ContainerRestartPolicy.ALWAYS
      ? this.addSidecar(props).container
      : this.addInitStep(props).container;
  }

  /** The step (sidecar or regular init container) behind a container of this workload. */
  public stepOf(container: kplus.Container): IInitStep {
    const step = this.steps.get(container);
    if (!step) {
      throw new Error(`[${this.host.node.path}] container "${container.name}" is not an init container or sidecar of this workload. ` +
        'Fix: pass a container returned by addSidecar(), addInitStep() or addInitContainer() of this workload');
    }
    return step;
  }

  /** Declares that `container` needs `sidecars` ready (started) before it starts. */
  public requireReady(container: kplus.Container, sidecars: Sidecar[]): void {
    const list = this.readiness.get(container) ?? [];
    list.push(...sidecars);
    this.readiness.set(container, list);
    // An init step that needs a sidecar ready must also start after it.
    const step = this.steps.get(container);
    if (step) step.startsAfter(...sidecars);
  }

  public get sidecars(): Sidecar[] {
    return [...this.steps.values()].filter((s): s is Sidecar => s instanceof Sidecar);
  }

  /**
   * Turns cdk8s-plus's rendered pod spec into what we emit: init containers in declared start
   * order, and without the TCP startupProbe that cdk8s-plus adds to every container with a
   * `portNumber` (the API server rejects any probe on a regular init container).
   */
  public transformPodSpec(spec: any): any {
    const rendered: any[] = spec.initContainers ?? [];
    const containers = this.host.initContainers; // cdk8s-plus renders them in this order
    if (rendered.length === 0 || rendered.length !== containers.length) return spec;

    const initContainers = rendered.map((json, i) => {
      const step = this.steps.get(containers[i]);
      if (step?.isSidecar || json.restartPolicy === 'Always') return json;
      const { startupProbe: _cdk8sPlusDefault, ...rest } = json;
      return rest;
    });

    const order = this.startOrder();
    if (!order) return { ...spec, initContainers };
    const byName = new Map(initContainers.map((c) => [c.name as string, c]));
    return { ...spec, initContainers: order.map((name) => byName.get(name)) };
  }

  /** Start order by name, or `undefined` when it cannot be derived (the validation says why). */
  private startOrder(): string[] | undefined {
    const steps = [...this.steps.values()];
    const names = new Set(steps.map((s) => s.name));
    if (names.size !== steps.length || steps.length !== this.host.initContainers.length) return undefined;
    const result = resolveStartOrder(steps.map((s) => ({ name: s.name, after: s.after.map((a) => a.name) })));
    return result.cycle ? undefined : result.order;
  }

  /** Problems with the declarations themselves, in the one message grammar (without the construct path). */
  public declarationErrors(podSpecPath: string): string[] {
    const errors: string[] = [];
    const steps = [...this.steps.values()];
    for (const step of steps) {
      for (const dep of step.after) {
        if (!this.steps.has(dep.container) || this.steps.get(dep.container) !== dep) {
          errors.push(`SC-DECL-002 ${podSpecPath}.initContainers: ${ErrorType.NOT_FOUND}: "${step.name}" is declared to start after "${dep.name}", ` +
            'which is not an init step of this workload. Fix: declare dependencies only between sidecars and init containers of the same workload');
        }
      }
    }
    for (const [container, sidecars] of this.readiness) {
      for (const sidecar of sidecars) {
        if (this.steps.get(sidecar.container) !== sidecar) {
          errors.push(`SC-DECL-002 ${podSpecPath}: ${ErrorType.NOT_FOUND}: "${container.name}" requires sidecar "${sidecar.name}" ready, ` +
            'but it is not a sidecar of this workload. Fix: add the sidecar to this workload with addSidecar()');
        }
      }
    }
    const result = resolveStartOrder(steps.map((s) => ({ name: s.name, after: s.after.map((a) => a.name) })));
    if (result.cycle) {
      errors.push(`SC-DECL-001 ${podSpecPath}.initContainers: ${ErrorType.INVALID}: start-order cycle: ${result.cycle.join(' -> ')}. ` +
        'Fix: remove one of the startsAfter()/startAfter declarations in the cycle');
    }
    return errors;
  }

  /** Annotations that carry the declared relations to the engine (rules, lifecycle, CLI). */
  public declarationAnnotations(): Record<string, string> {
    const startAfter: Record<string, string[]> = {};
    const shutdown: Record<string, number> = {};
    for (const step of this.steps.values()) {
      startAfter[step.name] = step.after.map((s) => s.name);
      if (step instanceof Sidecar && step.shutdownTime) shutdown[step.name] = step.shutdownTime.toSeconds();
    }
    const needsReady: Record<string, string[]> = {};
    for (const [container, sidecars] of this.readiness) needsReady[container.name] = sidecars.map((s) => s.name);

    const out: Record<string, string> = {};
    const sa = writeRelation(startAfter);
    if (sa) out[Annotations.START_AFTER] = sa;
    const nr = writeRelation(needsReady);
    if (nr) out[Annotations.NEEDS_READY] = nr;
    const names = Object.keys(shutdown).sort();
    if (names.length > 0) out[Annotations.SHUTDOWN_SECONDS] = JSON.stringify(Object.fromEntries(names.map((n) => [n, shutdown[n]])));
    return out;
  }

  /**
   * Hooks the workload's ApiObject: rendered once per synth (see `RenderOnce`), decorated with
   * our annotations, and checked by the rules at synth.
   */
  public attach(apiObject: ApiObject, scope: Construct, options: SidecarWorkloadOptions): void {
    this.options = options;
    markSidecarOwned(apiObject);
    const render = RenderOnce.of(apiObject);
    render.decorate((manifest) => this.decorate(manifest));
    render.decorate((manifest) => recordSuppressions(scope, manifest));
    scope.node.addValidation({
      validate: () => {
        const errors = checkManifest(scope, render, {
          targetVersion: options.targetVersion,
          extraErrors: (manifest) => [
            ...this.declarationErrors(PodManifest.from(manifest)?.podSpecPath.toString() ?? 'spec'),
            ...this.modeErrors,
          ],
        });
        if (errors.length === 0 && options.lifecycleDocs) render.once('lifecycle-docs', (manifest) => writeLifecycleDocs(scope, manifest));
        return errors;
      },
    });
    this.render = render;
  }

  /**
   * Rewrites the rendered pod for the sidecar mode (NATIVE, LEGACY, UNIVERSAL; AUTO picks from
   * the target version) and returns the annotations the mode writes. Runs before the effective
   * resources are computed, so that UNIVERSAL's doubled accounting shows in them.
   */
  private applyMode(pod: PodManifest): Record<string, string> {
    const own = this.options.sidecarMode;
    const result = applySidecarMode(pod.podSpec, SidecarSettings.sidecarMode(this.host, own?.mode), {
      targetVersion: SidecarSettings.targetVersion(this.host, this.options.targetVersion),
      podSpecPath: pod.podSpecPath,
      runsToCompletion: pod.runsToCompletion || undefined,
      ...modeOptionsFrom(own),
    });
    this.modeErrors = result.errors;
    for (const w of result.warnings) reportWarning(this.host, w);
    pod.template.spec = result.podSpec;
    return result.annotations;
  }

  /** The lifecycle plan of the manifest as it will be synthesized now. */
  public lifecyclePlan(): LifecyclePlan {
    return LifecyclePlan.of(this.manifest(), {
      targetVersion: KubernetesVersion.of(resolveChecks(this.host, this.options.targetVersion).targetVersion),
    });
  }

  /**
   * The manifest as it would be synthesized now (rendered afresh outside a synth call).
   */
  public manifest(): any {
    if (!this.render) throw new Error(`[${this.host.node.path}] internal error: sidecar support is not attached`);
    return this.render.manifest();
  }

  /**
   * Writes on the pod (template) metadata of a rendered manifest: the declared relations, and
   * the effective resources and QoS class computed from the final pod spec (after every
   * cdk8s-plus default, every container added after construction and every JSON patch).
   */
  private decorate(manifest: any): any {
    const pod = PodManifest.from(manifest);
    if (!pod) return manifest;
    const values = this.declarationAnnotations();
    Object.assign(values, this.applyMode(pod));
    // With a bad quantity there is no figure to write; the rules report it (SC-API-010) and synth fails.
    Object.assign(values, effectiveResourceAnnotationsIfValid(manifest) ?? {});
    setPodAnnotations(pod, values);
    return manifest;
  }
}

const SUPPORTS = new WeakMap<IConstruct, SidecarSupport>();

/** cdk8s-plus's own `addInitContainer`, bypassing our override on the workload. */
function baseAddInitContainer(host: kplus.AbstractPod, props: kplus.ContainerProps): kplus.Container {
  return kplus.AbstractPod.prototype.addInitContainer.call(host, props);
}
