/** Seed 002 File 4: the sidecar's liveness probe fails, so the kubelet keeps restarting it. */
import { App, Chart } from 'cdk8s';
import { SidecarPod } from '../src';
import { exitProbe, NETSHOOT, SECURITY } from './lib/netshoot';

export function build(app: App): void {
  const chart = new Chart(app, 'liveness-fail');
  const pod = new SidecarPod(chart, 'pod', { metadata: { name: 'sidecar-container-liveness-fail-example' } });
  pod.addContainer({ name: 'app', image: NETSHOOT, command: ['sleep', 'infinity'], securityContext: SECURITY });
  pod.addSidecar({
    name: 'sidecar',
    image: NETSHOOT,
    command: ['sleep', 'infinity'],
    liveness: exitProbe(1),
    readiness: exitProbe(0),
    securityContext: SECURITY,
  });
}
