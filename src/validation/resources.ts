import { FieldError, forbidden, invalid, notSupported, required, ValidationArea } from './field-error';
import { IS_NEGATIVE_MSG, isQualifiedName } from './names';
import { PodValidationOptions } from './pod-validation-options';
import { obj } from './wire';
import { FieldPath } from '../engine/field-path';
import { parseQuantityCached, Quantity } from '../resources/quantity';

const AREA = ValidationArea.RESOURCES;

/** `core.ResourceHugePagesPrefix`. */
const HUGEPAGES_PREFIX = 'hugepages-';
/** `core.DefaultResourceRequestsPrefix`. */
const REQUESTS_PREFIX = 'requests.';
/** `core.ResourceDefaultNamespacePrefix`. */
const NATIVE_PREFIX = 'kubernetes.io/';

/** pkg/apis/core/helper `standardResources`: names that need no domain prefix. */
const STANDARD_RESOURCES = new Set([
  'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage',
  'limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'pods', 'resourcequotas', 'services',
  'replicationcontrollers', 'secrets', 'configmaps', 'persistentvolumeclaims', 'storage', 'requests.storage',
  'services.nodeports', 'services.loadbalancers',
]);
/** `standardContainerResources`: what a container may request besides hugepages. */
const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);
const QOS_COMPUTE_RESOURCES = new Set(['cpu', 'memory']);

export function isHugePageResourceName(name: string): boolean {
  return name.startsWith(HUGEPAGES_PREFIX);
}

/** `IsNativeResource`: no domain, or a `kubernetes.io/` one. */
function isNativeResource(name: string): boolean {
  return !name.includes('/') || name.includes(NATIVE_PREFIX);
}

/** `IsExtendedResourceName`: a domain-prefixed, non-native name that also works as a quota name. */
function isExtendedResourceName(name: string): boolean {
  if (isNativeResource(name) || name.startsWith(REQUESTS_PREFIX)) return false;
  return isQualifiedName(REQUESTS_PREFIX + name).length === 0;
}

/** `IsOvercommitAllowed`: native resources but hugepages may be requested below their limit. */
function isOvercommitAllowed(name: string): boolean {
  return isNativeResource(name) && !isHugePageResourceName(name);
}

function isStandardResourceName(name: string): boolean {
  return STANDARD_RESOURCES.has(name) || isHugePageResourceName(name) || name.startsWith(`${REQUESTS_PREFIX}${HUGEPAGES_PREFIX}`);
}

/** `validateContainerResourceName` (with `validateResourceName` inside). */
function containerResourceNameErrors(name: string, path: FieldPath): FieldError[] {
  const out = isQualifiedName(name).map((m) => invalid(path, name, m, AREA));
  if (out.length > 0) return out;
  const single = !name.includes('/');
  if (single && !isStandardResourceName(name)) out.push(invalid(path, name, 'must be a standard resource type or fully qualified', AREA));
  if (single) {
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePageResourceName(name)) {
      out.push(invalid(path, name, 'must be a standard resource for containers', AREA));
    }
  } else if (!isNativeResource(name) && !isExtendedResourceName(name)) {
    out.push(invalid(path, name, 'doesn\'t follow extended resource name standard', AREA));
  }
  return out;
}

/**
 * A quantity as the decoder reads it, or the reason it is not one. Valid strings go through the
 * shared parse cache (synth parses the same few quantities for every pod).
 */
export function readQuantity(raw: unknown): Quantity | string {
  if (typeof raw === 'string') {
    const q = parseQuantityCached(raw);
    if (q instanceof Quantity) return q;
  }
  // Not a quantity: `fromJson` words the reason with the value and the allowed forms.
  try {
    return Quantity.fromJson(raw);
  } catch (e) {
    return (e as Error).message;
  }
}

/** True for a whole number (`MilliValue() % 1000 == 0`): the canonical form has no fractional suffix. */
function isWhole(q: Quantity): boolean {
  const s = q.toString();
  return !/[num]$/.test(s) && !/e-/.test(s);
}

const DECIMAL = { k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 } as Record<string, number>;
const BINARY = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 } as Record<string, number>;

/** The exact integer value of a whole quantity, from its canonical form. */
function wholeValue(q: Quantity): bigint {
  const m = /^(-?\d+)(?:([kMGTPE]|[KMGTPE]i)|e(\d+))?$/.exec(q.toString());
  if (!m) return -1n;
  const digits = BigInt(m[1]);
  if (m[3] !== undefined) return digits * 10n ** BigInt(m[3]);
  if (m[2] === undefined) return digits;
  return m[2] in BINARY ? digits * 2n ** BigInt(BINARY[m[2]]) : digits * 10n ** BigInt(DECIMAL[m[2]]);
}

/** `IsHugePageResourceValueDivisible`: the value is a whole number of pages of the size in the name. */
function isHugePageValueDivisible(name: string, q: Quantity): boolean {
  const size = readQuantity(name.slice(HUGEPAGES_PREFIX.length));
  if (typeof size === 'string' || size.sign <= 0 || q.sign < 0 || !isWhole(size) || !isWhole(q)) return false;
  return wholeValue(q) % wholeValue(size) === 0n;
}

/** Parses one resource map; reports bad quantities, negative and non-integer values, bad names. */
function readList(map: Record<string, unknown>, path: FieldPath, names: (name: string, p: FieldPath) => FieldError[], errs: FieldError[]): Map<string, Quantity> {
  const parsed = new Map<string, Quantity>();
  for (const name of Object.keys(map)) {
    const p = path.key(name);
    errs.push(...names(name, p));
    const q = readQuantity(map[name]);
    if (typeof q === 'string') {
      // The decoder rejects the whole object; reported here as the field it is.
      errs.push(invalid(p, map[name], q, AREA, { fix: `write ${name} as a quantity such as "500m" or "128Mi"` }));
      continue;
    }
    // ValidateResourceQuantityValue: never negative; integer resources (extended ones) whole.
    if (q.sign < 0) {
      errs.push(invalid(p, q.toString(), IS_NEGATIVE_MSG, AREA, { fix: `write a value of zero or more for ${name}` }));
    } else if (isExtendedResourceName(name) && !isWhole(q)) {
      errs.push(invalid(p, q.toString(), 'must be an integer', AREA, { fix: `request whole units of ${name}` }));
    }
    parsed.set(name, q);
  }
  return parsed;
}

/**
 * `ValidateContainerResourceRequirements` (`validateResourceRequirements` for a container):
 * names, quantities, hugepages, and requests against limits. `path` is `...resources`.
 */
export function validateContainerResources(resources: unknown, path: FieldPath, errs: FieldError[]): void {
  const r = obj(resources);
  if (!r) return;
  const limitsPath = path.child('limits');
  const requestsPath = path.child('requests');
  const limits = obj(r.limits) ? readList(r.limits, limitsPath, containerResourceNameErrors, errs) : new Map<string, Quantity>();
  let computeLimit = false;
  let hugeLimit = false;
  for (const [name, q] of limits) {
    if (isHugePageResourceName(name)) {
      hugeLimit = true;
      hugePageErrors(name, q, limitsPath.key(name), errs);
    }
    if (QOS_COMPUTE_RESOURCES.has(name)) computeLimit = true;
  }
  const requests = obj(r.requests) ? readList(r.requests, requestsPath, containerResourceNameErrors, errs) : new Map<string, Quantity>();
  let computeRequest = false;
  let hugeRequest = false;
  for (const [name, q] of requests) {
    const limit = limits.get(name);
    if (limit) {
      if (q.cmp(limit) !== 0 && !isOvercommitAllowed(name)) {
        errs.push(invalid(requestsPath, q.toString(), `must be equal to ${name} limit of ${limit}`, AREA,
          { fix: `set requests.${name} equal to limits.${name}: ${name} cannot be overcommitted` }));
      } else if (q.cmp(limit) > 0) {
        errs.push(invalid(requestsPath, q.toString(), `must be less than or equal to ${name} limit of ${limit}`, AREA,
          { fix: `lower requests.${name} to at most ${limit}, or raise limits.${name} to at least ${q}` }));
      }
    } else if (!isOvercommitAllowed(name)) {
      errs.push(required(limitsPath, 'Limit must be set for non overcommitable resources', AREA, { fix: `set limits.${name} equal to requests.${name}` }));
    }
    if (isHugePageResourceName(name)) {
      hugeRequest = true;
      hugePageErrors(name, q, requestsPath.key(name), errs);
    }
    if (QOS_COMPUTE_RESOURCES.has(name)) computeRequest = true;
  }
  if (!computeLimit && !computeRequest && (hugeLimit || hugeRequest)) {
    errs.push(forbidden(path, 'HugePages require cpu or memory', AREA, { fix: 'request cpu or memory next to the hugepages' }));
  }
}

function hugePageErrors(name: string, q: Quantity, path: FieldPath, errs: FieldError[]): void {
  if (!isHugePageValueDivisible(name, q)) {
    errs.push(invalid(path, q.toString(), `${q} is not positive integer multiple of ${name}`, AREA, { fix: `use a whole number of ${name.slice(HUGEPAGES_PREFIX.length)} pages` }));
  }
}

/**
 * Pod-level `spec.resources` (`validatePodResourceRequirements`): only cpu and memory (and, where
 * PodLevelResources is beta, hugepages) may be set; quantities valid; requests within limits.
 */
export function validatePodResources(resources: unknown, path: FieldPath, opts: PodValidationOptions, errs: FieldError[]): void {
  const r = obj(resources);
  if (!r) return;
  if (r.claims !== undefined && r.claims !== null) errs.push(forbidden(path.child('claims'), 'claims cannot be set for Resources at pod-level', AREA));
  const supported = opts.podLevelHugePages ? ['cpu', 'memory', 'hugepages-<size>'] : ['cpu', 'memory'];
  const names = (name: string, p: FieldPath): FieldError[] => {
    if (QOS_COMPUTE_RESOURCES.has(name) || (opts.podLevelHugePages && isHugePageResourceName(name))) return [];
    return [notSupported(p, name, supported, AREA, { fix: 'set other resources on the containers' })];
  };
  const limits = obj(r.limits) ? readList(r.limits, path.child('limits'), names, errs) : new Map<string, Quantity>();
  const requests = obj(r.requests) ? readList(r.requests, path.child('requests'), names, errs) : new Map<string, Quantity>();
  for (const [name, q] of requests) {
    const limit = limits.get(name);
    if (limit && q.cmp(limit) > 0) {
      errs.push(invalid(path.child('requests'), q.toString(), `must be less than or equal to ${name} limit of ${limit}`, AREA,
        { fix: `lower requests.${name} to at most ${limit}, or raise limits.${name} to at least ${q}` }));
    }
  }
}
