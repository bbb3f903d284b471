import { Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';

/**
 * The one workload the benchmark synthesizes N times, described once so that every variant
 * (SidecarDeployment, plain cdk8s-plus, raw ApiObject, bare YAML) builds the same pod: one app
 * container, two sidecars with probes and resources, one regular init container and a volume
 * they all mount.
 *
 * Names are explicit (`metadata.name`, an `app` label selector) so that the raw variants can
 * write the same manifests without knowing cdk8s's naming scheme; the one generated value left,
 * cdk8s-plus's `cdk8s.io/metadata.addr` pod label, is reproduced by `podAddressLabel()`.
 */

/** Id of the one chart every workload lives in: a chart of N workloads is the case the scaling target is about. */
export const CHART_ID = 'bench';

/** Construct id of workload `i` (also its path component below the chart). */
export function workloadId(i: number): string {
  return `w${i}`;
}

/** `metadata.name` and `app` label of workload `i`. */
export function workloadName(i: number): string {
  return `w-${i}`;
}

export const SHARED_VOLUME = 'shared';
export const SHARED_PATH = '/shared';
export const PROXY_PORT = 15001;
export const PROXY_ADMIN_PORT = 15021;
export const APP_PORT = 8080;
export const LOG_SHIPPER_SHUTDOWN_SECONDS = 5;

function resources(cpuRequest: number, cpuLimit: number, memRequestMi: number, memLimitMi: number): kplus.ContainerResources {
  return {
    cpu: { request: kplus.Cpu.millis(cpuRequest), limit: kplus.Cpu.millis(cpuLimit) },
    memory: { request: Size.mebibytes(memRequestMi), limit: Size.mebibytes(memLimitMi) },
  };
}

/** The container props shared by the two construct variants (cdk8s-plus spelling). */
export interface WorkloadContainers {
  readonly app: kplus.ContainerProps;
  readonly setup: kplus.ContainerProps;
  readonly proxy: kplus.ContainerProps;
  readonly logShipper: kplus.ContainerProps;
}

/**
 * Container props of one workload. Built per workload (as user code would), each mounting the
 * workload's own volume. No readinessProbe on the sidecars: it would raise SC-READINESS-001
 * warnings, and the benchmark measures the clean path, not stderr.
 */
export function workloadContainers(volume: kplus.Volume): WorkloadContainers {
  const mount = { path: SHARED_PATH, volume };
  return {
    app: {
      name: 'app',
      image: 'registry.example/app:1.0',
      portNumber: APP_PORT,
      volumeMounts: [mount],
      resources: resources(250, 500, 256, 512),
    },
    setup: {
      name: 'setup',
      image: 'registry.example/setup:1.0',
      command: ['sh', '-c', `echo ready > ${SHARED_PATH}/ready`],
      volumeMounts: [mount],
      resources: resources(100, 100, 32, 32),
    },
    proxy: {
      name: 'proxy',
      image: 'envoyproxy/envoy:v1.30.0',
      portNumber: PROXY_PORT,
      startup: kplus.Probe.fromTcpSocket({ port: PROXY_PORT, periodSeconds: Duration.seconds(1), failureThreshold: 30 }),
      liveness: kplus.Probe.fromHttpGet('/healthz', { port: PROXY_ADMIN_PORT }),
      volumeMounts: [mount],
      resources: resources(100, 200, 64, 128),
    },
    logShipper: {
      name: 'log-shipper',
      image: 'fluent/fluent-bit:3.0',
      liveness: kplus.Probe.fromCommand(['sh', '-c', `test -e ${SHARED_PATH}/ready`]),
      volumeMounts: [{ ...mount, readOnly: true }],
      resources: resources(50, 100, 32, 64),
    },
  };
}

/** Deployment props that make the names explicit (see the file comment). */
export function deploymentProps(i: number): kplus.DeploymentProps {
  const name = workloadName(i);
  return { metadata: { name }, select: false, podMetadata: { labels: { app: name } } };
}

/** The selector every variant uses: the `app` label, not cdk8s-plus's hash-based matcher. */
export function selectorOf(i: number): kplus.LabelSelector {
  return kplus.LabelSelector.of({ labels: { app: workloadName(i) } });
}
