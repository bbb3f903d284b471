import { Annotations } from '../../src/engine/annotations';
import { Finding } from '../../src/engine/finding';
import { NO_DECLARATIONS, PodDeclarations } from '../../src/engine/pod-declarations';
import { ModeOptions } from '../../src/modes/mode-options';
import { SidecarMode } from '../../src/modes/sidecar-mode';
import { ForeignRelation } from '../../src/pipeline/foreign-relations';
import { runPodPipeline } from '../../src/pipeline/pod-pipeline';
import { ruleIds } from '../../src/rules/private/check-pod';
import { podSettingsFromOptions } from '../../src/rules/private/settings-from-options';
import { SidecarRules } from '../../src/rules/sidecar-rules';
import { SidecarRulesOptions } from '../../src/rules/sidecar-rules-options';

/**
 * How one of our workloads would build the example's pod: for the rules reported by a stage of
 * the pod pipeline (sidecar modes, declarations) rather than by a check of a finished manifest.
 */
export interface PipelineExample {
  readonly sidecarMode: SidecarMode;
  readonly modeOptions?: ModeOptions;
  readonly declarations?: PodDeclarations;
  readonly foreign?: ForeignRelation[];
}

/** One real manifest per rule that triggers it, for docs/rules.md. */
export interface RuleExample {
  readonly manifest: any;
  readonly options?: SidecarRulesOptions;
  /** Namespace policies (LimitRange, ResourceQuota) of the same app, checked with the manifest by `checkAll`. */
  readonly policies?: any[];
  /** Build the manifest through the pod pipeline as a workload of ours would (stage rules). */
  readonly pipeline?: PipelineExample;
}

/**
 * The findings of an example: the manifest alone (`check`), after its policies as one app
 * (`checkAll`), or built by the pod pipeline (`runPodPipeline`) as a workload of ours would.
 */
export function exampleFindings(example: RuleExample): Finding[] {
  if (example.pipeline) {
    const p = example.pipeline;
    const settings = { ...podSettingsFromOptions(example.options, ruleIds()), sidecarMode: p.sidecarMode, modeOptions: p.modeOptions ?? {} };
    return runPodPipeline({
      manifest: JSON.parse(JSON.stringify(example.manifest)),
      settings,
      workload: { declarations: p.declarations ?? NO_DECLARATIONS, foreign: p.foreign ?? [] },
    }).findings;
  }
  if (!example.policies) return SidecarRules.check(example.manifest, example.options);
  const all = SidecarRules.checkAll([...example.policies, example.manifest], example.options);
  return all[all.length - 1].findings;
}

const pod = (spec: any, annotations?: Record<string, string>) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'example', ...(annotations ? { annotations } : {}) }, spec });
const deployment = (spec: any) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec } } });
const job = (spec: any) => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'report' }, spec: { template: { spec: { restartPolicy: 'Never', ...spec } } } });
const app = { name: 'app', image: 'example/app:1' };
const req = { resources: { requests: { cpu: '50m', memory: '64Mi' } } };
const proxy = { name: 'proxy', image: 'envoyproxy/envoy:v1.30', restartPolicy: 'Always', ...req };

export const RULE_EXAMPLES: Record<string, RuleExample> = {
  'SC-API-001': { manifest: pod({ initContainers: [{ name: 'setup', image: 'busybox', restartPolicy: 'OnFailure' }], containers: [app] }) },
  'SC-API-002': { manifest: pod({ containers: [{ ...app, restartPolicy: 'Always' }] }) },
  'SC-API-003': { manifest: deployment({ initContainers: [{ name: 'migrate', image: 'example/migrate:1', startupProbe: { tcpSocket: { port: 8080 } } }], containers: [app] }) },
  'SC-API-004': { manifest: pod({ initContainers: [{ ...proxy, livenessProbe: { tcpSocket: { port: 9901 }, successThreshold: 2 } }], containers: [app] }) },
  'SC-API-005': { manifest: pod({ containers: [{ ...app, readinessProbe: { periodSeconds: 5 } }] }) },
  'SC-API-006': { manifest: pod({ containers: [{ ...app, name: 'Log_Shipper' }] }) },
  'SC-API-007': { manifest: pod({ initContainers: [{ ...proxy, name: 'app' }], containers: [app] }) },
  'SC-API-008': { manifest: pod({ initContainers: [{ ...proxy, volumeMounts: [{ name: 'logs', mountPath: '/var/log' }] }], containers: [app] }) },
  'SC-API-009': { manifest: pod({ initContainers: [{ ...proxy, readinessProbe: { httpGet: { path: '/ready', port: 'admin' } } }], containers: [app] }) },
  'SC-API-010': { manifest: pod({ initContainers: [{ ...proxy, resources: { requests: { cpu: '500m', memory: '64Mi' }, limits: { cpu: '250m' } } }], containers: [app] }) },
  'SC-API-011': { manifest: { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'report' }, spec: { template: { spec: { containers: [app] } } } } },
  'SC-API-012': { manifest: deployment({ containers: [{ ...app, image: '', ports: [{ containerPort: 70000 }] }] }) },
  'SC-API-013': { manifest: pod({ initContainers: [{ ...proxy, startupProbe: { tcpSocket: { port: 0 }, periodSeconds: -1 } }], containers: [app] }) },
  'SC-API-014': { manifest: pod({ terminationGracePeriodSeconds: 10, containers: [{ ...app, lifecycle: { preStop: { sleep: { seconds: 15 } }, postStart: { httpGet: { path: '/started' } } } }] }), options: { targetVersion: '1.33' } },
  'SC-API-015': { manifest: pod({ volumes: [{ name: 'logs', emptyDir: {}, hostPath: { path: '/var/log' } }], initContainers: [proxy], containers: [] }) },
  'SC-API-016': { manifest: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: -1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'api' } }, spec: { containers: [app] } } } } },
  'SC-API-017': { manifest: pod({ terminationGracePeriodSeconds: -1, nodeSelector: { 'beta.kubernetes.io/os': 'linux' }, containers: [{ ...app, env: [{ name: 'MODE', value: 'a' }, { name: 'MODE', value: 'b' }] }] }) },
  'SC-ORDER-001': { manifest: pod({ initContainers: [{ name: 'migrate', image: 'example/migrate:1' }, proxy], containers: [app] }, { [Annotations.NEEDS_READY]: '{"migrate":["proxy"]}' }) },
  'SC-ORDER-002': { manifest: pod({ initContainers: [proxy, { name: 'fetch-secrets', image: 'example/fetch:1' }], containers: [app] }, { [Annotations.START_AFTER]: '{"proxy":["fetch-secrets"]}' }) },
  'SC-ORDER-003': { manifest: pod({ initContainers: [{ name: 'logs', image: 'fluent/fluent-bit:3.0', restartPolicy: 'Always', ...req }, proxy], containers: [app] }, { [Annotations.NEEDS_READY]: '{"logs":["proxy"]}' }) },
  'SC-STARTUP-001': { manifest: pod({ initContainers: [proxy], containers: [app] }, { [Annotations.NEEDS_READY]: '{"app":["proxy"]}' }) },
  'SC-READINESS-001': { manifest: deployment({ initContainers: [{ ...proxy, readinessProbe: { httpGet: { path: '/ready', port: 9901 } } }], containers: [app] }) },
  'SC-JOB-001': { manifest: job({ containers: [app, { name: 'logs', image: 'fluent/fluent-bit:3.0' }] }) },
  'SC-PORT-001': { manifest: deployment({ containers: [{ ...app, ports: [{ containerPort: 8080 }] }, { name: 'metrics', image: 'example/metrics:1', ports: [{ containerPort: 8080 }] }] }) },
  'SC-PORT-002': { manifest: pod({ initContainers: [{ ...proxy, ports: [{ name: 'http', containerPort: 15001 }] }], containers: [{ ...app, ports: [{ name: 'http', containerPort: 8080 }] }] }) },
  'SC-PORT-003': { manifest: pod({ initContainers: [{ ...proxy, ports: [{ containerPort: 15001, hostPort: 8080 }] }], containers: [{ ...app, ports: [{ containerPort: 8080, hostPort: 8080 }] }] }), options: { podSecurity: 'none' as any } },
  'SC-TERMINATION-001': { manifest: pod({ initContainers: [proxy], containers: [{ ...app, lifecycle: { preStop: { sleep: { seconds: 25 } } } }] }, { [Annotations.SHUTDOWN_SECONDS]: '{"proxy":10}' }) },
  'SC-VERSION-001': { manifest: pod({ initContainers: [proxy], containers: [app] }), options: { targetVersion: '1.27' } },
  'SC-VERSION-002': { manifest: pod({ resources: { limits: { cpu: '1', memory: '1Gi' } }, containers: [app] }), options: { targetVersion: '1.32' } },
  'SC-VERSION-003': { manifest: { apiVersion: 'batch/v1beta1', kind: 'CronJob', metadata: { name: 'nightly' }, spec: { schedule: '@daily', jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [app] } } } } } }, options: { targetVersion: '1.25' } },
  'SC-PSS-001': { manifest: pod({ initContainers: [{ ...proxy, securityContext: { privileged: true } }], containers: [app] }) },
  'SC-PSS-002': { manifest: pod({ securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } }, initContainers: [proxy], containers: [{ ...app, securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }] }), options: { podSecurity: 'restricted' as any } },
  'SC-RES-001': { manifest: pod({ initContainers: [{ name: 'proxy', image: 'envoyproxy/envoy:v1.30', restartPolicy: 'Always' }], containers: [app] }) },
  'SC-RES-002': {
    manifest: deployment({ initContainers: [{ ...proxy, resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '1Gi' } } }], containers: [app] }),
    policies: [{ apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'container-limits' }, spec: { limits: [{ type: 'Container', max: { memory: '512Mi' } }] } }],
  },
  'SC-RES-003': {
    manifest: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { initContainers: [proxy], containers: [{ ...app, resources: { requests: { cpu: '50m', memory: '64Mi' } } }] } } } },
    policies: [{ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'compute' }, spec: { hard: { 'requests.cpu': '250m' } } }],
  },
  'SC-DECL-001': { manifest: pod({ initContainers: [{ ...proxy, name: 'mesh' }, proxy], containers: [app] }, { [Annotations.START_AFTER]: '{"mesh":["proxy"],"proxy":["mesh"]}' }) },
  'SC-DECL-002': {
    manifest: pod({ initContainers: [{ name: 'log', image: 'fluent/fluent-bit:3.0', restartPolicy: 'Always', ...req }], containers: [app] }),
    pipeline: { sidecarMode: SidecarMode.NATIVE, foreign: [{ relation: 'start-after', from: 'log', to: 'proxy', outside: 'to' }] },
  },
  'SC-MODE-001': { manifest: deployment({ initContainers: [proxy], containers: [app] }), options: { targetVersion: '1.28' }, pipeline: { sidecarMode: SidecarMode.AUTO } },
  'SC-MODE-002': { manifest: job({ initContainers: [proxy], containers: [{ ...app, command: ['/bin/report'] }] }), pipeline: { sidecarMode: SidecarMode.LEGACY } },
  'SC-MODE-003': {
    manifest: deployment({ initContainers: [{ ...proxy, command: ['envoy'] }], containers: [app, { name: 'proxy-twin', image: 'example/other:1' }] }),
    pipeline: { sidecarMode: SidecarMode.UNIVERSAL },
  },
  'SC-MODE-004': { manifest: deployment({ initContainers: [{ ...proxy, command: ['envoy'] }], containers: [app] }), pipeline: { sidecarMode: SidecarMode.UNIVERSAL, modeOptions: { detectionTimeoutSeconds: 0 } } },
  'SC-MODE-005': {
    manifest: deployment({ initContainers: [{ ...proxy, startupProbe: { tcpSocket: { port: 15001 } } }], containers: [app] }),
    pipeline: { sidecarMode: SidecarMode.LEGACY, declarations: { ...NO_DECLARATIONS, needsReady: { app: ['proxy'] } } },
  },
  'SC-ANN-001': { manifest: pod({ containers: [app] }, { [Annotations.NEEDS_READY]: '{"app":["vault-agent"]}' }) },
  'SC-ANN-002': { manifest: pod({ containers: [app] }, { [Annotations.SUPPRESS]: '{"SC-RES-001":"later"}' }) },
};
