/**
 * Test tables of the pod resource helpers, ported as data: wire-format pod specs -> expected
 * effective requests/limits.
 *
 * Upstream: kubernetes/kubernetes
 *   staging/src/k8s.io/component-helpers/resource/helpers_test.go
 *   (read at commit 0085214e563468088672cf8c50849884198a18cc)
 *
 * Options map as: `ExcludeOverhead` -> `excludeOverhead`, `SkipPodLevelResources` ->
 * `podLevelResources: false`. Upstream works on the spec as stored (no API-server defaulting),
 * so every case runs with `apiServerDefaults: false`.
 *
 * Every spec-only case is ported (a case is spec-only when its result depends on the pod spec
 * alone). Left out, on purpose, each for a reason:
 * - cases that set `UseStatusResources: true` (in-place resize: they read
 *   `status.containerStatuses[].resources`, `allocatedResources` and resize conditions, which a
 *   manifest does not have). Cases with `UseStatusResources: false` are kept: the status is
 *   ignored there;
 * - the DRA cases with `UseDRANodeAllocatableResourceClaimStatus: true`, TestPodResourceRequestsWithSharedDRAClaims,
 *   TestPodResourceLimitsWithSharedDRAClaims and TestGetContainerDRAAllocations (they read
 *   `status.nodeAllocatableResourceClaimStatuses`). Kept: "No claims" (nothing to read) and the case
 *   with the option off;
 * - TestPodRequestsAndLimitsVerticalScalingWrappers: four cases read the pod status; the two
 *   "non missing container requests applied to ..." cases exercise `NonMissingContainerRequests`,
 *   a scheduler-internal option (defaults it substitutes for missing requests when scoring) that
 *   no figure of ours uses;
 * - TestPodResourceRequestsReuse and TestResizeConditionsAndSupportedResources: `Reuse` (map
 *   recycling) and resize conditions are implementation details with no manifest input.
 *
 * Ported from this file: TestPodRequestsAndLimits (5 of 5), TestPodRequestsAndLimitsWithoutOverhead
 * (3 of 3), TestPodResourceRequests (10 of 17), TestPodResourceLimits (13 of 18),
 * TestIsPodLevelResourcesSet (6 of 6), TestIsPodLevelLimitsSet (5 of 5), TestPodLevelResourceRequests
 * (17 of 22), TestIsSupportedPodLevelResource (5 of 5), TestPodRequestsAndLimitsWithDRA (the 2 cases
 * whose result does not depend on the status),
 * TestAggregateContainerRequestsAndLimits (8 of 15).
 */

export interface HelpersCase {
  readonly name: string;
  readonly options?: { readonly excludeOverhead?: boolean; readonly podLevelResources?: boolean };
  readonly podSpec: any;
  readonly expected: { [resource: string]: string };
}

const sidecar = 'Always';

/** `TestPodResourceRequests` (spec-only cases). */
export const TEST_POD_RESOURCE_REQUESTS: ReadonlyArray<HelpersCase> = [
  {
    name: 'nil options, larger init container',
    podSpec: { initContainers: [{ resources: { requests: { cpu: '4' } } }], containers: [{ resources: { requests: { cpu: '1' } } }] },
    expected: { cpu: '4' },
  },
  {
    name: 'nil options, larger containers',
    podSpec: { initContainers: [{ resources: { requests: { cpu: '2' } } }], containers: [{ resources: { requests: { cpu: '2' } } }, { resources: { requests: { cpu: '3' } } }] },
    expected: { cpu: '5' },
  },
  {
    name: 'pod overhead excluded',
    options: { excludeOverhead: true },
    podSpec: { overhead: { cpu: '1' }, initContainers: [{ resources: { requests: { cpu: '2' } } }], containers: [{ resources: { requests: { cpu: '2' } } }, { resources: { requests: { cpu: '3' } } }] },
    expected: { cpu: '5' },
  },
  {
    name: 'pod overhead included',
    podSpec: {
      overhead: { cpu: '1', memory: '1Gi' },
      initContainers: [{ resources: { requests: { cpu: '2' }, limits: { cpu: '2' } } }],
      containers: [{ resources: { requests: { cpu: '2' } } }, { resources: { requests: { cpu: '3' } } }],
    },
    expected: { cpu: '6', memory: '1Gi' },
  },
  {
    name: "resized, infeasible, but don't use status",
    podSpec: { containers: [{ name: 'container-1', resources: { requests: { cpu: '4' } } }] },
    expected: { cpu: '4' },
  },
  {
    name: "resized, restartable init container, infeasible, but don't use status",
    podSpec: { initContainers: [{ name: 'restartable-init-1', restartPolicy: sidecar, resources: { requests: { cpu: '4' } } }] },
    expected: { cpu: '4' },
  },
  {
    name: 'restartable init container',
    podSpec: {
      initContainers: [{ name: 'restartable-init-1', restartPolicy: sidecar, resources: { requests: { cpu: '1' } } }],
      containers: [{ name: 'container-1', resources: { requests: { cpu: '1' } } }],
    },
    expected: { cpu: '2' },
  },
  {
    name: 'multiple restartable init containers',
    podSpec: {
      initContainers: [
        { name: 'init-1', resources: { requests: { cpu: '5' } } },
        { name: 'restartable-init-1', restartPolicy: sidecar, resources: { requests: { cpu: '1' } } },
        { name: 'restartable-init-2', restartPolicy: sidecar, resources: { requests: { cpu: '2' } } },
        { name: 'restartable-init-3', restartPolicy: sidecar, resources: { requests: { cpu: '3' } } },
      ],
      containers: [{ name: 'container-1', resources: { requests: { cpu: '1' } } }],
    },
    expected: { cpu: '7' },
  },
  {
    name: 'multiple restartable and regular init containers',
    podSpec: {
      initContainers: [
        { name: 'init-1', resources: { requests: { cpu: '5' } } },
        { name: 'restartable-init-1', restartPolicy: sidecar, resources: { requests: { cpu: '1' } } },
        { name: 'restartable-init-2', restartPolicy: sidecar, resources: { requests: { cpu: '2' } } },
        { name: 'init-2', resources: { requests: { cpu: '5' } } },
        { name: 'restartable-init-3', restartPolicy: sidecar, resources: { requests: { cpu: '3' } } },
      ],
      containers: [{ name: 'container-1', resources: { requests: { cpu: '1' } } }],
    },
    expected: { cpu: '8' },
  },
  {
    name: 'restartable-init, init and regular',
    podSpec: {
      initContainers: [
        { name: 'restartable-init-1', restartPolicy: sidecar, resources: { requests: { cpu: '10' } } },
        { name: 'init-1', resources: { requests: { cpu: '200' } } },
      ],
      containers: [{ name: 'container-1', resources: { requests: { cpu: '100' } } }],
    },
    expected: { cpu: '210' },
  },
];

/** `TestPodResourceLimits` (spec-only cases). */
export const TEST_POD_RESOURCE_LIMITS: ReadonlyArray<HelpersCase> = [
  {
    name: 'nil options, larger init container',
    podSpec: { initContainers: [{ resources: { limits: { cpu: '4' } } }], containers: [{ resources: { limits: { cpu: '1' } } }] },
    expected: { cpu: '4' },
  },
  {
    name: 'nil options, larger containers',
    podSpec: { initContainers: [{ resources: { limits: { cpu: '2' } } }], containers: [{ resources: { limits: { cpu: '2' } } }, { resources: { limits: { cpu: '3' } } }] },
    expected: { cpu: '5' },
  },
  {
    name: 'pod overhead excluded',
    options: { excludeOverhead: true },
    podSpec: { overhead: { cpu: '1' }, initContainers: [{ resources: { limits: { cpu: '2' } } }], containers: [{ resources: { limits: { cpu: '2' } } }, { resources: { limits: { cpu: '3' } } }] },
    expected: { cpu: '5' },
  },
  {
    name: 'pod overhead included',
    podSpec: { overhead: { cpu: '1', memory: '1Gi' }, initContainers: [{ resources: { limits: { cpu: '2' } } }], containers: [{ resources: { limits: { cpu: '2' } } }, { resources: { limits: { cpu: '3' } } }] },
    // overhead is only added to non-zero limits, so there will be no expected memory limit
    expected: { cpu: '6' },
  },
  {
    name: 'no limited containers should result in no limits for the pod',
    podSpec: { initContainers: [], containers: [{}] },
    expected: {},
  },
  {
    name: "one limited and one unlimited container should result in the limited container's limits for the pod",
    podSpec: { initContainers: [], containers: [{ resources: { limits: { cpu: '2', memory: '2Gi' } } }, {}] },
    expected: { cpu: '2', memory: '2Gi' },
  },
  {
    name: "one limited and one unlimited init container should result in the limited init container's limits for the pod",
    podSpec: { initContainers: [{ resources: { limits: { cpu: '2', memory: '2Gi' } } }, {}], containers: [{ resources: { limits: { cpu: '1', memory: '1Gi' } } }] },
    expected: { cpu: '2', memory: '2Gi' },
  },
  {
    name: 'restartable init container',
    podSpec: {
      initContainers: [{ name: 'restartable-init-1', restartPolicy: sidecar, resources: { limits: { cpu: '1' } } }],
      containers: [{ name: 'container-1', resources: { limits: { cpu: '1' } } }],
    },
    expected: { cpu: '2' },
  },
  {
    name: 'multiple restartable init containers',
    podSpec: {
      initContainers: [
        { name: 'init-1', resources: { limits: { cpu: '5' } } },
        { name: 'restartable-init-1', restartPolicy: sidecar, resources: { limits: { cpu: '1' } } },
        { name: 'restartable-init-2', restartPolicy: sidecar, resources: { limits: { cpu: '2' } } },
        { name: 'restartable-init-3', restartPolicy: sidecar, resources: { limits: { cpu: '3' } } },
      ],
      containers: [{ name: 'container-1', resources: { limits: { cpu: '1' } } }],
    },
    expected: { cpu: '7' },
  },
  {
    name: 'multiple restartable and regular init containers',
    podSpec: {
      initContainers: [
        { name: 'init-1', resources: { limits: { cpu: '5' } } },
        { name: 'restartable-init-1', restartPolicy: sidecar, resources: { limits: { cpu: '1' } } },
        { name: 'restartable-init-2', restartPolicy: sidecar, resources: { limits: { cpu: '2' } } },
        { name: 'init-2', resources: { limits: { cpu: '5' } } },
        { name: 'restartable-init-3', restartPolicy: sidecar, resources: { limits: { cpu: '3' } } },
      ],
      containers: [{ name: 'container-1', resources: { limits: { cpu: '1' } } }],
    },
    expected: { cpu: '8' },
  },
  {
    name: 'restartable-init, init and regular',
    podSpec: {
      initContainers: [
        { name: 'restartable-init-1', restartPolicy: sidecar, resources: { limits: { cpu: '10' } } },
        { name: 'init-1', resources: { limits: { cpu: '200' } } },
      ],
      containers: [{ name: 'container-1', resources: { limits: { cpu: '100' } } }],
    },
    expected: { cpu: '210' },
  },
  {
    name: "pod scaled down, don't use status",
    podSpec: { containers: [{ name: 'container-1', resources: { limits: { memory: '1Gi' } } }] },
    expected: { memory: '1Gi' },
  },
  {
    name: "pod scaled down with restartable init containers, don't use status",
    podSpec: { initContainers: [{ name: 'restartable-init-1', restartPolicy: sidecar, resources: { limits: { memory: '1Gi' } } }] },
    expected: { memory: '1Gi' },
  },
];

/** `TestPodLevelResourceRequests` (spec-only cases; upstream always sets `spec.resources`). */
export const TEST_POD_LEVEL_RESOURCE_REQUESTS: ReadonlyArray<HelpersCase> = [
  { name: 'nil', podSpec: { resources: {} }, expected: {} },
  {
    name: 'pod level memory resource with SkipPodLevelResources true',
    options: { podLevelResources: false },
    podSpec: { resources: { requests: { memory: '2Mi' } } },
    expected: {},
  },
  {
    name: 'pod level memory resource with SkipPodLevelResources false',
    podSpec: { resources: { requests: { memory: '2Mi' } } },
    expected: { memory: '2Mi' },
  },
  {
    name: 'pod level memory and container level cpu resources with SkipPodLevelResources false',
    podSpec: { resources: { requests: { memory: '2Mi' } }, containers: [{ resources: { requests: { cpu: '2m' } } }] },
    expected: { memory: '2Mi', cpu: '2m' },
  },
  {
    name: 'pod level unsupported resources set at both pod-level and container-level with SkipPodLevelResources false',
    podSpec: { resources: { requests: { storage: '2Mi' } }, containers: [{ resources: { requests: { storage: '3Mi' } } }] },
    expected: { storage: '3Mi' },
  },
  {
    name: 'pod level unsupported resources set at pod-level with SkipPodLevelResources false',
    podSpec: { resources: { requests: { storage: '2Mi' } }, containers: [{ resources: { requests: { memory: '3Mi' } } }] },
    expected: { memory: '3Mi' },
  },
  {
    name: 'only container level resources set with SkipPodLevelResources false',
    podSpec: { resources: {}, containers: [{ resources: { requests: { memory: '3Mi', cpu: '2m' } } }] },
    expected: { memory: '3Mi', cpu: '2m' },
  },
  {
    name: 'both container-level and pod-level resources set with SkipPodLevelResources false',
    podSpec: { resources: { requests: { memory: '6Mi', cpu: '8m' } }, containers: [{ resources: { requests: { memory: '3Mi', cpu: '2m' } } }] },
    expected: { memory: '6Mi', cpu: '8m' },
  },
  {
    name: 'container-level resources and init container set with SkipPodLevelResources false',
    podSpec: {
      resources: {},
      containers: [{ resources: { requests: { memory: '3Mi', cpu: '2m' } } }],
      initContainers: [{ resources: { requests: { memory: '5Mi', cpu: '4m' } } }],
    },
    expected: { memory: '5Mi', cpu: '4m' },
  },
  {
    name: 'container-level resources and init container set with SkipPodLevelResources false (upstream name; runs with SkipPodLevelResources true)',
    options: { podLevelResources: false },
    podSpec: {
      resources: {},
      containers: [{ resources: { requests: { memory: '3Mi', cpu: '2m' } } }],
      initContainers: [{ resources: { requests: { memory: '5Mi', cpu: '4m' } } }],
    },
    expected: { memory: '5Mi', cpu: '4m' },
  },
  {
    name: 'container-level resources and sidecar container set with SkipPodLevelResources false',
    podSpec: {
      resources: {},
      containers: [{ resources: { requests: { memory: '3Mi', cpu: '2m' } } }],
      initContainers: [{ restartPolicy: sidecar, resources: { requests: { memory: '5Mi', cpu: '4m' } } }],
    },
    expected: { memory: '8Mi', cpu: '6m' },
  },
  {
    name: 'container-level resources, init and sidecar container set with SkipPodLevelResources false',
    podSpec: {
      resources: {},
      containers: [{ resources: { requests: { memory: '3Mi', cpu: '2m' } } }],
      initContainers: [
        { restartPolicy: sidecar, resources: { requests: { memory: '5Mi', cpu: '4m' } } },
        { resources: { requests: { memory: '6Mi', cpu: '8m' } } },
      ],
    },
    expected: { memory: '11Mi', cpu: '12m' },
  },
  {
    name: 'pod-level resources, container-level resources, init and sidecar container set with SkipPodLevelResources false',
    podSpec: {
      resources: { requests: { memory: '15Mi', cpu: '18m' } },
      containers: [{ resources: { requests: { memory: '3Mi', cpu: '2m' } } }],
      initContainers: [
        { restartPolicy: sidecar, resources: { requests: { memory: '5Mi', cpu: '4m' } } },
        { resources: { requests: { memory: '6Mi', cpu: '8m' } } },
      ],
    },
    expected: { memory: '15Mi', cpu: '18m' },
  },
  {
    name: 'pod-level resources, hugepage request/limit single page size',
    podSpec: { resources: { limits: { 'hugepages-2Mi': '2Mi' }, requests: { 'memory': '10Mi', 'hugepages-2Mi': '2Mi' } } },
    expected: { 'memory': '10Mi', 'hugepages-2Mi': '2Mi' },
  },
  {
    name: 'pod-level resources, hugepage request/limit multiple page sizes',
    podSpec: { resources: { limits: { 'hugepages-2Mi': '2Mi', 'hugepages-1Gi': '1Gi' }, requests: { 'cpu': '1', 'hugepages-2Mi': '2Mi', 'hugepages-1Gi': '1Gi' } } },
    expected: { 'cpu': '1', 'hugepages-2Mi': '2Mi', 'hugepages-1Gi': '1Gi' },
  },
  {
    name: 'pod-level resources, container-level resources, hugepage request/limit single page size',
    podSpec: {
      resources: { limits: { 'hugepages-2Mi': '10Mi' }, requests: { 'cpu': '1', 'hugepages-2Mi': '10Mi' } },
      containers: [{ resources: { limits: { 'hugepages-2Mi': '6Mi' }, requests: { 'hugepages-2Mi': '6Mi' } } }],
    },
    expected: { 'cpu': '1', 'hugepages-2Mi': '10Mi' },
  },
  {
    name: 'pod-level resources, container-level resources, hugepage request/limit multiple page sizes',
    podSpec: {
      resources: { limits: { 'hugepages-2Mi': '10Mi', 'hugepages-1Gi': '2Gi' }, requests: { 'cpu': '1', 'hugepages-2Mi': '10Mi', 'hugepages-1Gi': '2Gi' } },
      containers: [{ resources: { limits: { 'hugepages-1Gi': '2Gi' }, requests: { 'cpu': '1', 'hugepages-1Gi': '2Gi' } } }],
    },
    expected: { 'cpu': '1', 'hugepages-2Mi': '10Mi', 'hugepages-1Gi': '2Gi' },
  },
  {
    name: 'pod-level resources, container-level resources, hugepage request/limit multiple page sizes between pod-level and container-level',
    podSpec: {
      resources: { limits: { 'hugepages-2Mi': '10Mi' }, requests: { 'cpu': '1', 'hugepages-2Mi': '10Mi' } },
      containers: [{ resources: { limits: { 'hugepages-1Gi': '1Gi' }, requests: { 'memory': '4Mi', 'hugepages-1Gi': '1Gi' } } }],
    },
    expected: { 'cpu': '1', 'memory': '4Mi', 'hugepages-2Mi': '10Mi', 'hugepages-1Gi': '1Gi' },
  },
];

/** A case of `TestAggregateContainerRequestsAndLimits`: both figures are checked for every pod. */
export interface AggregateCase {
  readonly name: string;
  readonly podSpec: any;
  readonly expectedRequests: { [resource: string]: string };
  readonly expectedLimits: { [resource: string]: string };
}

/**
 * How `AggregateContainerRequests`/`AggregateContainerLimits` (helpers.go) map to our options:
 * they aggregate the containers only, so pod-level `spec.resources` and `spec.overhead` are left
 * out (`podLevelResources: false`, `excludeOverhead: true`; the upstream pods set neither).
 * Upstream builds the pod from these containers alone, so there is no defaulting either.
 */
export const AGGREGATE_OPTIONS = { podLevelResources: false, excludeOverhead: true, apiServerDefaults: false } as const;

/**
 * `TestAggregateContainerRequestsAndLimits`: 8 of the 15 upstream cases.
 *
 * Left out, on purpose: the 7 cases that set `UseStatusResources: true`, because they read the
 * pod STATUS (in-place resize), which a manifest does not have:
 * - "regularcontainers with empty requests, but status with non-empty requests" and
 *   "always-restart init containers with empty requests, but status with non-empty requests"
 *   (`status.containerStatuses[].resources` / `status.initContainerStatuses[].resources`);
 * - "aggregate container request resolves max of sums instead of sum of maxes"
 *   (`status.containerStatuses[].allocatedResources`);
 * - "aggregate container limit resolves max of sums instead of sum of maxes"
 *   (`status.containerStatuses[].resources.limits`);
 * - "aggregate container request/limit resolves directly from pod status when PLR vertical scaling enabled",
 *   "falls back to container status aggregation when PLR vertical scaling enabled but podAllocatedResources is nil" and
 *   "falls back to container status aggregation when PLR vertical scaling enabled but podResources is nil"
 *   (`InPlacePodLevelResourcesVerticalScalingEnabled`: `status.allocatedResources`, `status.resources`
 *   and container statuses).
 * No case of this test uses DRA.
 */
export const TEST_AGGREGATE_CONTAINER_REQUESTS_AND_LIMITS: ReadonlyArray<AggregateCase> = [
  {
    name: 'one container with limits',
    podSpec: { containers: [{ resources: { limits: { cpu: '9' } } }] },
    expectedRequests: {},
    expectedLimits: { cpu: '9' },
  },
  {
    name: 'two containers with limits',
    podSpec: { containers: [{ resources: { limits: { cpu: '9' } } }, { resources: { limits: { cpu: '9' } } }] },
    expectedRequests: {},
    expectedLimits: { cpu: '18' },
  },
  {
    name: 'one container with requests',
    podSpec: { containers: [{ resources: { requests: { cpu: '9' } } }] },
    expectedRequests: { cpu: '9' },
    expectedLimits: {},
  },
  {
    name: 'two containers with requests',
    podSpec: { containers: [{ resources: { requests: { cpu: '9' } } }, { resources: { requests: { cpu: '9' } } }] },
    expectedRequests: { cpu: '18' },
    expectedLimits: {},
  },
  {
    name: 'regular and init containers with requests',
    podSpec: { containers: [{ resources: { requests: { cpu: '9' } } }], initContainers: [{ resources: { requests: { cpu: '9' } } }] },
    expectedRequests: { cpu: '9' },
    expectedLimits: {},
  },
  {
    name: 'regular, init and sidecar containers with requests',
    podSpec: {
      containers: [{ resources: { requests: { cpu: '9' } } }],
      initContainers: [
        { restartPolicy: sidecar, resources: { requests: { cpu: '8' } } },
        { resources: { requests: { cpu: '6' } } },
      ],
    },
    expectedRequests: { cpu: '17' },
    expectedLimits: {},
  },
  {
    name: 'regular and init containers with limits',
    podSpec: { containers: [{ resources: { limits: { cpu: '9' } } }], initContainers: [{ resources: { limits: { cpu: '9' } } }] },
    expectedRequests: {},
    expectedLimits: { cpu: '9' },
  },
  {
    name: 'regular, init and sidecar containers with limits',
    podSpec: {
      containers: [{ resources: { limits: { cpu: '9' } } }],
      initContainers: [
        { restartPolicy: sidecar, resources: { limits: { cpu: '8' } } },
        { resources: { limits: { cpu: '6' } } },
      ],
    },
    expectedRequests: {},
    expectedLimits: { cpu: '17' },
  },
];

/**
 * Upstream's `getPod(name, podResources{...})`: ONE app container and ONE init container
 * ("init-" + name) with the same requests and limits, and the pod overhead.
 */
interface PodResources {
  cpuRequest?: string; cpuLimit?: string; memoryRequest?: string; memoryLimit?: string; cpuOverhead?: string; memoryOverhead?: string;
}

function getPod(name: string, r: PodResources): any {
  const pick = (cpu?: string, memory?: string) => ({ ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}) });
  const resources = { requests: pick(r.cpuRequest, r.memoryRequest), limits: pick(r.cpuLimit, r.memoryLimit) };
  return {
    containers: [{ name, resources }],
    initContainers: [{ name: `init-${name}`, resources }],
    overhead: pick(r.cpuOverhead, r.memoryOverhead),
  };
}

/** A case with both figures checked (TestPodRequestsAndLimits and its WithoutOverhead twin). */
export interface RequestsAndLimitsCase {
  readonly name: string;
  readonly podSpec: any;
  readonly expectedRequests: { [resource: string]: string };
  readonly expectedLimits: { [resource: string]: string };
}

/** `TestPodRequestsAndLimits` (`PodResourcesOptions{}`: overhead included). */
export const TEST_POD_REQUESTS_AND_LIMITS: ReadonlyArray<RequestsAndLimitsCase> = [
  { name: 'just-limit-no-overhead', podSpec: getPod('foo', { cpuLimit: '9' }), expectedRequests: {}, expectedLimits: { cpu: '9' } },
  { name: 'just-overhead', podSpec: getPod('foo', { cpuOverhead: '5', memoryOverhead: '5' }), expectedRequests: { cpu: '5', memory: '5' }, expectedLimits: {} },
  {
    name: 'req-and-overhead',
    podSpec: getPod('foo', { cpuRequest: '1', memoryRequest: '10', cpuOverhead: '5', memoryOverhead: '5' }),
    expectedRequests: { cpu: '6', memory: '15' },
    expectedLimits: {},
  },
  {
    name: 'all-req-lim-and-overhead',
    podSpec: getPod('foo', { cpuRequest: '1', cpuLimit: '2', memoryRequest: '10', memoryLimit: '12', cpuOverhead: '5', memoryOverhead: '5' }),
    expectedRequests: { cpu: '6', memory: '15' },
    expectedLimits: { cpu: '7', memory: '17' },
  },
  {
    name: 'req-some-lim-and-overhead',
    podSpec: getPod('foo', { cpuRequest: '1', cpuLimit: '2', memoryRequest: '10', cpuOverhead: '5', memoryOverhead: '5' }),
    expectedRequests: { cpu: '6', memory: '15' },
    expectedLimits: { cpu: '7' },
  },
];

const twoContainers = [
  { name: 'foobar', resources: { requests: { cpu: '1', memory: '5' }, limits: { cpu: '2', memory: '10' } } },
  { name: 'foobar2', resources: { requests: { cpu: '4', memory: '12' }, limits: { cpu: '8', memory: '24' } } },
];

/** `TestPodRequestsAndLimitsWithoutOverhead` (`ExcludeOverhead: true`). */
export const TEST_POD_REQUESTS_AND_LIMITS_WITHOUT_OVERHEAD: ReadonlyArray<RequestsAndLimitsCase> = [
  {
    name: 'two container no overhead - should just be sum of containers',
    podSpec: { containers: twoContainers },
    expectedRequests: { cpu: '5', memory: '17' },
    expectedLimits: { cpu: '10', memory: '34' },
  },
  {
    name: "two container with overhead - shouldn't consider overhead",
    podSpec: { overhead: { cpu: '3', memory: '8' }, containers: twoContainers },
    expectedRequests: { cpu: '5', memory: '17' },
    expectedLimits: { cpu: '10', memory: '34' },
  },
  {
    name: 'two container with overhead, massive init - should just be the largest init',
    podSpec: {
      overhead: { cpu: '3', memory: '8' },
      containers: twoContainers,
      initContainers: [
        { name: 'small-init', resources: { requests: { cpu: '1', memory: '5' }, limits: { cpu: '1', memory: '5' } } },
        { name: 'big-init', resources: { requests: { cpu: '40', memory: '120' }, limits: { cpu: '80', memory: '240' } } },
      ],
    },
    expectedRequests: { cpu: '40', memory: '120' },
    expectedLimits: { cpu: '80', memory: '240' },
  },
];

/** `TestPodRequestsAndLimitsWithDRA`, the cases whose result reads no status: no claims, or the option off. */
export const TEST_POD_REQUESTS_AND_LIMITS_WITH_DRA_SPEC_ONLY: ReadonlyArray<RequestsAndLimitsCase> = [
  {
    name: 'No claims',
    podSpec: { containers: [{ name: 'c1', resources: { limits: { cpu: '100m', memory: '1Gi' }, requests: { cpu: '100m', memory: '1Gi' } } }] },
    expectedRequests: { cpu: '100m', memory: '1Gi' },
    expectedLimits: { cpu: '100m', memory: '1Gi' },
  },
  {
    name: 'UseDRANodeAllocatableResourceClaimStatus flag disabled',
    podSpec: {
      containers: [{ name: 'c1', resources: { limits: { cpu: '100m' }, requests: { cpu: '100m' }, claims: [{ name: 'claim-1' }] } }],
      resourceClaims: [{ name: 'claim-1', resourceClaimName: 'node-allocatable-claim' }],
    },
    expectedRequests: { cpu: '100m' },
    expectedLimits: { cpu: '100m' },
  },
];

/** A pod-level predicate case: pod-level `spec.resources` (undefined: absent) -> expected answer. */
export interface PodLevelPredicateCase {
  readonly name: string;
  readonly podResources?: { requests?: { [resource: string]: string }; limits?: { [resource: string]: string } };
  readonly expected: boolean;
}

/** `TestIsPodLevelResourcesSet`. */
export const TEST_IS_POD_LEVEL_RESOURCES_SET: ReadonlyArray<PodLevelPredicateCase> = [
  { name: 'nil resources struct', expected: false },
  { name: 'empty resources struct', podResources: {}, expected: false },
  { name: 'only unsupported resource requests set', podResources: { requests: { 'ephemeral-storage': '1Mi' } }, expected: false },
  { name: 'only unsupported resource limits set', podResources: { limits: { 'ephemeral-storage': '1Mi' } }, expected: false },
  { name: 'unsupported and suported resources requests set', podResources: { requests: { 'ephemeral-storage': '1Mi', 'cpu': '1m' } }, expected: true },
  { name: 'unsupported and suported resources limits set', podResources: { limits: { 'ephemeral-storage': '1Mi', 'cpu': '1m' } }, expected: true },
];

/** `TestIsPodLevelLimitsSet`. */
export const TEST_IS_POD_LEVEL_LIMITS_SET: ReadonlyArray<PodLevelPredicateCase> = [
  { name: 'nil resources struct', expected: false },
  { name: 'empty resources struct', podResources: {}, expected: false },
  { name: 'only resource requests set', podResources: { requests: { memory: '100Mi' } }, expected: false },
  { name: 'only unsupported resource limits set', podResources: { limits: { 'ephemeral-storage': '1Mi' } }, expected: false },
  { name: 'unsupported and suported resources limits set', podResources: { limits: { 'ephemeral-storage': '1Mi', 'cpu': '1m' } }, expected: true },
];

/** `TestIsSupportedPodLevelResource`: resource name -> supported at pod level. */
export const TEST_IS_SUPPORTED_POD_LEVEL_RESOURCE: ReadonlyArray<[string, boolean]> = [
  ['cpu', true],
  ['memory', true],
  ['ephemeral-storage', false],
  ['hugepages-2Mi', true],
  ['hugepages-1Gi', true],
];
