import * as fc from 'fast-check';
import { c, deployment, execProbe, job, pod, sidecar } from './helpers';
import { Annotations } from '../../src/engine/annotations';
import { ErrorType } from '../../src/engine/error-type';
import { formatFinding } from '../../src/engine/finding-format';
import { Severity } from '../../src/engine/severity';
import { ProbeHandlerRule } from '../../src/rules/probe-handler';
import { SidecarRules } from '../../src/rules/sidecar-rules';

const readinessSidecar = deployment({ initContainers: [sidecar('s', { readinessProbe: execProbe })], containers: [c('a')] });

describe('SidecarRules', () => {
  test('GIVEN the rule list THEN ids are unique, well-formed and every rule is documented', () => {
    const rules = SidecarRules.rules();
    expect(rules.length).toBeGreaterThanOrEqual(28);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) {
      expect(r.id).toMatch(/^SC-[A-Z]+-\d{3}$/);
      expect(r.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect([r.summary, r.explanation, r.fix].every((t) => t.length > 10)).toBe(true);
      expect(r.source).toMatch(/^https:\/\//);
    }
  });

  test.each([
    ['a Service', { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [] } }],
    ['a ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', data: {} }],
    ['null', null],
    ['a string', 'kind: Pod'],
  ])('GIVEN %s WHEN checked THEN no finding', (_n, m) => {
    expect(SidecarRules.check(m)).toEqual([]);
  });

  test('GIVEN a PodTemplate and a CronJob THEN their pods are checked at their own paths', () => {
    const tpl = { apiVersion: 'v1', kind: 'PodTemplate', metadata: { name: 't' }, template: { spec: { initContainers: [c('i', { livenessProbe: execProbe })], containers: [c('a')] } } };
    expect(SidecarRules.check(tpl).map((f) => f.path)).toEqual(['template.spec.initContainers[0].livenessProbe']);
    const cron = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'cj' }, spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [c('a'), c('b', { command: ['sleep', 'infinity'] })] } } } } } };
    expect(SidecarRules.check(cron).map((f) => `${f.ruleId} ${f.path}`)).toEqual(['SC-JOB-001 spec.jobTemplate.spec.template.spec.containers[1]']);
  });

  test('GIVEN a rule that throws WHEN checking THEN it becomes an error finding and the other rules still report', () => {
    const spy = jest.spyOn(ProbeHandlerRule.prototype, 'evaluate').mockImplementation(() => { throw new TypeError('boom'); });
    try {
      const out = SidecarRules.check(pod({ initContainers: [c('i', { livenessProbe: execProbe })], containers: [c('a')] })).map(formatFinding);
      expect(out).toEqual([
        'SC-API-003 spec.initContainers[0].livenessProbe: Forbidden: may not be set for init containers without restartPolicy=Always. Fix: remove livenessProbe from init container "i", or add restartPolicy: Always to make it a sidecar',
        'SC-API-005 Internal error: rule SC-API-005 (probe-handler) threw TypeError: boom. Fix: report this at https://github.com/cdk8s-sidecars/cdk8s-sidecars/issues with the manifest, or suppress the rule with a reason',
      ]);
    } finally {
      spy.mockRestore();
    }
  });

  test('GIVEN a suppression in the options THEN the finding is recorded, not reported', () => {
    const result = SidecarRules.checkDetailed(readinessSidecar, { suppressions: [{ ruleId: 'SC-READINESS-001', reason: 'traffic must wait for the proxy' }] });
    expect(result.findings.filter((f) => f.ruleId === 'SC-READINESS-001')).toEqual([]);
    expect(result.suppressed).toEqual([expect.objectContaining({ ruleId: 'SC-READINESS-001', path: 'spec.template.spec.initContainers[0].readinessProbe', reason: 'traffic must wait for the proxy', suppressedBy: 'options' })]);
  });

  test('GIVEN a suppression annotation on the pod template THEN the finding is recorded with the annotation path', () => {
    const m = deployment(readinessSidecar.spec.template.spec, { annotations: { [Annotations.SUPPRESS]: '{"SC-READINESS-001":"traffic must wait for the proxy"}' } });
    const result = SidecarRules.checkDetailed(m);
    expect(result.findings.map((f) => f.ruleId)).not.toContain('SC-READINESS-001');
    expect(result.suppressed.map((s) => `${s.ruleId} ${s.suppressedBy}`)).toEqual(['SC-READINESS-001 spec.template.metadata.annotations[cdk8s-sidecars.dev/suppress]']);
  });

  test('fails GIVEN a suppression annotation with a short reason or an unknown rule (nothing is suppressed)', () => {
    const m = { ...readinessSidecar, metadata: { name: 'd', annotations: { [Annotations.SUPPRESS]: '{"SC-READINESS-001":"because","SC-NOPE-001":"a long enough reason"}' } } };
    const result = SidecarRules.checkDetailed(m);
    expect(result.suppressed).toEqual([]);
    expect(result.findings.filter((f) => f.ruleId === 'SC-ANN-002').map(formatFinding)).toEqual([
      'SC-ANN-002 metadata.annotations[cdk8s-sidecars.dev/suppress]: Invalid value: "because": the reason for suppressing SC-READINESS-001 must be at least 10 characters. Fix: name a rule of RULES.md and give a reason of at least 10 characters that says why the finding does not apply',
      'SC-ANN-002 metadata.annotations[cdk8s-sidecars.dev/suppress]: Not found: "SC-NOPE-001": no rule has this id. Fix: name a rule of RULES.md and give a reason of at least 10 characters that says why the finding does not apply',
    ]);
    expect(result.findings.map((f) => f.ruleId)).toContain('SC-READINESS-001');
  });

  test('throws GIVEN invalid options, listing every problem at once', () => {
    expect(() => SidecarRules.check(readinessSidecar, { targetVersion: 'latest', podSecurity: 'strict' as any, suppressions: [{ ruleId: 'SC-API-001', reason: 'short' }, { ruleId: 'SC-ANN-002', reason: 'I know what I am doing' }] }))
      .toThrow(new Error([
        'invalid SidecarRules options:',
        '  - targetVersion: Invalid value: "latest": expected MAJOR.MINOR such as "1.29" (a leading "v" and a patch number are accepted)',
        '  - podSecurity: Unsupported value: "strict": supported values: "none", "baseline", "restricted"',
        '  - suppressions[0]: Invalid value: "short": the reason for suppressing SC-API-001 must be at least 10 characters',
        '  - suppressions[1]: Forbidden: SC-ANN-002 reports broken suppressions and cannot be suppressed',
        'Fix: targetVersion is a Kubernetes minor such as "1.29"; each suppression names a rule of RULES.md and gives a reason of at least 10 characters',
      ].join('\n')));
  });

  test('GIVEN promoteWarnings THEN warnings are reported as errors and info stays info', () => {
    expect(SidecarRules.check(readinessSidecar, { promoteWarnings: true }).map((f) => `${f.severity} ${f.ruleId}`)).toEqual(['error SC-READINESS-001']);
    const j = job({ initContainers: [sidecar('s', { readinessProbe: execProbe })], containers: [c('a')] });
    expect(SidecarRules.check(j, { promoteWarnings: true }).map((f) => `${f.severity} ${f.ruleId}`)).toEqual(['info SC-READINESS-001']);
  });

  test('GIVEN several manifests WHEN checkAll THEN one entry per pod-bearing manifest, in input order', () => {
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } };
    const bad = { ...pod({ containers: [c('a', { restartPolicy: 'Always' })] }), metadata: { name: 'p', namespace: 'ns' } };
    const out = SidecarRules.checkAll([svc, readinessSidecar, bad]);
    expect(out.map((m) => `${m.index} ${m.kind}/${m.name} ns=${m.namespace} ${m.findings.map((f) => f.ruleId).join(',')}`)).toEqual([
      '1 Deployment/d ns= SC-READINESS-001',
      '2 Pod/p ns=ns SC-API-002',
    ]);
  });

  describe('acceptance: what SidecarChecks must fail synth on, in the one grammar', () => {
    test.each([
      ['a Deployment with two containers on one hostPort', deployment({ containers: [c('a', { ports: [{ containerPort: 8080, hostPort: 8080 }] }), c('b', { ports: [{ containerPort: 8081, hostPort: 8080 }] })] }), 'SC-PORT-003'],
      ['a legacy-sidecar Job', job({ containers: [c('main'), c('logs', { image: 'fluent/fluent-bit:3.0' })] }), 'SC-JOB-001'],
      ['a regular init container with a probe', deployment({ initContainers: [c('init', { startupProbe: { tcpSocket: { port: 80 } } })], containers: [c('a')] }), 'SC-API-003'],
    ])('fails GIVEN %s', (_n, m, ruleId) => {
      const errors = SidecarRules.check(m, { podSecurity: 'none' as any }).filter((f) => f.severity === Severity.ERROR);
      expect(errors.map((f) => f.ruleId)).toEqual([ruleId]);
      expect(formatFinding(errors[0])).toMatch(new RegExp(`^${ruleId} spec\\.template\\.spec\\.[a-zA-Z]+\\[\\d\\][.a-zA-Z\\[\\]0-9]*: (Duplicate value|Forbidden): .+\\. Fix: .+$`));
    });
  });

  test('PROPERTY: GIVEN any JSON shaped like a pod WHEN checked THEN it never throws and every message starts with an API-server error type', () => {
    // API-server warnings (pkg/api/pod/warnings.go) print as "Warning: ...", as kubectl shows them.
    const errorTypes = [...Object.values(ErrorType), 'Internal error', 'Warning'];
    const anyJson = fc.jsonValue({ maxDepth: 3 });
    const container = fc.record({ name: fc.oneof(fc.constantFrom('a', 'b', 'A_b', ''), anyJson), image: anyJson, restartPolicy: fc.oneof(fc.constant('Always'), anyJson), ports: fc.oneof(fc.array(fc.record({ containerPort: fc.oneof(fc.constantFrom(80, 8080), anyJson), name: fc.oneof(fc.constant('http'), anyJson), hostPort: anyJson })), anyJson), livenessProbe: anyJson, resources: anyJson, securityContext: anyJson, lifecycle: anyJson }, { requiredKeys: [] });
    const manifest = fc.record({
      apiVersion: fc.constant('v1'),
      kind: fc.constantFrom('Pod', 'Deployment', 'Job', 'CronJob', 'Service'),
      metadata: fc.oneof(fc.record({ annotations: fc.dictionary(fc.constantFrom(...Object.values(Annotations)), fc.oneof(fc.string(), fc.constantFrom('{"a":["b"]}', '{"a":5}', '{"SC-API-001":"a good reason"}'))) }), anyJson),
      spec: fc.oneof(fc.record({
        initContainers: fc.oneof(fc.array(container, { maxLength: 3 }), anyJson),
        containers: fc.oneof(fc.array(container, { maxLength: 3 }), anyJson),
        volumes: anyJson,
        restartPolicy: anyJson,
        securityContext: anyJson,
        resources: anyJson,
        terminationGracePeriodSeconds: anyJson,
      }, { requiredKeys: [] }), anyJson),
    });
    fc.assert(fc.property(manifest, fc.constantFrom('1.27', '1.28', '1.29', '1.34'), (m, v) => {
      const wrapped = m.kind === 'Pod' || m.kind === 'Service' ? m : m.kind === 'CronJob' ? { ...m, spec: { jobTemplate: { spec: { template: { metadata: m.metadata, spec: m.spec } } } } } : { ...m, spec: { template: { metadata: m.metadata, spec: m.spec } } };
      const result = SidecarRules.checkDetailed(wrapped, { targetVersion: v, podSecurity: 'restricted' as any });
      for (const f of [...result.findings, ...result.suppressed]) {
        expect(errorTypes.some((t) => f.message.startsWith(`${t}:`) || f.message === t)).toBe(true);
        expect(f.message.startsWith('Internal error')).toBe(false);
      }
    }), { numRuns: 300 });
  });
});
