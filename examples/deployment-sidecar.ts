/**
 * Seed 000/001: a Deployment whose app writes logs to a shared emptyDir and a `logshipper`
 * sidecar that follows them (Kubernetes docs, application/deployment-sidecar.yaml).
 *
 * Differences from the seed, on purpose: explicit resources (so the effective-resources
 * annotations are worth reading, see README "Effective resources"), and containers run as
 * uid 1000 because cdk8s-plus sets `runAsNonRoot: true` by default and alpine runs as root.
 */
import { App, Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { SidecarDeployment } from '../src';

export function build(app: App): void {
  const chart = new Chart(app, 'deployment-sidecar');
  const data = kplus.Volume.fromEmptyDir(chart, 'data', 'data');

  const deployment = new SidecarDeployment(chart, 'myapp', {
    metadata: { name: 'myapp', labels: { app: 'myapp' } },
    replicas: 2,
    select: false,
    podMetadata: { labels: { app: 'myapp' } },
  });
  deployment.select(kplus.LabelSelector.of({ labels: { app: 'myapp' } }));

  deployment.addContainer({
    name: 'myapp',
    image: 'alpine:latest',
    command: ['sh', '-c', "while true; do echo 'logging' >> /opt/logs.txt; sleep 1; done"],
    volumeMounts: [{ path: '/opt', volume: data }],
    securityContext: { user: 1000, group: 1000 },
    resources: {
      cpu: { request: kplus.Cpu.millis(100) },
      memory: { request: Size.mebibytes(128), limit: Size.mebibytes(256) },
    },
  });

  deployment.addSidecar({
    name: 'logshipper',
    image: 'alpine:latest',
    command: ['sh', '-c', 'tail -F /opt/logs.txt'],
    volumeMounts: [{ path: '/opt', volume: data }],
    securityContext: { user: 1000, group: 1000 },
  });
}
