import * as jsyaml from 'js-yaml';
import { goFormatFloat32, resolvePlain } from './yaml11-scalars';

/**
 * The fast path of the reader: js-yaml with a schema that resolves plain scalars as kubectl does
 * (yaml11-scalars.ts). It reads the common subset of YAML exactly and reports `undefined` for
 * anything outside it (anchors and aliases, merge keys, explicit tags, complex or null keys, keys
 * whose JSON form differs from JavaScript's, `.inf`/`.nan`, unusual escapes, control characters,
 * over-long keys, any js-yaml error), which the exact reader (exact-yaml.ts) then reads: it is
 * slower, but it has every rule, the error messages and the positions.
 */

/** Set by the schema's constructors and the listener while one document loads. */
let outside = false;
let pending: ReturnType<typeof resolvePlain>;

const PLAIN = new jsyaml.Type('tag:yaml.org,2002:kubectl-plain', {
  kind: 'scalar',
  resolve: (data: string) => {
    pending = resolvePlain(data);
    return pending !== undefined;
  },
  construct: () => {
    const r = pending!;
    switch (r.kind) {
      case 'bool':
      case 'null':
        // A null key has no JSON form (kubectl refuses it); js-yaml would write "null". Null
        // keys are found in the text before loading (NULL_OR_EMPTY_KEY), so a null here is a value.
        return r.value;
      case 'int':
        if (!Number.isSafeInteger(r.value as number)) outside = true;
        return r.value;
      case 'float': {
        const f = r.value as number;
        // As a key, js-yaml writes String(f); kubectl writes Go's 32-bit %g. Where they differ, or
        // for .inf/.nan (no JSON value), leave it to the exact reader.
        if (!Number.isFinite(f) || String(f) !== goFormatFloat32(f)) outside = true;
        return f;
      }
      default:
        // uint64 (a key kubectl refuses) and `<<` (merge keys with goyaml.v2's order).
        outside = true;
        return r.value;
    }
  },
});

/** Any explicit tag: the exact reader resolves tags as goyaml.v2 does. */
const flagTag = (kind: 'scalar' | 'sequence' | 'mapping') => new jsyaml.Type('', {
  kind,
  multi: true,
  construct: (data: unknown) => {
    outside = true;
    return data;
  },
});

const SCHEMA = new jsyaml.Schema({ implicit: [PLAIN], explicit: [flagTag('scalar'), flagTag('sequence'), flagTag('mapping')] });

const LISTENER = (event: string, state: any) => {
  if (event === 'close' && state.anchor !== null && state.anchor !== undefined) outside = true;
};

/**
 * Nesting js-yaml reads (its recursion overflows the stack between 1,000 and 2,000 levels);
 * deeper documents go to the exact reader, which refuses them. kubectl reads up to 10,000.
 */
export const FAST_MAX_DEPTH = 1100;

/** A key written `? key`, or a flow collection used as a key (`[a]: x`, `{a: b}: x`). */
const COMPLEX_KEY = /(?:^|[\s[{,])\?(?:[ \t\r\n]|$)|[\]}][ \t]*:(?:[ \t\r\n]|$)/m;
/**
 * A key that is null (`~: x`, `null: x`) or empty (`: x`). Quoted text can match too: that only
 * costs speed. Written from the `:` backwards (a lookbehind), which scans several times faster.
 */
const NULL_OR_EMPTY_KEY = /:(?=[ \t\r\n]|$)(?<=(?:^|[\s,{[?-])(?:~|null|Null|NULL)?[ \t]*:)/m;
/**
 * Escapes goyaml.v2 reads differently from js-yaml: `\ud800` (a surrogate; goyaml.v2 refuses it),
 * `\/` (YAML 1.2 only: refused), `\'` (goyaml.v2 only) and any unknown one. Backslashes outside
 * double quotes match too: that only costs speed.
 */
const ODD_ESCAPE = /\\(?:(?:u|U0000)[dD][89a-fA-F]|[^0abt\tnvfre "\\N_LPxuU\r\n])/;
/** Characters YAML does not allow in a stream (goyaml.v2: "control characters are not allowed"). */
export const NOT_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]/;
/** goyaml.v2 limits implicit keys to 1,024 characters; Kubernetes keys are far shorter than this. */
const LONG_KEY = 256;

/**
 * Reads one YAML document (the first document of a kubectl chunk, see document-splitter.ts) as
 * kubectl would, or returns `undefined` when the document needs the exact reader.
 *
 * @param longestLine the longest line of `text`, in characters (known to the splitter)
 */
export function readFast(text: string, longestLine: number): { value: unknown } | { tooDeep: number } | undefined {
  if (COMPLEX_KEY.test(text) || NULL_OR_EMPTY_KEY.test(text) || ODD_ESCAPE.test(text) || NOT_PRINTABLE.test(text)) return undefined;
  outside = false;
  let value: unknown;
  try {
    value = jsyaml.load(text, {
      schema: SCHEMA,
      json: true,
      listener: text.indexOf('&') === -1 ? undefined : LISTENER,
      maxDepth: FAST_MAX_DEPTH,
    } as jsyaml.LoadOptions);
  } catch (e) {
    // Deeper than js-yaml reads: deeper than the exact reader reads too; say so without parsing again.
    if (e instanceof RangeError) return { tooDeep: 0 };
    if (/maxDepth/.test(String((e as Error)?.message))) return { tooDeep: (e as { mark?: { position?: number } }).mark?.position ?? 0 };
    return undefined;
  } finally {
    pending = undefined;
  }
  if (outside) return undefined;
  if (longestLine > 1024 && hasLongKey(value)) return undefined;
  return { value };
}

function hasLongKey(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) return v.some(hasLongKey);
  for (const k of Object.keys(v)) {
    if (k.length > LONG_KEY || hasLongKey((v as any)[k])) return true;
  }
  return false;
}
