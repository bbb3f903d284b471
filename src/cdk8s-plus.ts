/**
 * The one module this library imports cdk8s-plus through: every `import * as kplus` in src/
 * reads `from '<relative>/cdk8s-plus'`, never a cdk8s-plus package by name. The cdk8s-plus-33
 * build (scripts/build-variant.ts) rewrites the package name on the line below, and nothing else,
 * so both packages come from one source. Not exported from index.ts: users import cdk8s-plus
 * themselves, and jsii names its types by their own assembly (`cdk8s-plus-28.Container`).
 */
export * from 'cdk8s-plus-28';
