/**
 * Acceptance: the seed Deployment and Job (Kubernetes docs' deployment-sidecar.yaml and
 * job-sidecar.yaml) written with LogShipperSidecar produce the same manifests as the
 * hand-written examples (examples/deployment-sidecar.ts, examples/job-sidecar.ts): the FULL
 * synthesized manifests are compared, not only their essentials.
 *
 * The seeds run `sh -c 'tail -F /opt/logs.txt'`, so the shipper is asked for
 * `TailCommandStyle.SHELL`, and for the examples' security context (uid 1000, cdk8s-plus
 * defaults) and the generic sidecar resources; everything else is the shipper's own wiring.
 */
import * as path from 'path';
import { App, Chart, Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Sidecar, SidecarDeployment, SidecarJob } from '../../src';
import { LogShipperSidecar } from '../../src/sidecars/log-shipper-sidecar';
import { TailCommandStyle } from '../../src/sidecars/tail-command-style';
import { essentials } from '../support/essentials';
import { readYaml, SEEDS, synthExample } from '../support/synth';

function synthApp(build: (app: App) => void): any[] {
  const app = Testing.app();
  build(app);
  return app.charts.flatMap((c) => Testing.synth(c));
}

/** The seed's shipper, as a LogShipperSidecar: image, name and the examples' uid 1000. */
function seedShipper(data: kplus.Volume): LogShipperSidecar {
  return LogShipperSidecar.tail({
    name: 'logshipper',
    image: 'alpine:latest',
    volume: data,
    commandStyle: TailCommandStyle.SHELL,
    securityContext: { user: 1000, group: 1000 },
    resources: Sidecar.DEFAULT_RESOURCES,
  });
}

function deploymentWithLogShipper(app: App): void {
  const chart = new Chart(app, 'deployment-sidecar');
  const data = kplus.Volume.fromEmptyDir(chart, 'data', 'data');
  const deployment = new SidecarDeployment(chart, 'myapp', {
    metadata: { name: 'myapp', labels: { app: 'myapp' } },
    replicas: 2,
    select: false,
    podMetadata: { labels: { app: 'myapp' } },
  });
  deployment.select(kplus.LabelSelector.of({ labels: { app: 'myapp' } }));
  const myapp = deployment.addContainer({
    name: 'myapp',
    image: 'alpine:latest',
    command: ['sh', '-c', "while true; do echo 'logging' >> /opt/logs.txt; sleep 1; done"],
    securityContext: { user: 1000, group: 1000 },
    resources: { cpu: { request: kplus.Cpu.millis(100) }, memory: { request: Size.mebibytes(128), limit: Size.mebibytes(256) } },
  });
  seedShipper(data).shipFrom(myapp, '/opt/logs.txt').addTo(deployment);
}

function jobWithLogShipper(app: App): void {
  const chart = new Chart(app, 'job-sidecar');
  const data = kplus.Volume.fromEmptyDir(chart, 'data', 'data');
  const job = new SidecarJob(chart, 'myapp', { metadata: { name: 'myapp' }, restartPolicy: kplus.RestartPolicy.NEVER });
  const myjob = job.addContainer({
    name: 'myjob',
    image: 'alpine:latest',
    command: ['sh', '-c', 'echo "logging" > /opt/logs.txt'],
    securityContext: { user: 1000, group: 1000 },
  });
  seedShipper(data).shipFrom(myjob, '/opt/logs.txt').addTo(job);
}

describe('LogShipperSidecar reproduces the seeds', () => {
  test.each([
    ['deployment-sidecar', deploymentWithLogShipper],
    ['job-sidecar', jobWithLogShipper],
  ])('GIVEN the %s seed written with LogShipperSidecar WHEN synthesized THEN the manifests equal the hand-written example exactly', (example, build) => {
    const withShipper = synthApp(build);
    const handWritten = synthExample(example);
    expect(withShipper).toEqual(handWritten);
    // and, like the hand-written example, it agrees with the seed YAML itself
    expect(withShipper.map(essentials)).toEqual(readYaml(path.join(SEEDS, `${example}.yaml`)).map(essentials));
  });

  test('the comparison is not vacuous: the default EXEC style differs from the hand-written example only in the command', () => {
    const exec = synthApp((app) => {
      const chart = new Chart(app, 'job-sidecar');
      const data = kplus.Volume.fromEmptyDir(chart, 'data', 'data');
      const job = new SidecarJob(chart, 'myapp', { metadata: { name: 'myapp' }, restartPolicy: kplus.RestartPolicy.NEVER });
      const myjob = job.addContainer({ name: 'myjob', image: 'alpine:latest', command: ['sh', '-c', 'echo "logging" > /opt/logs.txt'], securityContext: { user: 1000, group: 1000 } });
      LogShipperSidecar.tail({ name: 'logshipper', image: 'alpine:latest', volume: data, securityContext: { user: 1000, group: 1000 }, resources: Sidecar.DEFAULT_RESOURCES })
        .shipFrom(myjob, '/opt/logs.txt').addTo(job);
    });
    const handWritten = synthExample('job-sidecar');
    expect(exec).not.toEqual(handWritten);
    const shipper = exec[0].spec.template.spec.initContainers[0];
    expect(shipper.command).toEqual(['tail', '-F', '--', '/opt/logs.txt']);
    handWritten[0].spec.template.spec.initContainers[0].command = shipper.command;
    expect(exec).toEqual(handWritten);
  });
});
