import { c, job, where } from './helpers';
import { Severity } from '../../src/engine/severity';
import { LifecyclePlan } from '../../src/lifecycle/lifecycle-plan';
import { SidecarRules } from '../../src/rules/sidecar-rules';

/** SC-JOB-001 (src/rules/legacy-sidecar-in-job.ts): which helpers are recognised as long-running. */
const jobWithHelper = (helper: any) => job({ containers: [c('work', { command: ['/bin/work'] }), { name: 'helper', ...helper }] });

describe('SC-JOB-001 long-running helpers', () => {
  describe('survivor "`tail -f` (lower case) no longer recognised as long-running" (issue 14)', () => {
    test.each([
      [['tail', '-f', '/var/log/app.log']],
      [['tail', '-F', '/var/log/app.log']],
      [['tail', '--follow', '/var/log/app.log']],
    ])('fails GIVEN a helper running %j in a Job', (command) => {
      expect(where(jobWithHelper({ image: 'busybox:1.36', command }), 'SC-JOB-001')).toEqual(['error spec.template.spec.containers[1]']);
    });

    test('GIVEN a helper that tails without following (`tail -n 20`) THEN not applicable: it exits', () => {
      expect(where(jobWithHelper({ image: 'busybox:1.36', command: ['tail', '-n', '20', '/var/log/app.log'] }), 'SC-JOB-001')).toEqual([]);
    });
  });

  describe('survivor "`envoyproxy/envoy` (with an org prefix) no longer recognised" (issue 14)', () => {
    test.each([
      'envoyproxy/envoy:v1.30.0',
      'docker.io/envoyproxy/envoy:v1.30.0',
      'envoyproxy/envoy-distroless@sha256:0000000000000000000000000000000000000000000000000000000000000000',
      'envoy:1.30',
    ])('fails GIVEN a helper with image %s and no command in a Job', (image) => {
      expect(where(jobWithHelper({ image }), 'SC-JOB-001')).toEqual(['error spec.template.spec.containers[1]']);
    });

    test('GIVEN an image whose name only contains "envoy" (envoyproxy/ratelimit) THEN not applicable', () => {
      expect(where(jobWithHelper({ image: 'envoyproxy/ratelimit:master' }), 'SC-JOB-001')).toEqual([]);
    });
  });
});

/** Findings of one rule as `severity path: message`. */
const ofRule = (m: any, ruleId: string) => SidecarRules.check(m).filter((f) => f.ruleId === ruleId)
  .map((f) => `${f.severity} ${f.path}: ${f.message}`);
/** Every error of any rule, as `rule path`. */
const errors = (m: any) => SidecarRules.check(m).filter((f) => f.severity === Severity.ERROR).map((f) => `${f.ruleId} ${f.path}`);
const neverCompletes = 'as a regular container of a Job it keeps the pod running and the Job never completes';

describe('SC-JOB-001 look-alikes: helpers that do exit (false positives of the look-alike review)', () => {
  describe('the marker-file workaround: a while-true loop that stops the helper and exits once the app leaves a file', () => {
    const shared = [{ name: 'shared', mountPath: '/shared' }];
    const markerJob = (proxyScript: string) => job({
      volumes: [{ name: 'shared', emptyDir: {} }],
      containers: [
        { name: 'app', image: 'example/report:1.0', command: ['sh', '-c', 'trap "touch /shared/done" EXIT; /bin/report'], volumeMounts: shared },
        { name: 'proxy', image: 'example/db-proxy:1.0', command: ['sh', '-c', proxyScript], volumeMounts: shared },
      ],
    });

    test('GIVEN the classic workaround THEN no SC-JOB-001 finding and no error: both containers exit, the Job completes', () => {
      const m = markerJob('/bin/db-proxy & PID=$!; while true; do if [ -f /shared/done ]; then kill $PID; exit 0; fi; sleep 1; done');
      expect(ofRule(m, 'SC-JOB-001')).toEqual([]);
      expect(errors(m)).toEqual([]);
      expect(LifecyclePlan.of(m).completion).toMatchObject({ completes: true, neverExits: [] });
    });

    test.each([
      ['break', '/bin/db-proxy & PID=$!; while true; do [ -f /shared/done ] && break; sleep 1; done; kill $PID'],
      ['break 2 out of an inner loop',
        '/bin/db-proxy & while :; do for f in /shared/done /shared/failed; do [ -f $f ] && break 2; done; sleep 1; done'],
      ['a function that exits', 'check() { [ -f /shared/done ] && exit 0; }; /bin/db-proxy & while true; do check; sleep 1; done'],
      ['until false with exit', '/bin/db-proxy & until false; do if [ -f /shared/done ]; then exit 0; fi; sleep 1; done'],
      ['a bounded counter',
        '/bin/db-proxy & i=0; while true; do i=$((i+1)); [ $i -gt 3600 ] && exit 1; [ -f /shared/done ] && exit 0; sleep 1; done'],
      ['a background watcher that kills the foreground helper',
        '(while true; do if [ -f /shared/done ]; then pkill db-proxy; exit 0; fi; sleep 1; done) & /bin/db-proxy'],
      ['a background watcher that kills the helper waited for',
        '/bin/db-proxy & P=$!; (while true; do [ -f /shared/done ] && kill $P; sleep 1; done) & wait $P'],
    ])('GIVEN the loop leaves through %s THEN no SC-JOB-001 finding', (_n, script) => {
      expect(ofRule(markerJob(script), 'SC-JOB-001')).toEqual([]);
    });

    test.each([
      ['a loop with no way out', 'while true; do sleep 1; done', 'while true'],
      ['a loop whose only break leaves an inner loop', 'while true; do while read l; do break; done </shared/in; sleep 1; done', 'while true'],
      ['until false without a way out', 'until false; do date; sleep 60; done', 'until false'],
      ['a loop whose way out is only printed', 'while true; do echo "exit 0"; sleep 1; done', 'while true'],
      ['a helper waited for that nothing stops', 'sleep infinity & trap "exit 0" TERM; wait', 'sleep infinity'],
      ['sleep infinity after the work', '/bin/db-proxy --once; sleep infinity', 'sleep infinity'],
    ])('GIVEN %s THEN still an error', (_n, script, what) => {
      expect(ofRule(markerJob(script), 'SC-JOB-001')).toEqual([
        `error spec.template.spec.containers[1]: Forbidden: container "proxy" looks long-running (its command runs ${what}); ${neverCompletes}`,
      ]);
    });
  });

  describe('one-shot commands of images that are long-running by default: command replaces the entrypoint', () => {
    const app = { name: 'app', image: 'example/app:1.0', command: ['app', '--check-config'] };
    const envoy = 'envoyproxy/envoy:v1.30';
    const vault = 'hashicorp/vault:1.15';

    test('GIVEN envoy --mode validate next to the app THEN no SC-JOB-001 finding and no error', () => {
      const validate = { name: 'validate-envoy', image: envoy, command: ['envoy', '--mode', 'validate', '-c', '/etc/envoy/envoy.yaml'] };
      const m = job({ containers: [app, validate] });
      expect(ofRule(m, 'SC-JOB-001')).toEqual([]);
      expect(errors(m)).toEqual([]);
    });

    test('GIVEN a CronJob taking a Vault raft snapshot THEN no SC-JOB-001 finding and no error', () => {
      const containers = [
        { name: 'snapshot', image: vault, command: ['vault', 'operator', 'raft', 'snapshot', 'save', '/backup/vault.snap'] },
        { name: 'upload', image: 'amazon/aws-cli:2.15.0', command: ['sh', '-c', 'sleep 30 && aws s3 cp /backup/vault.snap s3://backups/'] },
      ];
      const m = {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: { name: 'vault-backup' },
        spec: { schedule: '0 2 * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers } } } } },
      };
      expect(ofRule(m, 'SC-JOB-001')).toEqual([]);
      expect(errors(m)).toEqual([]);
    });

    test.each([
      ['envoy --mode=validate', { image: envoy, command: ['envoy', '--mode=validate', '-c', '/etc/envoy/envoy.yaml'] }],
      ['envoy --mode init_only', { image: envoy, command: ['/usr/local/bin/envoy', '--mode', 'init_only', '-c', '/e.yaml'] }],
      ['vault args only (the entrypoint runs vault "$@")', { image: vault, args: ['operator', 'raft', 'snapshot', 'save', '/b.snap'] }],
      ['envoy args only, --mode validate', { image: envoy, args: ['--mode', 'validate', '-c', '/etc/envoy/envoy.yaml'] }],
      ['cloud-sql-proxy wait', { image: 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.0', command: ['/cloud-sql-proxy', 'wait'] }],
      ['pilot-agent request', { image: 'docker.io/istio/proxyv2:1.22.0', command: ['pilot-agent', 'request', 'GET', 'stats'] }],
      ['an unrelated program in a proxy image', { image: envoy, command: ['sh', '-c', 'cp /etc/envoy/*.yaml /out/'] }],
      ['timeout 600 tail -F', { image: 'busybox:1.36', command: ['timeout', '600', 'tail', '-F', '/var/log/app.log'] }],
      ['timeout -s KILL 10m tail -f in a shell', { image: 'busybox:1.36', command: ['sh', '-c', 'timeout -s KILL 10m tail -f /var/log/app.log'] }],
      ['tail -f --pid (stops when that process dies)', { image: 'busybox:1.36', command: ['tail', '-f', '--pid=1', '/var/log/app.log'] }],
      ['"sleep infinity" only echoed', { image: 'busybox:1.36', command: ['sh', '-c', 'echo "sleep infinity"'] }],
    ])('GIVEN %s THEN not long-running', (_n, helper) => {
      expect(where(jobWithHelper(helper), 'SC-JOB-001')).toEqual([]);
    });

    test.each([
      ['envoy without command (the image heuristic)', { image: envoy }, `its image "${envoy}" is an Envoy proxy`],
      ['envoy image with serving args', { image: envoy, args: ['-c', '/etc/envoy/envoy.yaml'] }, `its image "${envoy}" is an Envoy proxy`],
      ['envoy -c as command', { image: envoy, command: ['envoy', '-c', '/etc/envoy/envoy.yaml'] }, 'its command runs envoy (an Envoy proxy)'],
      ['vault without command (the image CMD is server -dev)', { image: vault }, `its image "${vault}" is a Vault agent`],
      ['vault agent as command', { image: vault, command: ['vault', 'agent', '-config=/vault/agent.hcl'] }, 'its command runs vault (a Vault agent)'],
      ['the v1 Cloud SQL proxy command',
        { image: 'gcr.io/cloudsql-docker/gce-proxy:1.33.2', command: ['/cloud_sql_proxy', '-instances=p:r:i=tcp:5432'] },
        'its command runs cloud_sql_proxy (a Cloud SQL proxy)'],
      ['an OpenTelemetry collector image', { image: 'otel/opentelemetry-collector-contrib:0.98.0' },
        'its image "otel/opentelemetry-collector-contrib:0.98.0" is an OpenTelemetry collector'],
      ['timeout 0 (no limit) tail -F', { image: 'busybox:1.36', command: ['timeout', '0', 'tail', '-F', '/x'] }, 'its command runs tail -f'],
      ['a proxy in the background, waited for', { image: 'busybox:1.36', command: ['sh', '-c', 'envoy -c /e.yaml & wait'] },
        'its command runs envoy (an Envoy proxy)'],
      ['exec tail -F in a shell', { image: 'busybox:1.36', command: ['/bin/sh', '-c', 'echo start; exec tail -F /x'] }, 'its command runs tail -f'],
    ])('fails GIVEN %s', (_n, helper, reason) => {
      expect(ofRule(jobWithHelper(helper), 'SC-JOB-001')).toEqual([
        `error spec.template.spec.containers[1]: Forbidden: container "helper" looks long-running (${reason}); ${neverCompletes}`,
      ]);
    });
  });
});
