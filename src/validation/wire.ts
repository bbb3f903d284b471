import { isObject } from '../engine/wire-types';

/**
 * Reading wire-format JSON the way the API server's decoder fills Go structs: an absent field is
 * the zero value ("" for strings, 0 for integers, nil for pointers and lists).
 */

/** A string field, or "" when absent or null (values of another type are returned as they are). */
export function str(v: unknown): unknown {
  return v === undefined || v === null ? '' : v;
}

/** An integer field, or 0 when absent or null (values of another type are returned as they are). */
export function int(v: unknown): unknown {
  return v === undefined || v === null ? 0 : v;
}

/** True for a JSON integer (what an int32/int64 field decodes from). */
export function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

/** What `list` returns for an absent list: one shared, frozen empty array (read-only; nothing is allocated per call). */
const NIL: any[] = Object.freeze([]) as unknown as any[];

/** A list field: the array, or an empty (frozen) one when absent or not a list. */
export function list(v: unknown): any[] {
  return Array.isArray(v) ? v : NIL;
}

/** An object field, or undefined (nil) when absent, null or not an object. */
export function obj(v: unknown): Record<string, any> | undefined {
  return isObject(v) ? v : undefined;
}

/**
 * A value as text, without calling anything on it: strings as they are, other primitives
 * printed, objects and lists as JSON. Wire JSON may hold an object where a string belongs, even
 * one with a `toString` key, which `String(v)` or a template literal would call.
 */
export function text(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return String(v);
  try {
    return JSON.stringify(v) ?? typeof v;
  } catch {
    return typeof v;
  }
}

/** True when a pointer field is set (present and not null). */
export function isSet(v: unknown): boolean {
  return v !== undefined && v !== null;
}

/** Detail for a value of the wrong JSON type (the decoder's own error, in our words). */
export function typeDetail(expected: string): string {
  return `must be ${expected}`;
}
