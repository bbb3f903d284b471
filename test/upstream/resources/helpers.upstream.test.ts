import {
  AGGREGATE_OPTIONS,
  HelpersCase,
  TEST_AGGREGATE_CONTAINER_REQUESTS_AND_LIMITS,
  TEST_POD_LEVEL_RESOURCE_REQUESTS,
  TEST_POD_RESOURCE_LIMITS,
  TEST_POD_RESOURCE_REQUESTS,
} from './helpers-tables';
import { TEST_COMPUTE_POD_QOS } from './qos-tables';
import { EffectiveResources } from '../../../src/resources/effective-resources';
import { Quantity } from '../../../src/resources/quantity';

/** Semantic equality as upstream's `equality.Semantic.DeepEqual` on ResourceLists: same keys, Cmp == 0. */
function expectSameResources(actual: { [k: string]: string }, expected: { [k: string]: string }): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const k of Object.keys(expected)) {
    expect({ [k]: Quantity.parse(actual[k]).isEqualTo(Quantity.parse(expected[k])) }).toEqual({ [k]: true });
  }
}

const run = (c: HelpersCase) => EffectiveResources.of(c.podSpec, { ...c.options, apiServerDefaults: false });

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

describe('qos_test.go TestComputePodQOS', () => {
  test.each(TEST_COMPUTE_POD_QOS.map((c) => [c.name, c]))('%s', (_n, c) => {
    expect(EffectiveResources.of(c.podSpec, { podLevelResources: c.podLevelResources, apiServerDefaults: false }).qosClass).toBe(c.expected);
    // upstream's API-server defaulting would not change these cases: every limit has a request
    expect(EffectiveResources.of(c.podSpec, { podLevelResources: c.podLevelResources }).qosClass).toBe(c.expected);
  });
});
