/**
 * `TestComputePodQOS`, ported as data: wire-format pod spec -> expected QoS class.
 *
 * Upstream: kubernetes/kubernetes pkg/apis/core/v1/helper/qos/qos_test.go
 *   (read at commit 00c269c7d269989d555b69c295ba88e73e8acf94)
 * `podLevelResourcesEnabled` (the PodLevelResources feature gate) maps to our `podLevelResources`.
 * Upstream's `getResourceList("", "")` is an empty map; we write it as an absent field.
 */
export interface QosCase {
  readonly name: string;
  readonly podLevelResources: boolean;
  readonly podSpec: any;
  readonly expected: 'Guaranteed' | 'Burstable' | 'BestEffort';
}

const c = (name: string, requests: Record<string, string>, limits: Record<string, string>) => ({ name, resources: { requests, limits } });
const rl = (cpu: string, memory: string): Record<string, string> => ({ ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}) });

export const TEST_COMPUTE_POD_QOS: ReadonlyArray<QosCase> = [
  { name: 'guaranteed', podLevelResources: false, podSpec: { containers: [c('guaranteed', rl('100m', '100Mi'), rl('100m', '100Mi'))] }, expected: 'Guaranteed' },
  { name: 'guaranteed-guaranteed', podLevelResources: false, podSpec: { containers: [c('guaranteed', rl('100m', '100Mi'), rl('100m', '100Mi')), c('guaranteed', rl('100m', '100Mi'), rl('100m', '100Mi'))] }, expected: 'Guaranteed' },
  { name: 'best-effort-best-effort', podLevelResources: false, podSpec: { containers: [c('best-effort', rl('', ''), rl('', '')), c('best-effort', rl('', ''), rl('', ''))] }, expected: 'BestEffort' },
  { name: 'best-effort', podLevelResources: false, podSpec: { containers: [c('best-effort', rl('', ''), rl('', ''))] }, expected: 'BestEffort' },
  { name: 'best-effort-burstable', podLevelResources: false, podSpec: { containers: [c('best-effort', rl('', ''), rl('', '')), c('burstable', rl('1', ''), rl('2', ''))] }, expected: 'Burstable' },
  { name: 'best-effort-guaranteed', podLevelResources: false, podSpec: { containers: [c('best-effort', rl('', ''), rl('', '')), c('guaranteed', rl('10m', '100Mi'), rl('10m', '100Mi'))] }, expected: 'Burstable' },
  { name: 'burstable-cpu-guaranteed-memory', podLevelResources: false, podSpec: { containers: [c('burstable', rl('', '100Mi'), rl('', '100Mi'))] }, expected: 'Burstable' },
  { name: 'burstable-no-limits', podLevelResources: false, podSpec: { containers: [c('burstable', rl('100m', '100Mi'), rl('', ''))] }, expected: 'Burstable' },
  { name: 'burstable-guaranteed', podLevelResources: false, podSpec: { containers: [c('burstable', rl('1', '100Mi'), rl('2', '100Mi')), c('guaranteed', rl('100m', '100Mi'), rl('100m', '100Mi'))] }, expected: 'Burstable' },
  { name: 'burstable-unbounded-but-requests-match-limits', podLevelResources: false, podSpec: { containers: [c('burstable', rl('100m', '100Mi'), rl('200m', '200Mi')), c('burstable-unbounded', rl('100m', '100Mi'), rl('', ''))] }, expected: 'Burstable' },
  { name: 'burstable-1', podLevelResources: false, podSpec: { containers: [c('burstable', rl('10m', '100Mi'), rl('100m', '200Mi'))] }, expected: 'Burstable' },
  { name: 'burstable-2', podLevelResources: false, podSpec: { containers: [c('burstable', rl('0', '0'), rl('100m', '200Mi'))] }, expected: 'Burstable' },
  { name: 'best-effort-hugepages', podLevelResources: false, podSpec: { containers: [c('best-effort', { ...rl('0', '0'), 'hugepages-2Mi': '1Gi' }, { ...rl('0', '0'), 'hugepages-2Mi': '1Gi' })] }, expected: 'BestEffort' },
  { name: 'init-container', podLevelResources: false, podSpec: { containers: [c('best-effort', rl('', ''), rl('', ''))], initContainers: [c('burstable', rl('10m', '100Mi'), rl('100m', '200Mi'))] }, expected: 'Burstable' },
  { name: 'guaranteed-with-pod-level-resources', podLevelResources: true, podSpec: { containers: [c('best-effort', rl('', ''), rl('', ''))], resources: { requests: rl('10m', '100Mi'), limits: rl('10m', '100Mi') } }, expected: 'Guaranteed' },
  { name: 'guaranteed-with-pod-and-container-level-resources', podLevelResources: true, podSpec: { containers: [c('burstable', rl('3m', '10Mi'), rl('5m', '20Mi'))], resources: { requests: rl('10m', '100Mi'), limits: rl('10m', '100Mi') } }, expected: 'Guaranteed' },
  { name: 'burstable-with-pod-level-resources', podLevelResources: true, podSpec: { containers: [c('best-effort', rl('', ''), rl('', ''))], resources: { requests: rl('10m', '10Mi'), limits: rl('20m', '50Mi') } }, expected: 'Burstable' },
  { name: 'burstable-with-pod-and-container-level-resources', podLevelResources: true, podSpec: { containers: [c('burstable', rl('5m', '10Mi'), rl('5m', '10Mi'))], resources: { requests: rl('10m', '10Mi'), limits: rl('20m', '50Mi') } }, expected: 'Burstable' },
  { name: 'burstable-with-pod-and-container-level-requests', podLevelResources: true, podSpec: { containers: [c('burstable', rl('5m', '10Mi'), rl('', ''))], resources: { requests: rl('10m', '10Mi'), limits: rl('', '') } }, expected: 'Burstable' },
  { name: 'burstable-with-pod-and-container-level-resources-2', podLevelResources: true, podSpec: { containers: [c('burstable', rl('5m', '10Mi'), rl('', '')), c('guaranteed', rl('5m', '10Mi'), rl('5m', '10Mi'))], resources: { requests: rl('10m', '10Mi'), limits: rl('5m', '') } }, expected: 'Burstable' },
];
