import { ApiObject, App, Chart, Duration, Yaml } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { SidecarDeployment } from '../src/workloads/sidecar-deployment';
import { finalManifest } from './final-manifest';
import {
  CHART_ID, deploymentProps, LOG_SHIPPER_SHUTDOWN_SECONDS, SHARED_VOLUME, selectorOf, workloadContainers, workloadId,
} from './workload-spec';

/** What one synth produced: the YAML, and what must stay alive to measure the memory it holds. */
export interface SynthResult {
  readonly yaml: string;
  /** The app (or the objects) behind the YAML, kept so the live heap after synth can be measured. */
  readonly retained: unknown;
}

/** One way of producing the N workloads' YAML. Every variant produces the same manifests. */
export interface SynthVariant {
  /** Short key used on the command line and in the table. */
  readonly key: VariantKey;
  /** What the row means, for the report. */
  readonly title: string;
  /** Builds N workloads and synthesizes them: the timed unit. */
  synth(n: number): SynthResult;
}

export type VariantKey = 'sidecar' | 'kplus' | 'raw' | 'floor';

/**
 * Synth is `new App()` + constructs + `app.synthYaml()` for every construct variant: it runs
 * cdk8s's dependency resolution, every validation (our rules among them) and the same
 * `Yaml.stringify` as `app.synth()`, without the disk writes that would add noise.
 */
function synthApp(build: (chart: Chart) => void): SynthResult {
  const app = new App();
  const chart = new Chart(app, CHART_ID);
  build(chart);
  return { yaml: app.synthYaml(), retained: app };
}

/** (a) Our construct: declared start order, rules at synth, effective-resources annotations. */
export function buildSidecarWorkload(chart: Chart, i: number): void {
  const deployment = new SidecarDeployment(chart, workloadId(i), deploymentProps(i));
  deployment.select(selectorOf(i));
  const c = workloadContainers(kplus.Volume.fromEmptyDir(deployment, 'shared', SHARED_VOLUME));
  const app = deployment.addContainer(c.app);
  const setup = deployment.addInitStep(c.setup);
  const proxy = deployment.addSidecar({ ...c.proxy, startAfter: [setup] });
  deployment.addSidecar({ ...c.logShipper, shutdownTime: Duration.seconds(LOG_SHIPPER_SHUTDOWN_SECONDS) });
  deployment.requireReady(app, proxy);
}

/** (b) What users write by hand with cdk8s-plus-28: `addInitContainer({ restartPolicy: ALWAYS })`. */
export function buildKplusWorkload(chart: Chart, i: number): void {
  const deployment = new kplus.Deployment(chart, workloadId(i), deploymentProps(i));
  deployment.select(selectorOf(i));
  const c = workloadContainers(kplus.Volume.fromEmptyDir(deployment, 'shared', SHARED_VOLUME));
  deployment.addContainer(c.app);
  deployment.addInitContainer(c.setup);
  deployment.addInitContainer({ ...c.proxy, restartPolicy: kplus.ContainerRestartPolicy.ALWAYS });
  deployment.addInitContainer({ ...c.logShipper, restartPolicy: kplus.ContainerRestartPolicy.ALWAYS });
}

/** (c) The final manifests as raw `ApiObject`s: cdk8s core only. */
export function buildRawWorkload(chart: Chart, i: number): void {
  const { apiVersion, kind, metadata, ...rest } = finalManifest(i);
  new ApiObject(chart, workloadId(i), { apiVersion, kind, metadata, ...rest });
}

export const VARIANTS: Record<VariantKey, SynthVariant> = {
  sidecar: {
    key: 'sidecar',
    title: 'SidecarDeployment (rules + annotations at synth)',
    synth: (n) => synthApp((chart) => { for (let i = 0; i < n; i++) buildSidecarWorkload(chart, i); }),
  },
  kplus: {
    key: 'kplus',
    title: 'kplus.Deployment + addInitContainer({ restartPolicy: ALWAYS })',
    synth: (n) => synthApp((chart) => { for (let i = 0; i < n; i++) buildKplusWorkload(chart, i); }),
  },
  raw: {
    key: 'raw',
    title: 'raw cdk8s ApiObject with the final manifests',
    synth: (n) => synthApp((chart) => { for (let i = 0; i < n; i++) buildRawWorkload(chart, i); }),
  },
  floor: {
    key: 'floor',
    title: 'floor: the final objects through cdk8s Yaml.stringify, no constructs',
    synth: (n) => {
      const docs = Array.from({ length: n }, (_, i) => finalManifest(i));
      // The very call `app.synthYaml()` ends with (cdk8s's own `yaml` copy and options).
      return { yaml: Yaml.stringify(...docs), retained: docs };
    },
  },
};

export const VARIANT_KEYS: VariantKey[] = ['sidecar', 'kplus', 'raw', 'floor'];
