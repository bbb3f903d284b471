import { Finding } from '../engine/finding';
import { PodContainer, podContainers } from '../engine/pod-containers';
import { Severity } from '../engine/severity';
import { isObject } from '../engine/wire-types';
import { Quantity } from '../resources/quantity';
import { BaseRule } from './private/base-rule';
import { admitPod, AdmittedPod, ContainerDefaults, effectiveOf, LimitRangeItem, limitRangeItems, policiesOf, quantitiesOf, readQuantities } from './private/namespace-policies';
import { describe } from './private/pod-view';
import { RuleContext } from './rule-context';

/**
 * The LimitRanger admission plugin (plugin/pkg/admission/limitranger/admission.go) against the
 * LimitRanges of the workload's namespace in the same app.
 *
 * What the code does, which the docs leave out:
 * - Defaults first: every container without a request/limit gets the LimitRange's
 *   `defaultRequest`/`default` (`mergePodResourceRequirements`), init containers and sidecars
 *   included; the checks then see the injected values.
 * - Type `Container` checks every container, init containers and sidecars included
 *   (`validateContainerLimits` runs over `Containers` and `InitContainers`).
 * - Type `Pod` is NOT a plain sum over containers: `podRequests`/`podLimits` there mirror
 *   `PodRequests`/`PodLimits` of resource helpers.go (sidecars add up with app containers, a
 *   regular init container counts with the sidecars started before it, the pod needs the larger),
 *   without pod overhead, with pod-level `spec.resources` where the PodLevelResources gate is on.
 *   So we use `EffectiveResources` with `excludeOverhead`.
 * Quantities are compared exactly (`Quantity.Cmp` upstream, BigInt here).
 */
export class LimitRangeFitRule extends BaseRule {
  public readonly id = 'SC-RES-002';
  public readonly name = 'limit-range-fit';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'Containers (sidecars included) and the pod\'s effective resources fit the LimitRanges of their namespace in the same app.';
  public readonly explanation = 'The LimitRanger admission plugin first writes each LimitRange default (default limit, defaultRequest) into every container that sets none, sidecars and init containers included, then rejects the pod when any container breaks a Container min, max or maxLimitRequestRatio, or when the pod\'s effective requests or limits break a Pod min or max. A sidecar counts towards the Pod figures for the pod\'s whole life, so adding one can push a pod over a Pod max that the app container alone fits. A rejected pod is never created: the workload never becomes available, and `kubectl apply` of the workload itself still succeeds, so the failure only shows in the controller\'s events.';
  public readonly fix = 'Set requests and limits on every container (sidecars included) within the LimitRange\'s min and max, or change the LimitRange.';
  public readonly source = 'https://kubernetes.io/docs/concepts/policy/limit-range/ (plugin/pkg/admission/limitranger/admission.go)';

  public evaluate(context: RuleContext): Finding[] {
    const limitRanges = policiesOf(context, 'LimitRange');
    if (limitRanges.length === 0) return [];
    const admitted = admitPod(context.manifest, limitRanges);
    const containers = podContainers(admitted.pod.podSpec, admitted.pod.podSpecPath);
    const out: Finding[] = [];
    for (const c of containers) this.checkInjectedLimit(c, admitted, out);
    for (const lr of limitRanges) {
      for (const item of limitRangeItems(lr)) {
        if (item.type === 'Container') {
          for (const c of containers) this.checkContainer(item, c, admitted, out);
        } else if (item.type === 'Pod') {
          this.checkPod(item, admitted, context, out);
        }
      }
    }
    return out;
  }

  /**
   * An explicit request above a limit that LimitRanger injected: mutation runs before validation,
   * so validation.go then rejects the pod as if the user had written both.
   */
  private checkInjectedLimit(c: PodContainer, admitted: AdmittedPod, out: Finding[]): void {
    const figures = figuresOf(c);
    const injected = admitted.injected.get(c.path.toString());
    if (!figures || !injected) return;
    for (const [name, d] of injected.limits) {
      const request = figures.requests.get(name);
      if (!request || injected.requests.has(name) || request.cmp(d.value) <= 0) continue;
      out.push(this.invalid(c.path.child('resources', 'requests').key(name), request.toString(),
        `must be less than or equal to ${name} limit of ${d.value} (LimitRange "${d.limitRange}" injected this default limit because ${describe(c)} sets no ${name} limit)`,
        `set resources.limits[${name}] on ${describe(c)} to at least ${request}, or lower its request`));
    }
  }

  private checkContainer(item: LimitRangeItem, c: PodContainer, admitted: AdmittedPod, out: Finding[]): void {
    const figures = figuresOf(c);
    if (!figures) return; // an invalid quantity: SC-API-010 reports it
    const injected = admitted.injected.get(c.path.toString()) ?? { requests: new Map(), limits: new Map() };
    const base = c.path.child('resources');
    const who = describe(c);
    const lrName = `LimitRange "${item.limitRange}"`;
    for (const v of violations(item, 'Container', figures.requests, figures.limits)) {
      const path = base.child(v.field).key(v.resource);
      const note = injectedNote(injected, v, who);
      out.push(this.forbidden(path, `${v.text}${note}`, containerFix(v, who, lrName)));
    }
  }

  private checkPod(item: LimitRangeItem, admitted: AdmittedPod, context: RuleContext, out: Finding[]): void {
    const effective = effectiveOf(admitted, context, true);
    if (!effective) return; // an invalid quantity: SC-API-010 reports it
    const lrName = `LimitRange "${item.limitRange}"`;
    for (const v of violations(item, 'Pod', quantitiesOf(effective.requests), quantitiesOf(effective.limits))) {
      const figure = v.field === 'limits' ? 'limit' : 'request';
      const bound = v.kind === 'min' ? `at least ${v.enforced}` : v.kind === 'max' ? `at most ${v.enforced}` : `at most ${v.enforced} times the request`;
      out.push(this.forbidden(context._pod.podSpecPath, v.text,
        `bring the pod's effective ${v.resource} ${figure} to ${bound} (app containers and sidecars add up for the pod's whole life; EffectiveResources.explain() shows the sum), or change ${v.kind === 'ratio' ? 'maxLimitRequestRatio' : v.kind}[${v.resource}] of the Pod item of ${lrName}`));
    }
  }
}

/** One broken constraint, with the text LimitRanger prints (lower-case, as in current releases). */
interface Violation {
  readonly kind: 'min' | 'max' | 'ratio';
  readonly resource: string;
  readonly enforced: Quantity;
  /** The figure at fault. */
  readonly field: 'requests' | 'limits';
  /** True when the figure is missing (rather than out of range). */
  readonly missing: boolean;
  readonly text: string;
}

/**
 * `minConstraint`, `maxConstraint` and `limitRequestRatioConstraint` of admission.go, in that
 * order, each over the item's resources sorted by name (Go iterates maps in random order; we
 * want stable output).
 */
function violations(item: LimitRangeItem, type: string, requests: Map<string, Quantity>, limits: Map<string, Quantity>): Violation[] {
  const out: Violation[] = [];
  const sorted = (m: Map<string, Quantity>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [r, enforced] of sorted(item.min)) {
    const req = requests.get(r);
    const lim = limits.get(r);
    const v = { kind: 'min' as const, resource: r, enforced };
    if (!req) out.push({ ...v, field: 'requests', missing: true, text: `minimum ${r} usage per ${type} is ${enforced}. No request is specified` });
    else if (enforced.cmp(req) > 0) out.push({ ...v, field: 'requests', missing: false, text: `minimum ${r} usage per ${type} is ${enforced}, but request is ${req}` });
    else if (lim && enforced.cmp(lim) > 0) out.push({ ...v, field: 'limits', missing: false, text: `minimum ${r} usage per ${type} is ${enforced}, but limit is ${lim}` });
  }
  for (const [r, enforced] of sorted(item.max)) {
    const req = requests.get(r);
    const lim = limits.get(r);
    const v = { kind: 'max' as const, resource: r, enforced };
    if (!lim) out.push({ ...v, field: 'limits', missing: true, text: `maximum ${r} usage per ${type} is ${enforced}. No limit is specified` });
    else if (lim.cmp(enforced) > 0) out.push({ ...v, field: 'limits', missing: false, text: `maximum ${r} usage per ${type} is ${enforced}, but limit is ${lim}` });
    else if (req && req.cmp(enforced) > 0) out.push({ ...v, field: 'requests', missing: false, text: `maximum ${r} usage per ${type} is ${enforced}, but request is ${req}` });
  }
  for (const [r, enforced] of sorted(item.maxLimitRequestRatio)) {
    const req = requests.get(r);
    const lim = limits.get(r);
    const v = { kind: 'ratio' as const, resource: r, enforced };
    if (!req || req.isZero) out.push({ ...v, field: 'requests', missing: true, text: `${r} max limit to request ratio per ${type} is ${enforced}, but no request is specified or request is 0` });
    else if (!lim || lim.isZero) out.push({ ...v, field: 'limits', missing: true, text: `${r} max limit to request ratio per ${type} is ${enforced}, but no limit is specified or limit is 0` });
    else if (exceedsRatio(lim, req, enforced)) out.push({ ...v, field: 'limits', missing: false, text: `${r} max limit to request ratio per ${type} is ${enforced}, but provided ratio is ${ratioText(lim, req)}` });
  }
  return out;
}

/** A container's requests and limits as admitted, or `undefined` if any value is not a quantity. */
function figuresOf(c: PodContainer): { requests: Map<string, Quantity>; limits: Map<string, Quantity> } | undefined {
  const res = isObject(c.container.resources) ? c.container.resources : {};
  const requests = readQuantities(res.requests);
  const limits = readQuantities(res.limits);
  const count = (m: unknown) => (isObject(m) ? Object.keys(m).length : 0);
  if (requests.size !== count(res.requests) || limits.size !== count(res.limits)) return undefined;
  return { requests, limits };
}

/** Says so when the value at fault is one LimitRanger injected: the user never wrote it. */
function injectedNote(injected: ContainerDefaults, v: Violation, who: string): string {
  const d = (v.field === 'limits' ? injected.limits : injected.requests).get(v.resource);
  if (!d || v.missing) return '';
  const what = v.field === 'limits' ? 'limit' : 'request';
  return ` (LimitRange "${d.limitRange}" injected this default ${what} because ${who} sets no ${v.resource} ${what})`;
}

function containerFix(v: Violation, who: string, lrName: string): string {
  const field = `resources.${v.field}[${v.resource}]`;
  switch (v.kind) {
    case 'min':
      return `set ${field} on ${who} to at least ${v.enforced}, or lower min[${v.resource}] of ${lrName}`;
    case 'max':
      return `set ${field} on ${who} to at most ${v.enforced}, or raise max[${v.resource}] of ${lrName}`;
    default:
      return `set resources.requests[${v.resource}] and resources.limits[${v.resource}] on ${who} so that the limit is at most ${v.enforced} times the request, or raise maxLimitRequestRatio[${v.resource}] of ${lrName}`;
  }
}

/** An exact value: `mantissa` x 10^`exponent`. */
interface Exact {
  readonly m: bigint;
  readonly e: number;
}

const DECIMAL_EXPONENTS: Record<string, number> = { n: -9, u: -6, m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_POWERS: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

/**
 * The exact value of a quantity, read back from its canonical string (digits, then one suffix or
 * `e<exp>`). `Quantity` keeps its mantissa private and offers no division; the ratio needs both.
 */
function exactOf(quantity: Quantity): Exact {
  const m = /^(-?\d+)(?:e(-?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei)|([numkMGTPE]))?$/.exec(quantity.toString());
  if (!m) throw new Error(`unexpected canonical quantity ${quantity.toString()}`);
  const digits = BigInt(m[1]);
  if (m[2] !== undefined) return { m: digits, e: Number(m[2]) };
  if (m[3] !== undefined) return { m: digits * 2n ** BigInt(BINARY_POWERS[m[3]]), e: 0 };
  return { m: digits, e: m[4] !== undefined ? DECIMAL_EXPONENTS[m[4]] : 0 };
}

/** `a` and `b` as integers over the same power of ten. */
function aligned(a: Exact, b: Exact): [bigint, bigint] {
  const e = Math.min(a.e, b.e);
  return [a.m * 10n ** BigInt(a.e - e), b.m * 10n ** BigInt(b.e - e)];
}

const abs = (x: bigint) => (x < 0n ? -x : x);

/** `exceedsAllowed` of admission.go: |limit| > |request| x ratio, exactly. */
function exceedsRatio(limit: Quantity, request: Quantity, ratio: Quantity): boolean {
  const l = exactOf(limit);
  const r = exactOf(request);
  const k = exactOf(ratio);
  const product: Exact = { m: abs(r.m) * k.m, e: r.e + k.e };
  const [a, b] = aligned({ m: abs(l.m), e: l.e }, product);
  return a > b;
}

/** `ratioString` of admission.go: |limit| / |request| rounded half-even to six decimals. */
function ratioText(limit: Quantity, request: Quantity): string {
  const l = exactOf(limit);
  const r = exactOf(request);
  // num / den = |l| / |r| x 10^6
  let num = abs(l.m);
  let den = abs(r.m);
  const shift = l.e - r.e + 6;
  if (shift >= 0) num *= 10n ** BigInt(shift);
  else den *= 10n ** BigInt(-shift);
  let quotient = num / den;
  const twice = (num % den) * 2n;
  if (twice > den || (twice === den && quotient % 2n === 1n)) quotient += 1n;
  const text = quotient.toString().padStart(7, '0');
  return `${text.slice(0, -6)}.${text.slice(-6)}`;
}

/** @internal exported for tests only */
export const _ratio = { exceedsRatio, ratioText };
