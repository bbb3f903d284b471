import * as defaults from './defaults';
import { ApiWarning } from './field-error';
import { isWhole, readQuantity } from './resources';
import { int, isInt, list, obj, str, text } from './wire';
import { FieldPath } from '../engine/field-path';
import { KubernetesVersion } from '../engine/kubernetes-version';

/**
 * nodeapi `deprecatedNodeLabels` (pkg/api/node/util.go). A map, not an object: user keys such as
 * `toString` must not find Object.prototype's members.
 */
const DEPRECATED_NODE_LABELS: ReadonlyMap<string, string> = new Map([
  ['beta.kubernetes.io/arch', 'deprecated since v1.14; use "kubernetes.io/arch" instead'],
  ['beta.kubernetes.io/os', 'deprecated since v1.14; use "kubernetes.io/os" instead'],
  ['failure-domain.beta.kubernetes.io/region', 'deprecated since v1.17; use "topology.kubernetes.io/region" instead'],
  ['failure-domain.beta.kubernetes.io/zone', 'deprecated since v1.17; use "topology.kubernetes.io/zone" instead'],
  ['beta.kubernetes.io/instance-type', 'deprecated since v1.17; use "node.kubernetes.io/instance-type" instead'],
]);

const DEPRECATED_ANNOTATIONS: Record<string, string> = {
  'scheduler.alpha.kubernetes.io/critical-pod': 'non-functional in v1.16+; use the "priorityClassName" field instead',
  'security.alpha.kubernetes.io/sysctls': 'non-functional in v1.11+; use the "sysctls" field instead',
  'security.alpha.kubernetes.io/unsafe-sysctls': 'non-functional in v1.11+; use the "sysctls" field instead',
};

const DEPRECATED_VOLUMES: Array<[string, string]> = [
  ['photonPersistentDisk', 'deprecated in v1.11, non-functional in v1.16+'],
  ['gitRepo', 'deprecated in v1.11'],
  ['scaleIO', 'deprecated in v1.16, non-functional in v1.22+'],
  ['flocker', 'deprecated in v1.22, non-functional in v1.25+'],
  ['storageos', 'deprecated in v1.22, non-functional in v1.25+'],
  ['quobyte', 'deprecated in v1.22, non-functional in v1.25+'],
  ['glusterfs', 'deprecated in v1.25, non-functional in v1.26+'],
  ['cephfs', 'deprecated in v1.28, non-functional in v1.31+'],
  ['rbd', 'deprecated in v1.28, non-functional in v1.31+'],
];

const DEPRECATED_VOLUME_MESSAGES: ReadonlyMap<string, string> = new Map(DEPRECATED_VOLUMES);

const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';
const APPARMOR_CONTAINER_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
/** AppArmorFields is on by default from 1.30, which deprecates the annotations. */
const APPARMOR_FIELDS = KubernetesVersion.of('1.30');

/** `pods.VisitContainersWithPath` order: init containers, then containers, then ephemeral containers. */
const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

/** One declared port, kept for the duplicate check (its path is built only when it is reported). */
interface SeenPort {
  readonly list: string;
  readonly ci: number;
  readonly pi: number;
  readonly port: Record<string, any>;
  readonly containerPort: unknown;
  readonly protocol: unknown;
}

/** Go's `%+v` of a ContainerPort, as the hostIP warning prints it. */
function goPort(p: Record<string, any>, protocol: unknown): string {
  return `{Name:${text(str(p.name))} HostPort:${text(int(p.hostPort))} ContainerPort:${text(int(p.containerPort))} Protocol:${text(protocol)} HostIP:${text(str(p.hostIP))}}`;
}

/** Byte quantities by text: fractional or not (one lookup per value on the common path). Bounded: cleared when full. */
const FRACTIONAL = new Map<string, boolean>();
const FRACTIONAL_MAX = 1024;

function isFractional(raw: unknown): boolean {
  if (typeof raw !== 'string') {
    const q = readQuantity(raw);
    return typeof q !== 'string' && !isWhole(q);
  }
  let fractional = FRACTIONAL.get(raw);
  if (fractional === undefined) {
    const q = readQuantity(raw);
    fractional = typeof q !== 'string' && !isWhole(q);
    if (FRACTIONAL.size >= FRACTIONAL_MAX) FRACTIONAL.clear();
    FRACTIONAL.set(raw, fractional);
  }
  return fractional;
}

const DEPRECATED_ANNOTATION_ENTRIES = Object.entries(DEPRECATED_ANNOTATIONS);
const NO_ANNOTATIONS: Record<string, unknown> = Object.freeze({});
/** The resources whose values must be whole bytes. */
const BYTE_RESOURCES = ['memory', 'ephemeral-storage'] as const;
const RESOURCE_LISTS = ['limits', 'requests'] as const;

/**
 * `warningsForPodSpecAndMeta` (pkg/api/pod/warnings.go): what the API server returns as warnings
 * for a pod or pod template it accepts. The same meaning, the same field paths.
 */
export function podWarnings(
  spec: Record<string, any>, specPath: FieldPath, meta: Record<string, any>, metaPath: FieldPath, version: KubernetesVersion, applyDefaults: boolean,
): ApiWarning[] {
  const out: ApiWarning[] = [];
  const warn = (field: FieldPath, message: string, fix: string, port = false) => out.push({ field, message, fix, port });

  const nodeSelector = obj(spec.nodeSelector);
  if (nodeSelector) {
    for (const key in nodeSelector) {
      const msg = DEPRECATED_NODE_LABELS.get(key);
      if (msg) warn(specPath.child('nodeSelector').key(key), msg, `select on ${msg.split('"')[1]} instead`);
    }
  }
  const nodeAffinity = obj(obj(spec.affinity)?.nodeAffinity);
  if (nodeAffinity) {
    const termsPath = specPath.child('affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms');
    const required = obj(nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution);
    list(required?.nodeSelectorTerms).forEach((t, i) => termWarnings(t, termsPath.index(i), warn));
    const prefPath = specPath.child('affinity', 'nodeAffinity', 'preferredDuringSchedulingIgnoredDuringExecution');
    list(nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution).forEach((t, i) => termWarnings(obj(t)?.preference, prefPath.index(i).child('preference'), warn));
  }
  if (Array.isArray(spec.topologySpreadConstraints)) {
    list(spec.topologySpreadConstraints).forEach((raw, i) => {
      const t = obj(raw) ?? {};
      const at = specPath.child('topologySpreadConstraints').index(i);
      const msg = DEPRECATED_NODE_LABELS.get(text(str(t.topologyKey)));
      if (msg) warn(at.child('topologyKey'), `${t.topologyKey} is ${msg}`, `use ${msg.split('"')[1]} as topologyKey`);
      if (t.labelSelector === undefined || t.labelSelector === null) warn(at.child('labelSelector'), 'a null labelSelector results in matching no pod', 'give the constraint a labelSelector that matches the pods to spread');
    });
  }

  const annotations: Record<string, unknown> = obj(meta.annotations) ?? NO_ANNOTATIONS;
  let hasAnnotations = false;
  for (const _ in annotations) {
    hasAnnotations = true;
    break;
  }
  if (hasAnnotations) {
    for (const [key, msg] of DEPRECATED_ANNOTATION_ENTRIES) {
      if (key in annotations) warn(metaPath.child('annotations').key(key), msg, `remove the ${key} annotation`);
    }
  }

  const volumes = spec.volumes;
  if (Array.isArray(volumes)) {
    for (let i = 0; i < volumes.length; i++) {
      const vol = obj(volumes[i]);
      if (!vol) continue;
      // A volume has a name and a source or two: look at its keys rather than at every deprecated source.
      for (const source in vol) {
        const msg = DEPRECATED_VOLUME_MESSAGES.get(source);
        // warnings.go prints the StorageOS path as `storageOS`; the wire field is `storageos`.
        if (msg !== undefined && vol[source] !== undefined && vol[source] !== null) warn(specPath.child('volumes').index(i).child(source === 'storageos' ? 'storageOS' : source), msg, `replace the ${source} volume (e.g. with a CSI driver)`);
      }
    }
  }

  if (Array.isArray(spec.hostAliases) && spec.hostAliases.length > 1) {
    duplicateWarnings(list(spec.hostAliases).map((h) => str(obj(h)?.ip)), specPath.child('hostAliases'), 'ip', (v) => `duplicate ip ${JSON.stringify(v)}`, 'remove the repeated hostAliases entry', warn);
  }
  if (Array.isArray(spec.imagePullSecrets) && spec.imagePullSecrets.length > 0) {
    const secrets = list(spec.imagePullSecrets);
    duplicateWarnings(secrets.map((s) => str(obj(s)?.name)), specPath.child('imagePullSecrets'), 'name', (v) => `duplicate name ${JSON.stringify(v)}`, 'remove the repeated imagePullSecrets entry', warn);
    secrets.forEach((s, i) => {
      if (str(obj(s)?.name) === '') warn(specPath.child('imagePullSecrets').index(i).child('name'), 'invalid empty name ""', 'name the Secret or remove the entry');
    });
  }

  const overhead = obj(spec.overhead);
  if (overhead) {
    for (const resource of BYTE_RESOURCES) {
      const v = overhead[resource];
      if (v !== undefined && isFractional(v)) warn(specPath.child('overhead').key(resource), `fractional byte value ${JSON.stringify(String(readQuantity(v)))} is invalid, must be an integer`, `give ${resource} in whole bytes`);
    }
  }

  const podSeccomp = obj(obj(spec.securityContext)?.seccompProfile);
  if (!podSeccomp && SECCOMP_POD_ANNOTATION in annotations) {
    warn(metaPath.child('annotations').key(SECCOMP_POD_ANNOTATION), 'non-functional in v1.27+; use the "seccompProfile" field instead', 'set securityContext.seccompProfile and remove the annotation');
  }
  const podAppArmor = obj(obj(spec.securityContext)?.appArmorProfile) !== undefined;

  // One pass over the containers (the API server visits them twice); paths are built only for warnings.
  let seenPorts: SeenPort[] | undefined;
  const portPath = (p: SeenPort) => specPath.child(p.list).index(p.ci).child('ports').index(p.pi);
  for (const listName of CONTAINER_LISTS) {
    const containers = spec[listName];
    if (!Array.isArray(containers)) continue;
    for (let ci = 0; ci < containers.length; ci++) {
      const c = obj(containers[ci]);
      if (!c) continue;
      const name = text(str(c.name));
      const sc = obj(c.securityContext);
      if (hasAnnotations && SECCOMP_CONTAINER_PREFIX + name in annotations && !obj(sc?.seccompProfile)) {
        warn(metaPath.child('annotations').key(`${SECCOMP_CONTAINER_PREFIX}${name}`), 'non-functional in v1.27+; use the "seccompProfile" field instead', `set securityContext.seccompProfile on "${name}" and remove the annotation`);
      }
      const appArmorAnnotated = hasAnnotations && APPARMOR_CONTAINER_PREFIX + name in annotations;
      if (appArmorAnnotated && version.isAtLeast(APPARMOR_FIELDS) && !podAppArmor && !obj(sc?.appArmorProfile)) {
        warn(metaPath.child('annotations').key(`${APPARMOR_CONTAINER_PREFIX}${name}`), 'deprecated since v1.30; use the "appArmorProfile" field instead', `set securityContext.appArmorProfile on "${name}" and remove the annotation`);
      }
      const res = obj(c.resources);
      if (res) {
        for (const kind of RESOURCE_LISTS) {
          const map = obj(res[kind]);
          if (!map) continue;
          for (const resource of BYTE_RESOURCES) {
            const v = map[resource];
            if (v !== undefined && isFractional(v)) {
              warn(specPath.child(listName).index(ci).child('resources', kind).key(resource), `fractional byte value ${JSON.stringify(String(readQuantity(v)))} is invalid, must be an integer`, `give ${kind}.${resource} in whole bytes (e.g. "128Mi")`);
            }
          }
        }
      }
      const env = c.env;
      if (Array.isArray(env) && env.length > 1) {
        // Short lists are searched; long ones get a set.
        const names = env.length > 16 ? new Set<unknown>() : undefined;
        for (let i = 0; i < env.length; i++) {
          const e = obj(env[i]) ?? {};
          const n = str(e.name);
          const before = names ? names.has(n) : definedBefore(env, i, n);
          names?.add(n);
          if (!before) continue;
          const ref = `$(${text(n)})`;
          const value = text(str(e.value));
          const bad = (e.valueFrom !== undefined && e.valueFrom !== null) || value === ref || !value.includes(ref);
          if (bad) warn(specPath.child(listName).index(ci).child('env').index(i), `hides previous definition of ${JSON.stringify(n)}, which may be dropped when using apply`, `remove one of the definitions of ${JSON.stringify(n)}`);
        }
      }
      const ports = c.ports;
      if (!Array.isArray(ports)) continue;
      for (let pi = 0; pi < ports.length; pi++) {
        const port = obj(ports[pi]) ?? {};
        const protocol = defaults.portProtocol(port, applyDefaults);
        const containerPort = int(port.containerPort);
        const here: SeenPort = { list: listName, ci, pi, port, containerPort, protocol };
        const hostIP = str(port.hostIP);
        const hostPort = int(port.hostPort);
        if (hostIP !== '' && hostPort === 0) warn(portPath(here), `hostIP set without hostPort: ${goPort(port, protocol)}`, 'set hostPort, or remove hostIP');
        // Pairwise against the ports seen so far (pods declare a handful; no key strings, no map).
        seenPorts ??= [];
        for (const other of seenPorts) {
          if (other.containerPort !== containerPort || other.protocol !== protocol) continue;
          const otherIP = str(other.port.hostIP);
          const otherPort = int(other.port.hostPort);
          const key = `${text(containerPort)}/${text(protocol)}`;
          if (hostIP === otherIP && hostPort === otherPort) {
            warn(portPath(here), `duplicate port definition with ${portPath(other)}`, `remove one of the two definitions of containerPort ${key}, or give one container another port`, true);
          } else if (hostPort === 0 || otherPort === 0) {
            warn(portPath(here), `overlapping port definition with ${portPath(other)}`, `give the two definitions of ${key} the same hostPort, or remove one`, true);
          } else if (hostPort === otherPort && (hostIP === '') !== (otherIP === '')) {
            warn(portPath(here), `dangerously ambiguous port definition with ${portPath(other)}`, 'set hostIP on both definitions or on neither', true);
          }
        }
        seenPorts.push(here);
      }
    }
  }

  const grace = spec.terminationGracePeriodSeconds;
  if (isInt(grace) && grace < 0) {
    warn(specPath.child('terminationGracePeriodSeconds'), 'must be >= 0; negative values are invalid and will be treated as 1', 'set terminationGracePeriodSeconds to 0 or more (the default is 30)');
  }

  const affinity = obj(spec.affinity);
  for (const kind of ['podAffinity', 'podAntiAffinity']) {
    const a = obj(affinity?.[kind]);
    if (!a) continue;
    const req = specPath.child('affinity', kind, 'requiredDuringSchedulingIgnoredDuringExecution');
    list(a.requiredDuringSchedulingIgnoredDuringExecution).forEach((t, i) => {
      if (!obj(obj(t)?.labelSelector)) warn(req.index(i).child('labelSelector'), 'a null labelSelector results in matching no pod', 'give the term a labelSelector');
    });
    const pref = specPath.child('affinity', kind, 'preferredDuringSchedulingIgnoredDuringExecution');
    list(a.preferredDuringSchedulingIgnoredDuringExecution).forEach((t, i) => {
      if (!obj(obj(obj(t)?.podAffinityTerm)?.labelSelector)) warn(pref.index(i).child('podAffinityTerm', 'labelSelector'), 'a null labelSelector results in matching no pod', 'give the term a labelSelector');
    });
  }
  return out;
}

/** `GetWarningsForNodeSelectorTerm`: deprecated node labels in matchExpressions keys. */
function termWarnings(term: unknown, path: FieldPath, warn: (f: FieldPath, m: string, fix: string) => void): void {
  list(obj(term)?.matchExpressions).forEach((e, j) => {
    const key = text(str(obj(e)?.key));
    const msg = DEPRECATED_NODE_LABELS.get(key);
    if (msg) warn(path.child('matchExpressions').index(j).child('key'), `${key} is ${msg}`, `use ${msg.split('"')[1]}`);
  });
}

/** Whether an entry before `i` has the name `name` (env lists are short: no set is built). */
function definedBefore(env: unknown[], i: number, name: unknown): boolean {
  for (let j = 0; j < i; j++) {
    if (str(obj(env[j])?.name) === name) return true;
  }
  return false;
}

function duplicateWarnings(
  values: unknown[], path: FieldPath, field: string, message: (v: unknown) => string, fix: string,
  warn: (f: FieldPath, m: string, fix: string) => void,
): void {
  if (values.length < 2) return;
  const seen = new Set<unknown>();
  values.forEach((v, i) => {
    if (seen.has(v)) warn(path.index(i).child(field), message(v), fix);
    else seen.add(v);
  });
}
