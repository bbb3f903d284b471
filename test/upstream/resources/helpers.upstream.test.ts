import {
  AGGREGATE_OPTIONS,
  HelpersCase,
  PodLevelPredicateCase,
  RequestsAndLimitsCase,
  TEST_AGGREGATE_CONTAINER_REQUESTS_AND_LIMITS,
  TEST_IS_POD_LEVEL_LIMITS_SET,
  TEST_IS_POD_LEVEL_RESOURCES_SET,
  TEST_IS_SUPPORTED_POD_LEVEL_RESOURCE,
  TEST_POD_LEVEL_RESOURCE_REQUESTS,
  TEST_POD_REQUESTS_AND_LIMITS,
  TEST_POD_REQUESTS_AND_LIMITS_WITH_DRA_SPEC_ONLY,
  TEST_POD_REQUESTS_AND_LIMITS_WITHOUT_OVERHEAD,
  TEST_POD_RESOURCE_LIMITS,
  TEST_POD_RESOURCE_REQUESTS,
} from './helpers-tables';
import { QosCase, TEST_COMPUTE_POD_QOS, TEST_KUBECTL_GET_POD_QOS } from './qos-tables';
import { KubernetesVersion } from '../../../src/engine/kubernetes-version';
import { EffectiveResources, EffectiveResourcesOptions } from '../../../src/resources/effective-resources';
import { isPodLevelLimitsSet, isPodLevelResourcesSet, isSupportedPodLevelResource } from '../../../src/resources/pod-level-resources';
import { Quantity } from '../../../src/resources/quantity';
import { ResourceList } from '../../../src/resources/resource-list';

/** Semantic equality as upstream's `equality.Semantic.DeepEqual` on ResourceLists: same keys, Cmp == 0. */
function expectSameResources(actual: { [k: string]: string }, expected: { [k: string]: string }): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const k of Object.keys(expected)) {
    expect({ [k]: Quantity.parse(actual[k]).isEqualTo(Quantity.parse(expected[k])) }).toEqual({ [k]: true });
  }
}

/**
 * helpers.go works on the spec as stored (no API-server defaulting) and counts pod-level resources
 * unless `SkipPodLevelResources` is set: so `podLevelResources` is on unless the case says otherwise.
 */
const run = (c: HelpersCase) => EffectiveResources.of(c.podSpec, { podLevelResources: true, ...c.options, apiServerDefaults: false });

describe('helpers_test.go TestPodResourceRequests', () => {
  test.each(TEST_POD_RESOURCE_REQUESTS.map((c) => [c.name, c]))('%s', (_n, c) => expectSameResources(run(c).requests, c.expected));
});

describe('helpers_test.go TestPodResourceLimits', () => {
  test.each(TEST_POD_RESOURCE_LIMITS.map((c) => [c.name, c]))('%s', (_n, c) => expectSameResources(run(c).limits, c.expected));
});

describe('helpers_test.go TestPodLevelResourceRequests', () => {
  test.each(TEST_POD_LEVEL_RESOURCE_REQUESTS.map((c) => [c.name, c]))('%s', (_n, c) => expectSameResources(run(c).requests, c.expected));
});

describe('helpers_test.go TestAggregateContainerRequestsAndLimits', () => {
  test.each(TEST_AGGREGATE_CONTAINER_REQUESTS_AND_LIMITS.map((c) => [c.name, c]))('%s', (_n, c) => {
    const e = EffectiveResources.of(c.podSpec, AGGREGATE_OPTIONS);
    expectSameResources(e.requests, c.expectedRequests);
    expectSameResources(e.limits, c.expectedLimits);
  });
});

const both = (table: ReadonlyArray<RequestsAndLimitsCase>, options: EffectiveResourcesOptions) =>
  test.each(table.map((c) => [c.name, c]))('%s', (_n, c) => {
    const e = EffectiveResources.of(c.podSpec, { podLevelResources: true, ...options, apiServerDefaults: false });
    expectSameResources(e.requests, c.expectedRequests);
    expectSameResources(e.limits, c.expectedLimits);
  });

describe('helpers_test.go TestPodRequestsAndLimits', () => {
  test('GIVEN the table THEN it has every upstream case', () => expect(TEST_POD_REQUESTS_AND_LIMITS).toHaveLength(5));
  both(TEST_POD_REQUESTS_AND_LIMITS, {});
});

describe('helpers_test.go TestPodRequestsAndLimitsWithoutOverhead', () => {
  test('GIVEN the table THEN it has every upstream case', () => expect(TEST_POD_REQUESTS_AND_LIMITS_WITHOUT_OVERHEAD).toHaveLength(3));
  both(TEST_POD_REQUESTS_AND_LIMITS_WITHOUT_OVERHEAD, { excludeOverhead: true });
});

describe('helpers_test.go TestPodRequestsAndLimitsWithDRA (spec-only cases)', () => {
  both(TEST_POD_REQUESTS_AND_LIMITS_WITH_DRA_SPEC_ONLY, {});
});

/** A pod-level `spec.resources` of a case, read the way the reader reads it (absent stays undefined). */
function podLevelOf(c: PodLevelPredicateCase): { requests: ResourceList; limits: ResourceList } | undefined {
  if (c.podResources === undefined) return undefined;
  const list = (m: { [k: string]: string } | undefined): ResourceList => new Map(Object.entries(m ?? {}).map(([k, v]) => [k, Quantity.parse(v)]));
  return { requests: list(c.podResources.requests), limits: list(c.podResources.limits) };
}

describe('helpers_test.go TestIsPodLevelResourcesSet', () => {
  test.each(TEST_IS_POD_LEVEL_RESOURCES_SET.map((c) => [c.name, c]))('%s', (_n, c) => expect(isPodLevelResourcesSet(podLevelOf(c))).toBe(c.expected));
});

describe('helpers_test.go TestIsPodLevelLimitsSet', () => {
  test.each(TEST_IS_POD_LEVEL_LIMITS_SET.map((c) => [c.name, c]))('%s', (_n, c) => expect(isPodLevelLimitsSet(podLevelOf(c))).toBe(c.expected));
});

describe('helpers_test.go TestIsSupportedPodLevelResource', () => {
  test.each(TEST_IS_SUPPORTED_POD_LEVEL_RESOURCE)('%s -> %s', (name, expected) => expect(isSupportedPodLevelResource(name)).toBe(expected));
});

/**
 * The two feature gates of a case as our options: `podLevelResources` says PodLevelResources;
 * PodLevelResourcesFixKubeletQOSClass comes from the target version (on by default from 1.36),
 * so a case with the fix runs at 1.36 and one without at 1.35.
 */
function gatesToOptions(c: QosCase): EffectiveResourcesOptions {
  return { podLevelResources: c.podLevelResources, targetVersion: KubernetesVersion.of(c.fixKubeletQosClass ? '1.36' : '1.35') };
}

describe('qos_test.go TestComputePodQOS', () => {
  test('GIVEN the table THEN it has every upstream case', () => expect(TEST_COMPUTE_POD_QOS).toHaveLength(26));
  test.each(TEST_COMPUTE_POD_QOS.map((c) => [c.name, c]))('%s', (_n, c) => {
    expect(EffectiveResources.of(c.podSpec, { ...gatesToOptions(c), apiServerDefaults: false }).qosClass).toBe(c.expected);
    // upstream's API-server defaulting would not change these cases: every limit has a request
    expect(EffectiveResources.of(c.podSpec, gatesToOptions(c)).qosClass).toBe(c.expected);
  });
});

describe('kubectl qos_test.go TestGetPodQOS (kubectl follows current Kubernetes: target 1.36)', () => {
  test.each(TEST_KUBECTL_GET_POD_QOS.map((c) => [c.name, c]))('%s', (_n, c) => {
    expect(EffectiveResources.of(c.podSpec, { targetVersion: KubernetesVersion.of('1.36'), apiServerDefaults: false }).qosClass).toBe(c.expected);
  });
});
