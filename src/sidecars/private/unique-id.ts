import { Construct } from 'constructs';

/**
 * A construct id not yet used under `scope`: `base`, then `base-2`, `base-3`... Injection may render
 * the same definition several times into one chart (one per raw manifest), and construct ids
 * must be unique among siblings.
 */
export function uniqueId(scope: Construct, base: string): string {
  if (!scope.node.tryFindChild(base)) return base;
  for (let i = 2; ; i++) {
    const id = `${base}-${i}`;
    if (!scope.node.tryFindChild(id)) return id;
  }
}
