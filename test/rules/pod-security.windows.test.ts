import { c, deployment, findings, sidecar, where } from './helpers';
import { PodSecurityLevel } from '../../src/rules/pod-security-level';
import { SidecarRules } from '../../src/rules/sidecar-rules';

// Windows pods under the Pod Security Standards, as k8s.io/pod-security-admission/policy judges them:
// from policy 1.25, allowPrivilegeEscalationV1Dot25, seccompProfileRestrictedV1Dot25 and
// capabilitiesRestrictedV1Dot25 admit a pod with spec.os.name: windows; every other check has no OS condition.

const restricted = { podSecurity: PodSecurityLevel.RESTRICTED };
const app = { name: 'app', image: 'mcr.microsoft.com/windows/nanoserver:ltsc2022', resources: { requests: { cpu: '50m', memory: '64Mi' } } };
const windowsSc = { runAsNonRoot: true, windowsOptions: { runAsUserName: 'ContainerUser' } };
const windows = (spec: any = {}) => deployment({ os: { name: 'windows' }, securityContext: windowsSc, containers: [app], ...spec });
const pss = (manifest: any, options?: any) =>
  SidecarRules.check(manifest, options).filter((f) => f.ruleId.startsWith('SC-PSS-')).map((f) => `${f.ruleId} ${f.path}`);

describe('Pod Security Standards for Windows pods (spec.os.name: windows)', () => {
  test('GIVEN the Windows Deployment at restricted THEN no SC-PSS finding', () => {
    expect(pss(windows(), restricted)).toEqual([]);
  });
  test('GIVEN the Windows Deployment at baseline THEN no SC-PSS finding', () => {
    expect(pss(windows())).toEqual([]);
  });
  test('fails GIVEN the same Deployment without os.name: windows THEN the three Linux-only controls are required', () => {
    const { os, ...linux } = windows().spec.template.spec;
    expect(os).toEqual({ name: 'windows' });
    expect(findings(deployment(linux), 'SC-PSS-002', restricted)).toEqual([
      'SC-PSS-002 spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation: Required value: container "app" must set '
        + 'allowPrivilegeEscalation: false (Pod Security "restricted"). Fix: set securityContext.allowPrivilegeEscalation: false on container "app"',
      'SC-PSS-002 spec.template.spec.containers[0].securityContext.seccompProfile.type: Required value: container "app" must use seccomp profile '
        + 'RuntimeDefault or Localhost (Pod Security "restricted"). '
        + 'Fix: set securityContext.seccompProfile.type: RuntimeDefault on the pod or on the container',
      'SC-PSS-002 spec.template.spec.containers[0].securityContext.capabilities.drop: Required value: container "app" must drop ALL capabilities '
        + '(Pod Security "restricted"). Fix: set securityContext.capabilities.drop: [ALL] on container "app"',
    ]);
  });
  test('fails GIVEN os.name: linux THEN checked like any Linux pod', () => {
    expect(where(windows({ os: { name: 'linux' } }), 'SC-PSS-002', restricted)).toEqual([
      'error spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation',
      'error spec.template.spec.containers[0].securityContext.seccompProfile.type',
      'error spec.template.spec.containers[0].securityContext.capabilities.drop',
    ]);
  });
  test('fails GIVEN only a kubernetes.io/os: windows node selector THEN not exempt (upstream reads spec.os.name only)', () => {
    const { os, ...spec } = windows({ nodeSelector: { 'kubernetes.io/os': 'windows' } }).spec.template.spec;
    expect(os).toBeDefined();
    expect(where(deployment(spec), 'SC-PSS-002', restricted)).toHaveLength(3);
  });
  test('fails GIVEN the Windows Deployment with target 1.24 THEN checked like Linux (the exemption starts at policy 1.25)', () => {
    expect(where(windows(), 'SC-PSS-002', { ...restricted, targetVersion: '1.24' })).toEqual([
      'error spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation',
      'error spec.template.spec.containers[0].securityContext.seccompProfile.type',
      'error spec.template.spec.containers[0].securityContext.capabilities.drop',
    ]);
  });
  test('GIVEN the Windows Deployment with target 1.25 THEN no SC-PSS finding', () => {
    expect(pss(windows(), { ...restricted, targetVersion: '1.25' })).toEqual([]);
  });
  test('GIVEN a Windows pod with a sidecar and an init container, none hardened THEN exempt like the app container', () => {
    const spec = { initContainers: [c('init'), sidecar('proxy')], containers: [app] };
    expect(pss(windows(spec), restricted)).toEqual([]);
    const { os, ...linux } = windows(spec).spec.template.spec;
    expect(os).toBeDefined();
    expect(where(deployment(linux), 'SC-PSS-002', restricted)).toEqual([
      'error spec.template.spec.initContainers[0].securityContext.allowPrivilegeEscalation',
      'error spec.template.spec.initContainers[0].securityContext.seccompProfile.type',
      'error spec.template.spec.initContainers[0].securityContext.capabilities.drop',
      'error spec.template.spec.initContainers[1].securityContext.allowPrivilegeEscalation',
      'error spec.template.spec.initContainers[1].securityContext.seccompProfile.type',
      'error spec.template.spec.initContainers[1].securityContext.capabilities.drop',
      'error spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation',
      'error spec.template.spec.containers[0].securityContext.seccompProfile.type',
      'error spec.template.spec.containers[0].securityContext.capabilities.drop',
    ]);
  });

  describe('controls that still apply to Windows pods', () => {
    test('fails GIVEN hostProcess: true on the pod at baseline', () => {
      const windowsOptions = { hostProcess: true, runAsUserName: 'NT AUTHORITY\\SYSTEM' };
      const hostProcess = windows({ hostNetwork: true, securityContext: { ...windowsSc, windowsOptions } });
      expect(findings(hostProcess, 'SC-PSS-001')).toEqual([
        'SC-PSS-001 spec.template.spec.hostNetwork: Forbidden: hostNetwork: true shares a host namespace (Pod Security "baseline"). '
          + 'Fix: remove hostNetwork',
        'SC-PSS-001 spec.template.spec.securityContext.windowsOptions.hostProcess: Forbidden: Windows HostProcess (Pod Security "baseline"). '
          + 'Fix: remove windowsOptions.hostProcess',
      ]);
      expect(where(hostProcess, 'SC-PSS-001', restricted)).toEqual([
        'error spec.template.spec.hostNetwork', 'error spec.template.spec.securityContext.windowsOptions.hostProcess',
      ]);
    });
    test('fails GIVEN hostProcess: true on a sidecar at restricted', () => {
      const spec = { initContainers: [sidecar('proxy', { securityContext: { windowsOptions: { hostProcess: true } } })], containers: [app] };
      expect(where(windows(spec), 'SC-PSS-001', restricted)).toEqual([
        'error spec.template.spec.initContainers[0].securityContext.windowsOptions.hostProcess',
      ]);
    });
    test('fails GIVEN hostNetwork, hostPort, a hostPath volume and a privileged container', () => {
      const spec = {
        hostNetwork: true,
        volumes: [{ name: 'h', hostPath: { path: 'C:\\data' } }],
        containers: [{ ...app, ports: [{ containerPort: 80, hostPort: 80 }], securityContext: { privileged: true } }],
      };
      expect(where(windows(spec), 'SC-PSS-001', restricted)).toEqual([
        'error spec.template.spec.hostNetwork', 'error spec.template.spec.volumes[0].hostPath',
        'error spec.template.spec.containers[0].securityContext.privileged', 'error spec.template.spec.containers[0].ports[0].hostPort',
      ]);
    });
    test('fails GIVEN no runAsNonRoot, runAsUser 0 and an nfs volume at restricted', () => {
      const spec = {
        securityContext: { windowsOptions: { runAsUserName: 'ContainerUser' } },
        volumes: [{ name: 'n', nfs: { server: 's', path: '/' } }],
        initContainers: [sidecar('proxy', { securityContext: { runAsUser: 0 } })],
        containers: [app],
      };
      expect(where(windows(spec), 'SC-PSS-002', restricted)).toEqual([
        'error spec.template.spec.volumes[0].nfs',
        'error spec.template.spec.initContainers[0].securityContext.runAsNonRoot',
        'error spec.template.spec.initContainers[0].securityContext.runAsUser',
        'error spec.template.spec.containers[0].securityContext.runAsNonRoot',
      ]);
    });
    test('fails GIVEN unsafe sysctls, SELinux user and Unconfined AppArmor', () => {
      const spec = {
        securityContext: {
          ...windowsSc, sysctls: [{ name: 'kernel.msgmax', value: '1' }], seLinuxOptions: { user: 'root' }, appArmorProfile: { type: 'Unconfined' },
        },
      };
      expect(where(windows(spec), 'SC-PSS-001', restricted)).toEqual([
        'error spec.template.spec.securityContext.appArmorProfile.type', 'error spec.template.spec.securityContext.seLinuxOptions.user',
        'error spec.template.spec.securityContext.sysctls[0].name',
      ]);
    });
  });

  describe('baseline seccomp and capabilities controls', () => {
    const spec = {
      securityContext: { ...windowsSc, seccompProfile: { type: 'Unconfined' } },
      containers: [{ ...app, securityContext: { capabilities: { add: ['SYS_ADMIN'] } } }],
    };
    test('fails GIVEN Unconfined seccomp and an added capability at baseline (checked for every OS)', () => {
      expect(where(windows(spec), 'SC-PSS-001')).toEqual([
        'error spec.template.spec.securityContext.seccompProfile.type', 'error spec.template.spec.containers[0].securityContext.capabilities.add[0]',
      ]);
    });
    test('GIVEN the same at restricted THEN no SC-PSS finding (the restricted checks that replace them admit Windows pods)', () => {
      // registry.go populate drops the baseline checks named in OverrideCheckIDs; API validation, not Pod Security, refuses these fields.
      expect(pss(windows(spec), restricted)).toEqual([]);
    });
    test('fails GIVEN the same at restricted without os.name: windows THEN reported as before', () => {
      const { os, ...linux } = windows(spec).spec.template.spec;
      expect(os).toBeDefined();
      expect(where(deployment(linux), 'SC-PSS-001', restricted)).toEqual([
        'error spec.template.spec.securityContext.seccompProfile.type', 'error spec.template.spec.containers[0].securityContext.capabilities.add[0]',
      ]);
    });
  });
});
