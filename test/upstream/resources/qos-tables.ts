/**
 * `TestComputePodQOS`, ported as data: wire-format pod spec -> expected QoS class.
 *
 * Upstream: kubernetes/kubernetes pkg/apis/core/v1/helper/qos/qos_test.go
 *   (read at commit 0fafce482ed284416d4996d718aa1a743d362b6b; 26 cases, all ported)
 * The test sets two feature gates per case: `podLevelResourcesEnabled` (PodLevelResources) and
 * `podLevelResourcesFixKubeletQOSClass` (PodLevelResourcesFixKubeletQOSClass); both are false
 * unless a case says otherwise. See `gatesToOptions` in qos.upstream.test.ts for how they map.
 * Upstream's `getResourceList("", "")` is an empty map; we write it as an absent field, except
 * where the case is about an empty pod-level `resources` (there the empty maps are kept).
 */
export interface QosCase {
  readonly name: string;
  readonly podLevelResources: boolean;
  readonly fixKubeletQosClass?: boolean;
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
  { name: 'empty-pod-level-resources-should-fallback-to-containers', podLevelResources: true, fixKubeletQosClass: true, podSpec: { containers: [c('guaranteed', rl('100m', '100Mi'), rl('100m', '100Mi'))], resources: { requests: {}, limits: {} } }, expected: 'Guaranteed' },
  { name: 'nil-pod-level-resources-should-fallback-to-containers', podLevelResources: true, fixKubeletQosClass: true, podSpec: { containers: [c('guaranteed', rl('100m', '100Mi'), rl('100m', '100Mi'))] }, expected: 'Guaranteed' },
  { name: 'zero-pod-level-resources-should-not-fallback-to-containers', podLevelResources: true, fixKubeletQosClass: true, podSpec: { containers: [c('guaranteed', rl('100m', '100Mi'), rl('100m', '100Mi'))], resources: { requests: rl('0', '0'), limits: rl('0', '0') } }, expected: 'BestEffort' },
  { name: 'zero-pod-level-resources-should-not-fallback-to-containers-fix-disabled', podLevelResources: true, fixKubeletQosClass: false, podSpec: { containers: [c('guaranteed', rl('100m', '100Mi'), rl('100m', '100Mi'))], resources: { requests: rl('0', '0'), limits: rl('0', '0') } }, expected: 'BestEffort' },
  { name: 'empty-pod-level-resources-old-behavior', podLevelResources: true, fixKubeletQosClass: false, podSpec: { containers: [c('guaranteed', rl('100m', '100Mi'), rl('100m', '100Mi'))], resources: { requests: {}, limits: {} } }, expected: 'BestEffort' },
  { name: 'container-with-zero-requests-limits', podLevelResources: false, podSpec: { containers: [c('zero-container', rl('0', '0'), rl('0', '0'))] }, expected: 'BestEffort' },
];

/**
 * kubectl's copy: `TestGetPodQOS`, ported as data.
 *
 * Upstream: kubernetes/kubernetes staging/src/k8s.io/kubectl/pkg/util/qos/qos_test.go
 *   (read at commit 0fafce482ed284416d4996d718aa1a743d362b6b; 15 cases, 12 ported)
 * kubectl has no feature gates: its cases describe current behaviour, both gates on (our
 * target 1.36). Left out, on purpose: "guaranteed pod with status", "burstable pod with status"
 * and "besteffort pod with status": `GetPodQOS` returns `status.qosClass` as recorded, and a
 * manifest has no status to read.
 */
export const TEST_KUBECTL_GET_POD_QOS: ReadonlyArray<{ readonly name: string; readonly podSpec: any; readonly expected: QosCase['expected'] }> = [
  { name: 'guaranteed pod without status', podSpec: { containers: [c('container1', rl('1', '1Gi'), rl('1', '1Gi'))] }, expected: 'Guaranteed' },
  { name: 'guaranteed pod with two containers', podSpec: { containers: [c('container1', rl('1', '1Gi'), rl('1', '1Gi')), c('container2', rl('1', '1Gi'), rl('1', '1Gi'))] }, expected: 'Guaranteed' },
  { name: 'burstable pod without status', podSpec: { containers: [c('container1', rl('100m', '1Gi'), rl('1', '1Gi'))] }, expected: 'Burstable' },
  { name: 'burstable pod with two containers', podSpec: { containers: [c('container1', rl('1', '1Gi'), rl('1', '1Gi')), c('container2', rl('100m', '1Gi'), rl('1', '1Gi'))] }, expected: 'Burstable' },
  { name: 'besteffort pod without status', podSpec: { containers: [{ name: 'container1', resources: {} }] }, expected: 'BestEffort' },
  { name: 'empty pod level resources should fallback to containers', podSpec: { resources: {}, containers: [c('container1', rl('1', '1Gi'), rl('1', '1Gi'))] }, expected: 'Guaranteed' },
  { name: 'nil pod level resources should fallback to containers', podSpec: { containers: [c('container1', rl('1', '1Gi'), rl('1', '1Gi'))] }, expected: 'Guaranteed' },
  { name: 'zero pod level resources should not fallback to containers', podSpec: { resources: { requests: rl('0', '0'), limits: rl('0', '0') }, containers: [c('container1', rl('1', '1Gi'), rl('1', '1Gi'))] }, expected: 'BestEffort' },
  { name: 'guaranteed with pod level resources', podSpec: { resources: { requests: rl('1', '1Gi'), limits: rl('1', '1Gi') }, containers: [{ name: 'container1', resources: { requests: rl('100m', '100Mi') } }] }, expected: 'Guaranteed' },
  { name: 'burstable with pod level resources', podSpec: { resources: { requests: rl('100m', '100Mi'), limits: rl('1', '1Gi') }, containers: [c('container1', rl('1', '1Gi'), rl('1', '1Gi'))] }, expected: 'Burstable' },
  { name: 'burstable with pod level requests only', podSpec: { resources: { requests: rl('100m', '1Gi') }, containers: [c('container1', rl('1', '1Gi'), rl('1', '1Gi'))] }, expected: 'Burstable' },
  { name: 'container with zero requests limits', podSpec: { containers: [c('container1', rl('0', '0'), rl('0', '0'))] }, expected: 'BestEffort' },
];
