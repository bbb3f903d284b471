import { CONTAINERS_CASES, CONTAINERS_SKIPPED, INIT_CONTAINERS_CASES } from './containers.cases';
import { POD_SPEC_CASES, POD_SPEC_SKIPPED, RESOURCE_CASES } from './pod-spec.cases';
import { ENV_CASES, ENV_FROM_CASES, PORT_CASES } from './ports-env.cases';
import { HANDLER_CASES, PROBE_CASES, SLEEP_CASES } from './probes.cases';
import { Expected, UPSTREAM_COMMIT, UpstreamCase } from './upstream-case';
import { VOLUME_DEVICE_CASES, VOLUME_MOUNT_CASES } from './volumes.cases';
import { GateState } from '../../../src/engine/feature-gates';
import { KubernetesVersion } from '../../../src/engine/kubernetes-version';
import { PodManifest } from '../../../src/engine/pod-manifest';
import { errorBody } from '../../../src/validation/field-error';
import { PodValidationOptions } from '../../../src/validation/pod-validation-options';
import { validatePodManifest } from '../../../src/validation/validate-manifest';

export const ALL_CASES: UpstreamCase[] = [
  ...CONTAINERS_CASES, ...INIT_CONTAINERS_CASES, ...PROBE_CASES, ...HANDLER_CASES, ...SLEEP_CASES,
  ...PORT_CASES, ...ENV_CASES, ...ENV_FROM_CASES, ...VOLUME_MOUNT_CASES, ...VOLUME_DEVICE_CASES,
  ...POD_SPEC_CASES, ...RESOURCE_CASES,
];
export const ALL_SKIPPED = [...CONTAINERS_SKIPPED, ...POD_SPEC_SKIPPED];

/**
 * Go's `PodValidationOptions{}` at the commit: every switch off, no defaulting, a PodSpec of a
 * template (not a Pod), no container restart rules (the commit predates KEP-5307). The sleep
 * action and its gates are validated, as the commit's validation.go always does.
 */
const GO_ZERO_OPTIONS: PodValidationOptions = {
  applyDefaults: false,
  resourceIsPod: false,
  allowRelaxedEnvironmentVariableValidation: false,
  relaxedEnvironmentVariableGated: false,
  allowPodLifecycleSleepActionZeroValue: false,
  sleepAction: GateState.ON,
  allowSidecarResizePolicy: false,
  podLevelResources: false,
  podLevelHugePages: false,
  containerRestartRules: GateState.ABSENT,
};
/** The commit is from the 1.33 development cycle. */
const VERSION = KubernetesVersion.of('1.33');

function validate(c: UpstreamCase) {
  const pod = PodManifest.from({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'upstream' }, spec: c.spec })!;
  return validatePodManifest(pod, VERSION, { ...GO_ZERO_OPTIONS, ...c.options }).errors;
}

const show = (x: { type: string; field: string; detail?: string }) => `${x.field}: ${x.type}${x.detail ? ` (${x.detail})` : ''}`;
const matches = (got: { type: string; field: string; detail: string }, want: Expected) =>
  got.type === want.type && got.field === want.field && (want.detail === undefined || got.detail.includes(want.detail));

describe(`upstream validation_test.go (kubernetes/kubernetes@${UPSTREAM_COMMIT.slice(0, 12)}) as data`, () => {
  test.each(ALL_CASES.map((c) => [`${c.test} "${c.name}"`, c] as const))('GIVEN %s THEN the errors are upstream\'s', (_n, c) => {
    const got = validate(c).map((x) => ({ type: x.type as string, field: x.field.toString(), detail: x.detail, body: errorBody(x) }));
    if (c.errors) {
      // The whole list, in order: each error of ours matches the expected one at its position.
      expect(got.map(show)).toHaveLength(c.errors.length);
      c.errors.forEach((want, i) => {
        const seen = { got: show(got[i]), want: show(want) };
        expect({ i, ok: matches(got[i], want), ...seen }).toEqual({ i, ok: true, ...seen });
      });
    }
    for (const want of c.includes ?? []) {
      const seen = { want: show(want), got: got.map(show) };
      expect({ ...seen, found: got.some((g) => matches(g, want)) }).toEqual({ ...seen, found: true });
    }
  });

  test('GIVEN every case THEN it says what it expects (a success or named errors), so none passes vacuously', () => {
    for (const c of ALL_CASES) {
      expect({ name: c.name, states: c.errors !== undefined || (c.includes?.length ?? 0) > 0 }).toEqual({ name: c.name, states: true });
    }
    expect(ALL_CASES.length).toBeGreaterThan(250);
  });

  test('GIVEN the skipped cases THEN each names its test and a reason', () => {
    for (const s of ALL_SKIPPED) expect(s.reason.length).toBeGreaterThan(30);
  });
});
