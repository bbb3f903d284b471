import { c, pod, sidecar, where } from './helpers';
import { PodSecurityLevel } from '../../src/rules/pod-security-level';

/**
 * SC-PORT-003 (src/rules/host-port-conflict.ts) and the groups of containers that run at the same
 * time (src/rules/private/port-groups.ts). Pod Security is off: hostPort is what these pods are about.
 */
const NO_PSS = { podSecurity: PodSecurityLevel.NONE };
const port = (containerPort: number, extra: any = {}) => ({ ports: [{ containerPort, ...extra }] });

describe('SC-PORT-003 host-port-conflict', () => {
  describe('survivor "hostPort 0 counted as bound" (issue 14)', () => {
    test('GIVEN two app containers with hostPort 0 (the API\'s "no host port") THEN compliant', () => {
      const m = pod({ containers: [c('a', port(8080, { hostPort: 0 })), c('b', port(8081, { hostPort: 0 }))] });
      expect(where(m, 'SC-PORT-003', NO_PSS)).toEqual([]);
    });
  });

  describe('survivor "hostIP ignored in hostPort clashes" (issue 14)', () => {
    test('GIVEN the same hostPort on two different hostIPs THEN compliant (validation.go keys protocol/hostIP/hostPort)', () => {
      const m = pod({ containers: [c('a', port(8080, { hostPort: 9000, hostIP: '10.0.0.1' })), c('b', port(8081, { hostPort: 9000, hostIP: '10.0.0.2' }))] });
      expect(where(m, 'SC-PORT-003', NO_PSS)).toEqual([]);
    });

    test('fails GIVEN the same hostPort on the same hostIP, at the second one', () => {
      const m = pod({ containers: [c('a', port(8080, { hostPort: 9000, hostIP: '10.0.0.1' })), c('b', port(8081, { hostPort: 9000, hostIP: '10.0.0.1' }))] });
      expect(where(m, 'SC-PORT-003', NO_PSS)).toEqual(['error spec.containers[1].ports[0].hostPort']);
    });
  });

  describe('survivor "a regular init container grouped with sidecars declared after it" (issue 14)', () => {
    // A regular init container has exited before any sidecar declared after it starts: they never run at once.
    test('GIVEN a regular init container and a later sidecar with the same hostPort and containerPort THEN no conflict, only the API server\'s own warning', () => {
      const m = pod({ initContainers: [c('setup', port(8080, { hostPort: 9000 })), sidecar('proxy', port(8080, { hostPort: 9000 }))], containers: [c('app')] });
      expect(where(m, 'SC-PORT-003', NO_PSS)).toEqual([]);
      // pkg/api/pod/warnings.go compares the ports of every container, init containers included: a warning, never an error.
      expect(where(m, 'SC-PORT-001', NO_PSS)).toEqual(['warning spec.initContainers[1].ports[0]']);
    });

    test('fails GIVEN the sidecar declared before the init container: it is running while the init container runs', () => {
      const m = pod({ initContainers: [sidecar('proxy', port(8080, { hostPort: 9000 })), c('setup', port(8081, { hostPort: 9000 }))], containers: [c('app')] });
      expect(where(m, 'SC-PORT-003', NO_PSS)).toEqual(['error spec.initContainers[1].ports[0].hostPort']);
    });
  });
});
