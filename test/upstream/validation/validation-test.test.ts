import { ERROR_CASES, SUCCESS_CASES, UpstreamCase } from './validation-test-cases';
import { Severity } from '../../../src/engine/severity';
import { PodSecurityLevel } from '../../../src/rules/pod-security-level';
import { SidecarRules } from '../../../src/rules/sidecar-rules';

// Pod Security is not part of API-server validation (the upstream success case binds hostPorts).
const OPTIONS = { podSecurity: PodSecurityLevel.NONE, targetVersion: '1.33' };
const podOf = (c: UpstreamCase) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'upstream' }, spec: { restartPolicy: 'Never', initContainers: c.initContainers ?? [], containers: c.containers ?? [] } });
const errorsOf = (c: UpstreamCase) => SidecarRules.check(podOf(c), OPTIONS).filter((f) => f.severity === Severity.ERROR);

describe('upstream validation_test.go cases', () => {
  test.each(SUCCESS_CASES.map((c) => [c.source, c] as const))('GIVEN %s (valid) THEN no error finding', (_s, c) => {
    expect(errorsOf(c)).toEqual([]);
  });

  test.each(ERROR_CASES.map((c) => [c.source, c] as const))('fails GIVEN %s', (_s, c) => {
    const expectedPath = `spec.${c.expected!.field}`;
    const errors = errorsOf(c);
    const atPath = errors.filter((f) => f.path === expectedPath || f.path.startsWith(`${expectedPath}[`));
    expect(atPath.map((f) => f.message.split(':')[0])).toEqual([c.expected!.type]);
  });

  test('GIVEN the tables THEN they hold the ported cases (the test cannot pass vacuously)', () => {
    expect(SUCCESS_CASES.length).toBeGreaterThanOrEqual(1);
    expect(ERROR_CASES.length).toBeGreaterThanOrEqual(20);
  });
});
