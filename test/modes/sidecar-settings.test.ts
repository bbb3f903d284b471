import { App, Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { KubernetesVersion } from '../../src/engine/kubernetes-version';
import { SidecarMode } from '../../src/modes/sidecar-mode';
import { SidecarSettings } from '../../src/workloads/sidecar-settings';

describe('SidecarSettings.targetVersion', () => {
  test('GIVEN nothing set THEN the default (1.29) applies', () => {
    const chart = new Chart(Testing.app(), 'chart');
    expect(SidecarSettings.targetVersion(new Construct(chart, 'w')).toString()).toBe(KubernetesVersion.DEFAULT.toString());
  });

  test('GIVEN app, chart and workload settings THEN the nearest wins', () => {
    const app = new App();
    SidecarSettings.setTargetVersion(app, 'v1.27.3');
    const plain = new Chart(app, 'plain');
    const newer = new Chart(app, 'newer');
    SidecarSettings.setTargetVersion(newer, '1.31');
    const inPlain = new Construct(plain, 'w');
    const inNewer = new Construct(newer, 'w');

    expect(SidecarSettings.targetVersion(inPlain).toString()).toBe('1.27');
    expect(SidecarSettings.targetVersion(inNewer).toString()).toBe('1.31');
    expect(SidecarSettings.targetVersion(inNewer, '1.33').toString()).toBe('1.33');
    expect(app.node.tryGetContext(SidecarSettings.TARGET_VERSION_CONTEXT)).toBe('1.27');
  });

  test('GIVEN the context set by hand with node.setContext THEN it is honoured', () => {
    const app = new App();
    app.node.setContext('cdk8s-sidecars.dev/target-version', '1.28');
    expect(SidecarSettings.targetVersion(new Chart(app, 'c')).toString()).toBe('1.28');
  });

  test('throws for an invalid version, naming the scope, the value and the fix', () => {
    const chart = new Chart(Testing.app(), 'chart');
    expect(() => SidecarSettings.setTargetVersion(chart, 'latest')).toThrow(
      '[chart] SidecarSettings.setTargetVersion: version: Invalid value: "latest": expected MAJOR.MINOR such as "1.29" (a leading "v" and a patch number are accepted). Fix: pass a Kubernetes minor version such as "1.29"');
    expect(() => SidecarSettings.targetVersion(chart, '1')).toThrow(
      '[chart] SidecarSettings.targetVersion: own: Invalid value: "1": expected MAJOR.MINOR such as "1.29" (a leading "v" and a patch number are accepted). Fix: pass a Kubernetes minor version such as "1.29"');
  });

  test('throws for a bad context value, naming the scope that set it', () => {
    const app = new App();
    const chart = new Chart(app, 'chart');
    const group = new Construct(chart, 'group');
    group.node.setContext(SidecarSettings.TARGET_VERSION_CONTEXT, 129);
    const workload = new Construct(new Construct(group, 'inner'), 'w');
    expect(() => SidecarSettings.targetVersion(workload)).toThrow(
      '[chart/group] context cdk8s-sidecars.dev/target-version: Invalid value: 129: expected a string such as "1.29". Fix: set it with SidecarSettings.setTargetVersion(scope, "1.29")');
  });

  test('throws when the scope already has children, with the fix', () => {
    const app = new App();
    new Chart(app, 'first');
    expect(() => SidecarSettings.setTargetVersion(app, '1.28')).toThrow(
      '[(app)] SidecarSettings.setTargetVersion: Forbidden: must be called before constructs are added to this scope (it already holds: first). Fix: call it right after creating the scope, or set the workload\'s own prop');
  });
});

describe('SidecarSettings.sidecarMode', () => {
  test('GIVEN nothing set THEN AUTO', () => {
    expect(SidecarSettings.sidecarMode(new Chart(Testing.app(), 'c'))).toBe(SidecarMode.AUTO);
  });

  test('GIVEN app and chart modes THEN the nearest wins and the workload\'s own beats both', () => {
    const app = new App();
    SidecarSettings.setSidecarMode(app, SidecarMode.UNIVERSAL);
    const legacy = new Chart(app, 'legacy');
    SidecarSettings.setSidecarMode(legacy, SidecarMode.LEGACY);
    expect(SidecarSettings.sidecarMode(new Construct(new Chart(app, 'other'), 'w'))).toBe(SidecarMode.UNIVERSAL);
    expect(SidecarSettings.sidecarMode(new Construct(legacy, 'w'))).toBe(SidecarMode.LEGACY);
    expect(SidecarSettings.sidecarMode(new Construct(legacy, 'x'), SidecarMode.NATIVE)).toBe(SidecarMode.NATIVE);
  });

  test('throws for a mode that is not a SidecarMode, listing the supported values', () => {
    const chart = new Chart(Testing.app(), 'chart');
    expect(() => SidecarSettings.setSidecarMode(chart, 'sidecarless' as SidecarMode)).toThrow(
      '[chart] SidecarSettings.setSidecarMode: mode: Unsupported value: "sidecarless": supported values: "native", "legacy", "universal", "auto". Fix: pass a SidecarMode');
    const app = new App();
    app.node.setContext(SidecarSettings.SIDECAR_MODE_CONTEXT, 'NATIVE');
    expect(() => SidecarSettings.sidecarMode(new Chart(app, 'c'))).toThrow(
      '[(app)] context cdk8s-sidecars.dev/sidecar-mode: Unsupported value: "NATIVE": supported values: "native", "legacy", "universal", "auto". Fix: set it with SidecarSettings.setSidecarMode(scope, SidecarMode.AUTO)');
  });
});
