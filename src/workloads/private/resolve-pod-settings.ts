import { IConstruct } from 'constructs';
import { ChecksRegistry } from './checks-registry';
import { KubernetesVersion } from '../../engine/kubernetes-version';
import { ModeOptions } from '../../modes/mode-options';
import { PodSecurityLevel } from '../../rules/pod-security-level';
import { DEFAULT_POD_SETTINGS, PodSettings, SuppressionEntry } from '../../rules/pod-settings';
import { SidecarModeOptions } from '../sidecar-mode';
import { SidecarSettings } from '../sidecar-settings';

/** What a workload sets for itself (its props), parsed once at construction. */
export interface OwnSettings {
  readonly targetVersion?: KubernetesVersion;
  readonly sidecarMode?: SidecarModeOptions;
}

/**
 * The one resolver of a pod's settings, once per render of an object: the construct's own props,
 * then the nearest enclosing `SidecarChecks`, then the nearest `SidecarSettings` (construct
 * context), then the defaults. Suppressions of every enclosing `SidecarChecks` apply (the
 * nearest reason wins). Nothing else in the library looks a setting up.
 *
 * @throws for a bad value found in the construct context (with the scope that set it and the fix)
 */
export function resolvePodSettings(construct: IConstruct, own: OwnSettings = {}): PodSettings {
  let checksVersion: KubernetesVersion | undefined;
  let podSecurity: PodSecurityLevel | undefined;
  let warningsAsErrors: boolean | undefined;
  let policies: any[] | undefined;
  let suppressions: SuppressionEntry[] | undefined;
  // Nearest first: the closest scope's option wins; suppressions accumulate (closest reason wins).
  for (let c: IConstruct | undefined = construct; c; c = c.node.scope) {
    const r = ChecksRegistry.tryOf(c);
    if (!r) continue;
    checksVersion ??= r.options?.targetVersion;
    podSecurity ??= r.options?.podSecurity;
    warningsAsErrors ??= r.options?.warningsAsErrors;
    if (r.options && policies === undefined) policies = r.policies;
    for (const [ruleId, reason] of r.suppressions) {
      suppressions ??= [];
      if (!suppressions.some((s) => s.ruleId === ruleId)) suppressions.push({ ruleId, reason, source: 'SidecarChecks.suppress' });
    }
  }
  return {
    targetVersion: own.targetVersion ?? checksVersion ?? SidecarSettings.targetVersion(construct),
    sidecarMode: SidecarSettings.sidecarMode(construct, own.sidecarMode?.mode),
    modeOptions: modeOptionsOf(own.sidecarMode),
    podSecurity: podSecurity ?? DEFAULT_POD_SETTINGS.podSecurity,
    warningsAsErrors: warningsAsErrors ?? false,
    suppressions: suppressions ?? DEFAULT_POD_SETTINGS.suppressions,
    policies: policies ?? DEFAULT_POD_SETTINGS.policies,
  };
}

/** `SidecarModeOptions` (public, with Durations) as the numbers the modes take. */
function modeOptionsOf(options: SidecarModeOptions | undefined): ModeOptions {
  if (!options) return DEFAULT_POD_SETTINGS.modeOptions;
  return {
    detectionTimeoutSeconds: options.detectionTimeout ? options.detectionTimeout.toMilliseconds() / 1000 : undefined,
    stopTimeoutSeconds: options.stopTimeout ? options.stopTimeout.toMilliseconds() / 1000 : undefined,
    lifecycleMountPath: options.lifecycleMountPath,
    shell: options.shell,
  };
}

