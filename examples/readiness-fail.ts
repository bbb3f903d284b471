/** Seed 002 File 5: the sidecar's readiness probe fails, so the Pod never becomes Ready. */
import { App, Chart } from 'cdk8s';
import { SidecarPod } from '../src';
import { exitProbe, NETSHOOT, SECURITY } from './lib/netshoot';

export function build(app: App): void {
  const chart = new Chart(app, 'readiness-fail');
  const pod = new SidecarPod(chart, 'pod', { metadata: { name: 'sidecar-container-readiness-fail-example' } });
  pod.addContainer({ name: 'app', image: NETSHOOT, command: ['sleep', 'infinity'], securityContext: SECURITY });
  pod.addSidecar({
    name: 'sidecar',
    image: NETSHOOT,
    command: ['sleep', 'infinity'],
    liveness: exitProbe(0),
    readiness: exitProbe(1),
    securityContext: SECURITY,
  });
}
