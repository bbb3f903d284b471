import { CompletionPlan } from './completion-plan';
import { LifecyclePlanOptions } from './lifecycle-plan-options';
import { planShutdown, ShutdownPlan } from './plan-shutdown';
import { planStartup } from './plan-startup';
import { planSteadyState, stuckInitContainer } from './plan-steady-state';
import { PlanInput, PlannedContainer, readPlanInput } from './read-plan-input';
import { renderJson } from './render-json';
import { renderMermaid } from './render-mermaid';
import { renderSvg } from './render-svg';
import { renderText } from './render-text';
import { GraceBudget, ShutdownStep } from './shutdown-step';
import { StartupStep } from './startup-step';
import { SteadyState } from './steady-state';
import { ContainerRole } from '../engine/container-role';
import { KubernetesVersion } from '../engine/kubernetes-version';

/**
 * A pod's start and stop sequence, computed from its manifest: who starts first and what each
 * step waits for, who runs and gates readiness, and how the one termination grace period is
 * shared when the pod stops. Follows KEP-753 and the kubelet.
 *
 * https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/
 * https://github.com/kubernetes/enhancements/blob/master/keps/sig-node/753-sidecar-containers/README.md
 */
export class LifecyclePlan {
  /**
   * Plans the pod of a manifest (wire-format JSON of any pod-bearing kind: Pod, Deployment, Job,
   * CronJob, ...) or of a bare pod spec (an object with `containers`).
   *
   * @throws when the input carries no pod, or the pod has problems that make a plan meaningless
   * (no app container, unnamed or duplicate containers, malformed annotations, ...); the message
   * lists every problem with its field path and fix.
   */
  public static of(manifestOrPodSpec: any, options: LifecyclePlanOptions = {}): LifecyclePlan {
    return new LifecyclePlan(manifestOrPodSpec, options);
  }

  /** Kind of the manifest (`Pod` for a bare pod spec). */
  public readonly kind: string;
  /** Name of the manifest, `(unnamed)` when it has none. */
  public readonly name: string;
  /** The Kubernetes version the plan is for. */
  public readonly targetVersion: KubernetesVersion;
  /** The start sequence, in order. */
  public readonly startup: StartupStep[];
  /** The running pod. */
  public readonly steadyState: SteadyState;
  /** The termination sequence (pod deleted, evicted or rolled), ordered by SIGTERM time. */
  public readonly shutdown: ShutdownStep[];
  /** How the shutdown shares `terminationGracePeriodSeconds`. */
  public readonly grace: GraceBudget;
  /** For pods that run to completion (`restartPolicy: Never|OnFailure`, Jobs, CronJobs); undefined otherwise. */
  public readonly completion?: CompletionPlan;
  /** Things worth knowing about this pod's lifecycle: races, undeclared shutdown times, budget overruns. */
  public readonly notes: string[];

  private constructor(manifestOrPodSpec: any, options: LifecyclePlanOptions) {
    const read = readPlanInput(manifestOrPodSpec);
    const version = options.targetVersion ?? KubernetesVersion.DEFAULT;
    const notes: string[] = [];
    const hasSidecars = read.containers.some((c) => c.role === ContainerRole.SIDECAR);
    const ordered = version.isAtLeast(KubernetesVersion.SIDECARS_BETA);
    const withoutSidecars = hasSidecars && version.isBefore(KubernetesVersion.SIDECARS_ALPHA);
    // Before 1.28 the API server drops restartPolicy from init containers: each sidecar is planned
    // as what it becomes, a regular init container that never exits.
    const input = withoutSidecars ? asRegularInitContainers(read, version) : read;

    this.kind = input.kind;
    this.name = input.name;
    this.targetVersion = version;
    if (withoutSidecars) {
      notes.push(`Kubernetes ${version} does not know sidecars: the API server drops restartPolicy from init containers, which then never exit and hold the pod in Init. Sidecars need 1.28 (feature gate) or 1.29+.`);
    } else if (hasSidecars && !ordered) {
      notes.push(`Kubernetes ${version}: sidecars are alpha (SidecarContainers feature gate, off by default) and termination is not ordered: sidecars get SIGTERM together with the app containers.`);
    }

    this.startup = planStartup(input, notes);
    this.steadyState = planSteadyState(input);

    const stuck = stuckInitContainer(input);
    const shutdown = stuck ? planStuckShutdown(input, stuck) : planShutdown(input, ordered, true);
    this.shutdown = [...shutdown.steps].sort((a, b) => a.sigtermAt - b.sigtermAt || a.step - b.step);
    this.grace = shutdown.budget;
    addShutdownNotes(input.gracePeriodSeconds, shutdown.steps, notes);

    if (input.isJob && !input.runsToCompletion) {
      notes.push(`a ${input.kind} needs its pod's restartPolicy to be Never or OnFailure, got ${input.restartPolicy}: the API server rejects it.`);
    }
    for (const c of input.containers.filter((x) => x.role === ContainerRole.APP)) {
      if (c.neverExits !== undefined) {
        notes.push(`"${c.name}" is ${c.neverExits}: the pod never completes (SC-JOB-001). Make it a native sidecar: move it to initContainers with restartPolicy: Always.`);
      } else if (c.stoppedBy !== undefined) {
        notes.push(`"${c.name}" is a legacy sidecar: ${c.stoppedBy}, so the pod completes when it exits. A native sidecar (initContainers with restartPolicy: Always) removes the protocol.`);
      }
    }
    if (input.runsToCompletion) {
      const apps = input.containers.filter((c) => c.role === ContainerRole.APP).map((c) => c.name);
      const allApps = apps.length === 1 ? `the app container "${apps[0]}"` : `every app container (${apps.map((a) => `"${a}"`).join(', ')})`;
      const blockers = stuck ? [stuck.name]
        : input.containers.filter((c) => c.role === ContainerRole.APP && c.neverExits !== undefined).map((c) => c.name);
      const completes = blockers.length === 0;
      const stop = completes ? planShutdown(input, ordered, false).steps : [];
      this.completion = {
        restartPolicy: input.restartPolicy,
        decidedBy: apps,
        completesWhen: !completes
          ? (stuck
            ? `the pod never completes: it stays in Init, because "${stuck.name}" never exits`
            : `the pod never completes: ${blockers.map((b) => `"${b}"`).join(', ')} never exit${blockers.length === 1 ? 's' : ''} on ${blockers.length === 1 ? 'its' : 'their'} own`)
          : input.restartPolicy === 'Never'
            ? `the pod completes when ${allApps} has exited (Succeeded if all exit 0, Failed otherwise); sidecars do not hold it`
            : `the pod completes when ${allApps} has exited with code 0 (failed ones are restarted); sidecars do not hold it`,
        completes,
        neverExits: blockers,
        sidecarsRestartedUntilCompletion: true,
        stopSequence: [...stop].sort((a, b) => a.sigtermAt - b.sigtermAt || a.step - b.step),
      };
    }
    this.notes = notes;
  }

  /** Container names in start order (init containers, then app containers, one at a time in declaration order). */
  public get startOrder(): string[] {
    return this.startup.map((s) => s.container);
  }

  /** Container names in the order they get SIGTERM when the pod is deleted. */
  public get stopOrder(): string[] {
    return this.shutdown.map((s) => s.container);
  }

  /** A fixed-width table for a terminal. */
  public toText(): string {
    return renderText(this);
  }

  /** A plain JSON object with stable keys (for `--output json` and snapshots). */
  public toJson(): any {
    return renderJson(this);
  }

  /** A Mermaid sequence diagram (for Markdown, e.g. pull requests). */
  public toMermaid(): string {
    return renderMermaid(this);
  }

  /** A self-contained SVG timeline: startup, steady state and the shutdown inside its grace budget. */
  public toSvg(): string {
    return renderSvg(this);
  }
}

/** Before 1.28: every sidecar becomes a regular init container that never exits. */
function asRegularInitContainers(input: PlanInput, version: KubernetesVersion): PlanInput {
  return {
    ...input,
    containers: input.containers.map((c) => (c.role !== ContainerRole.SIDECAR ? c : {
      ...c,
      role: ContainerRole.REGULAR_INIT,
      neverExits: `a sidecar (restartPolicy: Always), which Kubernetes ${version} runs as a regular init container`,
    })),
  };
}

/**
 * The pod stays in Init: only the init container that never exits runs, and termination stops it
 * alone (kubelet killContainer, with the pod's grace period). Planned with the usual step maths,
 * for that one container.
 */
function planStuckShutdown(input: PlanInput, stuck: PlannedContainer): ShutdownPlan {
  const plan = planShutdown({ ...input, containers: [{ ...stuck, role: ContainerRole.APP }] }, false, true);
  return { ...plan, steps: plan.steps.map((s) => ({ ...s, role: ContainerRole.REGULAR_INIT })) };
}

function addShutdownNotes(G: number, steps: ShutdownStep[], notes: string[]): void {
  const undeclared = steps.filter((s) => s.declaredSeconds === 0 && !s.hasPreStop).map((s) => `"${s.container}"`);
  if (undeclared.length > 0) {
    notes.push(`no shutdown time declared for ${undeclared.join(', ')}: the plan assumes ${undeclared.length === 1 ? 'it exits' : 'they exit'} at once on SIGTERM. Declare seconds with the cdk8s-sidecars.dev/shutdown-seconds annotation or a preStop sleep.`);
  }
  for (const s of steps.filter((x) => x.hasPreStop && x.preStopSeconds === 0)) {
    notes.push(`"${s.container}" has a preStop hook whose duration cannot be known (not a sleep): the plan counts it as 0s.`);
  }
  for (const s of steps.filter((x) => x.role === ContainerRole.SIDECAR && x.hasPreStop && x.step > 1)) {
    notes.push(`sidecar "${s.container}" runs its preStop hook when termination begins, together with the app containers, not at its turn (KEP-753); only its SIGTERM waits for its turn.`);
  }
  if (G === 0) {
    notes.push('terminationGracePeriodSeconds is 0: preStop hooks are skipped and every container gets SIGTERM at once, then SIGKILL 2s later (the kubelet\'s minimum).');
  }
  for (const s of steps.filter((x) => x.step > 1 && x.sigtermAt >= G && G > 0)) {
    notes.push(`the grace period is spent before "${s.container}"'s turn: it gets SIGTERM at ${s.sigtermAt}s together with whatever still runs, and SIGKILL at ${s.sigkillAt}s.`);
  }
  for (const s of steps.filter((x) => x.killed)) {
    notes.push(`"${s.container}" declares ${s.declaredSeconds}s but gets SIGTERM at ${s.sigtermAt}s with ${s.secondsLeft}s left: SIGKILL at ${s.sigkillAt}s cuts it short. Raise terminationGracePeriodSeconds or shorten the shutdown.`);
  }
}
