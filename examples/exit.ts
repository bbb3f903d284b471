/**
 * Seed 002 File 3: `restartPolicy: Never`; the app exits after 3 seconds, the pod completes,
 * and both sidecars are then stopped in reverse order.
 */
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { SidecarPod } from '../src';
import { NETSHOOT, SECURITY, trapCommand } from './lib/netshoot';

export function build(app: App): void {
  const chart = new Chart(app, 'exit');
  const pod = new SidecarPod(chart, 'pod', {
    metadata: { name: 'sidecar-container-exit-example' },
    restartPolicy: kplus.RestartPolicy.NEVER,
  });
  pod.addContainer({ name: 'app', image: NETSHOOT, command: ['sh', '-c', 'sleep 3; echo app; exit 0'], securityContext: SECURITY });
  const first = pod.addSidecar({ name: 'first-sidecar', image: NETSHOOT, command: trapCommand('first-sidecar'), securityContext: SECURITY });
  pod.addSidecar({
    name: 'second-sidecar',
    image: NETSHOOT,
    command: trapCommand('second-sidecar'),
    securityContext: SECURITY,
    startAfter: [first],
  });
}
