import { PodManifest } from '../../engine/pod-manifest';
import { isObject } from '../../engine/wire-types';
import { EffectiveResources } from '../../resources/effective-resources';
import { Quantity } from '../../resources/quantity';
import { RuleContext } from '../rule-context';

/**
 * Namespace-wide policies (LimitRange, ResourceQuota) of the same app, and what the API server's
 * admission chain does to a pod because of them. Shared by SC-RES-002 and SC-RES-003.
 */

/** A `metadata.namespace`; unset or empty means `default`, where `kubectl apply` puts it. */
export function namespaceOf(manifest: unknown): string {
  const meta = isObject(manifest) && isObject(manifest.metadata) ? manifest.metadata : {};
  return typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : 'default';
}

/** `metadata.name` or `(unnamed)`, for messages. */
export function nameOf(manifest: unknown): string {
  const meta = isObject(manifest) && isObject(manifest.metadata) ? manifest.metadata : {};
  return typeof meta.name === 'string' && meta.name !== '' ? meta.name : '(unnamed)';
}

/** Objects of `kind` in the namespace of the manifest under check, in input order. */
export function policiesOf(context: RuleContext, kind: string): any[] {
  const ns = namespaceOf(context.manifest);
  const list = Array.isArray(context.manifests) ? context.manifests : [];
  return list.filter((m) => isObject(m) && m.kind === kind && namespaceOf(m) === ns);
}

/**
 * A resource name -> quantity map read leniently: entries that are not quantities are left out.
 * The API server would reject such a policy object itself, so it constrains nothing.
 */
export function readQuantities(raw: unknown): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  if (!isObject(raw)) return out;
  for (const [name, value] of Object.entries(raw)) {
    try {
      out.set(name, Quantity.fromJson(value));
    } catch {
      // left out on purpose, see above
    }
  }
  return out;
}

/** One `spec.limits[]` item of a LimitRange, with the API server's defaulting applied. */
export interface LimitRangeItem {
  readonly limitRange: string;
  readonly type: string;
  readonly min: Map<string, Quantity>;
  readonly max: Map<string, Quantity>;
  readonly maxLimitRequestRatio: Map<string, Quantity>;
  readonly default: Map<string, Quantity>;
  readonly defaultRequest: Map<string, Quantity>;
}

/**
 * The items of a LimitRange as stored: `SetDefaults_LimitRangeItem` (pkg/apis/core/v1/defaults.go)
 * gives a Container item a default limit of `max` and a default request of `default`, else `min`,
 * for every resource that has no explicit default.
 */
export function limitRangeItems(limitRange: any): LimitRangeItem[] {
  const spec = isObject(limitRange.spec) ? limitRange.spec : {};
  const limits = Array.isArray(spec.limits) ? spec.limits : [];
  return limits.filter(isObject).map((item: Record<string, any>) => {
    const type = typeof item.type === 'string' ? item.type : '';
    const min = readQuantities(item.min);
    const max = readQuantities(item.max);
    const def = readQuantities(item.default);
    const defReq = readQuantities(item.defaultRequest);
    if (type === 'Container') {
      for (const [k, v] of max) if (!def.has(k)) def.set(k, v);
      for (const [k, v] of def) if (!defReq.has(k)) defReq.set(k, v);
      for (const [k, v] of min) if (!defReq.has(k)) defReq.set(k, v);
    }
    return {
      limitRange: nameOf(limitRange),
      type,
      min,
      max,
      maxLimitRequestRatio: readQuantities(item.maxLimitRequestRatio),
      default: def,
      defaultRequest: defReq,
    };
  });
}

/** A value LimitRanger wrote into a container because the container had none. */
export interface InjectedDefault {
  readonly limitRange: string;
  readonly value: Quantity;
}

/** What admission did to one container (keyed by its field path). */
export interface ContainerDefaults {
  readonly requests: Map<string, InjectedDefault>;
  readonly limits: Map<string, InjectedDefault>;
}

/** The pod as admission sees it after the API server's defaulting and LimitRanger's mutation. */
export interface AdmittedPod {
  /** A deep copy of the manifest with every container's `resources` as admitted. */
  readonly manifest: any;
  readonly pod: PodManifest;
  /** Container field path -> defaults LimitRanger injected into it. */
  readonly injected: Map<string, ContainerDefaults>;
}

/**
 * Applies, to a copy, what happens to the pod before the validating admission plugins see it:
 * first the API server's defaulting (`SetDefaults_Pod`: a limit without a request becomes the
 * request), then LimitRanger's mutation (`mergePodResourceRequirements` in
 * plugin/pkg/admission/limitranger/admission.go): every container, init containers and sidecars
 * included, gets each `default` limit and `defaultRequest` it lacks. Within one LimitRange a
 * later Container item overrides an earlier one; across LimitRanges the first one to set a value
 * wins, because each only fills what is still missing.
 */
export function admitPod(manifest: any, limitRanges: any[]): AdmittedPod {
  const copy = JSON.parse(JSON.stringify(manifest));
  const pod = PodManifest.from(copy)!;
  const perRange = limitRanges.map((lr) => {
    const requests = new Map<string, InjectedDefault>();
    const limits = new Map<string, InjectedDefault>();
    for (const item of limitRangeItems(lr)) {
      if (item.type !== 'Container') continue;
      for (const [k, v] of item.defaultRequest) requests.set(k, { limitRange: item.limitRange, value: v });
      for (const [k, v] of item.default) limits.set(k, { limitRange: item.limitRange, value: v });
    }
    return { requests, limits };
  });
  const injected = new Map<string, ContainerDefaults>();
  const lists = [pod.podSpec.initContainers, pod.podSpec.containers];
  const names = ['initContainers', 'containers'];
  lists.forEach((list, li) => {
    if (!Array.isArray(list)) return;
    list.forEach((c: any, i: number) => {
      if (!isObject(c)) return;
      const res = isObject(c.resources) ? c.resources : {};
      const requests: Record<string, unknown> = { ...(isObject(res.requests) ? res.requests : {}) };
      const limits: Record<string, unknown> = { ...(isObject(res.limits) ? res.limits : {}) };
      for (const [k, v] of Object.entries(limits)) if (!(k in requests)) requests[k] = v;
      const done: ContainerDefaults = { requests: new Map(), limits: new Map() };
      for (const defaults of perRange) {
        for (const [k, d] of defaults.limits) {
          if (k in limits) continue;
          limits[k] = d.value.toString();
          done.limits.set(k, d);
        }
        for (const [k, d] of defaults.requests) {
          if (k in requests) continue;
          requests[k] = d.value.toString();
          done.requests.set(k, d);
        }
      }
      c.resources = { ...res, requests, limits };
      injected.set(pod.podSpecPath.child(names[li]).index(i).toString(), done);
    });
  });
  return { manifest: copy, pod, injected };
}

/**
 * Effective pod requests and limits of an admitted pod (`PodRequests`/`PodLimits`), or
 * `undefined` when a quantity is invalid (SC-API-010 reports it). Pod-level resources count
 * from the version where the PodLevelResources gate is on by default.
 */
export function effectiveOf(admitted: AdmittedPod, context: RuleContext, excludeOverhead: boolean): EffectiveResources | undefined {
  try {
    return EffectiveResources.ofManifest(admitted.manifest, {
      excludeOverhead,
      targetVersion: context._version,
    });
  } catch {
    return undefined;
  }
}

/** A `{ name: quantity }` JSON map as parsed quantities. */
export function quantitiesOf(json: { [resource: string]: string }): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  for (const [k, v] of Object.entries(json)) out.set(k, Quantity.parse(v));
  return out;
}
