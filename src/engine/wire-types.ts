/**
 * The parts of the Kubernetes wire format (JSON as in YAML, camelCase field names) that the
 * engine reads. Internal: the public API takes `any` because a manifest from a file may hold
 * anything, so every reader must check types before trusting a field.
 *
 * See https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface ResourceRequirementsJson {
  readonly limits?: Record<string, string | number>;
  readonly requests?: Record<string, string | number>;
}

export interface ProbeJson {
  readonly exec?: { command?: string[] };
  readonly httpGet?: { path?: string; port?: number | string; host?: string; scheme?: string };
  readonly tcpSocket?: { port?: number | string; host?: string };
  readonly grpc?: { port?: number; service?: string };
  readonly initialDelaySeconds?: number;
  readonly timeoutSeconds?: number;
  readonly periodSeconds?: number;
  readonly successThreshold?: number;
  readonly failureThreshold?: number;
  readonly terminationGracePeriodSeconds?: number;
}

export interface LifecycleHandlerJson {
  readonly exec?: { command?: string[] };
  readonly httpGet?: { path?: string; port?: number | string };
  readonly tcpSocket?: { port?: number | string };
  readonly sleep?: { seconds?: number };
}

export interface ContainerPortJson {
  readonly name?: string;
  readonly containerPort?: number;
  readonly hostPort?: number;
  readonly hostIP?: string;
  readonly protocol?: string;
}

export interface ContainerJson {
  readonly name?: string;
  readonly image?: string;
  readonly command?: string[];
  readonly args?: string[];
  readonly ports?: ContainerPortJson[];
  readonly env?: Array<{ name?: string; value?: string }>;
  readonly resources?: ResourceRequirementsJson;
  readonly volumeMounts?: Array<{ name?: string; mountPath?: string; readOnly?: boolean; subPath?: string }>;
  readonly livenessProbe?: ProbeJson;
  readonly readinessProbe?: ProbeJson;
  readonly startupProbe?: ProbeJson;
  readonly lifecycle?: { postStart?: LifecycleHandlerJson; preStop?: LifecycleHandlerJson; stopSignal?: string };
  readonly restartPolicy?: string;
  readonly restartPolicyRules?: unknown[];
  readonly securityContext?: Record<string, any>;
  readonly [other: string]: unknown;
}

export interface PodSpecJson {
  readonly containers?: ContainerJson[];
  readonly initContainers?: ContainerJson[];
  readonly ephemeralContainers?: ContainerJson[];
  readonly volumes?: Array<{ name?: string; [source: string]: unknown }>;
  readonly restartPolicy?: string;
  readonly terminationGracePeriodSeconds?: number;
  readonly overhead?: Record<string, string | number>;
  readonly resources?: ResourceRequirementsJson;
  readonly securityContext?: Record<string, any>;
  readonly hostNetwork?: boolean;
  readonly hostPID?: boolean;
  readonly hostIPC?: boolean;
  readonly [other: string]: unknown;
}

export interface ObjectMetaJson {
  readonly name?: string;
  readonly namespace?: string;
  readonly labels?: Record<string, string>;
  readonly annotations?: Record<string, string>;
}

/** True for a plain JSON object (not null, not an array). */
export function isObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
