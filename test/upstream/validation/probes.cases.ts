import { C0, e, INVALID, NOT_SUPPORTED, REQUIRED, UpstreamCase, withCtr } from './upstream-case';

/**
 * TestValidateProbe, Test_validateProbe, TestValidateHandler, TestValidateSleepAction.
 *
 * Upstream calls `validateProbe` (the checks every probe shares) on its own. In a pod a probe is
 * a readinessProbe, livenessProbe or startupProbe, each of which adds one check; the cases use
 * a readinessProbe (which adds "terminationGracePeriodSeconds must not be set") except where that
 * field is the subject, where they use a livenessProbe with successThreshold 1.
 */
const exec = { exec: { command: ['echo'] } };
const R = `${C0}.readinessProbe`;
const L = `${C0}.livenessProbe`;
const readiness = (probe: any) => withCtr({ readinessProbe: probe });
const liveness = (probe: any) => withCtr({ livenessProbe: { successThreshold: 1, ...probe } });
const POSITIVE = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'];

export const PROBE_CASES: UpstreamCase[] = [
  { test: 'TestValidateProbe', name: 'successCases[0]: nil probe', spec: withCtr({}), errors: [] },
  ...POSITIVE.map((f): UpstreamCase => ({ test: 'TestValidateProbe', name: `successCases: ${f} = 10`, spec: readiness({ ...exec, [f]: 10 }), errors: [] })),
  {
    test: 'TestValidateProbe',
    name: 'errorCases[0]: no handler (timeoutSeconds 10, initialDelaySeconds 10)',
    spec: readiness({ timeoutSeconds: 10, initialDelaySeconds: 10 }),
    errors: [e(REQUIRED, R, 'must specify a handler type')],
  },
  ...POSITIVE.map((f): UpstreamCase => ({
    test: 'TestValidateProbe', name: `errorCases: ${f} = -10`, spec: readiness({ ...exec, [f]: -10 }), errors: [e(INVALID, `${R}.${f}`, 'must be greater than or equal to 0')],
  })),

  { test: 'Test_validateProbe', name: 'empty probe', spec: readiness({}), errors: [e(REQUIRED, R, 'must specify a handler type')] },
  { test: 'Test_validateProbe', name: 'exec echo', spec: readiness(exec), errors: [] },
  ...POSITIVE.map((f): UpstreamCase => ({
    test: 'Test_validateProbe', name: `${f} -1`, spec: readiness({ ...exec, [f]: -1 }), errors: [e(INVALID, `${R}.${f}`, 'must be greater than or equal to 0')],
  })),
  { test: 'Test_validateProbe', name: 'terminationGracePeriodSeconds -1', spec: liveness({ ...exec, terminationGracePeriodSeconds: -1 }), errors: [e(INVALID, `${L}.terminationGracePeriodSeconds`, 'must be greater than 0')] },
  { test: 'Test_validateProbe', name: 'terminationGracePeriodSeconds 0', spec: liveness({ ...exec, terminationGracePeriodSeconds: 0 }), errors: [e(INVALID, `${L}.terminationGracePeriodSeconds`, 'must be greater than 0')] },
  { test: 'Test_validateProbe', name: 'terminationGracePeriodSeconds 1', spec: liveness({ ...exec, terminationGracePeriodSeconds: 1 }), errors: [] },
];

const H = 'TestValidateHandler';
export const HANDLER_CASES: UpstreamCase[] = [
  { test: H, name: 'successCases: exec echo', spec: readiness(exec), errors: [] },
  { test: H, name: 'successCases: httpGet / port 1', spec: readiness({ httpGet: { path: '/', port: 1, host: '', scheme: 'HTTP' } }), errors: [] },
  { test: H, name: 'successCases: httpGet /foo port 65535 host', spec: readiness({ httpGet: { path: '/foo', port: 65535, host: 'host', scheme: 'HTTP' } }), errors: [] },
  { test: H, name: 'successCases: httpGet named port', spec: readiness({ httpGet: { path: '/', port: 'port', host: '', scheme: 'HTTP' } }), errors: [] },
  { test: H, name: 'successCases: httpGet Host header', spec: readiness({ httpGet: { path: '/', port: 'port', scheme: 'HTTP', httpHeaders: [{ name: 'Host', value: 'foo.example.com' }] } }), errors: [] },
  {
    test: H,
    name: 'successCases: httpGet repeated X-Forwarded-For header',
    spec: readiness({ httpGet: { path: '/', port: 'port', scheme: 'HTTP', httpHeaders: [{ name: 'X-Forwarded-For', value: '1.2.3.4' }, { name: 'X-Forwarded-For', value: '5.6.7.8' }] } }),
    errors: [],
  },
  { test: H, name: 'errorCases: empty handler', spec: readiness({}), includes: [e(REQUIRED, R, 'must specify a handler type')] },
  { test: H, name: 'errorCases: exec without command', spec: readiness({ exec: { command: [] } }), includes: [e(REQUIRED, `${R}.exec.command`)] },
  {
    test: H,
    name: 'errorCases: httpGet without path, port 0, no scheme',
    spec: readiness({ httpGet: { path: '', port: 0, host: '' } }),
    errors: [e(REQUIRED, `${R}.httpGet.path`), e(INVALID, `${R}.httpGet.port`, 'must be between 1 and 65535, inclusive'), e(NOT_SUPPORTED, `${R}.httpGet.scheme`, 'supported values: "HTTP", "HTTPS"')],
  },
  {
    test: H,
    name: 'errorCases: httpGet port 65536',
    spec: readiness({ httpGet: { path: '/foo', port: 65536, host: 'host' } }),
    includes: [e(INVALID, `${R}.httpGet.port`, 'must be between 1 and 65535, inclusive')],
  },
  {
    test: H,
    name: 'errorCases: httpGet empty port name',
    spec: readiness({ httpGet: { path: '', port: '', host: '' } }),
    includes: [e(REQUIRED, `${R}.httpGet.path`), e(INVALID, `${R}.httpGet.port`, 'must contain at least one letter (a-z)')],
  },
  {
    test: H,
    name: 'errorCases: header name "Host:"',
    spec: readiness({ httpGet: { path: '/', port: 'port', scheme: 'HTTP', httpHeaders: [{ name: 'Host:', value: 'foo.example.com' }] } }),
    errors: [e(INVALID, `${R}.httpGet.httpHeaders`, 'a valid HTTP header must consist of alphanumeric characters or \'-\'')],
  },
  {
    test: H,
    name: 'errorCases: header name "X_Forwarded_For"',
    spec: readiness({ httpGet: { path: '/', port: 'port', scheme: 'HTTP', httpHeaders: [{ name: 'X_Forwarded_For', value: 'foo.example.com' }] } }),
    errors: [e(INVALID, `${R}.httpGet.httpHeaders`)],
  },
];

/**
 * TestValidateSleepAction calls `validateSleepAction(action, &gracePeriod, ...)`; here the
 * action is a preStop hook and the grace period the pod's terminationGracePeriodSeconds.
 */
const S = 'TestValidateSleepAction';
const P = `${C0}.lifecycle.preStop.sleep`;
const sleep = (seconds: number, grace: number) =>
  withCtr({ lifecycle: { preStop: { sleep: { seconds } } } }, { terminationGracePeriodSeconds: grace });
const disabled = (g: number) => `must be greater than 0 and less than terminationGracePeriodSeconds (${g}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`;
const enabled = (g: number) => `must be non-negative and less than terminationGracePeriodSeconds (${g})`;
const zero = { allowPodLifecycleSleepActionZeroValue: true };

export const SLEEP_CASES: UpstreamCase[] = [
  { test: S, name: 'valid setting', spec: sleep(5, 30), errors: [] },
  { test: S, name: 'negative seconds', spec: sleep(-1, 30), errors: [e(INVALID, P, disabled(30))] },
  { test: S, name: 'longer than gracePeriod', spec: sleep(5, 3), errors: [e(INVALID, P, disabled(3))] },
  { test: S, name: 'sleep duration of zero with zero value feature gate disabled', spec: sleep(0, 30), errors: [e(INVALID, P, disabled(30))] },
  { test: S, name: 'sleep duration of zero with zero value feature gate enabled', spec: sleep(0, 30), options: zero, errors: [] },
  { test: S, name: 'invalid sleep duration (negative value) with zero value disabled', spec: sleep(-1, 30), errors: [e(INVALID, P, disabled(30))] },
  { test: S, name: 'invalid sleep duration (negative value) with zero value enabled', spec: sleep(-1, 30), options: zero, errors: [e(INVALID, P, enabled(30))] },
  { test: S, name: 'zero grace period duration with zero value enabled', spec: sleep(0, 0), options: zero, errors: [] },
  { test: S, name: 'nil grace period with zero value disabled', spec: sleep(5, 0), errors: [e(INVALID, P, disabled(0))], note: 'the Go test passes a pointer to 0, not nil' },
  { test: S, name: 'nil grace period with zero value enabled', spec: sleep(0, 0), options: zero, errors: [] },
];
