import { execFileSync } from 'child_process';
import { Chart, Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as fc from 'fast-check';
import { SidecarDeployment, SidecarJob } from '../../src';
import { Annotations } from '../../src/engine/annotations';
import { PodSecurityLevel } from '../../src/rules/pod-security-level';
import { SidecarRules } from '../../src/rules/sidecar-rules';
import { FluentBitOutput } from '../../src/sidecars/fluent-bit-output';
import { FluentBitParser } from '../../src/sidecars/fluent-bit-parser';
import { LogShipperSidecar } from '../../src/sidecars/log-shipper-sidecar';
import { TailCommandStyle } from '../../src/sidecars/tail-command-style';
import { expandLikeKubelet } from '../upstream/expansion/kubelet-expansion';

function deployment(props: { terminationGracePeriod?: Duration } = {}) {
  const chart = new Chart(Testing.app(), 'test');
  const workload = new SidecarDeployment(chart, 'web', { metadata: { name: 'web' }, ...props });
  const app = workload.addContainer({ name: 'app', image: 'app:1.0', securityContext: { user: 1000, group: 1000 } });
  return { chart, workload, app };
}

function manifests(chart: Chart): any[] {
  return Testing.synth(chart);
}

function podSpec(chart: Chart): any {
  return manifests(chart).find((m) => m.kind === 'Deployment' || m.kind === 'Job').spec.template.spec;
}

/**
 * What the kubelet expands command and args with: the container's environment, which always
 * includes the service variables (KUBERNETES_SERVICE_HOST, ...) and here a value built to break quoting.
 */
const KUBELET_ENV = { KUBERNETES_SERVICE_HOST: '10.96.0.1', X: "'; echo injected; '", HOSTNAME: 'web-0' };

const HOSTILE_PATHS = [
  '/var/log/$(KUBERNETES_SERVICE_HOST)/app.log',
  '/var/log/$(X)/app.log',
  '/var/log/a$$b/app.log',
  '/var/log/$HOSTNAME/$(HOSTNAME).log',
  '/var/log/my app/app log.txt',
  "/var/log/app/it's.log",
  '/var/log/app/"quoted".log',
  '/var/log/app/$(rm -rf /).log',
  '/var/log/app/a;reboot;.log',
  '/var/log/app/`id`.log',
  '/var/log/app/*.log',
];

/** Runs a `sh -c` command line with `tail` replaced by a function that prints its arguments. */
function argumentsSeenByTail(commandLine: string): string[] {
  const out = execFileSync('sh', ['-c', `tail() { printf '%s\\0' "$@"; }; ${commandLine}`], { encoding: 'utf-8' });
  return out.split('\0').slice(0, -1);
}

describe('LogShipperSidecar.tail', () => {
  test('GIVEN defaults WHEN added with shipFrom THEN argv tail, busybox, shared emptyDir mounted in app and shipper, small resources', () => {
    const { chart, workload, app } = deployment();
    const sidecar = LogShipperSidecar.tail().shipFrom(app, '/var/log/app/app.log').addTo(workload);
    expect(sidecar.name).toBe('log-shipper');
    const spec = podSpec(chart);
    const shipper = spec.initContainers[0];
    expect(shipper).toMatchObject({
      name: 'log-shipper',
      image: 'busybox:1.36',
      restartPolicy: 'Always',
      command: ['tail', '-F', '--', '/var/log/app/app.log'],
      volumeMounts: [{ name: 'log-shipper-logs', mountPath: '/var/log/app' }],
      resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { memory: '32Mi' } },
    });
    expect(spec.containers[0].volumeMounts).toEqual([{ name: 'log-shipper-logs', mountPath: '/var/log/app' }]);
    expect(spec.volumes).toEqual([{ name: 'log-shipper-logs', emptyDir: {} }]);
  });

  test.each(HOSTILE_PATHS)('GIVEN the log path %j WHEN EXEC style THEN, after the kubelet\'s $(VAR) expansion, it is one literal argv element', (p) => {
    const { chart, workload, app } = deployment();
    LogShipperSidecar.tail().shipFrom(app, p).addTo(workload);
    expect(podSpec(chart).initContainers[0].command.map((a: string) => expandLikeKubelet(a, KUBELET_ENV))).toEqual(['tail', '-F', '--', p]);
  });

  test.each(HOSTILE_PATHS)('GIVEN the log path %j WHEN SHELL style THEN, after the kubelet\'s $(VAR) expansion, sh passes it to tail as one literal argument', (p) => {
    const { chart, workload, app } = deployment();
    LogShipperSidecar.tail({ commandStyle: TailCommandStyle.SHELL }).shipFrom(app, p).addTo(workload);
    const [sh, dashC, line] = podSpec(chart).initContainers[0].command;
    expect([sh, dashC]).toEqual(['sh', '-c']);
    expect(argumentsSeenByTail(expandLikeKubelet(line, KUBELET_ENV))).toEqual(['-F', p]);
  });

  test('GIVEN a path with "$$" WHEN EXEC style THEN the manifest doubles every "$", so tail follows exactly that file', () => {
    const { chart, workload, app } = deployment();
    LogShipperSidecar.tail().shipFrom(app, '/var/log/a$$b/app.log').addTo(workload);
    expect(podSpec(chart).initContainers[0].command).toEqual(['tail', '-F', '--', '/var/log/a$$$$b/app.log']);
  });

  test('GIVEN a path naming a variable whose value would end the shell quoting WHEN SHELL style THEN the value never reaches the shell', () => {
    const { chart, workload, app } = deployment();
    const p = '/var/log/$(X)/app.log';
    LogShipperSidecar.tail({ commandStyle: TailCommandStyle.SHELL }).shipFrom(app, p).addTo(workload);
    const line = podSpec(chart).initContainers[0].command[2];
    expect(line).toBe("tail -F '/var/log/$$(X)/app.log'");
    // Were the "$" not doubled, X = "'; reboot; '" would close the quote and run reboot.
    expect(argumentsSeenByTail(expandLikeKubelet(line, { X: "'; echo injected; '" }))).toEqual(['-F', p]);
  });

  test('law: for any file name, the SHELL command line gives tail exactly ["-F", path] (real sh)', () => {
    fc.assert(fc.property(
      // Distinct names: two paths naming the same file on the one shared volume are refused by design (tested below).
      fc.uniqueArray(fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }).filter((s) => !s.includes('\0') && !s.includes('/') && s !== '.' && s !== '..'), { minLength: 1, maxLength: 3 }),
      (names) => {
        const paths = names.map((n, i) => `/logs/d${i}/${n}`);
        const shipper = LogShipperSidecar.tail({ commandStyle: TailCommandStyle.SHELL, paths });
        const { chart, workload } = deployment();
        shipper.addTo(workload);
        const line = podSpec(chart).initContainers[0].command[2];
        expect(argumentsSeenByTail(expandLikeKubelet(line, KUBELET_ENV))).toEqual(['-F', ...paths]);
      }), { numRuns: 40 });
  });

  test('GIVEN default security WHEN synthesized THEN the pod passes the Pod Security "restricted" rule for the shipper', () => {
    const { chart, workload, app } = deployment();
    LogShipperSidecar.tail().shipFrom(app, '/var/log/app/app.log').addTo(workload);
    const deploymentJson = manifests(chart).find((m) => m.kind === 'Deployment');
    const pss = SidecarRules.check(deploymentJson, { podSecurity: PodSecurityLevel.RESTRICTED }).filter((f) => f.ruleId === 'SC-PSS-002');
    // The app container of this test is a plain cdk8s-plus container (no seccomp, no drop ALL): only it may be reported.
    expect(pss.length).toBeGreaterThan(0);
    expect(pss.filter((f) => !f.path.startsWith('spec.template.spec.containers[0]'))).toEqual([]);
    expect(deploymentJson.spec.template.spec.initContainers[0].securityContext).toEqual({
      runAsUser: 65534,
      runAsGroup: 65534,
      runAsNonRoot: true,
      privileged: false,
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    });
  });

  test('GIVEN two apps writing to the same directory WHEN shipped THEN one shipper mount, each app mounted, both files tailed', () => {
    const { chart, workload, app } = deployment();
    const worker = workload.addContainer({ name: 'worker', image: 'worker:1.0', securityContext: { user: 1000 } });
    LogShipperSidecar.tail().shipFrom(app, '/logs/app.log').shipFrom(worker, '/logs/worker.log').shipFrom(app, '/logs/app.log').addTo(workload);
    const spec = podSpec(chart);
    expect(spec.initContainers[0].command).toEqual(['tail', '-F', '--', '/logs/app.log', '/logs/worker.log']);
    expect(spec.initContainers[0].volumeMounts).toEqual([{ name: 'log-shipper-logs', mountPath: '/logs' }]);
    expect(spec.containers.map((c: any) => c.volumeMounts)).toEqual([[{ name: 'log-shipper-logs', mountPath: '/logs' }], [{ name: 'log-shipper-logs', mountPath: '/logs' }]]);
  });

  test('throws for relative, directory-level and NUL paths, listing every problem', () => {
    expect(() => LogShipperSidecar.tail({ paths: ['logs/app.log', '/app.log', '/var/log/', '/a/\0b', '/a/../b.log'] })).toThrow(
      'LogShipperSidecar "log-shipper": invalid options:\n' +
      '  - paths[0]: Invalid value: "logs/app.log": must be an absolute path (start with "/")\n' +
      '  - paths[1]: Invalid value: "/app.log": must be in a directory below "/" (the shared volume is mounted on that directory)\n' +
      '  - paths[2]: Invalid value: "/var/log/": must name a file, not a directory (no trailing "/")\n' +
      '  - paths[3]: Invalid value: "/a/\\u0000b": must not contain a NUL character\n' +
      '  - paths[4]: Invalid value: "/a/../b.log": must not contain "." or ".." segments\n' +
      'Fix: give absolute file paths such as "/var/log/app/app.log", and whole seconds for flush and grace');
  });

  test('throws at addTo for a container of another workload, a mount conflict and a file name clash, all at once', () => {
    const { workload, app } = deployment();
    const other = deployment();
    const data = kplus.Volume.fromEmptyDir(workload, 'data', 'data');
    app.mount('/var/log/app', data);
    const shipper = LogShipperSidecar.tail().shipFrom(app, '/var/log/app/app.log').shipFrom(other.app, '/other/x.log').shipFrom(app, '/tmp/app.log');
    expect(() => shipper.addTo(workload)).toThrow(
      '[test/web] LogShipperSidecar "log-shipper": cannot add the shipper:\n' +
      '  - shipFrom("app", "/var/log/app/app.log"): volumeMounts[].mountPath: Duplicate value: "/var/log/app": container "app" already mounts volume "data" there\n' +
      '  - shipFrom("app", "/other/x.log"): Not found: container "app" is not a container of this workload\n' +
      '  - paths: Duplicate value: "/tmp/app.log" and "/var/log/app/app.log" are the same file "app.log" on the one shared volume\n' +
      'Fix: ship only from containers of this workload, pass the volume they already mount as `volume`, and give log files distinct names');
  });

  test('GIVEN the volume the app already mounts WHEN passed as volume THEN it is reused, not mounted twice', () => {
    const { chart, workload, app } = deployment();
    const data = kplus.Volume.fromEmptyDir(workload, 'data', 'data');
    app.mount('/var/log/app', data);
    LogShipperSidecar.tail({ volume: data }).shipFrom(app, '/var/log/app/app.log').addTo(workload);
    const spec = podSpec(chart);
    expect(spec.containers[0].volumeMounts).toEqual([{ name: 'data', mountPath: '/var/log/app' }]);
    expect(spec.initContainers[0].volumeMounts).toEqual([{ name: 'data', mountPath: '/var/log/app' }]);
  });

  test('throws when there is nothing to ship', () => {
    const { workload } = deployment();
    expect(() => LogShipperSidecar.tail().addTo(workload)).toThrow(
      '[test/web] LogShipperSidecar "log-shipper": paths: Required value: the shipper has no log file to follow. Fix: call shipFrom(container, path) for each file an app container writes, or pass paths');
  });

  test('throws when added twice to one workload', () => {
    const { workload } = deployment();
    const shipper = LogShipperSidecar.tail({ paths: ['/logs/a.log'] });
    shipper.addTo(workload);
    expect(() => shipper.addTo(workload)).toThrow(
      '[test/web] LogShipperSidecar "log-shipper": spec.initContainers[].name: Duplicate value: "log-shipper": the pod already has a container of this name. Fix: give the sidecar another name, or add it only once');
  });
});

describe('LogShipperSidecar.fluentBit', () => {
  const EXPECTED_CONFIG = [
    '[SERVICE]',
    '    Flush        1',
    '    Grace        5',
    '    Log_Level    info',
    '    Parsers_File /etc/fluent-bit/parsers.conf',
    '    HTTP_Server  On',
    '    HTTP_Listen  0.0.0.0',
    '    HTTP_Port    2020',
    '    Health_Check On',
    '',
    '[INPUT]',
    '    Name            tail',
    '    Tag             log-shipper.0',
    '    Path            /var/log/app/app.log',
    '    Parser          json',
    '    Skip_Long_Lines On',
    '',
    '[INPUT]',
    '    Name            tail',
    '    Tag             log-shipper.1',
    '    Path            /var/log/app/audit log.txt',
    '    Parser          json',
    '    Skip_Long_Lines On',
    '',
    '[OUTPUT]',
    '    Name  forward',
    '    Match *',
    '    Host  fluentd.logging.svc',
    '    Port  24224',
    '',
  ].join('\n');

  function fluentBitDeployment(output = FluentBitOutput.forward({ host: 'fluentd.logging.svc' }), grace?: Duration) {
    const { chart, workload, app } = deployment(grace ? { terminationGracePeriod: grace } : {});
    const sidecar = LogShipperSidecar.fluentBit({ output, parser: FluentBitParser.json() })
      .shipFrom(app, '/var/log/app/app.log').shipFrom(app, '/var/log/app/audit log.txt').addTo(workload);
    return { chart, workload, sidecar };
  }

  test('GIVEN a forward output and a JSON parser WHEN synthesized THEN the ConfigMap holds the exact config and parsers files', () => {
    const { chart } = fluentBitDeployment();
    const configMap = manifests(chart).find((m) => m.kind === 'ConfigMap');
    expect(configMap.data['fluent-bit.conf']).toBe(EXPECTED_CONFIG);
    expect(configMap.data['parsers.conf']).toBe('[PARSER]\n    Name   json\n    Format json\n');
  });

  test('GIVEN defaults WHEN synthesized THEN startup and liveness probes hit /api/v1/health on 2020 and the config is mounted', () => {
    const { chart } = fluentBitDeployment();
    const all = manifests(chart);
    const configMapName = all.find((m) => m.kind === 'ConfigMap').metadata.name;
    const spec = podSpec(chart);
    const shipper = spec.initContainers[0];
    expect(shipper.command).toEqual(['/fluent-bit/bin/fluent-bit', '-c', '/etc/fluent-bit/fluent-bit.conf']);
    expect(shipper.image).toBe('cr.fluentbit.io/fluent/fluent-bit:3.1.9');
    expect(shipper.startupProbe).toMatchObject({ httpGet: { path: '/api/v1/health', port: 2020 }, periodSeconds: 1, failureThreshold: 30 });
    expect(shipper.livenessProbe).toMatchObject({ httpGet: { path: '/api/v1/health', port: 2020 }, periodSeconds: 10, failureThreshold: 3 });
    expect(shipper.ports).toEqual([{ containerPort: 2020, name: 'fluent-bit-http' }]);
    expect(shipper.volumeMounts).toEqual([
      { name: 'log-shipper-logs', mountPath: '/var/log/app' },
      { name: 'log-shipper-config', mountPath: '/etc/fluent-bit', readOnly: true },
    ]);
    expect(spec.containers[0].volumeMounts).toEqual([{ name: 'log-shipper-logs', mountPath: '/var/log/app' }]);
    expect(spec.volumes).toEqual(expect.arrayContaining([
      { name: 'log-shipper-logs', emptyDir: {} },
      { name: 'log-shipper-config', configMap: { name: configMapName } },
    ]));
    expect(shipper.resources).toEqual({ requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '128Mi' } });
  });

  test('GIVEN defaults WHEN synthesized THEN the shipper passes Pod Security "restricted" (SidecarRules) and declares flush + grace as shutdown time', () => {
    const { chart } = fluentBitDeployment();
    const json = manifests(chart).find((m) => m.kind === 'Deployment');
    const findings = SidecarRules.check(json, { podSecurity: PodSecurityLevel.RESTRICTED });
    expect(findings.filter((f) => f.ruleId.startsWith('SC-PSS') && f.path.includes('initContainers'))).toEqual([]);
    expect(JSON.parse(json.spec.template.metadata.annotations[Annotations.SHUTDOWN_SECONDS])).toEqual({ 'log-shipper': 6 });
  });

  test('GIVEN a 9s termination grace period WHEN defaults THEN Grace is a third of it (3)', () => {
    const { chart } = fluentBitDeployment(FluentBitOutput.stdout(), Duration.seconds(9));
    const conf = manifests(chart).find((m) => m.kind === 'ConfigMap').data['fluent-bit.conf'];
    expect(conf).toContain('    Grace        3\n');
    expect(conf).toContain('[OUTPUT]\n    Name  stdout\n    Match *\n');
  });

  test('GIVEN an HTTP output WHEN synthesized THEN the [OUTPUT] is typed http with URI and JSON format', () => {
    const { chart } = fluentBitDeployment(FluentBitOutput.http({ host: 'logs.example.com', port: 8080, uri: '/ingest' }));
    const conf = manifests(chart).find((m) => m.kind === 'ConfigMap').data['fluent-bit.conf'];
    expect(conf.endsWith('[OUTPUT]\n    Name   http\n    Match  *\n    Host   logs.example.com\n    Port   8080\n    URI    /ingest\n    Format json\n')).toBe(true);
  });

  test('throws when flush plus grace do not fit in the pod termination grace period', () => {
    const { workload, app } = deployment({ terminationGracePeriod: Duration.seconds(5) });
    const shipper = LogShipperSidecar.fluentBit({ output: FluentBitOutput.stdout(), grace: Duration.seconds(5) }).shipFrom(app, '/logs/a.log');
    expect(() => shipper.addTo(workload)).toThrow(
      '[test/web] LogShipperSidecar "log-shipper": grace: Invalid value: 5s: flush (1s) plus grace (5s) does not fit in the pod\'s terminationGracePeriodSeconds (5s). ' +
      'Fix: lower grace or flush, or raise the pod\'s terminationGracePeriod');
  });

  test('throws for paths that would break or inject into the Fluent Bit config', () => {
    expect(() => LogShipperSidecar.fluentBit({ output: FluentBitOutput.stdout(), paths: ['/logs/a.log\n[OUTPUT]', '/logs/a,b.log', '/logs/${HOME}.log'], flush: Duration.millis(1500) })).toThrow(
      'LogShipperSidecar "log-shipper": invalid options:\n' +
      '  - paths[0]: Invalid value: "/logs/a.log\\n[OUTPUT]": must not contain line breaks or NUL (each value is one line of the Fluent Bit config)\n' +
      '  - paths[1]: Invalid value: "/logs/a,b.log": must not contain "," (Fluent Bit reads a comma as a separator between paths)\n' +
      '  - paths[2]: Invalid value: "/logs/${HOME}.log": must not contain "${" (Fluent Bit expands ${VAR} from the environment)\n' +
      '  - flush: Invalid value: 1.5s: must be a whole number of seconds, at least 1\n' +
      'Fix: give absolute file paths such as "/var/log/app/app.log", and whole seconds for flush and grace');
  });

  test('throws for invalid output options, listing every problem', () => {
    expect(() => FluentBitOutput.http({ host: 'a b', port: 70000, uri: 'ingest' })).toThrow(
      'FluentBitOutput.http: invalid options:\n' +
      '  - host: Invalid value: "a b": must be a non-empty host name or IP address without whitespace\n' +
      '  - port: Invalid value: 70000: must be an integer between 1 and 65535\n' +
      '  - uri: Invalid value: "ingest": must start with "/" and contain no whitespace\n' +
      'Fix: correct the listed options');
    expect(() => FluentBitOutput.forward({ host: '' })).toThrow(
      'FluentBitOutput.forward: invalid options:\n  - host: Invalid value: "": must be a non-empty host name or IP address without whitespace\nFix: correct the listed options');
    expect(() => FluentBitParser.regex('my parser', 'a\nb')).toThrow(
      'FluentBitParser.regex: invalid options:\n' +
      '  - name: Invalid value: "my parser": must be letters, digits, "-" or "_"\n' +
      '  - regex: Invalid value: "a\\nb": must not contain line breaks or NUL (each value is one line of the Fluent Bit config)\n' +
      'Fix: correct the listed options');
  });

  test('throws without an output', () => {
    expect(() => LogShipperSidecar.fluentBit({} as any)).toThrow(
      'LogShipperSidecar.fluentBit: output: Required value: got undefined. Fix: pass output: FluentBitOutput.stdout(), FluentBitOutput.forward({ host }) or FluentBitOutput.http({ host })');
  });

  test('GIVEN a Job WHEN the Fluent Bit shipper is added THEN the Job stays valid for the rules (no error findings for the shipper)', () => {
    const chart = new Chart(Testing.app(), 'test');
    const job = new SidecarJob(chart, 'batch', { metadata: { name: 'batch' } });
    const app = job.addContainer({ name: 'app', image: 'app:1.0', securityContext: { user: 1000 } });
    LogShipperSidecar.fluentBit({ output: FluentBitOutput.stdout() }).shipFrom(app, '/logs/app.log').addTo(job);
    const json = Testing.synth(chart).find((m) => m.kind === 'Job');
    const errors = SidecarRules.check(json).filter((f) => f.severity === 'error' && f.path.includes('initContainers'));
    expect(errors).toEqual([]);
  });
});
