import { formatResourceMap, multiplyResourceMap, replicasOf } from './effective-resource-annotations';
import { EffectiveResources, EffectiveResourcesOptions } from './effective-resources';
import { formatInvalidQuantity, readPodResources } from './pod-resource-reader';
import { QosClass } from './qos-class';
import { ALLOWED_QUANTITY_FORMS } from './quantity';
import { PodManifest } from '../engine/pod-manifest';

/** One workload of a `ResourceReport`. */
export interface ResourceReportRow {
  /** e.g. `Deployment`. */
  readonly kind: string;
  /** `metadata.name` (`(unnamed)` when missing). */
  readonly name: string;
  /**
   * `metadata.namespace`.
   * @default - not set in the manifest
   */
  readonly namespace?: string;
  /**
   * Pods running at once (`replicas`/`parallelism`, 1 when unset; 1 for a Pod).
   * @default - not fixed: a DaemonSet runs one pod per node
   */
  readonly replicas?: number;
  /** Effective requests of one pod. */
  readonly requests: { [resource: string]: string };
  /** Effective limits of one pod (see `unbounded`). */
  readonly limits: { [resource: string]: string };
  /** Resources some container leaves without a limit. */
  readonly unbounded: string[];
  /**
   * Requests times replicas.
   * @default - no total: the replica count is not fixed
   */
  readonly totalRequests?: { [resource: string]: string };
  /**
   * Limits times replicas.
   * @default - no total: the replica count is not fixed
   */
  readonly totalLimits?: { [resource: string]: string };
  /** QoS class of the pods. */
  readonly qosClass: QosClass;
}

/**
 * Effective resources of every workload of a set of manifests (a chart, an app, a file),
 * one row per pod-bearing manifest, as JSON or as a Markdown table.
 */
export class ResourceReport {
  /**
   * Builds the report from manifests (wire-format JSON). Manifests without a pod
   * (Services, ConfigMaps, ...) are skipped.
   * @throws Error listing every invalid quantity of every manifest at once
   */
  public static fromManifests(manifests: any[], options: EffectiveResourcesOptions = {}): ResourceReport {
    const pods = (Array.isArray(manifests) ? manifests : []).map((m) => PodManifest.from(m)).filter((p): p is PodManifest => p !== undefined);
    const problems = pods.flatMap((p) => readPodResources(p, false).invalid.map((i) => `  ${p.displayName} ${formatInvalidQuantity(i)}`));
    if (problems.length > 0) {
      throw new Error(`${problems.length} invalid resource quantit${problems.length === 1 ? 'y' : 'ies'}:\n${problems.join('\n')}\nFix: write each as a Kubernetes quantity; ${ALLOWED_QUANTITY_FORMS}`);
    }
    return new ResourceReport(pods.map((p) => {
      const e = EffectiveResources._fromPod(p, options);
      const replicas = replicasOf(p);
      return {
        kind: p.kind,
        name: p.metadata.name ?? '(unnamed)',
        namespace: p.metadata.namespace,
        replicas,
        requests: e.requests,
        limits: e.limits,
        unbounded: e.unbounded,
        totalRequests: replicas === undefined ? undefined : multiplyResourceMap(e.requests, replicas),
        totalLimits: replicas === undefined ? undefined : multiplyResourceMap(e.limits, replicas),
        qosClass: e.qosClass,
      };
    }));
  }

  /** The rows, in the order given. */
  public readonly rows: ResourceReportRow[];

  public constructor(rows: ResourceReportRow[]) {
    this.rows = [...rows];
  }

  /** The rows as plain JSON (absent fields left out). */
  public toJson(): any {
    return JSON.parse(JSON.stringify({ rows: this.rows }));
  }

  /** A Markdown table, one line per workload; unbounded limits read `memory=unbounded`. */
  public toMarkdown(): string {
    const header = '| Kind | Name | Namespace | Replicas | QoS | Requests per pod | Limits per pod | Total requests | Total limits |';
    const rule = '| --- | --- | --- | --- | --- | --- | --- | --- | --- |';
    const lines = this.rows.map((r) => {
      const total = (m: { [k: string]: string } | undefined, unbounded: string[]) => (m === undefined ? '-' : formatResourceMap(m, unbounded));
      return `| ${r.kind} | ${r.name} | ${r.namespace ?? '-'} | ${r.replicas ?? 'per node'} | ${r.qosClass} | ${formatResourceMap(r.requests)} | `
        + `${formatResourceMap(r.limits, r.unbounded)} | ${total(r.totalRequests, [])} | ${total(r.totalLimits, r.unbounded)} |`;
    });
    return [header, rule, ...lines].join('\n') + '\n';
  }
}
