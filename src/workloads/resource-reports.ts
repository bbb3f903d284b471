import { Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { ErrorType } from '../engine/error-type';
import { usageError } from '../engine/usage-error';
import { resolvePodSettings } from './private/resolve-pod-settings';
import { ResourceReport } from '../resources/resource-report';

/**
 * Resource reports over constructs: synthesizes the charts under a scope (validation
 * included) and reports every pod-bearing workload in them.
 */
export class ResourceReports {
  /**
   * One row per pod-bearing workload of every chart under `scope` (the scope itself when it is a
   * chart): per-pod and total effective requests and limits, and the QoS class.
   *
   * @example
   * fs.writeFileSync('dist/resources.md', ResourceReports.of(app).toMarkdown());
   * @throws if synth fails (the validation errors, all at once)
   */
  public static of(scope: IConstruct): ResourceReport {
    const charts = scope.node.findAll().filter((c): c is Chart => Chart.isChart(c));
    if (charts.length === 0) {
      throw usageError(scope.node.path, 'ResourceReports.of', { field: 'scope', type: ErrorType.NOT_FOUND, detail: 'no chart under this scope', fix: 'pass an App or a Chart' });
    }
    return ResourceReport.fromManifests(charts.flatMap((chart) => chart.toJson()), { targetVersion: resolvePodSettings(scope).targetVersion });
  }

  private constructor() {}
}
