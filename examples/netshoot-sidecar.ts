/** Seed 002 File 1: a sidecar with a liveness and a readiness probe. */
import { App, Chart } from 'cdk8s';
import { SidecarPod } from '../src';
import { exitProbe, NETSHOOT, SECURITY } from './lib/netshoot';

export function build(app: App): void {
  const chart = new Chart(app, 'netshoot-sidecar');
  const pod = new SidecarPod(chart, 'pod', { metadata: { name: 'sidecar-container-example' } });
  pod.addContainer({ name: 'app', image: NETSHOOT, command: ['sleep', 'infinity'], securityContext: SECURITY });
  pod.addSidecar({
    name: 'sidecar',
    image: NETSHOOT,
    command: ['sleep', 'infinity'],
    liveness: exitProbe(0),
    readiness: exitProbe(0),
    securityContext: SECURITY,
  });
}
