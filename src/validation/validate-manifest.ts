import { ApiWarning, FieldError, ValidationArea } from './field-error';
import { validatePodSpec } from './pod-spec';
import { optionsForVersion, PodValidationOptions } from './pod-validation-options';
import { validateServedVersion } from './served-versions';
import { podWarnings } from './warnings';
import { validateWorkload } from './workload';
import { KubernetesVersion } from '../engine/kubernetes-version';
import { PodManifest } from '../engine/pod-manifest';

/** The API server's answer for one object: errors reject it, warnings come with a success. */
export interface ApiValidation {
  readonly errors: ReadonlyArray<FieldError>;
  readonly warnings: ReadonlyArray<ApiWarning>;
  /** The errors grouped by area, for the rules that expose one area each. */
  readonly byArea: ReadonlyMap<ValidationArea, FieldError[]>;
}

/**
 * Options by target version: derived once per version, then shared (they are immutable). Looked
 * up by the version object first (a check passes the same one for every pod), then by its text.
 */
const OPTIONS = new Map<string, PodValidationOptions>();
const OPTIONS_BY_OBJECT = new WeakMap<KubernetesVersion, PodValidationOptions>();

function optionsFor(version: KubernetesVersion): PodValidationOptions {
  let o = OPTIONS_BY_OBJECT.get(version);
  if (o) return o;
  const key = version.toString();
  o = OPTIONS.get(key);
  if (!o) {
    o = optionsForVersion(version);
    OPTIONS.set(key, o);
  }
  OPTIONS_BY_OBJECT.set(version, o);
  return o;
}

/** The answer for a valid object (the common case), shared: nothing is allocated for it. */
const NO_ERRORS: ReadonlyArray<FieldError> = Object.freeze([]);
const NO_WARNINGS: ReadonlyArray<ApiWarning> = Object.freeze([]);
const NO_AREAS: ReadonlyMap<ValidationArea, FieldError[]> = new Map();

/**
 * Validates a pod-bearing object as the API server of `version` would, with its default feature
 * gates: the apiVersion, the workload's own fields, and the pod its controller creates (after
 * the API server's defaulting; for a StatefulSet with a volume per `volumeClaimTemplates`
 * entry). The pod is walked once; every error is collected.
 *
 * `overrides` replace options (the upstream tables validate with the switches of their Go tests).
 */
export function validatePodManifest(pod: PodManifest, version: KubernetesVersion, overrides?: Partial<PodValidationOptions>): ApiValidation {
  const base = optionsFor(version);
  const opts = overrides ? { ...base, ...overrides } : base;
  const errors: FieldError[] = [];
  validateServedVersion(pod.kind, pod.manifest.apiVersion, version, errors);
  const claims = validateWorkload(pod, opts, errors);
  validatePodSpec({ spec: pod.podSpec, path: pod.podSpecPath, claims }, opts, errors);
  const warnings = podWarnings(pod.podSpec, pod.podSpecPath, pod.podMetadata, pod.podMetadataPath, version, opts.applyDefaults);
  if (errors.length === 0 && warnings.length === 0) return { errors: NO_ERRORS, warnings: NO_WARNINGS, byArea: NO_AREAS };
  const byArea = new Map<ValidationArea, FieldError[]>();
  for (const e of errors) {
    const list = byArea.get(e.area);
    if (list) list.push(e);
    else byArea.set(e.area, [e]);
  }
  return { errors, warnings, byArea };
}
