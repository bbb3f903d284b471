import * as path from 'path';
import { ApiObject, JsonPatch, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { PodSecurityLevel, SidecarStatefulSet } from '../../src';
import { formatFinding } from '../../src/engine/finding-format';
import { SidecarRules } from '../../src/rules/sidecar-rules';
import { run } from '../cli/capture-io';
import { readYaml } from '../support/synth';

/**
 * A StatefulSet's controller adds a volume for each volumeClaimTemplates entry to every pod it
 * creates, and only then does the API server validate the pod (a StatefulSet's template is not
 * validated on its own). Mounts of claim templates are valid; mounts of nothing are still caught.
 */
const FIXTURES = path.join(__dirname, 'fixtures');
const PUBLISHED = ['mysql-statefulset.yaml', 'cassandra-statefulset.yaml', 'minio-statefulset.yaml'];
const apiRules = (m: any) => SidecarRules.check(m, { podSecurity: PodSecurityLevel.NONE }).filter((f) => /^SC-(API|PORT|VERSION)-/.test(f.ruleId)).map(formatFinding);

describe('StatefulSets mounting their volumeClaimTemplates', () => {
  test.each(PUBLISHED)('GIVEN the published %s THEN no API-server finding (its claim mounts are valid)', (file) => {
    const [sts] = readYaml(path.join(FIXTURES, file));
    expect(apiRules(sts)).toEqual([]);
  });

  test('GIVEN the published StatefulSets WHEN linted THEN no SC-API finding and, without Pod Security, exit code 0', async () => {
    const r = await run(['lint', '--format', 'json', '--pod-security', 'none', ...PUBLISHED.map((f) => `test/validation/fixtures/${f}`)]);
    const report = JSON.parse(r.stdout);
    expect(report.findings.filter((f: any) => f.severity === 'error')).toEqual([]);
    expect(r.code).toBe(0);
  });

  test('fails GIVEN the MySQL StatefulSet with a mount of a volume that is neither declared nor claimed', () => {
    const [sts] = readYaml(path.join(FIXTURES, 'mysql-statefulset.yaml'));
    sts.spec.template.spec.containers[1].volumeMounts.push({ name: 'backups', mountPath: '/backups' });
    expect(apiRules(sts)).toEqual([
      'SC-API-008 spec.template.spec.containers[1].volumeMounts[2].name: Not found: "backups": declared volumes: "data", "conf", "config-map". ' +
        'Fix: add a volume named "backups" to the pod\'s volumes (or, in a StatefulSet, to volumeClaimTemplates), or mount one of the declared volumes',
    ]);
  });

  test('GIVEN a Deployment mounting a name only a StatefulSet would claim THEN it is not found (claims exist in StatefulSets only)', () => {
    const [sts] = readYaml(path.join(FIXTURES, 'minio-statefulset.yaml'));
    const deployment = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'minio' }, spec: { selector: sts.spec.selector, template: sts.spec.template, volumeClaimTemplates: sts.spec.volumeClaimTemplates } };
    expect(apiRules(deployment).map((f) => f.split(':')[0])).toEqual(['SC-API-008 spec.template.spec.containers[0].volumeMounts[0].name']);
  });

  test('GIVEN a SidecarStatefulSet whose app, init step and sidecar mount a volumeClaimTemplates volume THEN it synthesizes and lints clean', async () => {
    const chart = Testing.chart();
    const service = new kplus.Service(chart, 'svc', { clusterIP: 'None', ports: [{ port: 5432 }] });
    const db = new SidecarStatefulSet(chart, 'db', { service, replicas: 3, containers: [{ name: 'postgres', image: 'postgres:16', portNumber: 5432 }] });
    db.addInitStep({ name: 'restore', image: 'restore:1.0' });
    db.addSidecar({ name: 'backup', image: 'backup:1.0', command: ['/backup', '--watch', '/data'] });
    ApiObject.of(db).addJsonPatch(
      JsonPatch.add('/spec/volumeClaimTemplates', [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } } }]),
      JsonPatch.add('/spec/template/spec/containers/0/volumeMounts', [{ name: 'data', mountPath: '/var/lib/postgresql/data' }]),
      JsonPatch.add('/spec/template/spec/initContainers/0/volumeMounts', [{ name: 'data', mountPath: '/data' }]),
      JsonPatch.add('/spec/template/spec/initContainers/1/volumeMounts', [{ name: 'data', mountPath: '/data', readOnly: true }]),
    );
    const manifests = Testing.synth(chart);
    const sts = manifests.find((m) => m.kind === 'StatefulSet');
    expect(sts.spec.template.spec.initContainers.map((c: any) => `${c.name}:${c.volumeMounts?.[0]?.name}`)).toEqual(['restore:data', 'backup:data']);
    expect(sts.spec.template.spec.volumes ?? []).toEqual([]);
    const r = await run(['lint', '--format', 'json', 'db.yaml'], { files: { 'db.yaml': JSON.stringify(sts) } });
    expect(JSON.parse(r.stdout).findings.filter((f: any) => f.severity === 'error')).toEqual([]);
    expect(r.code).toBe(0);
  });

  test('fails synth GIVEN a SidecarStatefulSet whose sidecar mounts a volume neither declared nor claimed', () => {
    const chart = Testing.chart();
    const service = new kplus.Service(chart, 'svc', { clusterIP: 'None', ports: [{ port: 5432 }] });
    const db = new SidecarStatefulSet(chart, 'db', { service, containers: [{ name: 'postgres', image: 'postgres:16' }] });
    db.addSidecar({ name: 'backup', image: 'backup:1.0' });
    ApiObject.of(db).addJsonPatch(
      JsonPatch.add('/spec/volumeClaimTemplates', [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }]),
      JsonPatch.add('/spec/template/spec/initContainers/0/volumeMounts', [{ name: 'backups', mountPath: '/backups' }]),
    );
    expect(() => Testing.synth(chart)).toThrow(
      '[test/db] SC-API-008 spec.template.spec.initContainers[0].volumeMounts[0].name: Not found: "backups": declared volumes: "data". ' +
      'Fix: add a volume named "backups" to the pod\'s volumes (or, in a StatefulSet, to volumeClaimTemplates), or mount one of the declared volumes');
  });
});
