/**
 * From a document's JSON value to the objects kubectl takes from it (k8s.io/cli-runtime's
 * resource builder, as `kubectl label --local -f` shows; recorded in test/fixtures/kubectl-reading/):
 *
 * - an empty document (`null`) holds nothing;
 * - anything but a mapping is refused;
 * - a mapping with `items` is a list, of any kind (`items: null` holds nothing): its items are the objects, and an
 *   item that is itself a list is refused (kubectl has no nested lists); items of `<X>List` that
 *   name neither apiVersion nor kind get `kind: X` and the list's apiVersion;
 * - every object needs a kind, list items an apiVersion too;
 * - `metadata` must decode as Kubernetes' ObjectMeta: labels and annotations map to strings,
 *   generation is an integer, timestamps are RFC 3339, and so on (kubectl refuses the file otherwise).
 */

/** A refusal, with the field path (inside the document) it is about. */
export interface ObjectProblem {
  readonly path: string;
  readonly message: string;
}

export interface DocumentObjects {
  readonly objects: Array<{ readonly manifest: any; readonly listIndex?: number }>;
  readonly problems: ObjectProblem[];
}

export function kubectlObjects(value: unknown): DocumentObjects {
  if (value === null || value === undefined) return { objects: [], problems: [] };
  if (!isPlainObject(value)) {
    return { objects: [], problems: [{ path: '', message: `the document is ${describe(value)}, expected a Kubernetes object (a mapping with apiVersion and kind)` }] };
  }
  const doc = value as Record<string, unknown>;
  if (Object.prototype.hasOwnProperty.call(doc, 'items')) {
    // `items: null` is a list with no items (kubectl reads nothing from it).
    if (doc.items === null) return { objects: [], problems: typeof doc.kind === 'string' && doc.kind !== '' ? [] : objectProblems(doc, '', false) };
    if (!Array.isArray(doc.items)) {
      return { objects: [], problems: [{ path: 'items', message: `items is ${describe(doc.items)}: a list's items must be a list of objects` }] };
    }
    return listObjects(doc);
  }
  const problems = objectProblems(doc, '', false);
  return problems.length > 0 ? { objects: [], problems } : { objects: [{ manifest: doc }], problems: [] };
}

function listObjects(list: Record<string, unknown>): DocumentObjects {
  const objects: DocumentObjects['objects'] = [];
  const problems: ObjectProblem[] = [];
  if (typeof list.kind !== 'string' || list.kind === '') {
    return { objects, problems: objectProblems(list, '', false) };
  }
  const items = list.items as unknown[];
  const listKind = typeof list.kind === 'string' ? list.kind : '';
  const itemKind = listKind.endsWith('List') ? listKind.slice(0, -'List'.length) : '';
  items.forEach((item, i) => {
    const path = `items[${i}]`;
    if (!isPlainObject(item)) {
      problems.push({ path, message: item === null ? 'the list item is empty: Object \'Kind\' is missing' : `the list item is ${describe(item)}, expected a Kubernetes object` });
      return;
    }
    let manifest = item as Record<string, unknown>;
    if (Array.isArray(manifest.items)) {
      problems.push({ path, message: 'the list item is itself a list (it has items); kubectl does not read nested lists' });
      return;
    }
    if (manifest.apiVersion === undefined && manifest.kind === undefined && itemKind !== '') {
      manifest = { ...manifest, apiVersion: list.apiVersion, kind: itemKind };
    }
    const own = objectProblems(manifest, path, true);
    if (own.length > 0) problems.push(...own);
    else objects.push({ manifest, listIndex: i });
  });
  return { objects, problems };
}

function objectProblems(o: Record<string, unknown>, at: string, needsApiVersion: boolean): ObjectProblem[] {
  const problems: ObjectProblem[] = [];
  const p = (field: string) => (at === '' ? field : `${at}.${field}`);
  if (typeof o.kind !== 'string' || o.kind === '') {
    problems.push({ path: at === '' ? (o.kind === undefined ? '' : 'kind') : (o.kind === undefined ? at : p('kind')), message: `Object 'Kind' is missing${o.kind === undefined ? '' : ` (kind is ${describe(o.kind)})`}: every Kubernetes object names its kind` });
  }
  if (o.apiVersion !== undefined && o.apiVersion !== null && typeof o.apiVersion !== 'string') {
    problems.push({ path: p('apiVersion'), message: `apiVersion is ${describe(o.apiVersion)}, expected a string such as "v1" or "apps/v1"` });
  } else if (needsApiVersion && (typeof o.apiVersion !== 'string' || o.apiVersion === '')) {
    problems.push({ path: at, message: 'Object \'apiVersion\' is missing: every item of a list names its apiVersion' });
  }
  const meta = metadataProblem(o.metadata, p('metadata'));
  if (meta) problems.push(meta);
  return problems;
}

const META_STRINGS = ['name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion'];
const META_INTS = ['generation', 'deletionGracePeriodSeconds'];
const META_TIMES = ['creationTimestamp', 'deletionTimestamp'];
const OWNER_STRINGS = ['apiVersion', 'kind', 'name', 'uid'];
const OWNER_BOOLS = ['controller', 'blockOwnerDeletion'];
const MANAGED_STRINGS = ['manager', 'operation', 'apiVersion', 'fieldsType', 'subresource'];

/** The first field of `metadata` that does not decode as ObjectMeta (JSON null is always accepted). */
function metadataProblem(meta: unknown, path: string): ObjectProblem | undefined {
  if (meta === undefined || meta === null) return undefined;
  if (!isPlainObject(meta)) return { path, message: `metadata is ${describe(meta)}, expected a mapping (ObjectMeta)` };
  const m = meta as Record<string, unknown>;
  return fieldsProblem(m, path, META_STRINGS, 'string')
    ?? fieldsProblem(m, path, META_INTS, 'int64')
    ?? fieldsProblem(m, path, META_TIMES, 'time')
    ?? stringMapProblem(m.labels, `${path}.labels`)
    ?? stringMapProblem(m.annotations, `${path}.annotations`)
    ?? listProblem(m.finalizers, `${path}.finalizers`, (v, at) => (v === null || typeof v === 'string' ? undefined : wrongType(at, v, 'a string')))
    ?? listProblem(m.ownerReferences, `${path}.ownerReferences`, (v, at) => objectFields(v, at, (o) => fieldsProblem(o, at, OWNER_STRINGS, 'string') ?? fieldsProblem(o, at, OWNER_BOOLS, 'bool')))
    ?? listProblem(m.managedFields, `${path}.managedFields`, (v, at) => objectFields(v, at, (o) => fieldsProblem(o, at, MANAGED_STRINGS, 'string') ?? fieldsProblem(o, at, ['time'], 'time')));
}

function fieldsProblem(o: Record<string, unknown>, at: string, fields: string[], type: 'string' | 'int64' | 'bool' | 'time'): ObjectProblem | undefined {
  for (const f of fields) {
    const v = o[f];
    if (v === undefined || v === null || !Object.prototype.hasOwnProperty.call(o, f)) continue;
    const path = `${at}.${f}`;
    switch (type) {
      case 'string':
        if (typeof v !== 'string') return wrongType(path, v, 'a string');
        break;
      case 'bool':
        if (typeof v !== 'boolean') return wrongType(path, v, 'true or false');
        break;
      case 'int64':
        if (typeof v !== 'number' || !Number.isInteger(v) || v < -(2 ** 63) || v >= 2 ** 63) return wrongType(path, v, 'a whole number (int64)');
        break;
      case 'time':
        if (typeof v !== 'string' || !isRfc3339(v)) return wrongType(path, v, 'an RFC 3339 time such as "2024-01-31T12:00:00Z"');
        break;
    }
  }
  return undefined;
}

function stringMapProblem(v: unknown, path: string): ObjectProblem | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isPlainObject(v)) return wrongType(path, v, 'a mapping of strings');
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (x !== null && typeof x !== 'string') return wrongType(`${path}[${k}]`, x, 'a string (quote it: kubectl refuses other values here)');
  }
  return undefined;
}

function listProblem(v: unknown, path: string, item: (v: unknown, at: string) => ObjectProblem | undefined): ObjectProblem | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) return wrongType(path, v, 'a list');
  for (let i = 0; i < v.length; i++) {
    const p = item(v[i], `${path}[${i}]`);
    if (p) return p;
  }
  return undefined;
}

function objectFields(v: unknown, at: string, check: (o: Record<string, unknown>) => ObjectProblem | undefined): ObjectProblem | undefined {
  if (v === null) return undefined;
  if (!isPlainObject(v)) return wrongType(at, v, 'a mapping');
  return check(v as Record<string, unknown>);
}

function wrongType(path: string, v: unknown, expected: string): ObjectProblem {
  return { path, message: `${path} is ${describe(v)}, expected ${expected}; kubectl cannot decode it as Kubernetes metadata` };
}

/** Go's `time.Parse(time.RFC3339, s)` for the forms Kubernetes writes. */
function isRfc3339(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/.exec(s);
  if (!m) return false;
  const [month, day, hour, minute, second] = [m[2], m[3], m[4], m[5], m[6]].map(Number);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 59
    && (m[9] === undefined || (Number(m[9]) <= 23 && Number(m[10]) <= 59));
}

export function isPlainObject(v: unknown): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Names a JSON value's type for messages: `a string ("abc")`, `a list`, `a number (5)`. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const shown = JSON.stringify(value) ?? String(value);
  return `a ${typeof value} (${shown.length > 40 ? `${shown.slice(0, 37)}...` : shown})`;
}
