import * as path from 'path';
import { Chart, Include, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { SecretsAgentSidecar } from './secrets-agent-sidecar';
import { SidecarDeployment } from '../../src';
import { Annotations } from '../../src/engine/annotations';
import { SidecarRules } from '../../src/rules/sidecar-rules';
import { IInjectionFilter, InjectionTarget } from '../../src/sidecars/injection-target';
import { LogShipperSidecar } from '../../src/sidecars/log-shipper-sidecar';
import { SidecarInjector } from '../../src/sidecars/sidecar-injector';

const FIXTURE = path.join(__dirname, 'fixtures', 'third-party-deployment.yaml');
const INJECTED = SidecarInjector.INJECTED_ANNOTATION;

function included() {
  const chart = new Chart(Testing.app(), 'test');
  new Include(chart, 'vendor', { url: FIXTURE });
  return chart;
}

const agent = () => new SecretsAgentSidecar({ address: 'https://vault.internal:8200', role: 'billing' });

describe('SidecarInjector', () => {
  test('GIVEN an Included third-party Deployment WHEN injected by label THEN the sidecar comes first, its volume is added, bind() wires the app and the injection is recorded', () => {
    const chart = included();
    const result = SidecarInjector.inject(chart, agent(), { podLabels: { 'inject-secrets': 'true' } });
    expect(result).toEqual({ injected: ['test/vendor/billing-deployment'], alreadyPresent: [] });

    const [deployment, service, cronJob] = Testing.synth(chart);
    const spec = deployment.spec.template.spec;
    expect(spec.initContainers.map((c: any) => [c.name, c.restartPolicy])).toEqual([['secrets-agent', 'Always'], ['migrate', undefined]]);
    expect(spec.initContainers[0]).toMatchObject({
      image: 'hashicorp/vault:1.17',
      args: ['agent', '-exit-after-auth=false'],
      env: [
        { name: 'VAULT_ADDR', value: 'https://vault.internal:8200' },
        { name: 'VAULT_ROLE', value: 'billing' },
        { name: 'SECRETS_DIR', value: '/run/secrets/app' },
      ],
      volumeMounts: [{ name: 'secrets', mountPath: '/run/secrets/app' }],
      startupProbe: { exec: { command: ['test', '-f', '/run/secrets/app/.ready'] } },
      resources: { requests: { cpu: '20m', memory: '32Mi' }, limits: { memory: '64Mi' } },
    });
    expect(spec.volumes).toEqual([{ name: 'logs', emptyDir: {} }, { name: 'secrets', emptyDir: { medium: 'Memory', sizeLimit: '1Mi' } }]);
    expect(deployment.spec.template.metadata.annotations).toEqual({
      [INJECTED]: '["secrets-agent"]',
      [Annotations.SHUTDOWN_SECONDS]: '{"secrets-agent":2}',
      // bind(): the app needs the agent ready (its first fetch done) before it starts
      [Annotations.NEEDS_READY]: '{"billing":["secrets-agent"]}',
    });
    // bind() mounted the secrets read-only into the app; the rest of the vendor's manifest is untouched
    expect(spec.containers).toEqual([{
      name: 'billing',
      image: 'billing:2.3',
      volumeMounts: [{ name: 'logs', mountPath: '/var/log/billing' }, { name: 'secrets', mountPath: '/run/secrets/app', readOnly: true }],
    }]);
    expect(service.kind).toBe('Service');
    expect(cronJob.spec.jobTemplate.spec.template.spec.initContainers).toBeUndefined();
    // and the result passes the API-server rules of the engine (no error finding)
    expect(SidecarRules.check(deployment).filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('GIVEN an injection WHEN injected again THEN the sidecar is added once (idempotent) and reported as already present', () => {
    const chart = included();
    SidecarInjector.inject(chart, agent(), { podLabels: { app: 'billing' } });
    const once = Testing.synth(chart);
    const second = SidecarInjector.inject(chart, agent(), { podLabels: { app: 'billing' } });
    expect(second).toEqual({ injected: [], alreadyPresent: ['test/vendor/billing-deployment'] });
    expect(Testing.synth(chart)).toEqual(once);
    expect(once[0].spec.template.spec.initContainers.filter((c: any) => c.name === 'secrets-agent')).toHaveLength(1);
  });

  test('GIVEN two definitions WHEN injected one after the other THEN they start first in injection order and share the app log volume', () => {
    const chart = included();
    SidecarInjector.inject(chart, agent(), { podLabels: { app: 'billing' } });
    const shipper = LogShipperSidecar.tail({ paths: ['/var/log/billing/billing.log'], volume: kplus.Volume.fromEmptyDir(chart, 'logs', 'logs') });
    SidecarInjector.inject(chart, shipper, { podLabels: { app: 'billing' } });
    const spec = Testing.synth(chart)[0].spec.template.spec;
    expect(spec.initContainers.map((c: any) => c.name)).toEqual(['secrets-agent', 'log-shipper', 'migrate']);
    expect(spec.initContainers[1].command).toEqual(['tail', '-F', '--', '/var/log/billing/billing.log']);
    expect(spec.volumes.map((v: any) => v.name)).toEqual(['logs', 'secrets']);
    expect(Testing.synth(chart)[0].spec.template.metadata.annotations[INJECTED]).toBe('["secrets-agent","log-shipper"]');
  });

  test('GIVEN no selector WHEN injected THEN every pod-bearing object gets it, the CronJob included, the Service not', () => {
    const chart = included();
    const result = SidecarInjector.inject(chart, agent());
    expect(result.injected).toEqual(['test/vendor/billing-deployment', 'test/vendor/report-cronjob']);
    const cronJob = Testing.synth(chart)[2];
    expect(cronJob.spec.jobTemplate.spec.template.spec.initContainers.map((c: any) => c.name)).toEqual(['secrets-agent']);
    expect(cronJob.spec.jobTemplate.spec.template.metadata).toEqual({
      annotations: { [INJECTED]: '["secrets-agent"]', [Annotations.SHUTDOWN_SECONDS]: '{"secrets-agent":2}', [Annotations.NEEDS_READY]: '{"report":["secrets-agent"]}' },
    });
  });

  test('GIVEN a filter WHEN injected THEN only the workloads it accepts get the sidecar', () => {
    const chart = included();
    const onlyCronJobs: IInjectionFilter = { matches: (t: InjectionTarget) => t.kind === 'CronJob' };
    expect(SidecarInjector.inject(chart, agent(), { filter: onlyCronJobs }).injected).toEqual(['test/vendor/report-cronjob']);
  });

  test('GIVEN a Sidecar* workload and a plain cdk8s-plus Deployment WHEN injected THEN both get the sidecar first, wired by bind(), and idempotently', () => {
    const chart = new Chart(Testing.app(), 'test');
    const web = new SidecarDeployment(chart, 'web', { metadata: { name: 'web' }, podMetadata: { labels: { team: 'pay' } } });
    web.addInitStep({ name: 'warmup', image: 'warmup:1.0', securityContext: { user: 1000 } });
    web.addContainer({ name: 'app', image: 'app:1.0', securityContext: { user: 1000 } });
    const plain = new kplus.Deployment(chart, 'plain', { metadata: { name: 'plain' }, podMetadata: { labels: { team: 'pay' } } });
    plain.addInitContainer({ name: 'warmup', image: 'warmup:1.0', securityContext: { user: 1000 } });
    plain.addContainer({ name: 'app', image: 'app:1.0', securityContext: { user: 1000 } });
    new kplus.Deployment(chart, 'other', { metadata: { name: 'other' }, podMetadata: { labels: { team: 'ops' } } }).addContainer({ name: 'app', image: 'app:1.0', securityContext: { user: 1000 } });

    expect(SidecarInjector.inject(chart, agent(), { podLabels: { team: 'pay' } })).toEqual({ injected: ['test/web', 'test/plain'], alreadyPresent: [] });
    expect(SidecarInjector.inject(chart, agent(), { podLabels: { team: 'pay' } })).toEqual({ injected: [], alreadyPresent: ['test/web', 'test/plain'] });

    const [webJson, plainJson, otherJson] = Testing.synth(chart).filter((m) => m.kind === 'Deployment');
    expect(webJson.spec.template.spec.initContainers.map((c: any) => c.name)).toEqual(['secrets-agent', 'warmup']);
    expect(plainJson.spec.template.spec.initContainers.map((c: any) => [c.name, c.restartPolicy])).toEqual([['secrets-agent', 'Always'], ['warmup', undefined]]);
    expect(otherJson.spec.template.spec.initContainers).toBeUndefined();
    // bind() ran on both (read-only mount, readiness relation); the Sidecar* workload also orders its own step after the sidecar
    for (const json of [webJson, plainJson]) {
      expect(json.spec.template.spec.containers[0].volumeMounts).toEqual([{ name: 'secrets', mountPath: '/run/secrets/app', readOnly: true }]);
      expect(JSON.parse(json.spec.template.metadata.annotations[Annotations.NEEDS_READY])).toEqual({ app: ['secrets-agent'] });
    }
    expect(JSON.parse(webJson.spec.template.metadata.annotations[Annotations.START_AFTER])).toEqual({ warmup: ['secrets-agent'] });
    expect(plainJson.spec.template.metadata.annotations[Annotations.START_AFTER]).toBeUndefined();
    expect(SidecarRules.check(plainJson).filter((f) => f.severity === 'error')).toEqual([]);
    for (const json of [webJson, plainJson]) expect(json.spec.template.metadata.annotations[INJECTED]).toBe('["secrets-agent"]');
  });

  test('throws when a raw manifest has a volume of the sidecar volume name with another source', () => {
    const chart = included();
    const shipper = LogShipperSidecar.tail({ paths: ['/x/a.log'], volume: kplus.Volume.fromSecret(chart, 'logs', kplus.Secret.fromSecretName(chart, 's', 'creds'), { name: 'logs' }) });
    expect(() => SidecarInjector.inject(chart, shipper, { podLabels: { app: 'billing' } })).toThrow(
      '[test/vendor/billing-deployment] spec.template.spec.volumes: Duplicate value: "logs": Deployment/billing already has a volume of this name with another source, ' +
      'which sidecar "log-shipper" would mount. Fix: rename the volume, mount path or variable in the sidecar definition, or filter this workload out of the injection');
  });
});
