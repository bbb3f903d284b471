import { ApiObject, Lazy, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';

/**
 * Behaviours of cdk8s-plus that this library relies on or works around, checked against the major
 * each CI run builds with: cdk8s-plus-28 (2.5.6) in `npm test`, cdk8s-plus-33 in `npx projen test:plus-33`
 * (which maps the import below). If an upgrade changes one of them, this file says which assumption
 * broke. What differs between the majors: cdk8s-plus-28-behaviours.test.ts and cdk8s-plus-33-behaviours.test.ts.
 */
describe('cdk8s-plus behaviours we rely on', () => {
  test('every container gets requests cpu 1000m / memory 512Mi and limits 1500m / 2048Mi by default (why sidecars get their own default)', () => {
    const chart = Testing.chart();
    new kplus.Pod(chart, 'pod', { containers: [{ name: 'app', image: 'app' }] });
    expect(Testing.synth(chart)[0].spec.containers[0].resources).toEqual({
      requests: { cpu: '1000m', memory: '512Mi' },
      limits: { cpu: '1500m', memory: '2048Mi' },
    });
  });

  test('a regular init container with portNumber gets a default TCP startupProbe (which the API server rejects; we drop it)', () => {
    const chart = Testing.chart();
    const pod = new kplus.Pod(chart, 'pod', { containers: [{ name: 'app', image: 'app' }] });
    pod.addInitContainer({ name: 'setup', image: 's', portNumber: 9000 });
    expect(Testing.synth(chart)[0].spec.initContainers[0].startupProbe).toEqual({ failureThreshold: 3, tcpSocket: { port: 9000 } });
  });

  test('an explicit probe on a regular init container throws at once', () => {
    const pod = new kplus.Pod(Testing.chart(), 'pod');
    expect(() => pod.addInitContainer({ image: 's', liveness: kplus.Probe.fromCommand(['true']) })).toThrow('Init containers must not have a liveness probe');
  });

  test('duplicate container names across init and app containers pass silently (our rules catch them)', () => {
    const chart = Testing.chart();
    const pod = new kplus.Pod(chart, 'pod', { containers: [{ name: 'x', image: 'app' }] });
    pod.addInitContainer({ name: 'x', image: 's' });
    expect(() => Testing.synth(chart)).not.toThrow();
  });

  test('containers default to runAsNonRoot, read-only root filesystem and no privilege escalation', () => {
    const chart = Testing.chart();
    new kplus.Pod(chart, 'pod', { containers: [{ name: 'app', image: 'app' }] });
    expect(Testing.synth(chart)[0].spec.containers[0].securityContext).toEqual({
      allowPrivilegeEscalation: false, privileged: false, readOnlyRootFilesystem: true, runAsNonRoot: true,
    });
  });

  test('a Job defaults its pods to restartPolicy Never', () => {
    const chart = Testing.chart();
    new kplus.Job(chart, 'job', { containers: [{ name: 'app', image: 'app' }] });
    expect(Testing.synth(chart)[0].spec.template.spec.restartPolicy).toBe('Never');
  });

  test('spread: true adds its constraints again on every render (so we render once per synth)', () => {
    const chart = Testing.chart();
    new kplus.Deployment(chart, 'web', { spread: true, containers: [{ name: 'app', image: 'app' }] });
    const terms = () => Testing.synth(chart)[0].spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution;
    expect(terms()).toHaveLength(2);
    expect(terms()).toHaveLength(4);
  });

  test('cdk8s resolves metadata before the spec (so annotations computed from the final spec are added after rendering)', () => {
    const chart = Testing.chart();
    const order: string[] = [];
    new ApiObject(chart, 'obj', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { annotations: { a: Lazy.any({ produce: () => { order.push('metadata'); return 'x'; } }) as any } },
      spec: Lazy.any({ produce: () => { order.push('spec'); return {}; } }),
    });
    Testing.synth(chart);
    expect(order).toEqual(['metadata', 'spec']);
  });
});
