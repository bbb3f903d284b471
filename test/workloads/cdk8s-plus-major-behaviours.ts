import { Testing } from 'cdk8s';
import type * as kplus33 from 'cdk8s-plus-33';

/**
 * What differs between the cdk8s-plus majors this library is built against (cdk8s-plus-28 for
 * `cdk8s-sidecars`, cdk8s-plus-33 for `cdk8s-sidecars-plus-33`), as data: one expectation per
 * behaviour, checked against each major by its own test file. When an upgrade changes one, the
 * failing line says which assumption broke. Behaviours the two share and the library relies on
 * are in cdk8s-plus-behaviours.test.ts, which runs against the major of each CI run.
 */
export interface MajorBehaviours {
  /** `cdk8s-plus-28@2.5.6`: the package and the version the lockfile installs. */
  readonly label: string;
  /** The module itself (both majors have the API used here; fromGrpc is probed at run time). */
  readonly kplus: typeof kplus33;
  /** Requests and limits every container gets when it gives none. */
  readonly defaultResources: unknown;
  /** The security context every container gets by default. */
  readonly defaultSecurityContext: unknown;
  /** Whether every pod spec carries `shareProcessNamespace: false` (the Kubernetes default, written out). */
  readonly writesShareProcessNamespace: boolean;
  /** `revisionHistoryLimit` a Deployment writes by default (`undefined`: left to Kubernetes, whose default is 10). */
  readonly deploymentRevisionHistoryLimit: number | undefined;
  /** Whether `Probe.fromGrpc()` exists (gRPC probes, Kubernetes 1.24+). */
  readonly hasGrpcProbes: boolean;
}

export function describeMajor(b: MajorBehaviours): void {
  const { kplus } = b;
  const podSpec = (add: (pod: kplus33.Pod) => void) => {
    const chart = Testing.chart();
    const pod = new kplus.Pod(chart, 'pod', { containers: [{ name: 'app', image: 'app' }] });
    add(pod);
    return Testing.synth(chart)[0].spec;
  };

  describe(`${b.label} behaviours`, () => {
    test('GIVEN a container without resources WHEN synthesized THEN it gets the default requests and limits of this major', () => {
      expect(podSpec(() => undefined).containers[0].resources).toEqual(b.defaultResources);
    });

    test('GIVEN a container without securityContext WHEN synthesized THEN it gets the default security context of this major', () => {
      expect(podSpec(() => undefined).containers[0].securityContext).toEqual(b.defaultSecurityContext);
    });

    test('GIVEN a pod without shareProcessNamespace WHEN synthesized THEN the field is written out or left out as this major does', () => {
      const spec = podSpec(() => undefined);
      expect('shareProcessNamespace' in spec).toBe(b.writesShareProcessNamespace);
      if (b.writesShareProcessNamespace) expect(spec.shareProcessNamespace).toBe(false);
    });

    test('GIVEN a Deployment without revisionHistoryLimit WHEN synthesized THEN it carries the default of this major', () => {
      const chart = Testing.chart();
      new kplus.Deployment(chart, 'web', { containers: [{ name: 'app', image: 'app' }] });
      expect(Testing.synth(chart)[0].spec.revisionHistoryLimit).toBe(b.deploymentRevisionHistoryLimit);
    });

    test('GIVEN the Probe class THEN gRPC probes exist or not as this major says', () => {
      expect(typeof (kplus.Probe as any).fromGrpc === 'function').toBe(b.hasGrpcProbes);
    });

    test('GIVEN an init container with restartPolicy Always WHEN synthesized THEN it is written as a native sidecar, probes included', () => {
      const spec = podSpec((pod) => pod.addInitContainer({
        name: 'proxy',
        image: 'proxy',
        restartPolicy: kplus.ContainerRestartPolicy.ALWAYS,
        readiness: kplus.Probe.fromTcpSocket({ port: 15001 }),
      }));
      expect(spec.initContainers[0].restartPolicy).toBe('Always');
      expect(spec.initContainers[0].readinessProbe).toEqual({ failureThreshold: 3, tcpSocket: { port: 15001 } });
    });

    test('GIVEN a regular init container with an explicit probe THEN cdk8s-plus throws at once', () => {
      expect(() => podSpec((pod) => pod.addInitContainer({ image: 's', startup: kplus.Probe.fromCommand(['true']) })))
        .toThrow('Init containers must not have a startup probe');
    });

    test('GIVEN a regular init container with portNumber WHEN synthesized THEN it still gets the default TCP startupProbe the API server rejects (SC-API-003)', () => {
      const spec = podSpec((pod) => pod.addInitContainer({ name: 'migrate', image: 'm', portNumber: 5432 }));
      expect(spec.initContainers[0].startupProbe).toEqual({ failureThreshold: 3, tcpSocket: { port: 5432 } });
    });

    test('GIVEN an app container with a restartPolicy THEN cdk8s-plus refuses it (per-container restart rules are Kubernetes 1.34, past both majors)', () => {
      expect(() => podSpec((pod) => pod.addContainer({ name: 'x', image: 'x', restartPolicy: kplus.ContainerRestartPolicy.ALWAYS })))
        .toThrow('Invalid container spec: x has non-empty restartPolicy field. The field can only be specified for initContainers');
    });

    test('GIVEN an init container given restartPolicyRules THEN nothing of them is written (the field is not in this major\'s Kubernetes API)', () => {
      const spec = podSpec((pod) => pod.addInitContainer({ name: 'proxy', image: 'p', restartPolicy: kplus.ContainerRestartPolicy.ALWAYS, restartPolicyRules: [{ action: 'Restart' }] } as any));
      expect(spec.initContainers[0]).not.toHaveProperty('restartPolicyRules');
    });
  });
}

/** What both majors give a container by default (pinned once, checked against each). */
export const SHARED_DEFAULTS = {
  resources: { requests: { cpu: '1000m', memory: '512Mi' }, limits: { cpu: '1500m', memory: '2048Mi' } },
  securityContext: { allowPrivilegeEscalation: false, privileged: false, readOnlyRootFilesystem: true, runAsNonRoot: true },
};
