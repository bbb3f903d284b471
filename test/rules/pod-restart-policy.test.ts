import { c, deployment, job, pod, where } from './helpers';

/** SC-API-011 (src/rules/pod-restart-policy.ts): the pod restartPolicy fits the workload kind. */
const AT_POLICY = ['error spec.template.spec.restartPolicy'];

describe('SC-API-011 pod-restart-policy', () => {
  describe('survivor "a Deployment with restartPolicy OnFailure accepted" (issue 14)', () => {
    test('fails GIVEN a Deployment with restartPolicy OnFailure: apps/v1 accepts only Always', () => {
      expect(where(deployment({ restartPolicy: 'OnFailure', containers: [c('a')] }), 'SC-API-011')).toEqual(AT_POLICY);
    });
  });

  describe('survivor "an empty restartPolicy reported as unsupported" (issue 14)', () => {
    test('GIVEN a Deployment with restartPolicy "" THEN compliant: the API server defaults it to Always', () => {
      expect(where(deployment({ restartPolicy: '', containers: [c('a')] }), 'SC-API-011')).toEqual([]);
    });

    test('fails GIVEN a Job with restartPolicy "": it defaults to Always, which a Job rejects (one finding, not two)', () => {
      expect(where(job({ restartPolicy: '', containers: [c('a')] }), 'SC-API-011')).toEqual(AT_POLICY);
    });
  });

  describe('survivor "an unknown restartPolicy no longer reported" (issue 14)', () => {
    test('fails GIVEN a bare Pod with restartPolicy "Sometimes"', () => {
      expect(where(pod({ restartPolicy: 'Sometimes', containers: [c('a')] }), 'SC-API-011')).toEqual(['error spec.restartPolicy']);
    });

    test('fails GIVEN a Job with restartPolicy "never" (values are case-sensitive)', () => {
      expect(where(job({ restartPolicy: 'never', containers: [c('a')] }), 'SC-API-011')).toEqual(AT_POLICY);
    });
  });
});
