/**
 * Seed 000/001: a Job whose app writes one log line and exits, with a `logshipper` sidecar
 * that does not keep the Job from completing (Kubernetes docs, application/job/job-sidecar.yaml).
 * Containers run as uid 1000 because cdk8s-plus sets `runAsNonRoot: true` by default.
 */
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { SidecarJob } from '../src';

export function build(app: App): void {
  const chart = new Chart(app, 'job-sidecar');
  const data = kplus.Volume.fromEmptyDir(chart, 'data', 'data');

  const job = new SidecarJob(chart, 'myapp', {
    metadata: { name: 'myapp' },
    restartPolicy: kplus.RestartPolicy.NEVER,
  });
  job.addContainer({
    name: 'myjob',
    image: 'alpine:latest',
    command: ['sh', '-c', 'echo "logging" > /opt/logs.txt'],
    volumeMounts: [{ path: '/opt', volume: data }],
    securityContext: { user: 1000, group: 1000 },
  });
  job.addSidecar({
    name: 'logshipper',
    image: 'alpine:latest',
    command: ['sh', '-c', 'tail -F /opt/logs.txt'],
    volumeMounts: [{ path: '/opt', volume: data }],
    securityContext: { user: 1000, group: 1000 },
  });
}
