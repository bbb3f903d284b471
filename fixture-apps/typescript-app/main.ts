import { Construct } from 'constructs';
import { App, Chart, ChartProps, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import { LogShipperSidecar, SidecarDeployment, TailCommandStyle } from 'cdk8s-sidecars-plus-33';

export class MyChart extends Chart {
  constructor(scope: Construct, id: string, props: ChartProps = { }) {
    super(scope, id, props);

    // The Kubernetes docs' Deployment with a logshipper sidecar (application/deployment-sidecar.yaml).
    const data = kplus.Volume.fromEmptyDir(this, 'data', 'data');
    const deployment = new SidecarDeployment(this, 'myapp', {
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
      resources: {
        cpu: { request: kplus.Cpu.millis(100) },
        memory: { request: Size.mebibytes(128), limit: Size.mebibytes(256) },
      },
    });
    LogShipperSidecar.tail({
      name: 'logshipper',
      image: 'alpine:latest',
      volume: data,
      commandStyle: TailCommandStyle.SHELL, // the seed's `sh -c 'tail -F /opt/logs.txt'`
      securityContext: { user: 1000, group: 1000 },
    }).shipFrom(myapp, '/opt/logs.txt').addTo(deployment);

    // A web app that must not start before its proxy accepts connections.
    const web = new SidecarDeployment(this, 'web', { replicas: 2 });
    const app = web.addContainer({ name: 'app', image: 'my/app:1.0', portNumber: 8080 });
    const proxy = web.addSidecar({
      name: 'proxy',
      image: 'envoyproxy/envoy:v1.30.0',
      portNumber: 15001, // also gives it a TCP startupProbe: the app waits until the port is open
    });
    web.requireReady(app, proxy);
  }
}

const app = new App();
new MyChart(app, 'typescript-app');
app.synth();
