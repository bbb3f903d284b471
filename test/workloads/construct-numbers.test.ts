import { Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { durationSecondsProblem, wholeNumberProblem } from '../../src/workloads/private/construct-numbers';
import { SidecarDeployment } from '../../src/workloads/sidecar-deployment';
import { SidecarJob } from '../../src/workloads/sidecar-job';

const PORT = { min: 1, max: 65535, what: 'a port number', example: 8080 };

describe('construct numbers: the pure checks', () => {
  test.each([
    [NaN, 'NaN', 'must be a port number from 1 to 65535, got NaN (a failed conversion?)', 'pass a number, e.g. portNumber: 8080'],
    [Infinity, 'Infinity', 'must be a port number from 1 to 65535', 'pass a finite number, e.g. portNumber: 8080'],
    [-1, '-1', 'must be a port number from 1 to 65535', 'pass a value in that range, e.g. portNumber: 8080'],
    [0, '0', 'must be a port number from 1 to 65535', 'pass a value in that range, e.g. portNumber: 8080'],
    [65536, '65536', 'must be a port number from 1 to 65535', 'pass a value in that range, e.g. portNumber: 8080'],
    [1.5, '1.5', 'must be a whole number (a port number from 1 to 65535)', 'round it, e.g. portNumber: 2'],
    ['8080', '"8080"', 'must be a port number from 1 to 65535, got a string', 'pass the number itself: portNumber: 8080'],
    [null, 'null', 'must be a port number from 1 to 65535, got null', 'pass a number, e.g. portNumber: 8080'],
  ])('GIVEN portNumber %p THEN it is refused, not coerced', (value, shown, detail, fix) => {
    expect(wholeNumberProblem('portNumber', value, PORT)).toEqual({ field: 'portNumber', value: shown, detail, fix });
  });

  test.each([[1], [8080], [65535], [undefined]])('GIVEN portNumber %p THEN fine', (value) => {
    expect(wholeNumberProblem('portNumber', value, PORT)).toBeUndefined();
  });

  test.each([
    [Duration.millis(1500), '1.5s', 'must be whole seconds (the field is an integer number of seconds)'],
    [Duration.seconds(NaN), 'NaNs', 'must be a finite number of seconds'],
    [30, '30', 'must be a Duration'],
  ])('GIVEN a timing of %p THEN it is refused', (value, shown, detail) => {
    expect(durationSecondsProblem('periodSeconds', value, 0)).toMatchObject({ value: shown, detail });
  });

  test.each([[Duration.seconds(0)], [Duration.minutes(2)], [undefined]])('GIVEN a timing of %p THEN fine', (value) => {
    expect(durationSecondsProblem('periodSeconds', value, 0)).toBeUndefined();
  });
});

describe('construct numbers: wired into the constructs', () => {
  test('GIVEN replicas: "3" from plain JavaScript WHEN constructing THEN it fails at once with the path, field, value and fix (no totals for one replica)', () => {
    expect(() => new SidecarDeployment(Testing.chart(), 'web', { replicas: '3' as any })).toThrow(new Error(
      '[test/web] SidecarDeployment: replicas: Invalid value: "3": must be a count from 0 to 2147483647, got a string. Fix: pass the number itself: replicas: 3'));
  });

  test('GIVEN replicas -1 and a container port of NaN in the props THEN both problems are reported at once', () => {
    expect(() => new SidecarDeployment(Testing.chart(), 'web', { replicas: -1, containers: [{ name: 'app', image: 'app:1.0', portNumber: NaN }] })).toThrow(new Error([
      '[test/web] SidecarDeployment: replicas: Invalid value: -1: must be a count from 0 to 2147483647. Fix: pass a value in that range, e.g. replicas: 3',
      '[test/web] SidecarDeployment: containers[0].portNumber: Invalid value: NaN: must be a port number from 1 to 65535, got NaN (a failed conversion?). Fix: pass a number, e.g. containers[0].portNumber: 8080',
    ].join('\n')));
  });

  test('GIVEN addSidecar with port 0 (cdk8s-plus would drop it silently) THEN it fails naming the sidecar', () => {
    const d = new SidecarDeployment(Testing.chart(), 'web');
    expect(() => d.addSidecar({ name: 'proxy', image: 'envoy', portNumber: 0 })).toThrow(new Error(
      '[test/web] sidecar "proxy": portNumber: Invalid value: 0: must be a port number from 1 to 65535. Fix: pass a value in that range, e.g. portNumber: 8080'));
  });

  test('GIVEN a sidecar with a bad port, probe timings and shutdown time THEN every problem is listed in one error', () => {
    const d = new SidecarDeployment(Testing.chart(), 'web');
    let message = '';
    try {
      d.addSidecar({
        name: 'proxy',
        image: 'envoy',
        ports: [{ number: 65536, hostPort: -1 }],
        readiness: kplus.Probe.fromHttpGet('/ready', { port: 1.5, periodSeconds: Duration.millis(1500), failureThreshold: Infinity }),
        shutdownTime: Duration.seconds(NaN),
      });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.split('\n').map((l) => l.split(': Invalid value: ')[0])).toEqual([
      '[test/web] sidecar "proxy": ports[0].number',
      '[test/web] sidecar "proxy": ports[0].hostPort',
      '[test/web] sidecar "proxy": readiness.failureThreshold',
      '[test/web] sidecar "proxy": readiness.periodSeconds',
      '[test/web] sidecar "proxy": readiness.httpGet.port',
      '[test/web] sidecar "proxy": shutdownTime',
    ]);
  });

  test('GIVEN addInitStep with a preStop port out of range THEN it fails naming the init container', () => {
    const d = new SidecarDeployment(Testing.chart(), 'web');
    expect(() => d.addInitStep({ name: 'migrate', image: 'migrate', lifecycle: { preStop: kplus.Handler.fromTcpSocket({ port: 70000 }) } })).toThrow(
      '[test/web] init container "migrate": lifecycle.preStop.tcpSocket.port: Invalid value: 70000: must be a port number from 1 to 65535.');
  });

  test('GIVEN a Job with a grace period of 1.5s THEN it fails at construction', () => {
    expect(() => new SidecarJob(Testing.chart(), 'job', { terminationGracePeriod: Duration.millis(1500) })).toThrow(
      '[test/job] SidecarJob: terminationGracePeriod: Invalid value: 1.5s: must be whole seconds (the field is an integer number of seconds). Fix: round it, e.g. terminationGracePeriod: Duration.seconds(2)');
  });

  test('GIVEN a container added with cdk8s-plus\'s addContainer after construction with portNumber Infinity THEN synth fails with the same grammar', () => {
    const chart = Testing.chart();
    const d = new SidecarDeployment(chart, 'web');
    d.addContainer({ name: 'app', image: 'app:1.0', portNumber: Infinity });
    expect(() => Testing.synth(chart)).toThrow('[test/web] container "app": portNumber: Invalid value: Infinity: must be a port number from 1 to 65535. Fix: pass a finite number, e.g. portNumber: 8080');
  });

  test('GIVEN good numbers everywhere (hostPort 0 means none, timings of 0 take the API server\'s defaults) THEN nothing is refused', () => {
    const chart = Testing.chart();
    const d = new SidecarDeployment(chart, 'web', { replicas: 0, terminationGracePeriod: Duration.seconds(0) });
    d.addContainer({ name: 'app', image: 'app:1.0', portNumber: 8080, ports: [{ number: 9090, hostPort: 0 }] });
    d.addSidecar({ name: 'proxy', image: 'envoy', portNumber: 15001, readiness: kplus.Probe.fromHttpGet('/ready', { periodSeconds: Duration.seconds(0), failureThreshold: 0 }), shutdownTime: Duration.seconds(5) });
    expect(() => Testing.synth(chart)).not.toThrow();
  });
});
