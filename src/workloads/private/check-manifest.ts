import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { SidecarSettings } from '../sidecar-settings';
import { ChecksRegistry } from './checks-registry';
import { RenderOnce } from './render-once';
import { reportWarning } from './warning-reporter';
import { Annotations, readJsonAnnotation } from '../../engine/annotations';
import { Finding } from '../../engine/finding';
import { formatFinding } from '../../engine/finding-format';
import { PodManifest } from '../../engine/pod-manifest';
import { Severity } from '../../engine/severity';
import { isObject } from '../../engine/wire-types';
import { SidecarRules } from '../../rules/sidecar-rules';

/** Kinds that rules look at across manifests. */
export const POLICY_KINDS = new Set(['LimitRange', 'ResourceQuota']);

/** What a caller of `checkManifest` may add. */
export interface CheckOptions {
  /** Errors of the construct itself (declarations), computed from the rendered manifest. */
  readonly extraErrors?: (manifest: any) => string[];
  /** The construct's own target version, which wins over every enclosing setting. */
  readonly targetVersion?: string;
}

/** Settings that apply to one construct: the nearest enclosing `SidecarChecks` options, all suppressions around it. */
export interface ResolvedChecks {
  /** Nearest `SidecarChecks` option, else the nearest `SidecarSettings.setTargetVersion()`, else the default. */
  readonly targetVersion: string;
  readonly podSecurity?: any;
  readonly warningsAsErrors: boolean;
  readonly suppressions: Record<string, string>;
  readonly policies: any[];
}

export function resolveChecks(construct: IConstruct, ownTargetVersion?: string): ResolvedChecks {
  let targetVersion: string | undefined;
  let podSecurity: any;
  let warningsAsErrors: boolean | undefined;
  let policies: any[] | undefined;
  const suppressions: Record<string, string> = {};
  // Nearest first: the closest scope's option wins; suppressions accumulate (closest reason wins).
  for (let c: IConstruct | undefined = construct; c; c = c.node.scope) {
    const r = ChecksRegistry.tryOf(c);
    if (!r) continue;
    targetVersion ??= r.options?.targetVersion;
    podSecurity ??= r.options?.podSecurity;
    warningsAsErrors ??= r.options?.warningsAsErrors;
    if (r.options && policies === undefined) policies = r.policies;
    for (const [id, reason] of r.suppressions) if (!(id in suppressions)) suppressions[id] = reason;
  }
  return {
    // A workload's own setting wins; then the nearest SidecarChecks; then SidecarSettings (nearest scope, or the default).
    targetVersion: ownTargetVersion !== undefined
      ? SidecarSettings.targetVersion(construct, ownTargetVersion).toString()
      : targetVersion ?? SidecarSettings.targetVersion(construct).toString(),
    podSecurity,
    warningsAsErrors: warningsAsErrors ?? false,
    suppressions,
    policies: policies ?? [],
  };
}

/** Writes the suppressions that apply to a construct on its pod (template), merged with any already there. */
export function recordSuppressions(construct: IConstruct, manifest: any): any {
  const suppressions = resolveChecks(construct).suppressions;
  if (Object.keys(suppressions).length === 0) return manifest;
  const pod = PodManifest.from(manifest);
  if (!pod) return manifest;
  const existing = readJsonAnnotation(pod.podMetadata.annotations, Annotations.SUPPRESS);
  // Malformed by hand: leave it for SC-ANN-002 to report.
  if (existing !== undefined && !isObject(existing)) return manifest;
  const merged = { ...suppressions, ...(existing ?? {}) };
  const sorted = Object.fromEntries(Object.keys(merged).sort().map((k) => [k, merged[k]]));
  setPodAnnotation(pod, Annotations.SUPPRESS, JSON.stringify(sorted));
  return manifest;
}

/** Sets one annotation on the pod (template) metadata of a rendered manifest, keys kept sorted as cdk8s sorts them. */
export function setPodAnnotations(pod: PodManifest, values: Record<string, string>): void {
  const annotations = { ...(pod.template.metadata?.annotations ?? {}), ...values };
  pod.template.metadata = sortKeys({ ...(pod.template.metadata ?? {}), annotations: sortKeys(annotations) });
}

function setPodAnnotation(pod: PodManifest, key: string, value: string): void {
  setPodAnnotations(pod, { [key]: value });
}

function sortKeys<T extends Record<string, any>>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) as T;
}

/**
 * Renders an object for this synth and runs the rules on it. Returns the error messages
 * (cdk8s prefixes the construct path); prints warnings once.
 */
export function checkManifest(construct: IConstruct, render: RenderOnce, options: CheckOptions = {}): string[] {
  let result: { errors: string[]; warnings: string[] };
  try {
    // Once per synth call: cdk8s runs this validation (charts + 1) times in one synth.
    result = render.once('checks', (manifest) => runChecks(construct, manifest, options));
  } catch (e) {
    // A construct error while rendering (e.g. a bad setting): report it with the others, not as a crash.
    return [(e as Error).message];
  }
  for (const w of result.warnings) reportWarning(construct, w);
  return result.errors;
}

function runChecks(construct: IConstruct, manifest: any, options: CheckOptions): { errors: string[]; warnings: string[] } {
  const settings = resolveChecks(construct, options.targetVersion);
  const errors = [...(options.extraErrors?.(manifest) ?? [])];
  const warnings: string[] = [];
  let findings: Finding[];
  try {
    const [result] = SidecarRules.checkAll([manifest, ...settings.policies], {
      targetVersion: settings.targetVersion,
      podSecurity: settings.podSecurity,
      promoteWarnings: settings.warningsAsErrors,
    });
    findings = result?.findings ?? [];
  } catch (e) {
    errors.push((e as Error).message);
    findings = [];
  }
  for (const f of findings) {
    if (f.severity === Severity.ERROR) errors.push(formatFinding(f));
    else if (f.severity === Severity.WARNING) warnings.push(formatFinding(f));
  }
  return { errors, warnings };
}

/** ApiObjects of Sidecar* workloads: they check themselves, so `SidecarChecks` leaves them alone. */
const SIDECAR_OWNED = new WeakSet<ApiObject>();

export function markSidecarOwned(apiObject: ApiObject): void {
  SIDECAR_OWNED.add(apiObject);
}

export function isSidecarOwned(apiObject: ApiObject): boolean {
  return SIDECAR_OWNED.has(apiObject);
}
