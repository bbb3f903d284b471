import { c, job, where } from './helpers';

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
