import { PodSecurityLevel } from './pod-security-level';
import { KubernetesVersion } from '../engine/kubernetes-version';
import { ModeOptions } from '../modes/mode-options';
import { SidecarMode } from '../modes/sidecar-mode';

/** A suppression with where it came from (`options`, or the field path of the annotation). */
export interface SuppressionEntry {
  readonly ruleId: string;
  readonly reason: string;
  readonly source: string;
}

/**
 * Everything that decides how one pod is built and judged, resolved once per pod by one resolver
 * (constructs: the workload's own props, then the nearest `SidecarChecks`, then the nearest
 * `SidecarSettings`, then the defaults; `SidecarRules` and the CLI: their options) and handed
 * to every step that needs it: the sidecar mode, the rules, the lifecycle plan and its docs.
 * Nothing downstream looks a setting up again. Immutable.
 */
export interface PodSettings {
  /** The Kubernetes version the pod is deployed to. */
  readonly targetVersion: KubernetesVersion;
  /** How sidecars are emitted (`AUTO` is resolved against `targetVersion` by the mode). */
  readonly sidecarMode: SidecarMode;
  /** Options of the LEGACY and UNIVERSAL protocols. */
  readonly modeOptions: ModeOptions;
  /** The Pod Security Standard every container is checked against. */
  readonly podSecurity: PodSecurityLevel;
  /** Report warnings as errors. */
  readonly warningsAsErrors: boolean;
  /**
   * Rules turned off, with reasons. The pipeline writes those of our constructs into the pod's
   * suppression annotation (for audit and for the CLI); `SidecarRules` applies its options' directly.
   */
  readonly suppressions: ReadonlyArray<SuppressionEntry>;
  /** The namespace policies (LimitRange, ResourceQuota) of the same app, for the rules that read them. */
  readonly policies: ReadonlyArray<any>;
}

/** The defaults: target 1.29, AUTO (so NATIVE), Pod Security baseline, nothing promoted, suppressed or applied. */
export const DEFAULT_POD_SETTINGS: PodSettings = Object.freeze({
  targetVersion: KubernetesVersion.DEFAULT,
  sidecarMode: SidecarMode.AUTO,
  modeOptions: {},
  podSecurity: PodSecurityLevel.BASELINE,
  warningsAsErrors: false,
  suppressions: [],
  policies: [],
});
