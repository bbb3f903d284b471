import * as defaults from './defaults';
import { duplicate, FieldError, forbidden, invalid, notFound, notSupported, required, ValidationArea } from './field-error';
import {
  isConfigMapKey, isDNS1123Label, isDNS1123Subdomain, isEnvVarName, isQualifiedName, isRelaxedEnvVarName,
  isValidPortName, isValidPortNum,
} from './names';
import { PodValidationOptions } from './pod-validation-options';
import { validateContainerResources } from './resources';
import { int, isSet, list, obj, str, text } from './wire';
import { RELAXED_ENVIRONMENT_VARIABLE_VALIDATION } from '../engine/feature-gates';
import { FieldPath } from '../engine/field-path';

const AREA = ValidationArea.CONTAINER;

/** What validating a container needs from its pod. */
export interface PodContext {
  readonly opts: PodValidationOptions;
  readonly errs: FieldError[];
  /** Volumes of the pod that validated (name -> source field, e.g. `persistentVolumeClaim`). */
  readonly volumes: ReadonlyMap<string, string>;
  /** terminationGracePeriodSeconds after defaulting. */
  readonly gracePeriod: unknown;
  /** The pod restartPolicy after defaulting. */
  readonly podRestartPolicy: unknown;
  readonly hostNetwork: boolean;
}

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
const PORT_PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const RESIZE_RESOURCES = ['cpu', 'memory'];
const RESIZE_POLICIES = ['NotRequired', 'RestartContainer'];
const MOUNT_PROPAGATIONS = ['Bidirectional', 'HostToContainer', 'None'];
const RECURSIVE_READ_ONLY = ['Disabled', 'Enabled', 'IfPossible'];

/**
 * `validateContainerCommon`: what every container (app, init, sidecar, ephemeral) must satisfy:
 * name, image, terminationMessagePolicy, ports, env, envFrom, volumeMounts, volumeDevices,
 * imagePullPolicy, resources, resizePolicy. Fields are read after defaulting.
 */
export function validateContainerCommon(c: Record<string, any>, path: FieldPath, ctx: PodContext): void {
  const { opts, errs } = ctx;
  const name = str(c.name);
  if (name === '') {
    errs.push(required(path.child('name'), '', ValidationArea.CONTAINER_NAME, { fix: 'give the container a name such as "log-shipper"' }));
  } else if (typeof name !== 'string') {
    errs.push(invalid(path.child('name'), name, 'must be a string', ValidationArea.CONTAINER_NAME, { fix: 'give the container a name such as "log-shipper"' }));
  } else {
    for (const m of isDNS1123Label(name)) {
      errs.push(invalid(path.child('name'), name, m, ValidationArea.CONTAINER_NAME, { fix: `rename it, e.g. "${suggestLabel(name)}"` }));
    }
  }

  // The API server only checks that the image is not empty (" " is accepted in templates;
  // Pods refuse leading and trailing spaces, see validateContainerOnlyForPod).
  const image = str(c.image);
  if (image === '') {
    errs.push(required(path.child('image'), '', AREA, { fix: 'set image to the container image to run, e.g. "nginx:1.27"' }));
  } else if (typeof image !== 'string') {
    errs.push(invalid(path.child('image'), image, 'must be a string', AREA, { fix: 'set image to the container image to run, e.g. "nginx:1.27"' }));
  }

  const tmp = defaults.terminationMessagePolicy(c, opts.applyDefaults);
  if (tmp === '') {
    errs.push(required(path.child('terminationMessagePolicy'), '', AREA));
  } else if (!TERMINATION_MESSAGE_POLICIES.includes(tmp as string)) {
    errs.push(notSupported(path.child('terminationMessagePolicy'), tmp, TERMINATION_MESSAGE_POLICIES, AREA, { fix: 'use File or FallbackToLogsOnError, or remove the field' }));
  }

  if (Array.isArray(c.ports) && c.ports.length > 0) validatePorts(c.ports, path.child('ports'), ctx);
  if (Array.isArray(c.env) && c.env.length > 0) validateEnv(c.env, path.child('env'), opts, errs);
  if (Array.isArray(c.envFrom) && c.envFrom.length > 0) validateEnvFrom(c.envFrom, path.child('envFrom'), opts, errs);
  validateVolumeMounts(c, path, ctx);
  if (Array.isArray(c.volumeDevices) && c.volumeDevices.length > 0) validateVolumeDevices(c, path, ctx);

  const pull = defaults.imagePullPolicy(c, opts.applyDefaults);
  if (pull === '') {
    errs.push(required(path.child('imagePullPolicy'), '', AREA));
  } else if (!PULL_POLICIES.includes(pull as string)) {
    errs.push(notSupported(path.child('imagePullPolicy'), pull, PULL_POLICIES, AREA, { fix: 'use Always, IfNotPresent or Never (case matters), or remove the field' }));
  }

  if (isSet(c.resources)) validateContainerResources(c.resources, path.child('resources'), errs);
  if (Array.isArray(c.resizePolicy) && c.resizePolicy.length > 0) validateResizePolicy(c.resizePolicy, path.child('resizePolicy'), ctx);
}

/** A DNS-1123 label close to `name`, for fix hints. */
function suggestLabel(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9-]/g, '-').replace(/^-+|-+$/g, '').slice(0, 63) || 'container';
}

/** `validateContainerOnlyForPod`: Pods (not templates) refuse an image with surrounding spaces. */
export function validateContainerOnlyForPod(c: Record<string, any>, path: FieldPath, errs: FieldError[]): void {
  if (typeof c.image === 'string' && c.image !== c.image.trim()) {
    errs.push(invalid(path.child('image'), c.image, 'must not have leading or trailing whitespace', AREA, { fix: `write the image as "${c.image.trim()}"` }));
  }
}

/** `validateContainerPorts`. */
function validatePorts(ports: any[], path: FieldPath, ctx: PodContext): void {
  const { errs, opts } = ctx;
  let names: Set<string> | undefined;
  for (let i = 0; i < ports.length; i++) {
    const raw = ports[i];
    const port = obj(raw) ?? {};
    // The port's path is derived only for an error.
    const name = str(port.name);
    if (name !== '') {
      const problems = typeof name === 'string' ? isValidPortName(name) : ['must be a string'];
      if (problems.length > 0) {
        for (const m of problems) errs.push(invalid(path.index(i).child('name'), name, m, AREA, { fix: 'name the port with at most 15 lower-case letters, digits and \'-\', e.g. "http"' }));
      } else if (names?.has(name as string)) {
        errs.push(duplicate(path.index(i).child('name'), name, ValidationArea.PORT_NAME_DUPLICATE, { fix: `rename one of the ports named ${JSON.stringify(name)}` }));
      } else {
        (names ??= new Set()).add(name as string);
      }
    }
    const containerPort = int(port.containerPort);
    if (containerPort === 0) {
      errs.push(required(path.index(i).child('containerPort'), '', AREA, { fix: 'set containerPort to the port the container listens on (1-65535)' }));
    } else {
      for (const m of isValidPortNum(containerPort)) errs.push(invalid(path.index(i).child('containerPort'), containerPort, m, AREA, { fix: 'set containerPort to a number from 1 to 65535' }));
    }
    const hostPort = defaults.hostPort(port, ctx.hostNetwork && opts.resourceIsPod, opts.applyDefaults);
    if (hostPort !== 0) {
      for (const m of isValidPortNum(hostPort)) errs.push(invalid(path.index(i).child('hostPort'), hostPort, m, AREA, { fix: 'set hostPort to a number from 1 to 65535, or remove it' }));
    }
    const protocol = defaults.portProtocol(port, opts.applyDefaults);
    if (protocol === '') {
      errs.push(required(path.index(i).child('protocol'), '', AREA));
    } else if (!PORT_PROTOCOLS.includes(protocol as string)) {
      errs.push(notSupported(path.index(i).child('protocol'), protocol, PORT_PROTOCOLS, AREA, { fix: 'use TCP, UDP or SCTP (upper case), or remove the field for TCP' }));
    }
  }
}

/** Whether `envNameErrors` has nothing to say (no path is derived for a valid name). */
function isValidEnvName(name: string, opts: PodValidationOptions): boolean {
  return (opts.allowRelaxedEnvironmentVariableValidation ? isRelaxedEnvVarName(name) : isEnvVarName(name)).length === 0;
}

/** Env var names and envFrom prefixes: strict, or relaxed where RelaxedEnvironmentVariableValidation is on. */
function envNameErrors(name: string, path: FieldPath, opts: PodValidationOptions, errs: FieldError[]): void {
  if (opts.allowRelaxedEnvironmentVariableValidation) {
    for (const m of isRelaxedEnvVarName(name)) errs.push(invalid(path, name, m, AREA, { fix: 'use printable ASCII characters other than \'=\'' }));
    return;
  }
  const strict = isEnvVarName(name);
  if (strict.length === 0) return;
  const g = RELAXED_ENVIRONMENT_VARIABLE_VALIDATION;
  const relaxedOnly = opts.relaxedEnvironmentVariableGated && isRelaxedEnvVarName(name).length === 0;
  for (const m of strict) {
    errs.push(invalid(path, name, m, AREA, relaxedOnly
      ? { gate: g.name, fix: `enable the ${g.name} feature gate, or use letters, digits, '_', '-' and '.' (target Kubernetes ${g.onByDefault} or later accepts it)` }
      : { fix: 'use letters, digits, \'_\', \'-\' and \'.\', not starting with a digit' }));
  }
}

/** `ValidateEnv`. */
function validateEnv(env: any[], path: FieldPath, opts: PodValidationOptions, errs: FieldError[]): void {
  for (let i = 0; i < env.length; i++) {
    const raw = env[i];
    const ev = obj(raw) ?? {};
    const name = str(ev.name);
    if (name === '') errs.push(required(path.index(i).child('name'), '', AREA, { fix: 'give the variable a name' }));
    else if (typeof name !== 'string') errs.push(invalid(path.index(i).child('name'), name, 'must be a string', AREA));
    else if (!isValidEnvName(name, opts)) envNameErrors(name, path.index(i).child('name'), opts, errs);
    const from = obj(ev.valueFrom);
    if (from) validateEnvValueFrom(ev, from, path.index(i).child('valueFrom'), opts, errs);
  }
}

const ENV_FIELD_PATHS = ['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs'];
export const VOLUME_FIELD_PATHS = ['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid'];
/** pkg/apis/core/pods `ConvertDownwardAPIFieldLabel`: the labels a v1 fieldRef may name. */
const CONVERTIBLE_FIELD_PATHS = new Set(['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid',
  'spec.nodeName', 'spec.restartPolicy', 'spec.serviceAccountName', 'spec.schedulerName', 'status.phase', 'status.hostIP', 'status.hostIPs',
  'status.podIP', 'status.podIPs']);
const RESOURCE_FIELD_PATHS = ['limits.cpu', 'limits.ephemeral-storage', 'limits.memory', 'requests.cpu', 'requests.ephemeral-storage', 'requests.memory'];
const HUGEPAGES_FIELD_PREFIXES = ['limits.hugepages-', 'requests.hugepages-'];
const MEMORY_DIVISORS = new Set(['1', '1k', '1M', '1G', '1T', '1P', '1E', '1Ki', '1Mi', '1Gi', '1Ti', '1Pi', '1Ei']);

/** `validateEnvVarValueFrom`: exactly one source, and not together with a value. */
function validateEnvValueFrom(
  ev: Record<string, any>, from: Record<string, any>, path: FieldPath, opts: PodValidationOptions, errs: FieldError[],
): void {
  let sources = 0;
  if (isSet(from.fieldRef)) {
    sources++;
    validateObjectFieldSelector(obj(from.fieldRef) ?? {}, ENV_FIELD_PATHS, path.child('fieldRef'), opts, errs);
  }
  if (isSet(from.resourceFieldRef)) {
    sources++;
    validateResourceFieldSelector(obj(from.resourceFieldRef) ?? {}, path.child('resourceFieldRef'), false, errs);
  }
  if (isSet(from.configMapKeyRef)) {
    sources++;
    validateKeySelector(obj(from.configMapKeyRef) ?? {}, path.child('configMapKeyRef'), errs);
  }
  if (isSet(from.secretKeyRef)) {
    sources++;
    validateKeySelector(obj(from.secretKeyRef) ?? {}, path.child('secretKeyRef'), errs);
  }
  if (sources === 0) {
    errs.push(invalid(path, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`', AREA, { fix: 'add one source to valueFrom, or use value instead' }));
  } else if (str(ev.value) !== '') {
    errs.push(invalid(path, '', 'may not be specified when `value` is not empty', AREA, { fix: 'remove value or valueFrom' }));
  } else if (sources > 1) {
    errs.push(invalid(path, '', 'may not have more than one field specified at a time', AREA, { fix: 'keep one source in valueFrom' }));
  }
}

/** `fieldpath.SplitMaybeSubscriptedPath`: `metadata.labels['app']` -> [`metadata.labels`, `app`]. */
function splitSubscript(fieldPath: string): [string, string] | undefined {
  if (!fieldPath.endsWith('\']')) return undefined;
  const s = fieldPath.slice(0, -2);
  const at = s.indexOf('[\'');
  if (at <= 0) return undefined;
  return [s.slice(0, at), s.slice(at + 2)];
}

/** `validateObjectFieldSelector` (downward API `fieldRef`). */
export function validateObjectFieldSelector(
  fs: Record<string, any>, allowed: ReadonlyArray<string>, path: FieldPath, opts: PodValidationOptions, errs: FieldError[],
): void {
  const apiVersion = defaults.fieldRefApiVersion(fs, opts.applyDefaults);
  if (apiVersion === '') {
    errs.push(required(path.child('apiVersion'), '', AREA));
    return;
  }
  const fieldPath = str(fs.fieldPath);
  if (fieldPath === '' || typeof fieldPath !== 'string') {
    errs.push(required(path.child('fieldPath'), '', AREA, { fix: `name a pod field, e.g. ${allowed.map((a) => JSON.stringify(a)).slice(0, 3).join(', ')}` }));
    return;
  }
  // ConvertDownwardAPIFieldLabel.
  const sub = splitSubscript(fieldPath);
  let conversion: string | undefined;
  if (apiVersion !== 'v1') conversion = `unsupported pod version: ${text(apiVersion)}`;
  else if (sub && sub[0] !== 'metadata.annotations' && sub[0] !== 'metadata.labels') conversion = `field label does not support subscript: ${fieldPath}`;
  else if (!sub && !CONVERTIBLE_FIELD_PATHS.has(fieldPath) && fieldPath !== 'spec.host') conversion = `field label not supported: ${fieldPath}`;
  if (conversion !== undefined) {
    errs.push(invalid(path.child('fieldPath'), fieldPath, `error converting fieldPath: ${conversion}`, AREA));
    return;
  }
  if (sub) {
    const key = sub[0] === 'metadata.annotations' ? sub[1].toLowerCase() : sub[1];
    for (const m of isQualifiedName(key)) errs.push(invalid(path, key, m, AREA));
    return;
  }
  const internal = fieldPath === 'spec.host' ? 'spec.nodeName' : fieldPath;
  if (!allowed.includes(internal)) {
    errs.push(notSupported(path.child('fieldPath'), internal, allowed, AREA));
  }
}

/** `validateContainerResourceFieldSelector` (downward API `resourceFieldRef`). */
export function validateResourceFieldSelector(fs: Record<string, any>, path: FieldPath, volume: boolean, errs: FieldError[]): void {
  const resource = str(fs.resource);
  if (volume && str(fs.containerName) === '') {
    errs.push(required(path.child('containerName'), '', AREA));
  } else if (resource === '') {
    errs.push(required(path.child('resource'), '', AREA));
  } else if (!RESOURCE_FIELD_PATHS.includes(resource as string) && !(typeof resource === 'string' && HUGEPAGES_FIELD_PREFIXES.some((p) => resource.startsWith(p)))) {
    errs.push(notSupported(path.child('resource'), resource, RESOURCE_FIELD_PATHS, AREA));
  }
  const divisor = isSet(fs.divisor) ? text(fs.divisor) : '';
  if (divisor === '' || divisor === '0') return;
  const r = text(resource);
  if (r === 'limits.cpu' || r === 'requests.cpu') {
    if (divisor !== '1m' && divisor !== '1') errs.push(invalid(path.child('divisor'), r, 'only divisor\'s values 1m and 1 are supported with the cpu resource', AREA));
  } else if (r === 'limits.memory' || r === 'requests.memory') {
    if (!MEMORY_DIVISORS.has(divisor)) errs.push(invalid(path.child('divisor'), r, 'only divisor\'s values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the memory resource', AREA));
  } else if (r === 'limits.ephemeral-storage' || r === 'requests.ephemeral-storage') {
    if (!MEMORY_DIVISORS.has(divisor)) errs.push(invalid(path.child('divisor'), r, 'only divisor\'s values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the local ephemeral storage resource', AREA));
  } else if (HUGEPAGES_FIELD_PREFIXES.some((p) => r.startsWith(p)) && !MEMORY_DIVISORS.has(divisor)) {
    errs.push(invalid(path.child('divisor'), r, 'only divisor\'s values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the hugepages resource', AREA));
  }
}

/** `validateConfigMapKeySelector` / `validateSecretKeySelector`: a DNS-subdomain name and a key. */
function validateKeySelector(s: Record<string, any>, path: FieldPath, errs: FieldError[]): void {
  const name = str(s.name);
  for (const m of isDNS1123Subdomain(text(name))) errs.push(invalid(path.child('name'), name, m, AREA));
  const key = str(s.key);
  if (key === '') errs.push(required(path.child('key'), '', AREA));
  else for (const m of isConfigMapKey(text(key))) errs.push(invalid(path.child('key'), key, m, AREA));
}

/** `maskTrailingDash`: a name used as a prefix may end with '-'. */
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
}

/** `ValidateEnvFrom`. Note: upstream reports a missing or double source at `envFrom`, not at the item. */
function validateEnvFrom(envFrom: any[], path: FieldPath, opts: PodValidationOptions, errs: FieldError[]): void {
  envFrom.forEach((raw, i) => {
    const ev = obj(raw) ?? {};
    const at = path.index(i);
    const prefix = str(ev.prefix);
    if (prefix !== '') envNameErrors(text(prefix), at.child('prefix'), opts, errs);
    let sources = 0;
    for (const kind of ['configMapRef', 'secretRef']) {
      if (!isSet(ev[kind])) continue;
      sources++;
      const name = str(obj(ev[kind])?.name);
      if (name === '') errs.push(required(at.child(kind, 'name'), '', AREA));
      else for (const m of isDNS1123Subdomain(maskTrailingDash(text(name)))) errs.push(invalid(at.child(kind, 'name'), name, m, AREA));
    }
    if (sources === 0) errs.push(invalid(path, '', 'must specify one of: `configMapRef` or `secretRef`', AREA, { fix: `add configMapRef or secretRef to envFrom[${i}]` }));
    else if (sources > 1) errs.push(invalid(path, '', 'may not have more than one field specified at a time', AREA, { fix: `keep one of configMapRef and secretRef in envFrom[${i}]` }));
  });
}

/** `validatePathNoBacksteps`: no `..` segment. */
export function backstepErrors(p: string, path: FieldPath, area: ValidationArea): FieldError[] {
  return p.split('/').includes('..') ? [invalid(path, p, 'must not contain \'..\'', area)] : [];
}

/** `validateLocalDescendingPath`: relative, without `..`. */
export function localDescendingPathErrors(p: string, path: FieldPath, area: ValidationArea): FieldError[] {
  const out = p.startsWith('/') ? [invalid(path, p, 'must be a relative path', area)] : [];
  return out.concat(backstepErrors(p, path, area));
}

/**
 * `ValidateVolumeMounts`. Upstream reports subPath, subPathExpr, mountPropagation and
 * recursiveReadOnly problems at `volumeMounts.<field>` without the index; we add the index so
 * the mount can be found.
 */
function validateVolumeMounts(c: Record<string, any>, path: FieldPath, ctx: PodContext): void {
  const mounts = list(c.volumeMounts);
  if (mounts.length === 0) return;
  const { errs, volumes } = ctx;
  // Paths are derived only for an error.
  const fieldAt = (i: number, field: string): FieldPath => path.child('volumeMounts').index(i).child(field);
  // Most containers have no devices and one or two mounts: build the lookups only when needed.
  const devices = Array.isArray(c.volumeDevices) && c.volumeDevices.length > 0 ? c.volumeDevices.map((d: unknown) => obj(d) ?? {}) : undefined;
  const deviceNames = devices ? new Set(devices.map((d: Record<string, any>) => str(d.name))) : undefined;
  const devicePaths = devices ? new Set(devices.map((d: Record<string, any>) => str(d.devicePath))) : undefined;
  const mountPaths = mounts.length > 1 ? new Set<unknown>() : undefined;
  const privileged = obj(c.securityContext)?.privileged === true;
  for (let i = 0; i < mounts.length; i++) {
    const raw = mounts[i];
    const m = obj(raw) ?? {};
    const name = str(m.name);
    if (name === '') errs.push(required(fieldAt(i, 'name'), '', ValidationArea.VOLUME_MOUNT_NAME, { fix: 'name the volume to mount' }));
    // As upstream, an empty name is also "Not found".
    if (!volumes.has(name as string)) {
      const declared = volumes.size === 0 ? 'the pod declares no volumes' : `declared volumes: ${[...volumes.keys()].map((v) => JSON.stringify(v)).join(', ')}`;
      errs.push(notFound(fieldAt(i, 'name'), name, ValidationArea.VOLUME_MOUNT_NAME, {
        detail: declared,
        fix: `add a volume named ${JSON.stringify(name)} to the pod's volumes (or, in a StatefulSet, to volumeClaimTemplates), or mount one of the declared volumes`,
      }));
    }
    const mountPath = str(m.mountPath);
    if (mountPath === '') errs.push(required(fieldAt(i, 'mountPath'), '', AREA, { fix: 'set mountPath to the directory to mount the volume at' }));
    if (mountPaths?.has(mountPath)) errs.push(invalid(fieldAt(i, 'mountPath'), mountPath, 'must be unique', AREA, { fix: 'mount each volume at its own path' }));
    mountPaths?.add(mountPath);
    if (deviceNames?.has(name)) errs.push(invalid(fieldAt(i, 'name'), name, 'must not already exist in volumeDevices', AREA));
    if (devicePaths?.has(mountPath)) errs.push(invalid(fieldAt(i, 'mountPath'), mountPath, 'must not already exist as a path in volumeDevices', AREA));
    const subPath = str(m.subPath);
    const subPathExpr = str(m.subPathExpr);
    if (volumes.get(name as string) === 'image') {
      if (subPath !== '') errs.push(invalid(fieldAt(i, 'subPath'), subPath, 'not allowed in image volume sources', AREA));
      if (subPathExpr !== '') errs.push(invalid(fieldAt(i, 'subPathExpr'), subPathExpr, 'not allowed in image volume sources', AREA));
    }
    if (subPath !== '') errs.push(...localDescendingPathErrors(text(subPath), fieldAt(i, 'subPath'), AREA));
    if (subPathExpr !== '') {
      if (subPath !== '') errs.push(invalid(fieldAt(i, 'subPathExpr'), subPathExpr, 'subPathExpr and subPath are mutually exclusive', AREA));
      errs.push(...localDescendingPathErrors(text(subPathExpr), fieldAt(i, 'subPathExpr'), AREA));
    }
    const propagation = m.mountPropagation;
    if (isSet(propagation)) {
      if (!MOUNT_PROPAGATIONS.includes(propagation)) errs.push(notSupported(fieldAt(i, 'mountPropagation'), propagation, MOUNT_PROPAGATIONS, AREA));
      if (propagation === 'Bidirectional' && !privileged) {
        errs.push(forbidden(fieldAt(i, 'mountPropagation'), 'Bidirectional mount propagation is available only to privileged containers', AREA,
          { fix: 'use HostToContainer or None, or make the container privileged' }));
      }
    }
    const rro = m.recursiveReadOnly;
    if (isSet(rro) && rro !== 'Disabled') {
      if (rro === 'Enabled' || rro === 'IfPossible') {
        if (m.readOnly !== true) errs.push(forbidden(fieldAt(i, 'recursiveReadOnly'), 'may only be specified when readOnly is true', AREA, { fix: 'add readOnly: true to the mount' }));
        if (isSet(propagation) && propagation !== 'None') {
          errs.push(forbidden(fieldAt(i, 'recursiveReadOnly'), 'may only be specified when mountPropagation is None or not specified', AREA));
        }
      } else {
        errs.push(notSupported(fieldAt(i, 'recursiveReadOnly'), rro, RECURSIVE_READ_ONLY, AREA));
      }
    }
  }
}

/** `ValidateVolumeDevices`: raw block devices of PVC (or ephemeral) volumes. */
function validateVolumeDevices(c: Record<string, any>, path: FieldPath, ctx: PodContext): void {
  const { errs, volumes } = ctx;
  const mounts = list(c.volumeMounts).map((m) => obj(m) ?? {});
  const mountNames = new Set(mounts.map((m) => str(m.name)));
  const mountPaths = new Set(mounts.map((m) => str(m.mountPath)));
  const names = new Set<unknown>();
  const paths = new Set<unknown>();
  list(c.volumeDevices).forEach((raw, i) => {
    const d = obj(raw) ?? {};
    const at = path.child('volumeDevices').index(i);
    const name = str(d.name);
    const devicePath = str(d.devicePath);
    const source = volumes.get(name as string);
    if (name === '') errs.push(required(at.child('name'), '', AREA));
    if (names.has(name)) errs.push(invalid(at.child('name'), name, 'must be unique', AREA));
    if (source !== undefined && source !== 'persistentVolumeClaim' && source !== 'ephemeral') {
      errs.push(invalid(at.child('name'), name, 'can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode', AREA));
    }
    if (source === undefined) errs.push(notFound(at.child('name'), name, AREA));
    if (devicePath === '') errs.push(required(at.child('devicePath'), '', AREA));
    if (paths.has(devicePath)) errs.push(invalid(at.child('devicePath'), devicePath, 'must be unique', AREA));
    if (devicePath !== '' && backstepErrors(text(devicePath), at, AREA).length > 0) {
      errs.push(invalid(at.child('devicePath'), devicePath, 'can not contain backsteps (\'..\')', AREA));
    } else {
      paths.add(devicePath);
    }
    if (mountNames.has(name)) errs.push(invalid(at.child('name'), name, 'must not already exist in volumeMounts', AREA));
    if (mountPaths.has(devicePath)) errs.push(invalid(at.child('devicePath'), devicePath, 'must not already exist as a path in volumeMounts', AREA));
    if (name !== '') names.add(name);
  });
}

/** `validateResizePolicy`. */
function validateResizePolicy(policies: any[], path: FieldPath, ctx: PodContext): void {
  const { errs } = ctx;
  const seen = new Set<unknown>();
  policies.forEach((raw, i) => {
    const p = obj(raw) ?? {};
    const resource = str(p.resourceName);
    if (seen.has(resource)) errs.push(duplicate(path.index(i), resource, AREA));
    seen.add(resource);
    if (resource === '') errs.push(required(path, '', AREA));
    else if (!RESIZE_RESOURCES.includes(resource as string)) errs.push(notSupported(path, resource, RESIZE_RESOURCES, AREA));
    const policy = str(p.restartPolicy);
    if (policy === '') errs.push(required(path, '', AREA));
    else if (!RESIZE_POLICIES.includes(policy as string)) errs.push(notSupported(path, policy, RESIZE_POLICIES, AREA));
    if (ctx.podRestartPolicy === 'Never' && policy !== 'NotRequired') {
      errs.push(invalid(path, policy, 'must be \'NotRequired\' when `restartPolicy` is \'Never\'', AREA));
    }
  });
}

/** The number of the host port of a declared port, after defaulting (0 when none). */
export function hostPortOf(port: Record<string, any>, ctx: PodContext): unknown {
  return defaults.hostPort(port, ctx.hostNetwork && ctx.opts.resourceIsPod, ctx.opts.applyDefaults);
}
