import { SidecarRules } from '../../src/rules/sidecar-rules';

describe('SC-JOB-001 and the completion protocol', () => {
  const job = (annotations: Record<string, string>) => ({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'j' },
    spec: {
      template: {
        metadata: { annotations },
        spec: {
          restartPolicy: 'Never',
          containers: [
            { name: 'app', image: 'app', command: ['run'] },
            { name: 'log', image: 'busybox', command: ['tail', '-F', '/x'] },
            { name: 'log-twin', image: 'busybox', command: ['tail', '-F', '/x'] },
          ],
        },
      },
    },
  });
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
