/**
 * The layering table of src/: for every folder, the folders of src/ and the packages its files may
 * import. Read by test/layering.test.ts (the guard) and test/architecture-doc.test.ts.
 */
/** Node's built-in modules the layers that touch the file system may use. */
export const NODE = ['fs', 'path', 'os', 'util', 'stream', 'readline', 'child_process', 'url', 'events', 'process', 'crypto'];
/** cdk8s and its companions: the construct layer only (cdk8s-plus itself only through `kplus`). */
export const CDK8S = ['cdk8s', 'constructs'];
/** src/cdk8s-plus.ts, the `kplus` layer: the one module that names a cdk8s-plus package (issue 15). */
export const KPLUS_MODULE = 'cdk8s-plus';

/** The engine layer: plain Kubernetes JSON in, findings and figures out; no cdk8s, no file system. */
export const ENGINE_LAYER = ['engine', 'resources', 'lifecycle', 'modes', 'validation', 'rules', 'pipeline'];

export interface Allowed {
  /** Folders of src/ (besides itself) whose files it may import. */
  readonly folders: ReadonlyArray<string>;
  /** Packages (npm or Node built-ins) it may import. */
  readonly packages: ReadonlyArray<string>;
}

export const LAYERS: Record<string, Allowed> = {
  // engine layer, bottom up
  'engine': { folders: [], packages: [] },
  'resources': { folders: ['engine'], packages: [] },
  'lifecycle': { folders: ['engine'], packages: [] },
  'modes': { folders: ['engine'], packages: [] },
  'validation': { folders: ['engine', 'resources'], packages: [] }, // API-server validation (issue 16)
  'rules': { folders: ['engine', 'resources', 'lifecycle', 'modes', 'validation'], packages: [] },
  'pipeline': { folders: ['engine', 'resources', 'lifecycle', 'modes', 'validation', 'rules'], packages: [] },
  // construct layer
  'kplus': { folders: ['engine'], packages: ['cdk8s', 'cdk8s-plus-28', 'constructs'] }, // the one cdk8s-plus import module (issue 15)
  'synth': { folders: ['engine', 'lifecycle', 'rules', 'pipeline', 'kplus'], packages: [...CDK8S, 'fs', 'path'] },
  'workloads': { folders: [...ENGINE_LAYER, 'synth', 'kplus'], packages: CDK8S },
  'sidecars': { folders: [...ENGINE_LAYER, 'synth', 'kplus', 'workloads'], packages: [...CDK8S, 'path', 'yaml'] },
  // the cdk8s validation plugin sits beside the CLI on the engine alone: it loads without cdk8s (issue 15)
  'plugin': { folders: ENGINE_LAYER, packages: ['fs', 'path', 'yaml'] },
  // command line: the engine layer, never the constructs
  'cli': { folders: ENGINE_LAYER, packages: [...NODE, 'yaml', 'js-yaml'] },
  // src/index.ts: re-exports everything public
  '(root)': { folders: ['engine', 'resources', 'lifecycle', 'modes', 'validation', 'rules', 'pipeline', 'kplus', 'synth', 'workloads', 'sidecars', 'plugin', 'cli'], packages: [] },
};
