import { ForeignRelation, foreignRelationFindings } from './foreign-relations';
import { orderInitContainers } from './order-init-containers';
import { Annotations, readJsonAnnotation } from '../engine/annotations';
import { Finding } from '../engine/finding';
import { declarationAnnotations, PodDeclarations } from '../engine/pod-declarations';
import { PodManifest } from '../engine/pod-manifest';
import { isObject } from '../engine/wire-types';
import { applySidecarMode, resolveSidecarMode } from '../modes/apply-sidecar-mode';
import { hasModeOptions } from '../modes/mode-options';
import { SidecarMode } from '../modes/sidecar-mode';
import { effectiveResourceAnnotationsOfPod } from '../resources/effective-resource-annotations';
import { PodSettings } from '../rules/pod-settings';
import { checkPod } from '../rules/private/check-pod';
import { SuppressedFinding } from '../rules/suppressed-finding';

/** What one of our workloads declared for its pod, resolved to names at synth. */
export interface WorkloadDeclarations {
  /** The relations between containers of the pod, deduplicated. */
  readonly declarations: PodDeclarations;
  /** Relations that name a step, sidecar or container that is not part of the workload (SC-DECL-002). */
  readonly foreign: ReadonlyArray<ForeignRelation>;
}

/** What the pipeline builds and judges. */
export interface PodPipelineInput {
  /**
   * A rendered pod-bearing manifest (wire-format JSON). The pipeline writes into it when
   * `workload` or `record` is set: pass a manifest the caller owns (a fresh render).
   */
  readonly manifest: any;
  /** The pod's settings, resolved once by the caller. */
  readonly settings: PodSettings;
  /**
   * The declarations of one of our workloads: the pod is then ordered, emitted in its sidecar
   * mode and annotated (declarations, mode, effective resources) before the rules judge it.
   * Absent: the pod is judged as written (other constructs' objects, the CLI, `SidecarRules`).
   */
  readonly workload?: WorkloadDeclarations;
  /**
   * Write `settings.suppressions` into the pod's suppression annotation (for audit and for the
   * CLI), which the rules then read like any other. Otherwise they are applied as options.
   */
  readonly record?: boolean;
  /** Every manifest of the app, for the rules that read across manifests. Default: the pod's and the settings' policies. */
  readonly manifests?: any[];
}

/** What the pipeline produced. */
export interface PodPipelineResult {
  /** The final manifest (the input object, written in place). */
  readonly manifest: any;
  /** Reported findings of every stage and rule, most serious first. */
  readonly findings: Finding[];
  /** Findings a suppression turned off, kept for audit. */
  readonly suppressed: SuppressedFinding[];
}

/**
 * The one path from a rendered pod to its final manifest and findings, used by the constructs
 * (at synth) and by the CLI alike. On one read of the pod, in this order:
 *
 * 1. order: init containers in the declared start order (a stable topological sort);
 * 2. mode: NATIVE, LEGACY or UNIVERSAL (AUTO resolved), which also rewrites the declarations to
 *    what the mode keeps and reports the rest once;
 * 3. annotations: the declarations, the mode's notes and the recorded suppressions;
 * 4. effective resources: computed from the final pod spec and written as annotations;
 * 5. rules: every registered rule, then suppressions, promotion and order over all findings.
 *
 * Stages 1-4 run for our workloads only (`workload`); anything else is judged as written.
 */
export function runPodPipeline(input: PodPipelineInput): PodPipelineResult {
  const { settings } = input;
  const pod = PodManifest.from(input.manifest);
  if (!pod) return { manifest: input.manifest, findings: [], suppressed: [] };
  const stageFindings: Finding[] = [];
  const annotations: Record<string, string> = {};
  let declarations: PodDeclarations | undefined;

  if (input.workload) {
    const { foreign } = input.workload;
    if (foreign.length > 0) stageFindings.push(...foreignRelationFindings(pod, foreign));
    orderInitContainers(pod, input.workload.declarations);
    let kept = input.workload.declarations;
    // NATIVE without protocol options (most pods) leaves the pod as it is: no call, nothing to allocate.
    if (resolveSidecarMode(settings.sidecarMode, settings.targetVersion) !== SidecarMode.NATIVE || hasModeOptions(settings.modeOptions)) {
      const mode = applySidecarMode(pod.podSpec, settings.sidecarMode, {
        ...settings.modeOptions,
        targetVersion: settings.targetVersion,
        podSpecPath: pod.podSpecPath,
        runsToCompletion: pod.runsToCompletion || undefined,
        declarations: kept,
      });
      if (mode.findings.length > 0) stageFindings.push(...mode.findings);
      if (mode.podSpec !== pod.podSpec) pod._replacePodSpec(mode.podSpec);
      kept = mode.declarations;
      Object.assign(annotations, mode.annotations);
    }
    // The rules may take the declarations as written only if the pod carries no others (a hand-written annotation).
    declarations = hasDeclarationAnnotations(pod) ? undefined : kept;
    Object.assign(annotations, declarationAnnotations(kept));
  }
  if (input.record && settings.suppressions.length > 0) {
    const recorded = recordedSuppressions(pod, settings);
    if (recorded !== undefined) annotations[Annotations.SUPPRESS] = recorded;
  }
  if (input.workload) {
    // With a bad quantity there is no figure to write; the rules report it (SC-API-010).
    const effective = effectiveResourceAnnotationsOfPod(pod, { targetVersion: settings.targetVersion });
    if (effective) Object.assign(annotations, effective);
  }
  for (const _ in annotations) {
    pod._setPodAnnotations(annotations);
    break;
  }

  const result = checkPod({
    pod,
    settings,
    manifests: input.manifests,
    stageFindings,
    declarations,
    applySettingsSuppressions: !input.record,
  });
  return { manifest: input.manifest, findings: result.findings, suppressed: result.suppressed };
}

const DECLARATION_KEYS = [Annotations.START_AFTER, Annotations.NEEDS_READY, Annotations.SHUTDOWN_SECONDS];

function hasDeclarationAnnotations(pod: PodManifest): boolean {
  const a = pod.podMetadata.annotations;
  return isObject(a) && DECLARATION_KEYS.some((k) => a[k] !== undefined);
}

/** The suppression annotation with the settings' suppressions merged in (a hand-written entry wins); undefined when malformed (SC-ANN-002 reports it). */
function recordedSuppressions(pod: PodManifest, settings: PodSettings): string | undefined {
  const existing = readJsonAnnotation(isObject(pod.podMetadata.annotations) ? pod.podMetadata.annotations : undefined, Annotations.SUPPRESS);
  if (existing !== undefined && !isObject(existing)) return undefined;
  const merged: Record<string, unknown> = {};
  for (const s of settings.suppressions) merged[s.ruleId] = s.reason;
  Object.assign(merged, existing ?? {});
  return JSON.stringify(Object.fromEntries(Object.keys(merged).sort().map((k) => [k, merged[k]])));
}
