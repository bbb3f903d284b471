/**
 * Seed 002 File 2: two sidecars and an app, each trapping SIGTERM. Started first-sidecar,
 * second-sidecar, app; stopped app, second-sidecar, first-sidecar.
 */
import { App, Chart } from 'cdk8s';
import { SidecarPod } from '../src';
import { NETSHOOT, SECURITY, trapCommand } from './lib/netshoot';

export function build(app: App): void {
  const chart = new Chart(app, 'order');
  const pod = new SidecarPod(chart, 'pod', { metadata: { name: 'sidecar-container-order-example' } });
  pod.addContainer({ name: 'app', image: NETSHOOT, command: trapCommand('app'), securityContext: SECURITY });
  const first = pod.addSidecar({ name: 'first-sidecar', image: NETSHOOT, command: trapCommand('first-sidecar'), securityContext: SECURITY });
  // Declared, not implied by call order: second-sidecar uses first-sidecar, so it starts after
  // it and is stopped before it.
  pod.addSidecar({
    name: 'second-sidecar',
    image: NETSHOOT,
    command: trapCommand('second-sidecar'),
    securityContext: SECURITY,
    startAfter: [first],
  });
}
