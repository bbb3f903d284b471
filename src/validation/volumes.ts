import { backstepErrors, localDescendingPathErrors, validateObjectFieldSelector, validateResourceFieldSelector, VOLUME_FIELD_PATHS } from './container';
import * as defaults from './defaults';
import { duplicate, FieldError, forbidden, invalid, notSupported, required, ValidationArea } from './field-error';
import { isDNS1123Label } from './names';
import { PodValidationOptions } from './pod-validation-options';
import { readQuantity } from './resources';
import { isInt, isSet, list, obj, str, text } from './wire';
import { FieldPath } from '../engine/field-path';

const AREA = ValidationArea.POD_SPEC;

/** Every volume source field, in validation.go's order (`validateVolumeSource`). */
export const VOLUME_SOURCES = [
  'emptyDir', 'hostPath', 'gitRepo', 'gcePersistentDisk', 'awsElasticBlockStore', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'flocker', 'persistentVolumeClaim', 'rbd', 'cinder', 'cephfs', 'quobyte', 'downwardAPI', 'fc', 'flexVolume', 'configMap',
  'azureFile', 'vsphereVolume', 'photonPersistentDisk', 'portworxVolume', 'azureDisk', 'storageos', 'projected', 'scaleIO',
  'csi', 'ephemeral', 'image',
] as const;

const FILE_MODE_MSG = 'must be a number between 0 and 0777 (octal), both inclusive';
const HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];
const SOURCE_NAMES: ReadonlySet<string> = new Set(VOLUME_SOURCES);

/** A volume a StatefulSet's controller adds for a `volumeClaimTemplates` entry. */
export interface ClaimVolume {
  readonly name: string;
}

/**
 * `ValidateVolumes`: each volume has a DNS-1123 name, unique, and exactly one source (after
 * `SetDefaults_Volume`, which makes a volume without any source an emptyDir). Returns the
 * volumes mounts may name: as in validation.go, a volume with an error is left out, so mounts
 * of it are "Not found" too. `claims` are the volumes a StatefulSet controller adds; they
 * replace template volumes of the same name (`updateStorage`), which are then not validated.
 */
export function validateVolumes(
  volumes: unknown, path: FieldPath, opts: PodValidationOptions, claims: ReadonlyArray<ClaimVolume>, errs: FieldError[],
): Map<string, string> {
  const byName = new Map<string, string>();
  for (const c of claims) byName.set(c.name, 'persistentVolumeClaim');
  const names = new Set<unknown>();
  list(volumes).forEach((raw, i) => {
    const v = obj(raw) ?? {};
    const at = path.index(i);
    const name = str(v.name);
    if (typeof name === 'string' && claims.some((c) => c.name === name)) return;
    const el: FieldError[] = [];
    const source = validateVolumeSource(v, at, opts, el);
    if (name === '') el.push(required(at.child('name'), '', AREA, { fix: 'give the volume a name' }));
    else for (const m of isDNS1123Label(text(name))) el.push(invalid(at.child('name'), name, m, AREA));
    if (names.has(name)) el.push(duplicate(at.child('name'), name, AREA, { fix: 'give each volume its own name' }));
    if (el.length === 0) {
      names.add(name);
      byName.set(name as string, source);
    } else {
      errs.push(...el);
    }
  });
  return byName;
}

/** `validateVolumeSource`: exactly one source, and the common sources' own fields. Returns the source's field. */
function validateVolumeSource(v: Record<string, any>, path: FieldPath, opts: PodValidationOptions, errs: FieldError[]): string {
  // A volume has a name and (normally) one source: look at its own keys, and walk the sources
  // in validation.go's order only when there are several (the order decides which one is "first").
  let sources = 0;
  let only = '';
  for (const key in v) {
    if (SOURCE_NAMES.has(key) && isSet(v[key])) {
      sources++;
      only = key;
    }
  }
  if (sources === 1) {
    validateSourceFields(only, obj(v[only]) ?? {}, path.child(only), opts, errs);
    return only;
  }
  let first = '';
  for (const source of VOLUME_SOURCES) {
    if (!isSet(v[source])) continue;
    if (first !== '') {
      // Upstream prints two of these paths with typos (`downwarAPI`, `cephFS`); we print the field's name.
      errs.push(forbidden(path.child(source), 'may not specify more than 1 volume type', AREA, { fix: `keep only one of ${first} and ${source} in this volume` }));
      continue;
    }
    first = source;
    validateSourceFields(source, obj(v[source]) ?? {}, path.child(source), opts, errs);
  }
  if (first === '') {
    if (defaults.volumeDefaultsToEmptyDir(0, opts.applyDefaults)) return 'emptyDir';
    errs.push(required(path, 'must specify a volume type', AREA));
  }
  return first;
}

function fileMode(mode: unknown, path: FieldPath, errs: FieldError[]): void {
  if (isSet(mode) && (!isInt(mode) || mode > 0o777 || mode < 0)) errs.push(invalid(path, mode, FILE_MODE_MSG, AREA));
}

/** `ValidateLocalNonReservedPath`: relative, no `..`, not starting with `..`. */
function localNonReservedPath(p: string, path: FieldPath, errs: FieldError[]): void {
  errs.push(...localDescendingPathErrors(p, path, AREA));
  if (p.startsWith('..') && !p.startsWith('../')) errs.push(invalid(path, p, 'must not start with \'..\'', AREA));
}

/** `validateKeyToPath` (items of secret and configMap volumes). */
function keyToPath(items: unknown, path: FieldPath, errs: FieldError[]): void {
  list(items).forEach((raw, i) => {
    const kp = obj(raw) ?? {};
    const at = path.index(i);
    if (str(kp.key) === '') errs.push(required(at.child('key'), '', AREA));
    const p = text(str(kp.path));
    if (p === '') errs.push(required(at.child('path'), '', AREA));
    localNonReservedPath(p, at.child('path'), errs);
    fileMode(kp.mode, at.child('mode'), errs);
  });
}

/**
 * The fields of the sources pods commonly use (validation.go's `validate*VolumeSource`). Other
 * sources (cloud disks, iSCSI, ...) are counted for "exactly one source" but their own fields
 * are not checked here.
 */
function validateSourceFields(source: string, s: Record<string, any>, path: FieldPath, opts: PodValidationOptions, errs: FieldError[]): void {
  switch (source) {
    case 'emptyDir': {
      if (isSet(s.sizeLimit)) {
        const q = readQuantity(s.sizeLimit);
        if (typeof q === 'string' || q.sign < 0) errs.push(forbidden(path.child('sizeLimit'), 'SizeLimit field must be a valid resource quantity', AREA));
      }
      break;
    }
    case 'hostPath': {
      const p = str(s.path);
      if (p === '') {
        errs.push(required(path.child('path'), '', AREA));
        break;
      }
      errs.push(...backstepErrors(text(p), path.child('path'), AREA));
      const t = str(s.type);
      if (!HOST_PATH_TYPES.includes(t as string)) {
        errs.push(notSupported(path.child('type'), t, HOST_PATH_TYPES, AREA));
      }
      break;
    }
    case 'gitRepo':
      if (str(s.repository) === '') errs.push(required(path.child('repository'), '', AREA));
      errs.push(...localDescendingPathErrors(text(str(s.directory)), path.child('directory'), AREA));
      break;
    case 'secret':
      if (str(s.secretName) === '') errs.push(required(path.child('secretName'), '', AREA, { fix: 'name the Secret to mount' }));
      fileMode(s.defaultMode, path.child('defaultMode'), errs);
      keyToPath(s.items, path.child('items'), errs);
      break;
    case 'configMap':
      if (str(s.name) === '') errs.push(required(path.child('name'), '', AREA, { fix: 'name the ConfigMap to mount' }));
      fileMode(s.defaultMode, path.child('defaultMode'), errs);
      keyToPath(s.items, path.child('items'), errs);
      break;
    case 'persistentVolumeClaim':
      if (str(s.claimName) === '') errs.push(required(path.child('claimName'), '', AREA, { fix: 'name the PersistentVolumeClaim to mount' }));
      break;
    case 'nfs': {
      if (str(s.server) === '') errs.push(required(path.child('server'), '', AREA));
      const p = str(s.path);
      if (p === '') errs.push(required(path.child('path'), '', AREA));
      if (typeof p !== 'string' || !p.startsWith('/')) errs.push(invalid(path.child('path'), p, 'must be an absolute path', AREA));
      break;
    }
    case 'downwardAPI':
      fileMode(s.defaultMode, path.child('defaultMode'), errs);
      for (const raw of list(s.items)) {
        const file = obj(raw) ?? {};
        const p = text(str(file.path));
        if (p === '') errs.push(required(path.child('path'), '', AREA));
        localNonReservedPath(p, path.child('path'), errs);
        if (isSet(file.fieldRef)) {
          validateObjectFieldSelector(obj(file.fieldRef) ?? {}, VOLUME_FIELD_PATHS, path.child('fieldRef'), opts, errs);
          if (isSet(file.resourceFieldRef)) errs.push(invalid(path, 'resource', 'fieldRef and resourceFieldRef can not be specified simultaneously', AREA));
        } else if (isSet(file.resourceFieldRef)) {
          validateResourceFieldSelector(obj(file.resourceFieldRef) ?? {}, path.child('resourceFieldRef'), true, errs);
        } else {
          errs.push(required(path, 'one of fieldRef and resourceFieldRef is required', AREA));
        }
        fileMode(file.mode, path.child('mode'), errs);
      }
      break;
    case 'csi':
      if (str(s.driver) === '') errs.push(required(path.child('driver'), '', AREA));
      break;
    case 'ephemeral':
      if (!isSet(s.volumeClaimTemplate)) errs.push(required(path.child('volumeClaimTemplate'), '', AREA));
      break;
    case 'projected':
      fileMode(s.defaultMode, path.child('defaultMode'), errs);
      break;
    case 'image':
      if (str(s.reference) === '') errs.push(required(path.child('reference'), '', AREA));
      break;
    default:
      break;
  }
}
