import { RuleContext } from './rule-context';
import { FieldPath } from '../engine/field-path';
import { Finding } from '../engine/finding';
import { podContainers } from '../engine/pod-containers';
import { PodManifest } from '../engine/pod-manifest';
import { Severity } from '../engine/severity';
import { isObject } from '../engine/wire-types';
import { QosClass } from '../resources/qos-class';
import { Quantity } from '../resources/quantity';
import { BaseRule } from './private/base-rule';
import { admitPod, effectiveOf, namespaceOf, nameOf, policiesOf, quantitiesOf, readQuantities } from './private/namespace-policies';
import { describe } from './private/pod-view';

/** Quota resources for which every container must state a figure (`validationSet` of pods.go). */
const VALIDATION_SET = ['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'];

/** The four scopes decided by the pod alone; others (PriorityClass, ...) make us skip the quota. */
const EVALUATED_SCOPES = new Set(['BestEffort', 'NotBestEffort', 'Terminating', 'NotTerminating']);

/**
 * The ResourceQuota admission plugin against the quotas of the workload's namespace in the same
 * app, following the pod evaluator of pkg/quota/v1/evaluator/core/pods.go:
 *
 * - A pod's usage is `PodRequests`/`PodLimits` (resource helpers.go): the EFFECTIVE figures, in
 *   which a sidecar counts for the pod's whole life, overhead included, and after LimitRanger has
 *   injected its defaults (it runs before the quota check). `cpu` and `requests.cpu` are both the
 *   request; `pods` and `count/pods` are 1 per pod.
 * - `Constraints`: when a quota limits cpu or memory (requests or limits), every container, init
 *   containers and sidecars included, must state that figure, or the pod is rejected with
 *   "must specify ...".
 * - Pods are admitted one at a time; a rejected pod uses nothing. We replay creation in input
 *   order (the order `kubectl apply -f` uses), every replica of a workload before the next
 *   workload, and report on EVERY workload that has a pod rejected: the workload that crosses the
 *   line and each later one that no longer fits. A DaemonSet counts one pod (its pod count
 *   depends on the nodes).
 * - Quotas with a `scopeSelector`, or with scopes other than BestEffort, NotBestEffort,
 *   Terminating and NotTerminating, are skipped: we do not evaluate them, and guessing would
 *   report false positives. Hard limits on other resources (services, count/..., hugepages with
 *   no request) are ignored for the same reason.
 */
export class ResourceQuotaFitRule extends BaseRule {
  public readonly id = 'SC-RES-003';
  public readonly name = 'resource-quota-fit';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'The pods of a workload (replicas x effective requests/limits, sidecars included) fit the ResourceQuotas of their namespace in the same app.';
  public readonly explanation = 'The ResourceQuota admission plugin charges each new pod its effective requests and limits, in which every sidecar counts for the pod\'s whole life, and rejects the pod when the namespace total would pass a hard limit; a workload with N replicas needs N pods\' worth, on top of the other workloads of the namespace. It also rejects a pod when the quota limits cpu or memory and any container, a sidecar included, states no such figure. Rejected pods are never created: the workload stays unavailable while `kubectl apply` of the workload itself succeeds.';
  public readonly fix = 'Lower the effective requests/limits per pod or the replicas, set requests and limits on every container (sidecars included), or raise the quota.';
  public readonly source = 'https://kubernetes.io/docs/concepts/policy/resource-quotas/ (pkg/quota/v1/evaluator/core/pods.go)';

  public evaluate(context: RuleContext): Finding[] {
    const quotas = policiesOf(context, 'ResourceQuota').map(readQuota).filter((x): x is Quota => x !== undefined);
    if (quotas.length === 0) return [];
    const limitRanges = policiesOf(context, 'LimitRange');
    const ns = namespaceOf(context.manifest);
    const all = Array.isArray(context.manifests) ? context.manifests : [];
    const self = all.indexOf(context.manifest);
    const earlier = (self < 0 ? all : all.slice(0, self)).filter((m) => PodManifest.from(m) && namespaceOf(m) === ns);
    const workloads = [...earlier, context.manifest].map((m) => workloadOf(m, limitRanges, context));
    const current = workloads[workloads.length - 1];
    const out: Finding[] = [];

    for (const quota of quotas) {
      const tracked = [...quota.hard.keys()];
      // Replay the earlier workloads' admissions.
      const used = new Map<string, Quantity>();
      const users: string[] = [];
      for (const w of workloads.slice(0, -1)) {
        if (!w.usage || !quota.matches(w) || missingFor(w, tracked).length > 0) continue;
        const fit = fitCount(w, used, quota.hard);
        if (fit === 0) continue;
        let counted = false;
        for (const [k, v] of w.usage) {
          if (!quota.hard.has(k)) continue;
          used.set(k, (used.get(k) ?? Quantity.zero()).add(v.mul(fit)));
          counted = counted || !v.isZero;
        }
        if (counted) users.push(w.displayName);
      }

      if (!current.usage || !quota.matches(current)) continue;
      const missing = missingFor(current, tracked);
      if (missing.length > 0) {
        for (const m of missing) {
          out.push(this.forbidden(m.path, `failed quota: ${quota.name}: must specify ${m.resources.join(',')}`,
            `set ${[...new Set(m.resources.map(fieldOf))].join(' and ')} on ${m.who}: quota "${quota.name}" limits them, so every container, sidecars included, must state them (or let a LimitRange default them)`));
        }
        continue;
      }
      const fit = fitCount(current, used, quota.hard);
      if (fit >= current.replicas) continue;
      const exceeded = tracked.filter((k) => {
        const pod = current.usage!.get(k);
        return pod !== undefined && (used.get(k) ?? Quantity.zero()).add(pod.mul(fit + 1)).cmp(quota.hard.get(k)!) > 0;
      }).sort();
      const usedAtFailure = new Map(exceeded.map((k) => [k, (used.get(k) ?? Quantity.zero()).add(current.usage!.get(k)!.mul(fit))]));
      const context_: string[] = [];
      if (current.replicas > 1) context_.push(`only ${fit} of ${current.replicas} pods fit`);
      if (users.length > 0) context_.push(`earlier in namespace "${ns}": ${users.join(', ')}`);
      const needed = exceeded.map((k) => `spec.hard[${k}] to at least ${(used.get(k) ?? Quantity.zero()).add(current.usage!.get(k)!.mul(current.replicas))}`);
      out.push(this.forbidden(current.pod.podSpecPath,
        `exceeded quota: ${quota.name}, requested: ${pretty(exceeded, current.usage)}, used: ${pretty(exceeded, usedAtFailure)}, limited: ${pretty(exceeded, quota.hard)}${context_.length > 0 ? ` (${context_.join('; ')})` : ''}`,
        fixFor(exceeded, current.replicas > 1 ? fit : undefined, needed, quota.name)));
    }
    return out;
  }
}

interface Quota {
  readonly name: string;
  readonly hard: Map<string, Quantity>;
  matches(w: Workload): boolean;
}

interface Workload {
  readonly displayName: string;
  readonly pod: PodManifest;
  /** Pods created: replicas/parallelism, 1 when unset (the API server's default) or for a DaemonSet. */
  readonly replicas: number;
  /** Quota usage of one pod; `undefined` when a quantity is invalid (SC-API-010 reports it). */
  readonly usage?: Map<string, Quantity>;
  readonly qos?: QosClass;
  /** Per container (as admitted): the quota resource names it states. */
  readonly stated: Array<{ readonly path: FieldPath; readonly who: string; readonly names: Set<string> }>;
}

function readQuota(rq: any): Quota | undefined {
  const spec = isObject(rq.spec) ? rq.spec : {};
  if (spec.scopeSelector !== undefined && spec.scopeSelector !== null) return undefined;
  const scopes: unknown[] = Array.isArray(spec.scopes) ? spec.scopes : [];
  if (!scopes.every((s) => typeof s === 'string' && EVALUATED_SCOPES.has(s))) return undefined;
  const hard = readQuantities(spec.hard);
  if (hard.size === 0) return undefined;
  return {
    name: nameOf(rq),
    hard,
    matches: (w) => scopes.every((s) => {
      const terminating = isTerminating(w.pod);
      switch (s) {
        case 'BestEffort': return w.qos === QosClass.BEST_EFFORT;
        case 'NotBestEffort': return w.qos !== QosClass.BEST_EFFORT;
        case 'Terminating': return terminating;
        default: return !terminating;
      }
    }),
  };
}

/** pods.go `IsTerminating`: `activeDeadlineSeconds >= 0`. */
function isTerminating(pod: PodManifest): boolean {
  const d = pod.podSpec.activeDeadlineSeconds;
  return typeof d === 'number' && d >= 0;
}

function workloadOf(manifest: any, limitRanges: any[], context: RuleContext): Workload {
  const admitted = admitPod(manifest, limitRanges);
  const pod = admitted.pod;
  const replicas = pod.kind === 'DaemonSet' ? 1 : Math.max(0, Math.floor(pod.replicas ?? 1));
  const stated = podContainers(pod.podSpec, pod.podSpecPath).map((c) => {
    const res = isObject(c.container.resources) ? c.container.resources : {};
    const names = new Set<string>();
    for (const r of Object.keys(isObject(res.requests) ? res.requests : {})) names.add(r).add(`requests.${r}`);
    for (const r of Object.keys(isObject(res.limits) ? res.limits : {})) names.add(`limits.${r}`);
    return { path: c.path.child('resources'), who: describe(c), names };
  });
  const effective = effectiveOf(admitted, context, false);
  if (!effective) return { displayName: pod.displayName, pod, replicas, stated };
  const usage = new Map<string, Quantity>([['pods', Quantity.parse('1')], ['count/pods', Quantity.parse('1')]]);
  for (const [r, v] of quantitiesOf(effective.requests)) {
    if (r === 'cpu' || r === 'memory' || r === 'ephemeral-storage') usage.set(r, v);
    usage.set(`requests.${r}`, v);
  }
  for (const [r, v] of quantitiesOf(effective.limits)) {
    if (r === 'cpu' || r === 'memory' || r === 'ephemeral-storage') usage.set(`limits.${r}`, v);
  }
  return { displayName: pod.displayName, pod, replicas, usage, qos: effective.qosClass, stated };
}

/** `Constraints` of pods.go, per container so that the path points at the container at fault. */
function missingFor(w: Workload, tracked: string[]): Array<{ path: FieldPath; who: string; resources: string[] }> {
  const required = VALIDATION_SET.filter((r) => tracked.includes(r));
  if (required.length === 0) return [];
  return w.stated
    .map((c) => ({ path: c.path, who: c.who, resources: required.filter((r) => !c.names.has(r)).sort() }))
    .filter((c) => c.resources.length > 0);
}

/** How many of the workload's pods are admitted, given what the namespace already uses. */
function fitCount(w: Workload, used: Map<string, Quantity>, hard: Map<string, Quantity>): number {
  const fits = (n: number) => [...w.usage!].every(([k, v]) => {
    const limit = hard.get(k);
    return limit === undefined || (used.get(k) ?? Quantity.zero()).add(v.mul(n)).cmp(limit) <= 0;
  });
  // Pods are identical, so "n pods fit" is monotonic in n: binary search, not one pod at a time.
  let lo = 0;
  let hi = w.replicas;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The hint: lower the per-pod figures (not for pod counts), run fewer replicas, or raise the quota. */
function fixFor(exceeded: string[], maxReplicas: number | undefined, needed: string[], quotaName: string): string {
  const figures = exceeded.filter((k) => k !== 'pods' && k !== 'count/pods');
  const options: string[] = [];
  if (figures.length > 0) options.push(`lower the pod's effective ${figures.join(', ')} (each sidecar counts for the pod's whole life; EffectiveResources.explain() shows the sum)`);
  if (maxReplicas !== undefined) options.push(`run at most ${maxReplicas} replicas`);
  options.push(`raise ${needed.join(' and ')} of ResourceQuota "${quotaName}"`);
  return options.length === 1 ? options[0] : `${options.slice(0, -1).join(', ')}, or ${options[options.length - 1]}`;
}

/** `prettyPrint` of the quota admission: `name=value` pairs, sorted, joined by commas. */
function pretty(keys: string[], values: Map<string, Quantity>): string {
  return keys.map((k) => `${k}=${values.get(k) ?? Quantity.zero()}`).join(',');
}

/** `requests.cpu` -> `resources.requests[cpu]`; bare `cpu` is the request. */
function fieldOf(resource: string): string {
  const [kind, name] = resource.includes('.') ? resource.split('.', 2) : ['requests', resource];
  return `resources.${kind}[${name}]`;
}
