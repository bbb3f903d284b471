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

/** Shared by the names that need no error (the common case: no allocation). */
const NO_ERRORS: ReadonlyArray<FieldError> = Object.freeze([]);

/** `validateContainerResourceName` (with `validateResourceName` inside). `path` is the list's; the key is added on error. */
function containerResourceNameErrors(name: string, list: () => FieldPath): ReadonlyArray<FieldError> {
  // cpu, memory, ephemeral-storage: qualified, standard and standard for containers.
  if (STANDARD_CONTAINER_RESOURCES.has(name)) return NO_ERRORS;
  const path = list();
  const problems = isQualifiedName(name);
  if (problems.length > 0) return problems.map((m) => invalid(path.key(name), name, m, AREA));
  const out: FieldError[] = [];
  const single = !name.includes('/');
  if (single && !isStandardResourceName(name)) out.push(invalid(path.key(name), name, 'must be a standard resource type or fully qualified', AREA));
  if (single) {
    if (!isHugePageResourceName(name)) {
      out.push(invalid(path.key(name), name, 'must be a standard resource for containers', AREA));
    }
  } else if (!isNativeResource(name) && !isExtendedResourceName(name)) {
    out.push(invalid(path.key(name), name, 'doesn\'t follow extended resource name standard', AREA));
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

/** Whether a quantity is whole, by instance: parsed quantities are shared, so this is computed once per text. */
const WHOLE = new WeakMap<Quantity, boolean>();
const FRACTIONAL_SUFFIX = /[num]$|e-/;

/** True for a whole number (`MilliValue() % 1000 == 0`): the canonical form has no fractional suffix. */
export function isWhole(q: Quantity): boolean {
  let whole = WHOLE.get(q);
  if (whole === undefined) {
    whole = !FRACTIONAL_SUFFIX.test(q.toString());
    WHOLE.set(q, whole);
  }
  return whole;
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

/** The quantity a resource map holds for a name, when it parses (negative ones included). */
function quantityOf(raw: unknown): Quantity | undefined {
  const q = readQuantity(raw);
  return typeof q === 'string' ? undefined : q;
}

/**
 * Checks one entry of a resource map: its name, that it parses, and its value (never negative;
 * integer resources, the extended ones, whole). Returns the quantity when it parses. `path` is
 * the map's (`...resources.limits`), derived by the caller only when needed; a key's path is
 * built only for an error.
 */
/** Checks a resource name; `p` derives the map's path, for an error. */
type NameCheck = (name: string, p: () => FieldPath) => ReadonlyArray<FieldError>;

function checkEntry(map: Record<string, unknown>, name: string, path: () => FieldPath, names: NameCheck, errs: FieldError[]): Quantity | undefined {
  const nameErrors = names(name, path);
  for (const e of nameErrors) errs.push(e);
  const raw = map[name];
  const q = readQuantity(raw);
  if (typeof q === 'string') {
    // The decoder rejects the whole object; reported here as the field it is.
    errs.push(invalid(path().key(name), raw, q, AREA, { fix: `write ${name} as a quantity such as "500m" or "128Mi"` }));
    return undefined;
  }
  // ValidateResourceQuantityValue: never negative; integer resources (extended ones) whole.
  if (q.sign < 0) {
    errs.push(invalid(path().key(name), q.toString(), IS_NEGATIVE_MSG, AREA, { fix: `write a value of zero or more for ${name}` }));
  } else if (isExtendedResourceName(name) && !isWhole(q)) {
    errs.push(invalid(path().key(name), q.toString(), 'must be an integer', AREA, { fix: `request whole units of ${name}` }));
  }
  return q;
}

/**
 * `ValidateContainerResourceRequirements` (`validateResourceRequirements` for a container):
 * names, quantities, hugepages, and requests against limits. `path` is `...resources`. The maps
 * are read in place (no parsed copy); quantities come from the shared parse cache.
 */
export function validateContainerResources(resources: unknown, path: FieldPath, errs: FieldError[]): void {
  const r = obj(resources);
  if (!r) return;
  const limits = obj(r.limits);
  const requests = obj(r.requests);
  if (!limits && !requests) return;
  const limitsPath = (): FieldPath => path.child('limits');
  const requestsPath = (): FieldPath => path.child('requests');
  let compute = false;
  let huge = false;
  if (limits) {
    for (const name in limits) {
      const q = checkEntry(limits, name, limitsPath, containerResourceNameErrors, errs);
      if (!q) continue;
      if (isHugePageResourceName(name)) {
        huge = true;
        hugePageErrors(name, q, limitsPath, errs);
      } else if (QOS_COMPUTE_RESOURCES.has(name)) {
        compute = true;
      }
    }
  }
  if (requests) {
    for (const name in requests) {
      const q = checkEntry(requests, name, requestsPath, containerResourceNameErrors, errs);
      if (!q) continue;
      const limit = limits && name in limits ? quantityOf(limits[name]) : undefined;
      if (limit) {
        // Parsed quantities are shared by text: the same text is the same instance.
        const cmp = q === limit ? 0 : q.cmp(limit);
        if (cmp !== 0 && !isOvercommitAllowed(name)) {
          errs.push(invalid(requestsPath(), q.toString(), `must be equal to ${name} limit of ${limit}`, AREA,
            { fix: `set requests.${name} equal to limits.${name}: ${name} cannot be overcommitted` }));
        } else if (cmp > 0) {
          errs.push(invalid(requestsPath(), q.toString(), `must be less than or equal to ${name} limit of ${limit}`, AREA,
            { fix: `lower requests.${name} to at most ${limit}, or raise limits.${name} to at least ${q}` }));
        }
      } else if (!isOvercommitAllowed(name)) {
        errs.push(required(limitsPath(), 'Limit must be set for non overcommitable resources', AREA, { fix: `set limits.${name} equal to requests.${name}` }));
      }
      if (isHugePageResourceName(name)) {
        huge = true;
        hugePageErrors(name, q, requestsPath, errs);
      } else if (QOS_COMPUTE_RESOURCES.has(name)) {
        compute = true;
      }
    }
  }
  if (!compute && huge) {
    errs.push(forbidden(path, 'HugePages require cpu or memory', AREA, { fix: 'request cpu or memory next to the hugepages' }));
  }
}

/** `path` is the list's (`...limits`). */
function hugePageErrors(name: string, q: Quantity, path: () => FieldPath, errs: FieldError[]): void {
  if (!isHugePageValueDivisible(name, q)) {
    errs.push(invalid(path().key(name), q.toString(), `${q} is not positive integer multiple of ${name}`, AREA, { fix: `use a whole number of ${name.slice(HUGEPAGES_PREFIX.length)} pages` }));
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
  const names = (name: string, p: () => FieldPath): ReadonlyArray<FieldError> => {
    if (QOS_COMPUTE_RESOURCES.has(name) || (opts.podLevelHugePages && isHugePageResourceName(name))) return NO_ERRORS;
    return [notSupported(p().key(name), name, supported, AREA, { fix: 'set other resources on the containers' })];
  };
  const limits = obj(r.limits);
  const requests = obj(r.requests);
  const limitsPath = (): FieldPath => path.child('limits');
  const requestsPath = (): FieldPath => path.child('requests');
  if (limits) for (const name in limits) checkEntry(limits, name, limitsPath, names, errs);
  if (!requests) return;
  for (const name in requests) {
    const q = checkEntry(requests, name, requestsPath, names, errs);
    const limit = q && limits && name in limits ? quantityOf(limits[name]) : undefined;
    if (q && limit && q !== limit && q.cmp(limit) > 0) {
      errs.push(invalid(requestsPath(), q.toString(), `must be less than or equal to ${name} limit of ${limit}`, AREA,
        { fix: `lower requests.${name} to at most ${limit}, or raise limits.${name} to at least ${q}` }));
    }
  }
}
