/**
 * What "agrees with the seed" means for our examples (issue: kinds, container names and order,
 * restartPolicy values, commands, probes, volumes and mounts). Everything else, such as the
 * cdk8s-plus security context or our annotations, may differ.
 */

export interface Essentials {
  kind: string;
  name: string | undefined;
  podRestartPolicy: string;
  initContainers: ContainerEssentials[];
  containers: ContainerEssentials[];
  volumes: Array<{ name: string; source: string[] }>;
}

interface ContainerEssentials {
  name: string;
  image: string;
  restartPolicy?: string;
  command?: string[];
  args?: string[];
  probes: Record<string, unknown>;
  mounts: Array<{ name: string; mountPath: string }>;
}

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];

/**
 * Where each kind keeps its pod template, written out from the API reference rather than taken from the
 * code under test (src/engine/pod-manifest.ts has its own table; this one must agree with the API, not
 * with it). The seeds hold Pods, a Deployment and a Job; the others are here for completeness.
 */
const POD_TEMPLATE: Record<string, (m: any) => { metadata?: any; spec?: any } | undefined> = {
  Pod: (m) => ({ metadata: m.metadata, spec: m.spec }),
  PodTemplate: (m) => m.template,
  Deployment: (m) => m.spec?.template,
  StatefulSet: (m) => m.spec?.template,
  DaemonSet: (m) => m.spec?.template,
  ReplicaSet: (m) => m.spec?.template,
  ReplicationController: (m) => m.spec?.template,
  Job: (m) => m.spec?.template,
  CronJob: (m) => m.spec?.jobTemplate?.spec?.template,
};

export function essentials(manifest: any): Essentials {
  const template = POD_TEMPLATE[manifest?.kind]?.(manifest);
  if (!template?.spec) throw new Error(`not a pod-bearing manifest: ${JSON.stringify(manifest).slice(0, 200)}`);
  const spec = template.spec;
  const container = (c: any): ContainerEssentials => ({
    name: c.name,
    image: c.image,
    ...(c.restartPolicy ? { restartPolicy: c.restartPolicy } : {}),
    ...(c.command ? { command: c.command } : {}),
    ...(c.args ? { args: c.args } : {}),
    // A probe "agrees" when it has the same handler; thresholds the seed leaves to defaults may be explicit here.
    probes: Object.fromEntries(PROBES.filter((p) => c[p])
      .map((p) => [p, Object.fromEntries(HANDLERS.filter((h) => c[p][h]).map((h) => [h, c[p][h]]))])),
    mounts: (c.volumeMounts ?? []).map((m: any) => ({ name: m.name, mountPath: m.mountPath })),
  });
  return {
    kind: manifest.kind,
    name: manifest.metadata?.name,
    // The API server defaults an unset (or empty) pod restartPolicy to Always (pkg/apis/core/v1/defaults.go, SetDefaults_PodSpec).
    podRestartPolicy: spec.restartPolicy || 'Always',
    initContainers: (spec.initContainers ?? []).map(container),
    containers: (spec.containers ?? []).map(container),
    volumes: ((spec.volumes ?? []) as any[])
      .map((v) => ({ name: v.name, source: Object.keys(v).filter((k) => k !== 'name').sort() }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
