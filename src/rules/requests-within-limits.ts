import { FieldPath } from '../engine/field-path';
import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { isObject } from '../engine/wire-types';
import { parseQuantityCached, Quantity } from '../resources/quantity';
import { BaseRule } from './private/base-rule';
import { allContainers } from './private/pod-view';
import { RuleContext } from './rule-context';

/**
 * validation.go `ValidateContainerResourceRequirements` / pod-level `validatePodResourceRequirements`:
 * every quantity parses, and a request is at most the limit of the same resource. Compared
 * exactly (BigInt-backed `Quantity`), never as floats.
 */
export class RequestsWithinLimitsRule extends BaseRule {
  public readonly id = 'SC-API-010';
  public readonly name = 'requests-within-limits';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'Resource quantities are valid, not negative, and no request exceeds its limit.';
  public readonly explanation = 'The API server rejects a container (sidecars included) or a pod-level resources block whose request for a resource is greater than its limit for that resource, and any quantity that does not parse. Sidecar presets combined with user overrides make this easy to get wrong.';
  public readonly fix = 'Lower the request or raise the limit.';
  public readonly source = 'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go (ValidateContainerResourceRequirements)';

  public evaluate(context: RuleContext): Finding[] {
    const pod = context._pod;
    const out: Finding[] = [];
    for (const c of allContainers(pod)) this.check(c.container.resources, c, out);
    this.check(pod.podSpec.resources, { path: pod.podSpecPath }, out);
    return out;
  }

  /** `at.path.child('resources')` is only made when there is something to report. */
  private check(resources: unknown, at: { readonly path: FieldPath }, out: Finding[]): void {
    if (!isObject(resources)) return;
    const requests = this.read(resources, 'requests', at, out);
    const limits = this.read(resources, 'limits', at, out);
    for (const [name, request] of requests) {
      const limit = limits.get(name);
      if (limit && request.cmp(limit) > 0) {
        out.push(this.invalid(at.path.child('resources', 'requests').key(name), request.toString(), `must be less than or equal to ${name} limit of ${limit}`,
          `lower requests.${name} to at most ${limit}, or raise limits.${name} to at least ${request}`));
      }
    }
  }

  /** One resource map, parsed; invalid and negative quantities reported (and left out). */
  private read(resources: Record<string, any>, kind: 'requests' | 'limits', at: { readonly path: FieldPath }, out: Finding[]): Map<string, Quantity> {
    const parsed = new Map<string, Quantity>();
    const map = resources[kind];
    if (!isObject(map)) return parsed;
    for (const name of Object.keys(map)) {
      const raw = map[name];
      // The common case (a valid string) through the shared parse cache; anything else through
      // `fromJson`, whose message names the value and the allowed forms.
      const cached = typeof raw === 'string' ? parseQuantityCached(raw) : undefined;
      let quantity: Quantity;
      if (cached instanceof Quantity) {
        quantity = cached;
      } else {
        try {
          quantity = Quantity.fromJson(raw);
        } catch (e) {
          out.push(this.invalid(at.path.child('resources', kind).key(name), raw, (e as Error).message, `write ${kind}.${name} as a quantity such as "500m" or "128Mi"`));
          continue;
        }
      }
      if (quantity.sign < 0) {
        // validation.go ValidateResourceQuantityValue: resource quantities are never negative.
        out.push(this.invalid(at.path.child('resources', kind).key(name), raw, 'must be greater than or equal to 0',
          `write a ${kind.slice(0, -1)} of zero or more for ${name}`));
        continue;
      }
      parsed.set(name, quantity);
    }
    return parsed;
  }
}
