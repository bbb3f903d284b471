import { IConstruct } from 'constructs';
import { SidecarMode } from './sidecar-mode';
import { KubernetesVersion } from '../engine/kubernetes-version';

const MODES: ReadonlyArray<string> = Object.values(SidecarMode);

/**
 * Settings that apply to every Sidecar* workload below a scope (an App, a Chart, any construct):
 * the Kubernetes version the manifests target and the sidecar mode. Nearest wins: a workload's
 * own prop, else the nearest scope that set the setting, else the default.
 *
 * Settings live in the construct tree's context (`node.setContext`), so they can also be set
 * without this class, e.g. `app.node.setContext('cdk8s-sidecars.dev/target-version', '1.28')`.
 * cdk8s's `App` takes no context in its props, and constructs refuses context on a scope that
 * already has children: set them right after creating the scope.
 *
 * @see https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/
 */
export class SidecarSettings {
  /** Context key of the target Kubernetes version (a string such as `1.29`). */
  public static readonly TARGET_VERSION_CONTEXT = 'cdk8s-sidecars.dev/target-version';
  /** Context key of the sidecar mode (`native`, `legacy`, `universal` or `auto`). */
  public static readonly SIDECAR_MODE_CONTEXT = 'cdk8s-sidecars.dev/sidecar-mode';

  /**
   * Sets the Kubernetes version targeted by every workload below `scope` that does not set its own.
   *
   * @param scope an App, a Chart or any construct; must not have children yet
   * @param version `1.29`, `v1.29` or `1.29.3` (the patch is ignored)
   * @throws if the version is not a Kubernetes version, or `scope` already has children
   */
  public static setTargetVersion(scope: IConstruct, version: string): void {
    let parsed: KubernetesVersion;
    try {
      parsed = KubernetesVersion.of(version);
    } catch (e) {
      throw new Error(`[${pathOf(scope)}] target version: ${(e as Error).message}. Fix: pass a Kubernetes minor version such as "1.29"`);
    }
    setContext(scope, SidecarSettings.TARGET_VERSION_CONTEXT, parsed.toString(), 'SidecarSettings.setTargetVersion()');
  }

  /**
   * The Kubernetes version that applies at `scope`: `own` when given (a workload's own prop), else
   * the nearest scope's setting, else `KubernetesVersion.DEFAULT` (1.29, the first release with
   * native sidecars on by default).
   *
   * @param scope the construct asking (usually a workload)
   * @param own the construct's own setting, which wins over every scope above it
   * @throws if `own`, or a value found in the context, is not a Kubernetes version
   */
  public static targetVersion(scope: IConstruct, own?: string): KubernetesVersion {
    if (own !== undefined) {
      try {
        return KubernetesVersion.of(own);
      } catch (e) {
        throw new Error(`[${pathOf(scope)}] targetVersion: ${(e as Error).message}. Fix: pass a Kubernetes minor version such as "1.29"`);
      }
    }
    const value = scope.node.tryGetContext(SidecarSettings.TARGET_VERSION_CONTEXT);
    if (value === undefined) return KubernetesVersion.DEFAULT;
    try {
      if (typeof value !== 'string') throw new Error(`expected a string such as "1.29", got ${JSON.stringify(value)}`);
      return KubernetesVersion.of(value);
    } catch (e) {
      throw new Error(`[${pathOf(setterOf(scope, SidecarSettings.TARGET_VERSION_CONTEXT))}] context ${SidecarSettings.TARGET_VERSION_CONTEXT}: ${(e as Error).message}. ` +
        'Fix: set it with SidecarSettings.setTargetVersion(scope, "1.29")');
    }
  }

  /**
   * Sets the sidecar mode of every workload below `scope` that does not set its own.
   *
   * @param scope an App, a Chart or any construct; must not have children yet
   * @throws if `scope` already has children
   */
  public static setSidecarMode(scope: IConstruct, mode: SidecarMode): void {
    if (!MODES.includes(mode)) {
      throw new Error(`[${pathOf(scope)}] sidecar mode: Unsupported value: ${JSON.stringify(mode)}: supported values: ${MODES.map((m) => `"${m}"`).join(', ')}. ` +
        'Fix: pass a SidecarMode');
    }
    setContext(scope, SidecarSettings.SIDECAR_MODE_CONTEXT, mode, 'SidecarSettings.setSidecarMode()');
  }

  /**
   * The sidecar mode that applies at `scope`: `own` when given, else the nearest scope's setting,
   * else `SidecarMode.AUTO`. `AUTO` is returned as is; it is resolved against the target version
   * when the pod is rendered.
   *
   * @throws if a value found in the context is not a sidecar mode
   */
  public static sidecarMode(scope: IConstruct, own?: SidecarMode): SidecarMode {
    const value = own ?? scope.node.tryGetContext(SidecarSettings.SIDECAR_MODE_CONTEXT);
    if (value === undefined) return SidecarMode.AUTO;
    if (typeof value === 'string' && MODES.includes(value)) return value as SidecarMode;
    const where = own !== undefined ? `[${pathOf(scope)}] sidecarMode` : `[${pathOf(setterOf(scope, SidecarSettings.SIDECAR_MODE_CONTEXT))}] context ${SidecarSettings.SIDECAR_MODE_CONTEXT}`;
    throw new Error(`${where}: Unsupported value: ${JSON.stringify(value)}: supported values: ${MODES.map((m) => `"${m}"`).join(', ')}. Fix: use a SidecarMode`);
  }

  private constructor() {}
}

function setContext(scope: IConstruct, key: string, value: string, api: string): void {
  const children = scope.node.children;
  if (children.length > 0) {
    throw new Error(`[${pathOf(scope)}] ${api} must be called before constructs are added to this scope (it already holds: ${children.map((c) => c.node.id).join(', ')}). ` +
      'Fix: call it right after creating the scope, or set the workload\'s own prop');
  }
  scope.node.setContext(key, value);
}

/** The nearest scope (from `scope` up) whose context value for `key` is its own, not inherited. */
function setterOf(scope: IConstruct, key: string): IConstruct {
  const value = scope.node.tryGetContext(key);
  let current: IConstruct = scope;
  while (current.node.scope && current.node.scope.node.tryGetContext(key) === value) current = current.node.scope;
  return current;
}

/** A construct's path for messages; the root (an App) has the empty path. */
function pathOf(scope: IConstruct): string {
  return scope.node.path === '' ? '(app)' : scope.node.path;
}
