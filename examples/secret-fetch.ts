/**
 * Seed 003 (the KEP-753 blog post): a regular init container `secret-fetch` followed by a
 * `network-proxy` sidecar, then the app. The post elides the app containers; we add one.
 */
import { App, Chart } from 'cdk8s';
import { SidecarPod } from '../src';

export function build(app: App): void {
  const chart = new Chart(app, 'secret-fetch');
  const pod = new SidecarPod(chart, 'pod', { metadata: { name: 'secret-fetch-example' } });
  const fetch = pod.addInitStep({ name: 'secret-fetch', image: 'secret-fetch:1.0', securityContext: { user: 1000, group: 1000 } });
  pod.addSidecar({ name: 'network-proxy', image: 'network-proxy:1.0', startAfter: [fetch], securityContext: { user: 1000, group: 1000 } });
  pod.addContainer({ name: 'app', image: 'app:1.0', securityContext: { user: 1000, group: 1000 } });
}
