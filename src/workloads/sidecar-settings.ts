import { IConstruct } from 'constructs';
import { ErrorType } from '../engine/error-type';
import { KubernetesVersion } from '../engine/kubernetes-version';
import { usageError } from '../engine/usage-error';
import { SidecarMode } from '../modes/sidecar-mode';

const MODES: ReadonlyArray<string> = Object.values(SidecarMode);
const SUPPORTED_MODES = `supported values: ${MODES.map((m) => JSON.stringify(m)).join(', ')}`;
const VERSION_FIX = 'pass a Kubernetes minor version such as "1.29"';

/**
 * Settings that apply to every Sidecar* workload below a scope (an App, a Chart, any construct):
 * the Kubernetes version the manifests target and the sidecar mode. Nearest wins: a workload's
 * own prop, else the nearest `SidecarChecks` option (target version), else the nearest scope that
 * set the setting, else the default.
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
    const parsed = KubernetesVersion._tryOf(version);
    if (!parsed) {
      throw usageError(scope.node.path, 'SidecarSettings.setTargetVersion', { field: 'version', type: ErrorType.INVALID, value: version, detail: KubernetesVersion._EXPECTED, fix: VERSION_FIX });
    }
    setContext(scope, SidecarSettings.TARGET_VERSION_CONTEXT, parsed.toString(), 'SidecarSettings.setTargetVersion');
  }

  /**
   * The Kubernetes version set at `scope`: `own` when given, else the nearest scope's setting,
   * else `KubernetesVersion.DEFAULT` (1.29, the first release with native sidecars on by
   * default). A workload's settings are resolved from this, its own props and the nearest
   * `SidecarChecks`.
   *
   * @param scope the construct asking (usually a workload)
   * @param own a setting of the construct itself, which wins over every scope above it
   * @throws if `own`, or a value found in the context, is not a Kubernetes version
   */
  public static targetVersion(scope: IConstruct, own?: string): KubernetesVersion {
    if (own !== undefined) {
      const parsed = KubernetesVersion._tryOf(own);
      if (!parsed) throw usageError(scope.node.path, 'SidecarSettings.targetVersion', { field: 'own', type: ErrorType.INVALID, value: own, detail: KubernetesVersion._EXPECTED, fix: VERSION_FIX });
      return parsed;
    }
    const value = scope.node.tryGetContext(SidecarSettings.TARGET_VERSION_CONTEXT);
    if (value === undefined) return KubernetesVersion.DEFAULT;
    const parsed = typeof value === 'string' ? KubernetesVersion._tryOf(value) : undefined;
    if (!parsed) {
      throw usageError(setterOf(scope, SidecarSettings.TARGET_VERSION_CONTEXT).node.path, `context ${SidecarSettings.TARGET_VERSION_CONTEXT}`, {
        field: '',
        type: ErrorType.INVALID,
        value,
        detail: typeof value === 'string' ? KubernetesVersion._EXPECTED : 'expected a string such as "1.29"',
        fix: 'set it with SidecarSettings.setTargetVersion(scope, "1.29")',
      });
    }
    return parsed;
  }

  /**
   * Sets the sidecar mode of every workload below `scope` that does not set its own.
   *
   * @param scope an App, a Chart or any construct; must not have children yet
   * @throws if `scope` already has children
   */
  public static setSidecarMode(scope: IConstruct, mode: SidecarMode): void {
    if (!MODES.includes(mode)) {
      throw usageError(scope.node.path, 'SidecarSettings.setSidecarMode', { field: 'mode', type: ErrorType.NOT_SUPPORTED, value: mode, detail: SUPPORTED_MODES, fix: 'pass a SidecarMode' });
    }
    setContext(scope, SidecarSettings.SIDECAR_MODE_CONTEXT, mode, 'SidecarSettings.setSidecarMode');
  }

  /**
   * The sidecar mode that applies at `scope`: `own` when given, else the nearest scope's setting,
   * else `SidecarMode.AUTO`. `AUTO` is returned as is; it is resolved against the target version
   * when the pod is rendered.
   *
   * @throws if `own`, or a value found in the context, is not a sidecar mode
   */
  public static sidecarMode(scope: IConstruct, own?: SidecarMode): SidecarMode {
    const value = own ?? scope.node.tryGetContext(SidecarSettings.SIDECAR_MODE_CONTEXT);
    if (value === undefined) return SidecarMode.AUTO;
    if (typeof value === 'string' && MODES.includes(value)) return value as SidecarMode;
    throw own !== undefined
      ? usageError(scope.node.path, 'sidecarMode', { field: 'mode', type: ErrorType.NOT_SUPPORTED, value, detail: SUPPORTED_MODES, fix: 'use a SidecarMode' })
      : usageError(setterOf(scope, SidecarSettings.SIDECAR_MODE_CONTEXT).node.path, `context ${SidecarSettings.SIDECAR_MODE_CONTEXT}`,
        { field: '', type: ErrorType.NOT_SUPPORTED, value, detail: SUPPORTED_MODES, fix: 'set it with SidecarSettings.setSidecarMode(scope, SidecarMode.AUTO)' });
  }

  private constructor() {}
}

function setContext(scope: IConstruct, key: string, value: string, api: string): void {
  const children = scope.node.children;
  if (children.length > 0) {
    throw usageError(scope.node.path, api, {
      field: '',
      type: ErrorType.FORBIDDEN,
      detail: `must be called before constructs are added to this scope (it already holds: ${children.map((c) => c.node.id).join(', ')})`,
      fix: 'call it right after creating the scope, or set the workload\'s own prop',
    });
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
