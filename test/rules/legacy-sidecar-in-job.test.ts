import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { SidecarRules } from '../../src/rules/sidecar-rules';

/** A Job whose pod has these annotations and regular containers (restartPolicy Never). */
function jobWith(annotations: Record<string, string>, containers: any[]): any {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'j' },
    spec: { template: { metadata: { annotations }, spec: { restartPolicy: 'Never', containers } } },
  };
}

describe('SC-JOB-001 and the completion protocol', () => {
  const job = (annotations: Record<string, string>) => jobWith(annotations, [
    { name: 'app', image: 'app', command: ['run'] },
    { name: 'log', image: 'busybox', command: ['tail', '-F', '/x'] },
    { name: 'log-twin', image: 'busybox', command: ['tail', '-F', '/x'] },
  ]);
  const jobFindings = (a: Record<string, string>) => SidecarRules.check(job(a)).filter((f) => f.ruleId === 'SC-JOB-001').map((f) => f.path);

  test('GIVEN containers supervised by the completion protocol (LEGACY/UNIVERSAL modes) THEN they are not legacy sidecars', () => {
    expect(jobFindings({
      'cdk8s-sidecars.dev/completion-protocol': '{"dir":"/run/sidecar-lifecycle","apps":["app"],"sidecars":["log"]}',
      'cdk8s-sidecars.dev/universal-twins': '{"log":"log-twin"}',
    })).toEqual([]);
  });

  test('GIVEN no or a malformed protocol annotation THEN both long-running containers are reported', () => {
    expect(jobFindings({})).toEqual(['spec.template.spec.containers[1]', 'spec.template.spec.containers[2]']);
    expect(jobFindings({ 'cdk8s-sidecars.dev/completion-protocol': 'not json' })).toEqual(['spec.template.spec.containers[1]', 'spec.template.spec.containers[2]']);
  });
});

describe('SC-JOB-001 and the shutdown protocols of known legacy sidecars', () => {
  const published = (file: string): any => parseAllDocuments(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'published', file), 'utf-8'))
    .map((d) => d.toJS()).find((m) => m && m.kind);
  const findingsOf = (m: any) => SidecarRules.check(m).filter((f) => f.ruleId === 'SC-JOB-001').map((f) => `${f.severity} ${f.path}: ${f.message}. Fix: ${f.fix}`);
  const withAppCommand = (m: any, command: string[]): any => {
    const copy = JSON.parse(JSON.stringify(m));
    copy.spec.template.spec.containers[0].command = command;
    return copy;
  };

  describe('Cloud SQL proxy --quitquitquit (GoogleCloudPlatform/cloud-sql-proxy examples/k8s-sidecar/job_with_shutdown_hook.yaml)', () => {
    const job = published('cloud-sql-proxy-job-with-shutdown-hook.yaml');
    const app = (script: string) => withAppCommand(job, ['sh', '-c', script]);
    const legacy = 'container "cloud-sql-proxy" is a legacy sidecar (its image "gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.6.0" is a Cloud SQL proxy); ';

    test('GIVEN the example as published (a folded ">" block makes curl an argument of my_batch_job) THEN the app never calls the endpoint: still an error', () => {
      expect(job.spec.template.spec.containers[0].command[2]).toContain('--dbname=<DB_NAME> curl http://localhost:9091/quitquitquit');
      expect(findingsOf(job)).toEqual([
        'error spec.template.spec.containers[1]: Forbidden: container "cloud-sql-proxy" looks long-running (its image "gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.6.0" is a Cloud SQL proxy); as a regular container of a Job it keeps the pod running and the Job never completes. '
        + 'Fix: move "cloud-sql-proxy" to initContainers with restartPolicy: Always to make it a native sidecar (`cdk8s-sidecars migrate` does this)',
      ]);
    });

    test('GIVEN the same Job written as a literal block (two commands) THEN the app calls /quitquitquit after the job: informational', () => {
      expect(findingsOf(app('my_batch_job --host=127.0.0.1\ncurl http://localhost:9091/quitquitquit\n'))).toEqual([
        `info spec.template.spec.containers[1]: Not recommended: ${legacy}`
        + 'works: "my-application" stops it through the Cloud SQL proxy --quitquitquit protocol ("curl http://localhost:9091/quitquitquit"). '
        + 'Fix: a native sidecar removes the protocol: move "cloud-sql-proxy" to initContainers with restartPolicy: Always (`cdk8s-sidecars migrate` does this) and drop the quit call',
      ]);
    });

    test.each([
      ['a trap on EXIT', 'trap "curl -X POST localhost:9091/quitquitquit" EXIT; my_batch_job', 'info'],
      ['a POST after ";"', 'my_batch_job; curl -sf -X POST http://127.0.0.1:9091/quitquitquit', 'info'],
      ['the proxy\'s own shutdown command', 'my_batch_job; cloud-sql-proxy shutdown', 'info'],
      ['wget --post-data', 'my_batch_job; wget -qO- --post-data="" http://localhost:9091/quitquitquit', 'info'],
      // Nothing stops the proxy in these: the error stays.
      ['the URL only printed', 'my_batch_job; echo curl http://localhost:9091/quitquitquit', 'error'],
      ['another port than --admin-port', 'my_batch_job; curl -X POST http://localhost:9090/quitquitquit', 'error'],
      ['the call commented out', 'my_batch_job # curl -X POST http://localhost:9091/quitquitquit', 'error'],
    ])('GIVEN the app\'s command has %s THEN the finding is %s', (_name, script, severity) => {
      expect(findingsOf(app(script)).map((f) => f.split(':')[0])).toEqual([`${severity} spec.template.spec.containers[1]`]);
    });

    test('GIVEN the call only after "&&" THEN a warning: when the job fails the proxy keeps the pod running', () => {
      expect(findingsOf(app('my_batch_job && curl -X POST localhost:9091/quitquitquit'))).toEqual([
        `warning spec.template.spec.containers[1]: Not recommended: ${legacy}`
        + '"my-application" stops it through the Cloud SQL proxy --quitquitquit protocol ("curl -X POST localhost:9091/quitquitquit"), but only when the command before the call succeeds: when it fails, "cloud-sql-proxy" keeps running and the Job never completes. '
        + 'Fix: call the quit endpoint whatever the outcome (after ";" or in a "trap ... EXIT"), or move "cloud-sql-proxy" to initContainers with restartPolicy: Always, which removes the protocol',
      ]);
    });

    test('GIVEN the proxy without --quitquitquit THEN the endpoint does not exist: still an error', () => {
      const m = app('my_batch_job; curl -X POST localhost:9091/quitquitquit');
      m.spec.template.spec.containers[1].args = m.spec.template.spec.containers[1].args.filter((a: string) => a !== '--quitquitquit');
      expect(findingsOf(m).map((f) => f.split(':')[0])).toEqual(['error spec.template.spec.containers[1]']);
    });
  });

  describe('Istio pilot-agent /quitquitquit (istio/istio pkg/kube/inject/testdata/inject/job-old-version.yaml.injected)', () => {
    const job = published('istio-job-old-version.injected.yaml');
    test('GIVEN the injected Job as published (the app never quits the proxy) THEN an error', () => {
      expect(findingsOf(job).map((f) => f.split(':')[0])).toEqual(['error spec.template.spec.containers[1]']);
    });
    test.each([
      ['curl -X POST', ['sh', '-c', 'perl -Mbignum=bpi -wle "print bpi(2000)"; curl -fsS -X POST http://localhost:15020/quitquitquit']],
      ['pilot-agent request POST quitquitquit', ['sh', '-c', 'perl -Mbignum=bpi -wle "print bpi(2000)"; pilot-agent request POST quitquitquit']],
    ])('GIVEN the app ends with %s THEN informational', (_name, command) => {
      expect(findingsOf(withAppCommand(job, command)).map((f) => f.split(':')[0])).toEqual(['info spec.template.spec.containers[1]']);
    });
    test('GIVEN a GET to /quitquitquit (pilot-agent only accepts POST) THEN still an error', () => {
      expect(findingsOf(withAppCommand(job, ['sh', '-c', 'perl x; curl http://localhost:15020/quitquitquit'])).map((f) => f.split(':')[0])).toEqual(['error spec.template.spec.containers[1]']);
    });
  });

  describe('linkerd-await --shutdown (usage from github.com/linkerd/linkerd-await; no published Job manifest found, so the Job is written here)', () => {
    const linkerdJob = (annotations: Record<string, string>, command: string[]) => jobWith(annotations, [
      { name: 'report', image: 'my/report:1.0', command },
      { name: 'linkerd-proxy', image: 'cr.l5d.io/linkerd/proxy:stable-2.14.10' },
    ]);
    test('GIVEN the app runs under linkerd-await --shutdown THEN informational, naming the endpoint switch it relies on', () => {
      expect(findingsOf(linkerdJob({}, ['linkerd-await', '--shutdown', '--', '/bin/report']))).toEqual([
        'info spec.template.spec.containers[1]: Not recommended: container "linkerd-proxy" is a legacy sidecar (its image "cr.l5d.io/linkerd/proxy:stable-2.14.10" is a Linkerd proxy); '
        + 'works: "report" stops it through the linkerd-await --shutdown protocol ("linkerd-await --shutdown -- /bin/report"), '
        + 'provided the proxy\'s /shutdown endpoint is enabled (annotation config.linkerd.io/proxy-admin-shutdown: enabled; recent Linkerd releases disable it by default). '
        + 'Fix: a native sidecar removes the protocol: move "linkerd-proxy" to initContainers with restartPolicy: Always (`cdk8s-sidecars migrate` does this) and drop the quit call',
      ]);
    });
    test('GIVEN the endpoint enabled by annotation THEN informational without the caveat; disabled THEN an error', () => {
      expect(findingsOf(linkerdJob({ 'config.linkerd.io/proxy-admin-shutdown': 'enabled' }, ['linkerd-await', '-S', '--', '/bin/report']))[0]).not.toContain('provided');
      expect(findingsOf(linkerdJob({ 'config.linkerd.io/proxy-admin-shutdown': 'disabled' }, ['linkerd-await', '-S', '--', '/bin/report'])).map((f) => f.split(':')[0]))
        .toEqual(['error spec.template.spec.containers[1]']);
    });
    test('GIVEN linkerd-await without --shutdown (it only waits for the proxy) THEN an error', () => {
      expect(findingsOf(linkerdJob({}, ['linkerd-await', '--', '/bin/report'])).map((f) => f.split(':')[0])).toEqual(['error spec.template.spec.containers[1]']);
    });
  });
});
