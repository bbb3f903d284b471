import { loadSeed, published, withShutdownSeconds } from './seeds';
import { LifecyclePlan } from '../../src/lifecycle/lifecycle-plan';

/**
 * The seed examples shown in docs/lifecycle.md. Seed 002's containers sleep 3s after SIGTERM;
 * the examples declare that (annotation `shutdown-seconds`) so the pictures match its logs.
 */
export const DOC_EXAMPLES: ReadonlyArray<{ readonly id: string; readonly plan: () => LifecyclePlan }> = [
  { id: 'order', plan: () => LifecyclePlan.of(withShutdownSeconds(loadSeed('order'), { 'app': 3, 'first-sidecar': 3, 'second-sidecar': 3 })) },
  { id: 'exit', plan: () => LifecyclePlan.of(withShutdownSeconds(loadSeed('exit'), { 'first-sidecar': 3, 'second-sidecar': 3 })) },
  { id: 'secret-fetch', plan: () => LifecyclePlan.of(loadSeed('secret-fetch')) },
  // argo-cd's HA redis (test/fixtures/published): sentinel's postStart sleeps 30 s, so split-brain-fix starts 30 s later.
  { id: 'argocd-redis-ha', plan: () => LifecyclePlan.of(published('argocd-redis-ha-server.yaml')) },
];
