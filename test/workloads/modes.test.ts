import { App, Testing } from 'cdk8s';
import { SidecarMode, SidecarSettings } from '../../src';
import { synthExampleIn } from '../support/synth';

/** The seed Deployment and Job examples, synthesized through the constructs in each sidecar mode. */
function synth(example: string, mode: SidecarMode, target = '1.29'): any {
  const app: App = Testing.app();
  SidecarSettings.setTargetVersion(app, target);
  SidecarSettings.setSidecarMode(app, mode);
  return synthExampleIn(app, example)[0];
}

const names = (list: any[] | undefined) => (list ?? []).map((c) => `${c.name}${c.restartPolicy === 'Always' ? '*' : ''}`);

describe('sidecar modes on the seed examples', () => {
  test('NATIVE: the logshipper is an init container with restartPolicy Always', () => {
    const spec = synth('deployment-sidecar', SidecarMode.NATIVE).spec.template.spec;
    expect(names(spec.initContainers)).toEqual(['logshipper*']);
    expect(names(spec.containers)).toEqual(['myapp']);
  });

  test('NATIVE with target 1.27 fails synth with the version rule and its fix', () => {
    expect(() => synth('deployment-sidecar', SidecarMode.NATIVE, '1.27')).toThrow(
      '[deployment-sidecar/myapp] SC-VERSION-001 spec.template.spec.initContainers[0].restartPolicy: Forbidden: native sidecars do not exist before Kubernetes 1.28 ' +
      '(target is 1.27): "logshipper" would run as a regular init container that never exits. ' +
      'Fix: target Kubernetes 1.29 or later, or run "logshipper" as a regular container (with cdk8s-sidecars workloads: sidecarMode AUTO, LEGACY or UNIVERSAL)');
  });

  test('LEGACY Deployment: the logshipper becomes a regular container and the annotations say order is not guaranteed', () => {
    const d = synth('deployment-sidecar', SidecarMode.LEGACY);
    const spec = d.spec.template.spec;
    expect(spec.initContainers).toBeUndefined();
    expect(names(spec.containers)).toEqual(['logshipper', 'myapp']);
    expect(spec.containers[0].command).toEqual(['sh', '-c', 'tail -F /opt/logs.txt']);
    expect(d.spec.template.metadata.annotations['cdk8s-sidecars.dev/sidecar-mode']).toBe('legacy');
    expect(d.spec.template.metadata.annotations['cdk8s-sidecars.dev/start-order']).toMatch(/^not guaranteed/);
  });

  test('LEGACY Job: app and sidecar are wrapped in the marker-file completion protocol on a shared emptyDir', () => {
    const job = synth('job-sidecar', SidecarMode.LEGACY);
    const spec = job.spec.template.spec;
    expect(names(spec.containers)).toEqual(['logshipper', 'myjob']);
    const [shipper, app] = spec.containers;
    // The original argv follows `--`, as separate arguments, never inside the script text.
    expect(shipper.command.slice(-4)).toEqual(['--', 'sh', '-c', 'tail -F /opt/logs.txt']);
    expect(app.command.slice(-4)).toEqual(['--', 'sh', '-c', 'echo "logging" > /opt/logs.txt']);
    expect(app.command.join(' ')).toContain('/run/sidecar-lifecycle');
    expect(spec.volumes.map((v: any) => v.name).sort()).toEqual(['data', 'sidecar-lifecycle']);
    expect(job.spec.template.metadata.annotations['cdk8s-sidecars.dev/completion-protocol']).toBeDefined();
  });

  test('UNIVERSAL Deployment: a native twin and a regular twin, and the doubled requests in the effective-resources annotation', () => {
    const d = synth('deployment-sidecar', SidecarMode.UNIVERSAL);
    const spec = d.spec.template.spec;
    expect(names(spec.initContainers)).toEqual(['logshipper*']);
    expect(names(spec.containers)).toEqual(['logshipper-twin', 'myapp']);
    expect(spec.initContainers[0].livenessProbe).toBeUndefined();
    const a = d.spec.template.metadata.annotations;
    expect(a['cdk8s-sidecars.dev/universal-twins']).toBe('{"logshipper":"logshipper-twin"}');
    // NATIVE: 100m + 50m. UNIVERSAL counts the sidecar twice: 100m + 50m + 50m.
    expect(a['cdk8s-sidecars.dev/effective-requests']).toBe('cpu=200m,memory=256Mi');
  });

  test('AUTO picks LEGACY for 1.28 and NATIVE for 1.29', () => {
    expect(names(synth('job-sidecar', SidecarMode.AUTO, '1.28').spec.template.spec.containers)).toEqual(['logshipper', 'myjob']);
    expect(names(synth('job-sidecar', SidecarMode.AUTO, '1.29').spec.template.spec.initContainers)).toEqual(['logshipper*']);
  });
});
