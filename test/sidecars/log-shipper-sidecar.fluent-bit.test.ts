import { Chart, Duration, Testing } from 'cdk8s';
import { SidecarDeployment } from '../../src';
import { Annotations } from '../../src/engine/annotations';
import { FluentBitOutput } from '../../src/sidecars/fluent-bit-output';
import { LogShipperSidecar } from '../../src/sidecars/log-shipper-sidecar';

/** LogShipperSidecar.fluentBit(): its flush/grace timing and the paths it writes into the config. */
function deployment(terminationGracePeriodSeconds: number) {
  const chart = new Chart(Testing.app(), 'test');
  const workload = new SidecarDeployment(chart, 'web', { metadata: { name: 'web' }, terminationGracePeriod: Duration.seconds(terminationGracePeriodSeconds) });
  const app = workload.addContainer({ name: 'app', image: 'app:1.0', securityContext: { user: 1000 } });
  return { chart, workload, app };
}
const synth = (chart: Chart) => Testing.synth(chart);
const config = (chart: Chart): string => synth(chart).find((m) => m.kind === 'ConfigMap').data['fluent-bit.conf'];
const shutdownSeconds = (chart: Chart) => JSON.parse(synth(chart).find((m) => m.kind === 'Deployment').spec.template.metadata.annotations[Annotations.SHUTDOWN_SECONDS]);

describe('LogShipperSidecar.fluentBit timing', () => {
  describe('survivor "the default Fluent Bit grace rounding up" (issue 14)', () => {
    test.each([
      [10, 3],
      [14, 4],
      [17, 5],
      [2, 1],
    ])('GIVEN a %is pod grace period and no grace given THEN Grace is a third of it rounded down (%i), between 1 and 5', (podGrace, grace) => {
      const { chart, workload, app } = deployment(podGrace);
      LogShipperSidecar.fluentBit({ output: FluentBitOutput.stdout() }).shipFrom(app, '/logs/app.log').addTo(workload);
      expect(config(chart)).toContain(`    Grace        ${grace}\n`);
      expect(shutdownSeconds(chart)).toEqual({ 'log-shipper': 1 + grace });
    });
  });

  describe('survivor "flush plus grace equal to the pod grace rejected" (issue 14)', () => {
    test('GIVEN flush 1s + grace 5s and a pod grace period of exactly 6s THEN it is accepted: it fits', () => {
      const { chart, workload, app } = deployment(6);
      LogShipperSidecar.fluentBit({ output: FluentBitOutput.stdout(), grace: Duration.seconds(5) }).shipFrom(app, '/logs/app.log').addTo(workload);
      expect(config(chart)).toContain('    Flush        1\n    Grace        5\n');
      expect(shutdownSeconds(chart)).toEqual({ 'log-shipper': 6 });
    });

    test('throws GIVEN flush 2s + grace 5s in 6s, naming grace', () => {
      const { workload, app } = deployment(6);
      const shipper = LogShipperSidecar.fluentBit({ output: FluentBitOutput.stdout(), flush: Duration.seconds(2), grace: Duration.seconds(5) }).shipFrom(app, '/logs/app.log');
      expect(() => shipper.addTo(workload)).toThrow(/\[test\/web\] LogShipperSidecar "log-shipper": grace: Invalid value: 5s/);
    });
  });
});

describe('LogShipperSidecar.fluentBit paths', () => {
  describe('survivor "paths with leading or trailing whitespace accepted into the Fluent Bit config" (issue 14)', () => {
    test.each(['/logs/app.log ', '/logs/app.log\t', ' /logs/app.log'])('throws GIVEN the path %j in props (Fluent Bit trims a value)', (p) => {
      expect(() => LogShipperSidecar.fluentBit({ output: FluentBitOutput.stdout(), paths: [p] })).toThrow(/paths\[0\]: Invalid value: /);
    });

    test('throws GIVEN a trailing space in shipFrom()', () => {
      const { app } = deployment(30);
      expect(() => LogShipperSidecar.fluentBit({ output: FluentBitOutput.stdout() }).shipFrom(app, '/logs/app.log ')).toThrow(/shipFrom\("app", "\/logs\/app\.log "\): Invalid value: /);
    });

    test('GIVEN a space inside a file name (not at either end) THEN it is accepted and written as is', () => {
      const { chart, workload, app } = deployment(30);
      LogShipperSidecar.fluentBit({ output: FluentBitOutput.stdout() }).shipFrom(app, '/logs/audit log.txt').addTo(workload);
      expect(config(chart)).toContain('    Path            /logs/audit log.txt\n');
    });
  });
});
