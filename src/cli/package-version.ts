import * as fs from 'fs';
import * as path from 'path';

/** The npm package this CLI ships in. */
export const PACKAGE_NAME = 'cdk8s-sidecars';

/**
 * The version from the package's own `package.json`, found by walking up from this file
 * (`lib/cli/` once compiled, `src/cli/` under ts-jest). Read at run time rather than imported,
 * because `package.json` lies outside the compiler's `rootDir`.
 */
export function packageVersion(startDir: string = __dirname): string {
  let dir = startDir;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'package.json');
    try {
      const pkg = JSON.parse(fs.readFileSync(candidate, 'utf-8'));
      if (pkg && pkg.name === PACKAGE_NAME && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // not here (or unreadable): keep walking up
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return 'unknown';
}

/**
 * The repository's web address from the package's own `package.json` (`repository.url` without
 * `git+` and `.git`), for links into RULES.md.
 */
export function packageRepositoryUrl(startDir: string = __dirname): string {
  let dir = startDir;
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf-8'));
      if (pkg && pkg.name === PACKAGE_NAME) {
        const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
        if (typeof url === 'string') return url.replace(/^git\+/, '').replace(/\.git$/, '');
      }
    } catch {
      // not here (or unreadable): keep walking up
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return 'https://www.npmjs.com/package/cdk8s-sidecars';
}
