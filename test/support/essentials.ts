/**
 * What "agrees with the seed" means for our examples (issue: kinds, container names and order,
 * restartPolicy values, commands, probes, volumes and mounts). Everything else, such as the
 * cdk8s-plus security context or our annotations, may differ.
 */
import { PodManifest } from '../../src/engine/pod-manifest';

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

export function essentials(manifest: any): Essentials {
  const pod = PodManifest.from(manifest);
  if (!pod) throw new Error(`not a pod-bearing manifest: ${JSON.stringify(manifest).slice(0, 200)}`);
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
    kind: pod.kind,
    name: pod.metadata.name,
    podRestartPolicy: pod.effectiveRestartPolicy,
    initContainers: (pod.podSpec.initContainers ?? []).map(container),
    containers: (pod.podSpec.containers ?? []).map(container),
    volumes: ((pod.podSpec.volumes ?? []) as any[])
      .map((v) => ({ name: v.name, source: Object.keys(v).filter((k) => k !== 'name').sort() }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
