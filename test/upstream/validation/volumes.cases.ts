import { C0, ctr, e, FORBIDDEN, INVALID, NOT_FOUND, podSpec, REQUIRED, UpstreamCase } from './upstream-case';

/**
 * TestValidateVolumeMounts, TestValidateSubpathMutuallyExclusive, TestAlphaValidateVolumeDevices.
 *
 * Upstream validates a list of mounts (or devices) against volumes and, separately, a map of the
 * container's devices (or mounts). Here both lists are the container's own, so each case's
 * container holds the mounts under test and the devices (or mounts) upstream passes beside them.
 * Upstream asserts only that a case fails; we name the error validation.go raises. Upstream
 * reports subPath, mountPropagation and recursiveReadOnly errors at `volumeMounts.<field>`
 * without the index; we report them at the mount (`volumeMounts[i].<field>`).
 */
const claimTemplate = { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10G' } } } };
const VOLUMES = [
  { name: 'abc', persistentVolumeClaim: { claimName: 'testclaim1' } },
  { name: 'abc-123', persistentVolumeClaim: { claimName: 'testclaim2' } },
  { name: '123', hostPath: { path: '/foo/baz', type: '' } },
  { name: 'ephemeral', ephemeral: { volumeClaimTemplate: claimTemplate } },
  { name: 'image-volume', image: { reference: 'quay.io/my/artifact:v1', pullPolicy: 'IfNotPresent' } },
];
const withMounts = (volumeMounts: any[], volumeDevices: any[] = [], extra: Record<string, any> = {}) =>
  podSpec({ volumes: VOLUMES, containers: [ctr({ volumeMounts, ...(volumeDevices.length > 0 ? { volumeDevices } : {}), ...extra })] });
const M = `${C0}.volumeMounts`;
const TM = 'TestValidateVolumeMounts';
const BAD_DEVICE = [{ name: 'xyz', devicePath: '/mnt/exists' }];
const mountError = (name: string, mounts: any[], includes: any[]): UpstreamCase =>
  ({ test: TM, name, spec: withMounts(mounts, BAD_DEVICE), includes });

export const VOLUME_MOUNT_CASES: UpstreamCase[] = [
  {
    test: TM,
    name: 'successCase',
    spec: withMounts([
      { name: 'abc', mountPath: '/foo' }, { name: '123', mountPath: '/bar' }, { name: 'abc-123', mountPath: '/baz' },
      { name: 'abc-123', mountPath: '/baa', subPath: '' }, { name: 'abc-123', mountPath: '/bab', subPath: 'baz' },
      { name: 'abc-123', mountPath: 'd:', subPath: '' }, { name: 'abc-123', mountPath: 'F:', subPath: '' },
      { name: 'abc-123', mountPath: 'G:\\mount', subPath: '' }, { name: 'abc-123', mountPath: '/bac', subPath: '.baz' },
      { name: 'abc-123', mountPath: '/bad', subPath: '..baz' }, { name: 'ephemeral', mountPath: '/foobar' },
      { name: '123', mountPath: '/rro-nil', readOnly: true },
      { name: '123', mountPath: '/rro-disabled', readOnly: true, recursiveReadOnly: 'Disabled' },
      { name: '123', mountPath: '/rro-disabled-2', readOnly: false, recursiveReadOnly: 'Disabled' },
      { name: '123', mountPath: '/rro-ifpossible', readOnly: true, recursiveReadOnly: 'IfPossible' },
      { name: '123', mountPath: '/rro-enabled', readOnly: true, recursiveReadOnly: 'Enabled' },
      { name: '123', mountPath: '/rro-enabled-2', readOnly: true, recursiveReadOnly: 'Enabled', mountPropagation: 'None' },
      { name: 'image-volume', mountPath: '/image-volume' },
    ], [], {}),
    errors: [],
    note: 'the upstream success case passes devices xyz and uvw beside the mounts, which name no volume; in a pod they would be errors of their own, so they are left out',
  },
  mountError('empty name', [{ name: '', mountPath: '/foo' }], [e(REQUIRED, `${M}[0].name`)]),
  mountError('name not found', [{ name: '', mountPath: '/foo' }], [e(NOT_FOUND, `${M}[0].name`)]),
  mountError('empty mountpath', [{ name: 'abc', mountPath: '' }], [e(REQUIRED, `${M}[0].mountPath`)]),
  mountError('mountpath collision', [{ name: 'foo', mountPath: '/path/a' }, { name: 'bar', mountPath: '/path/a' }], [e(INVALID, `${M}[1].mountPath`, 'must be unique')]),
  mountError('absolute subpath', [{ name: 'abc', mountPath: '/bar', subPath: '/baz' }], [e(INVALID, `${M}[0].subPath`, 'must be a relative path')]),
  mountError('subpath in ..', [{ name: 'abc', mountPath: '/bar', subPath: '../baz' }], [e(INVALID, `${M}[0].subPath`, 'must not contain \'..\'')]),
  mountError('subpath contains ..', [{ name: 'abc', mountPath: '/bar', subPath: 'baz/../bat' }], [e(INVALID, `${M}[0].subPath`, 'must not contain \'..\'')]),
  mountError('subpath ends in ..', [{ name: 'abc', mountPath: '/bar', subPath: './..' }], [e(INVALID, `${M}[0].subPath`, 'must not contain \'..\'')]),
  mountError('disabled MountPropagation feature gate', [{ name: 'abc', mountPath: '/bar', mountPropagation: 'Bidirectional' }],
    [e(FORBIDDEN, `${M}[0].mountPropagation`, 'Bidirectional mount propagation is available only to privileged containers')]),
  mountError('name exists in volumeDevice', [{ name: 'xyz', mountPath: '/bar' }], [e(INVALID, `${M}[0].name`, 'must not already exist in volumeDevices')]),
  mountError('mountpath exists in volumeDevice', [{ name: 'uvw', mountPath: '/mnt/exists' }], [e(INVALID, `${M}[0].mountPath`, 'must not already exist as a path in volumeDevices')]),
  mountError('both exist in volumeDevice', [{ name: 'xyz', mountPath: '/mnt/exists' }],
    [e(INVALID, `${M}[0].name`, 'must not already exist in volumeDevices'), e(INVALID, `${M}[0].mountPath`, 'must not already exist as a path in volumeDevices')]),
  mountError('rro but not ro', [{ name: '123', mountPath: '/rro-bad1', readOnly: false, recursiveReadOnly: 'Enabled' }], [e(FORBIDDEN, `${M}[0].recursiveReadOnly`, 'may only be specified when readOnly is true')]),
  mountError('rro with incompatible propagation', [{ name: '123', mountPath: '/rro-bad2', readOnly: true, recursiveReadOnly: 'Enabled', mountPropagation: 'HostToContainer' }],
    [e(FORBIDDEN, `${M}[0].recursiveReadOnly`, 'may only be specified when mountPropagation is None or not specified')]),
  mountError('rro-if-possible but not ro', [{ name: '123', mountPath: '/rro-bad1', readOnly: false, recursiveReadOnly: 'IfPossible' }], [e(FORBIDDEN, `${M}[0].recursiveReadOnly`)]),
  mountError('subPath not allowed for image volume sources', [{ name: 'image-volume', mountPath: '/image-volume-err-1', subPath: '/foo' }], [e(INVALID, `${M}[0].subPath`, 'not allowed in image volume sources')]),
  mountError('subPathExpr not allowed for image volume sources', [{ name: 'image-volume', mountPath: '/image-volume-err-2', subPathExpr: '$(POD_NAME)' }],
    [e(INVALID, `${M}[0].subPathExpr`, 'not allowed in image volume sources')]),

  ...([
    ['subpath and subpathexpr not specified', {}, false],
    ['subpath expr specified', { subPathExpr: '$(POD_NAME)' }, false],
    ['subpath specified', { subPath: 'baz' }, false],
    ['subpath and subpathexpr specified', { subPath: 'baz', subPathExpr: '$(POD_NAME)' }, true],
  ] as Array<[string, any, boolean]>).map(([name, extra, fails]): UpstreamCase => ({
    test: 'TestValidateSubpathMutuallyExclusive',
    name,
    spec: withMounts([{ name: 'abc-123', mountPath: '/bab', ...extra }]),
    ...(fails ? { errors: [e(INVALID, `${M}[0].subPathExpr`, 'subPathExpr and subPath are mutually exclusive')] } : { errors: [] }),
  })),
];

const VD = `${C0}.volumeDevices`;
const TD = 'TestAlphaValidateVolumeDevices';
const DEVICE_VOLUMES = [
  { name: 'abc', persistentVolumeClaim: { claimName: 'testclaim1' } },
  { name: 'abc-123', persistentVolumeClaim: { claimName: 'testclaim2' } },
  { name: 'def', hostPath: { path: '/foo/baz', type: '' } },
  { name: 'ephemeral', ephemeral: { volumeClaimTemplate: claimTemplate } },
];
/** The mounts upstream passes beside the devices (`badVolumeMounts`), which name real volumes here. */
const BAD_MOUNTS = [{ name: 'abc', mountPath: '/foo' }, { name: 'abc-123', mountPath: '/this/path/exists' }];
const devices = (volumeDevices: any[], volumeMounts: any[] = BAD_MOUNTS) =>
  podSpec({ volumes: DEVICE_VOLUMES, containers: [ctr({ volumeDevices, volumeMounts })] });
const deviceError = (name: string, list: any[], includes: any[]): UpstreamCase => ({ test: TD, name, spec: devices(list), includes });

export const VOLUME_DEVICE_CASES: UpstreamCase[] = [
  {
    test: TD,
    name: 'successCase',
    spec: devices([{ name: 'abc', devicePath: '/foo' }, { name: 'abc-123', devicePath: '/usr/share/test' }, { name: 'ephemeral', devicePath: '/disk' }], []),
    errors: [],
    note: 'upstream passes mounts xyz and ghi beside the devices, which name no volume; they are left out of the pod',
  },
  deviceError('empty name', [{ name: '', devicePath: '/foo' }], [e(REQUIRED, `${VD}[0].name`)]),
  deviceError('duplicate name', [{ name: 'abc', devicePath: '/foo' }, { name: 'abc', devicePath: '/foo/bar' }], [e(INVALID, `${VD}[1].name`, 'must be unique')]),
  deviceError('name not found', [{ name: 'not-found', devicePath: '/usr/share/test' }], [e(NOT_FOUND, `${VD}[0].name`)]),
  deviceError('name found but invalid source', [{ name: 'def', devicePath: '/usr/share/test' }], [e(INVALID, `${VD}[0].name`, 'can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode')]),
  deviceError('empty devicepath', [{ name: 'abc', devicePath: '' }], [e(REQUIRED, `${VD}[0].devicePath`)]),
  deviceError('relative devicepath', [{ name: 'abc-123', devicePath: 'baz' }], [e(INVALID, `${VD}[0].name`, 'must not already exist in volumeMounts')]),
  deviceError('duplicate devicepath', [{ name: 'abc', devicePath: '/foo' }, { name: 'abc-123', devicePath: '/foo' }], [e(INVALID, `${VD}[1].devicePath`, 'must be unique')]),
  deviceError('no backsteps', [{ name: 'def', devicePath: '/baz/../' }], [e(INVALID, `${VD}[0].devicePath`, 'can not contain backsteps (\'..\')')]),
  deviceError('name exists in volumemounts', [{ name: 'abc', devicePath: '/baz/../' }], [e(INVALID, `${VD}[0].name`, 'must not already exist in volumeMounts')]),
  deviceError('path exists in volumemounts', [{ name: 'xyz', devicePath: '/this/path/exists' }], [e(INVALID, `${VD}[0].devicePath`, 'must not already exist as a path in volumeMounts')]),
  deviceError('both exist in volumemounts', [{ name: 'abc', devicePath: '/this/path/exists' }],
    [e(INVALID, `${VD}[0].name`, 'must not already exist in volumeMounts'), e(INVALID, `${VD}[0].devicePath`, 'must not already exist as a path in volumeMounts')]),
];
