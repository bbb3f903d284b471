/**
 * Kubernetes' `$(VAR)` expansion as a test oracle, written from the rules (expand.go's doc and
 * the table in expand-tables.ts), not from its code: one left-to-right pass in which `$(name)`
 * (up to the first `)`) becomes the value of a defined variable and stays as written otherwise,
 * `$$` becomes `$`, and a `$` followed by anything else, or ending the input, stays.
 */
export function expandLikeKubelet(input: string, env: Readonly<Record<string, string>>): string {
  return input.replace(/\$(?:\(([^)]*)\)|([\s\S]))/g, (whole: string, name?: string, next?: string) => {
    if (name !== undefined) return Object.prototype.hasOwnProperty.call(env, name) ? env[name] : whole;
    return next === '$' ? '$' : whole;
  });
}
