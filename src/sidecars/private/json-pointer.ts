import { FieldPath } from '../../engine/field-path';

/** A field path as an RFC 6901 JSON pointer, for cdk8s JSON patches: `spec.template.spec` -> `/spec/template/spec`. */
export function jsonPointer(path: FieldPath): string {
  return path.steps().map((s) => `/${escapePointerToken(s)}`).join('');
}

/** RFC 6901: `~` -> `~0`, `/` -> `~1` (annotation keys hold slashes). */
export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
