import { PipelineExample } from './rule-examples';
import { Annotations } from '../../src/engine/annotations';
import { NO_DECLARATIONS } from '../../src/engine/pod-declarations';
import { SidecarMode } from '../../src/modes/sidecar-mode';
import { SidecarRulesOptions } from '../../src/rules/sidecar-rules-options';

/**
 * A near-miss of a rule: a manifest a real API server accepts and that runs as intended, that
 * looks like what the rule catches (same fields, one detail different). "False positives are
 * the worst bug": the rule must say nothing about it, and no rule may call it an error.
 * Checked through `exampleFindings` like the triggering examples of `RULE_EXAMPLES`.
 */
export interface Lookalike {
  /** Short title, unique within its rule. */
  readonly name: string;
  /** One sentence: why Kubernetes accepts it, and where that is decided. */
  readonly why: string;
  readonly manifest: any;
  readonly options?: SidecarRulesOptions;
  /** Namespace policies (LimitRange, ResourceQuota) of the same app, checked with the manifest by `checkAll`. */
  readonly policies?: any[];
  /** Build the manifest through the pod pipeline as a workload of ours would (stage rules). */
  readonly pipeline?: PipelineExample;
}

const meta = (name: string, annotations?: Record<string, string>) => ({ name, ...(annotations ? { annotations } : {}) });
const pod = (spec: any, annotations?: Record<string, string>) => ({ apiVersion: 'v1', kind: 'Pod', metadata: meta('web-0', annotations), spec });
const template = (spec: any, annotations?: Record<string, string>) => ({
  metadata: { labels: { app: 'web' }, ...(annotations ? { annotations } : {}) },
  spec,
});
const deployment = (spec: any, annotations?: Record<string, string>) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: meta('web'),
  spec: { selector: { matchLabels: { app: 'web' } }, template: template(spec, annotations) },
});
const daemonSet = (spec: any) => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: meta('node-agent'),
  spec: { selector: { matchLabels: { app: 'web' } }, template: template(spec) },
});
const job = (spec: any, annotations?: Record<string, string>) => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: meta('report'),
  spec: { backoffLimit: 2, template: { ...(annotations ? { metadata: { annotations } } : {}), spec: { restartPolicy: 'Never', ...spec } } },
});
const cronJob = (apiVersion: string, spec: any) => ({
  apiVersion,
  kind: 'CronJob',
  metadata: meta('nightly'),
  spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', ...spec } } } } },
});

const requests = { requests: { cpu: '50m', memory: '64Mi' } };
const req = { resources: requests };
const app = { name: 'app', image: 'example/app:1.4', ...req };
const report = { name: 'report', image: 'example/report:2.1', command: ['/bin/report', '--since=24h'], ...req };
const proxy = { name: 'proxy', image: 'envoyproxy/envoy:v1.30', restartPolicy: 'Always', ...req };
const startupProbe = { tcpSocket: { port: 15001 }, periodSeconds: 1, failureThreshold: 30 };
/** A proxy others may need ready: it says when it serves. */
const readyProxy = { ...proxy, ports: [{ name: 'proxy-http', containerPort: 15001 }], startupProbe };
const logShipper = { name: 'log-shipper', image: 'fluent/fluent-bit:3.0', restartPolicy: 'Always', ...req };
const migrate = { name: 'migrate', image: 'example/migrate:1.4', command: ['/bin/migrate', 'up'], ...req };
const fetchSecrets = { name: 'fetch-secrets', image: 'example/fetch-secrets:0.9', ...req };
const NEEDS_READY = Annotations.NEEDS_READY;
const START_AFTER = Annotations.START_AFTER;
/** Pod Security "none": a hostPort is a baseline violation (SC-PSS-001), not what these look-alikes are about. */
const NO_PSS = { podSecurity: 'none' as any };
/** 58 characters: its UNIVERSAL twin `<name>-twin` is exactly 63, the longest DNS-1123 label. */
const NAME_58 = 'opentelemetry-collector-contrib-payments-eu-west-1-shard07';
/** 63 characters, the longest DNS-1123 label. */
const NAME_63 = 'opentelemetry-collector-contrib-payments-eu-west-1-canary-shard';
const limitRange = (name: string, limits: any[]) => ({ apiVersion: 'v1', kind: 'LimitRange', metadata: { name }, spec: { limits } });
const quota = (name: string, spec: any) => ({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name }, spec });

/**
 * At least one look-alike per registered rule id (test/rules/lookalikes.test.ts checks the keys
 * against `allRules()`): the near-misses of `RULE_EXAMPLES`.
 */
export const RULE_LOOKALIKES: Record<string, Lookalike[]> = {
  'SC-API-001': [
    {
      name: 'init container with restartPolicy Always (a native sidecar)',
      why: 'validation.go validateInitContainers/validateInitContainerRestartPolicy accept Always, the one value that makes an init container a ' +
        'sidecar (on by default from 1.29).',
      manifest: deployment({ initContainers: [proxy], containers: [app] }),
    },
    {
      name: 'retries set by the Pod restartPolicy OnFailure, not on the init container',
      why: 'validateRestartPolicy accepts OnFailure on the PodSpec, which decides how a failed regular init container is retried; the init ' +
        'container leaves restartPolicy unset.',
      manifest: job({ restartPolicy: 'OnFailure', initContainers: [{ ...migrate, name: 'setup' }], containers: [report] }),
    },
  ],
  'SC-API-002': [
    {
      name: 'the restartPolicy Always container moved to initContainers',
      why: 'validation.go validateInitContainers accepts restartPolicy Always on an init container (a native sidecar); validateContainers only ' +
        'forbids it on app containers.',
      manifest: pod({ initContainers: [logShipper], containers: [app] }),
    },
    {
      name: 'restartPolicy Never on the Pod, none on the app container',
      why: 'validateRestartPolicy accepts Never on the PodSpec of a bare Pod; the per-container field stays unset, so validateContainers has ' +
        'nothing to forbid.',
      manifest: pod({ restartPolicy: 'Never', containers: [report] }),
    },
  ],
  'SC-API-003': [
    {
      name: 'startupProbe on a sidecar init container',
      why: 'validation.go validateInitContainers validates probes as for app containers when restartPolicy is Always, and forbids them only on ' +
        'regular init containers.',
      manifest: deployment({ initContainers: [readyProxy], containers: [app] }),
    },
    {
      name: 'preStop hook on a sidecar init container',
      why: 'validateInitContainers allows lifecycle on an init container with restartPolicy Always; the sleep action is on by default from 1.30 ' +
        '(PodLifecycleSleepAction).',
      manifest: deployment({ initContainers: [{ ...logShipper, lifecycle: { preStop: { sleep: { seconds: 5 } } } }], containers: [app] }),
      options: { targetVersion: '1.30' },
    },
    {
      name: 'readinessProbe on the app container after a regular init container',
      why: 'validateContainers accepts probes on app containers; the regular init container migrate carries none, so validateInitContainers has ' +
        'nothing to forbid.',
      manifest: deployment({
        initContainers: [migrate],
        containers: [{ ...app, ports: [{ name: 'http', containerPort: 8080 }], readinessProbe: { httpGet: { path: '/ready', port: 'http' } } }],
      }),
    },
  ],
  'SC-API-004': [
    {
      name: 'readinessProbe successThreshold 3',
      why: 'validation.go validateReadinessProbe allows any successThreshold >= 1; only validateLivenessProbe and validateStartupProbe require 1.',
      manifest: deployment({ containers: [{ ...app, readinessProbe: { httpGet: { path: '/ready', port: 8080 }, successThreshold: 3 } }] }),
    },
    {
      name: 'livenessProbe successThreshold 0 on a sidecar (defaulted to 1)',
      why: 'core/v1 SetDefaults_Probe turns a successThreshold of 0 into 1 before validateLivenessProbe runs, so the stored probe has 1.',
      manifest: deployment({ initContainers: [{ ...proxy, livenessProbe: { tcpSocket: { port: 15001 }, successThreshold: 0 } }], containers: [app] }),
    },
  ],
  'SC-API-005': [
    {
      name: 'grpc probe: one handler',
      why: 'validation.go validateHandler counts exactly one of exec, httpGet, tcpSocket, grpc; a grpc-only probe is valid (GRPCContainerProbe GA ' +
        'since 1.27).',
      manifest: deployment({ containers: [{ ...app, readinessProbe: { grpc: { port: 9090 }, periodSeconds: 5 } }] }),
    },
    {
      name: 'preStop hook with only the sleep action',
      why: 'validateLifecycle/validateHandler count sleep as a lifecycle handler where PodLifecycleSleepAction is on (default from 1.30), so sleep ' +
        'alone is one handler.',
      manifest: deployment({ containers: [{ ...app, lifecycle: { preStop: { sleep: { seconds: 10 } } } }] }),
      options: { targetVersion: '1.30' },
    },
    {
      name: 'httpGet probe with scheme, host header and port: still one handler',
      why: 'The extra fields belong to the one httpGet action (validateHTTPGetAction), so validateHandler sees exactly one handler.',
      manifest: deployment({
        containers: [{
          ...app,
          livenessProbe: { httpGet: { path: '/healthz', port: 8443, scheme: 'HTTPS', httpHeaders: [{ name: 'Host', value: 'web.local' }] } },
        }],
      }),
    },
  ],
  'SC-API-006': [
    {
      name: 'container name starting with a digit',
      why: 'validateContainerCommon checks IsDNS1123Label, which (unlike DNS-1035) allows a leading digit.',
      manifest: deployment({ initContainers: [{ ...proxy, name: '1password-connect', image: '1password/connect-api:1.7' }], containers: [app] }),
    },
    {
      name: 'container name of exactly 63 characters',
      why: 'IsDNS1123Label allows at most 63 characters, so a 63-character lower-case name with dashes is valid.',
      manifest: deployment({
        initContainers: [{ ...logShipper, name: NAME_63, image: 'otel/opentelemetry-collector-contrib:0.98.0' }],
        containers: [app],
      }),
    },
  ],
  'SC-API-007': [
    {
      name: 'a volume with the same name as the sidecar that mounts it',
      why: 'validation.go checks container names against containers only (validateInitContainers, validateContainers); volume names are a separate ' +
        'set (ValidateVolumes).',
      manifest: deployment({
        volumes: [{ name: 'proxy', configMap: { name: 'envoy-config' } }],
        initContainers: [{ ...proxy, volumeMounts: [{ name: 'proxy', mountPath: '/etc/envoy' }] }],
        containers: [app],
      }),
    },
    {
      name: 'init step and sidecar from the same image under different names',
      why: 'Names must be unique across init and app containers (validateInitContainers), images need not be: proxy-init and proxy are two ' +
        'containers.',
      manifest: deployment({
        initContainers: [
          { ...proxy, name: 'proxy-init', restartPolicy: undefined, command: ['envoy', '--mode', 'validate', '-c', '/etc/envoy/envoy.yaml'] },
          proxy,
        ],
        containers: [app],
      }),
    },
  ],
  'SC-API-008': [
    {
      name: 'StatefulSet sidecar mounting a volumeClaimTemplates volume',
      why: 'The StatefulSet controller adds a volume per volumeClaimTemplates entry to each pod (updateStorage), so the mount names a volume of ' +
        'the created pod.',
      manifest: {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: meta('db'),
        spec: {
          serviceName: 'db',
          selector: { matchLabels: { app: 'web' } },
          template: template({
            initContainers: [{ ...logShipper, volumeMounts: [{ name: 'data', mountPath: '/var/lib/db', readOnly: true }] }],
            containers: [{ ...app, volumeMounts: [{ name: 'data', mountPath: '/var/lib/db' }] }],
          }),
          volumeClaimTemplates: [
            { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } } },
          ],
        },
      },
    },
    {
      name: 'mount of a volume declared with a name only (defaulted to emptyDir)',
      why: 'core/v1 SetDefaults_Volume makes a volume without any source an emptyDir, so ValidateVolumes accepts it and ValidateVolumeMounts finds ' +
        'it.',
      manifest: deployment({
        volumes: [{ name: 'logs' }],
        initContainers: [{ ...logShipper, volumeMounts: [{ name: 'logs', mountPath: '/var/log/app', readOnly: true }] }],
        containers: [{ ...app, volumeMounts: [{ name: 'logs', mountPath: '/var/log/app' }] }],
      }),
    },
  ],
  'SC-API-009': [
    {
      name: 'sidecar probing a port name it declares itself',
      why: 'The kubelet resolves a named probe port among the probed container\'s own ports (prober.go findPortByName), where admin is declared.',
      manifest: deployment({
        initContainers: [{ ...proxy, ports: [{ name: 'admin', containerPort: 9901 }], startupProbe: { httpGet: { path: '/ready', port: 'admin' } } }],
        containers: [app],
      }),
    },
    {
      name: 'sidecar probing a port number it does not declare',
      why: 'A numeric probe port needs no declaration: the kubelet connects to it directly (findPortByName is only for names), and ports[] is ' +
        'informational.',
      manifest: deployment({ initContainers: [{ ...proxy, startupProbe: { httpGet: { path: '/ready', port: 9901 } } }], containers: [app] }),
    },
  ],
  'SC-API-010': [
    {
      name: 'request equal to the limit, written in other units',
      why: 'ValidateContainerResourceRequirements compares quantities by value (Quantity.Cmp): 250m equals 0.25 and 128Mi equals 134217728.',
      manifest: deployment({
        initContainers: [{ ...proxy, resources: { requests: { cpu: '250m', memory: '128Mi' }, limits: { cpu: '0.25', memory: '134217728' } } }],
        containers: [app],
      }),
    },
    {
      name: 'extended resource with a limit only',
      why: 'core/v1 defaulting copies limits into missing requests, so nvidia.com/gpu gets request = limit, which ' +
        'ValidateContainerResourceRequirements requires of extended resources.',
      manifest: deployment({
        containers: [{ ...app, resources: { requests: { cpu: '1', memory: '4Gi' }, limits: { 'nvidia.com/gpu': '1', 'memory': '4Gi' } } }],
      }),
    },
    {
      name: 'quantities written as JSON numbers',
      why: 'resource.Quantity unmarshals JSON numbers as well as strings, so cpu: 0.5 and memory: 134217728 are the quantities 500m and 128Mi.',
      manifest: deployment({
        initContainers: [{ ...proxy, resources: { requests: { cpu: 0.5, memory: 134217728 }, limits: { cpu: 1, memory: 268435456 } } }],
        containers: [app],
      }),
    },
    {
      name: 'hugepages as a whole number of pages, with memory',
      why: 'validateResourceRequirements accepts hugepages-2Mi: 4Mi (two pages) with request = limit next to a memory figure.',
      manifest: deployment({
        containers: [{
          ...app,
          resources: {
            requests: { 'cpu': '500m', 'memory': '256Mi', 'hugepages-2Mi': '4Mi' },
            limits: { 'memory': '256Mi', 'hugepages-2Mi': '4Mi' },
          },
        }],
      }),
    },
  ],
  'SC-API-011': [
    {
      name: 'Job with restartPolicy OnFailure',
      why: 'batch validation.go ValidateJobSpec (validateJobTemplate) accepts OnFailure and Never for the Job\'s pod template.',
      manifest: job({ restartPolicy: 'OnFailure', containers: [report] }),
    },
    {
      name: 'native sidecar with restartPolicy Always in a Job whose Pod policy is Never',
      why: 'The sidecar\'s restartPolicy is a container field (validateInitContainers); ValidateJobSpec only reads the PodSpec restartPolicy, ' +
        'which is Never.',
      manifest: job({ initContainers: [proxy], containers: [report] }),
    },
    {
      name: 'Indexed Job with a podFailurePolicy and Pod restartPolicy Never',
      why: 'ValidateJobSpec requires restartPolicy Never when podFailurePolicy is set, which this pod template has; completions and parallelism ' +
        'are not negative.',
      manifest: {
        ...job({ initContainers: [proxy], containers: [report] }),
        spec: {
          ...job({ initContainers: [proxy], containers: [report] }).spec,
          completionMode: 'Indexed',
          completions: 3,
          parallelism: 3,
          podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { containerName: 'report', operator: 'In', values: [42] } }] },
        },
      },
    },
  ],
  'SC-API-012': [
    {
      name: 'image without a tag',
      why: 'validateContainerCommon only requires a non-empty image; SetDefaults_Container gives an untagged image imagePullPolicy Always.',
      manifest: deployment({ containers: [{ ...app, image: 'nginx' }] }),
    },
    {
      name: 'image by digest only',
      why: 'A digest reference is a valid non-empty image; the default pull policy is IfNotPresent because the tag is not latest ' +
        '(SetDefaults_Container).',
      manifest: deployment({
        initContainers: [{ ...proxy, image: 'envoyproxy/envoy@sha256:4e6e6e5a1bd6c9be3fa3ad0c9d2fc4ab2e7d47c2e25b42fb0b9e0a3c9cc3f3a1' }],
        containers: [app],
      }),
    },
    {
      name: 'env names with dots',
      why: 'ValidateEnv\'s strict check IsEnvVarName ([-._a-zA-Z][-._a-zA-Z0-9]*) has always allowed dots, so spring.profiles.active is valid in ' +
        'every version.',
      manifest: deployment({
        containers: [{ ...app, env: [{ name: 'spring.profiles.active', value: 'prod' }, { name: 'server.port', value: '8080' }] }],
      }),
    },
    {
      name: 'env name with a colon from 1.32',
      why: 'ValidateEnv uses IsRelaxedEnvVarName (printable ASCII but =) where RelaxedEnvironmentVariableValidation is on, by default from 1.32.',
      manifest: deployment({ containers: [{ ...app, env: [{ name: 'ConnectionStrings:Default', value: 'Host=db;Database=web' }] }] }),
      options: { targetVersion: '1.32' },
    },
    {
      name: 'env from a pod label through the downward API',
      why: 'validateObjectFieldSelector accepts a subscripted metadata.labels[...] or metadata.annotations[...] fieldRef in env, with a qualified ' +
        'key.',
      manifest: deployment({
        containers: [{ ...app, env: [{ name: 'APP_NAME', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app.kubernetes.io/name']" } } }] }],
      }),
    },
    {
      name: 'same port number over TCP and UDP in one container',
      why: 'validateContainerPorts accepts a port once per protocol; TCP and UDP on 53 are two ports (the API server does not even warn, its key ' +
        'is port/protocol).',
      manifest: deployment({
        containers: [{
          ...app,
          name: 'dns',
          image: 'coredns/coredns:1.11.1',
          ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }, { name: 'dns-tcp', containerPort: 53 }],
        }],
      }),
    },
  ],
  'SC-API-013': [
    {
      name: 'httpGet probe without path',
      why: 'core/v1 SetDefaults_HTTPGetAction sets path "/" (and scheme HTTP) before validateHTTPGetAction requires one.',
      manifest: deployment({ initContainers: [{ ...proxy, livenessProbe: { httpGet: { port: 9901 } } }], containers: [app] }),
    },
    {
      name: 'zero timings and thresholds (defaulted)',
      why: 'SetDefaults_Probe turns 0 into timeoutSeconds 1, periodSeconds 10, successThreshold 1 and failureThreshold 3; validateProbe only ' +
        'rejects negatives.',
      manifest: deployment({
        containers: [{
          ...app,
          readinessProbe: { tcpSocket: { port: 8080 }, initialDelaySeconds: 0, timeoutSeconds: 0, periodSeconds: 0, failureThreshold: 0 },
        }],
      }),
    },
    {
      name: 'probe-level terminationGracePeriodSeconds on a livenessProbe',
      why: 'validateProbe allows a positive probe-level terminationGracePeriodSeconds on liveness and startup probes (ProbeTerminationGracePeriod ' +
        'GA in 1.28); only readiness rejects it.',
      manifest: deployment({
        containers: [{ ...app, livenessProbe: { httpGet: { path: '/healthz', port: 8080 }, terminationGracePeriodSeconds: 10 } }],
      }),
    },
  ],
  'SC-API-014': [
    {
      name: 'httpGet postStart hook without path',
      why: 'SetDefaults_HTTPGetAction applies to lifecycle handlers too: the path becomes "/" before validateLifecycle checks it, and the port is ' +
        'set.',
      manifest: deployment({
        containers: [{ ...app, ports: [{ name: 'http', containerPort: 8080 }], lifecycle: { postStart: { httpGet: { port: 8080 } } } }],
      }),
    },
    {
      name: 'sleep 0 preStop from 1.33',
      why: 'validateSleepAction accepts 0 seconds where PodLifecycleSleepActionAllowZero is on (beta, default from 1.33).',
      manifest: deployment({ containers: [{ ...app, lifecycle: { preStop: { sleep: { seconds: 0 } } } }] }),
      options: { targetVersion: '1.33' },
    },
    {
      name: 'preStop sleep equal to the grace period',
      why: 'validateSleepAction rejects seconds > terminationGracePeriodSeconds only; 30 equals the default grace period of 30.',
      manifest: deployment({ containers: [{ ...app, lifecycle: { preStop: { sleep: { seconds: 30 } } } }] }),
      options: { targetVersion: '1.30' },
    },
  ],
  'SC-API-015': [
    {
      name: 'projected volume with several sources',
      why: 'A projected volume is one volume source (validateProjectedVolumeSource) whose sources list may combine configMap, secret and ' +
        'serviceAccountToken.',
      manifest: deployment({
        volumes: [{
          name: 'envoy-config',
          projected: {
            sources: [
              { configMap: { name: 'envoy-config' } },
              { secret: { name: 'envoy-certs' } },
              { serviceAccountToken: { path: 'token', audience: 'vault', expirationSeconds: 3600 } },
            ],
          },
        }],
        initContainers: [{ ...proxy, volumeMounts: [{ name: 'envoy-config', mountPath: '/etc/envoy', readOnly: true }] }],
        containers: [app],
      }),
    },
    {
      name: 'CSI inline and generic ephemeral volumes',
      why: 'csi (with a driver) and ephemeral (with a volumeClaimTemplate) are volume sources of their own (validateVolumeSource), one per volume.',
      manifest: deployment({
        volumes: [
          { name: 'secrets', csi: { driver: 'secrets-store.csi.k8s.io', readOnly: true, volumeAttributes: { secretProviderClass: 'vault' } } },
          {
            name: 'scratch',
            ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } },
          },
        ],
        containers: [{
          ...app,
          volumeMounts: [{ name: 'secrets', mountPath: '/mnt/secrets', readOnly: true }, { name: 'scratch', mountPath: '/scratch' }],
        }],
      }),
    },
    {
      name: 'dnsPolicy None with nameservers',
      why: 'validatePodDNSConfig requires at least one nameserver when dnsPolicy is None, and accepts up to 3 with searches and options.',
      manifest: deployment({
        dnsPolicy: 'None',
        dnsConfig: {
          nameservers: ['10.96.0.10'],
          searches: ['web.svc.cluster.local', 'svc.cluster.local'],
          options: [{ name: 'ndots', value: '2' }],
        },
        containers: [app],
      }),
    },
  ],
  'SC-API-016': [
    {
      name: 'Deployment scaled to 0 with a matchExpressions selector',
      why: 'apps validation.go ValidateDeploymentSpec allows replicas 0 (only negatives are rejected) and a selector that matches the template ' +
        'labels by expression.',
      manifest: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: meta('web'),
        spec: {
          replicas: 0,
          selector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'web-canary'] }] },
          template: { metadata: { labels: { app: 'web', track: 'stable' } }, spec: { initContainers: [proxy], containers: [app] } },
        },
      },
    },
    {
      name: 'rolling update with maxUnavailable 0 and maxSurge 1',
      why: 'ValidateRollingUpdateDeployment rejects maxUnavailable 0 only together with maxSurge 0.',
      manifest: {
        ...deployment({ initContainers: [proxy], containers: [app] }),
        spec: {
          ...deployment({ initContainers: [proxy], containers: [app] }).spec,
          replicas: 3,
          strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
        },
      },
    },
    {
      name: 'CronJob with a schedule and no job selector',
      why: 'batch validation.go ValidateCronJobSpec requires a schedule and lets the controller generate the job selector; concurrencyPolicy ' +
        'defaults to Allow.',
      manifest: cronJob('batch/v1', { initContainers: [proxy], containers: [report] }),
    },
  ],
  'SC-API-017': [
    {
      name: 'nodeSelector on the GA label kubernetes.io/os',
      why: 'pkg/api/pod/warnings.go warns only on the deprecated beta.kubernetes.io labels; kubernetes.io/os is the GA label.',
      manifest: deployment({ nodeSelector: { 'kubernetes.io/os': 'linux' }, initContainers: [proxy], containers: [app] }),
    },
    {
      name: 'env var redefined in terms of itself',
      why: 'warnings.go does not warn on a repeated env name whose later value references the earlier one, e.g. $(JAVA_OPTS) -XX:+UseG1GC.',
      manifest: deployment({
        containers: [{ ...app, env: [{ name: 'JAVA_OPTS', value: '-Xmx512m' }, { name: 'JAVA_OPTS', value: '$(JAVA_OPTS) -XX:+UseG1GC' }] }],
      }),
    },
    {
      name: 'terminationGracePeriodSeconds 0',
      why: 'warnings.go warns only on a negative grace period; 0 is valid and means an immediate kill.',
      manifest: deployment({ terminationGracePeriodSeconds: 0, containers: [app] }),
    },
  ],
  'SC-ORDER-001': [
    {
      name: 'init step declared after the sidecar it needs',
      why: 'The kubelet starts init containers in declaration order and starts migrate once the sidecar proxy declared before it is started ' +
        '(KEP-753).',
      manifest: pod({ initContainers: [readyProxy, migrate], containers: [app] }, { [NEEDS_READY]: '{"migrate":["proxy"]}' }),
    },
    {
      name: 'app container needing a sidecar declared after a regular init step',
      why: 'App containers start only after every init container has completed or, for sidecars, started, so the position of proxy among init ' +
        'containers does not matter.',
      manifest: pod({ initContainers: [migrate, readyProxy], containers: [app] }, { [NEEDS_READY]: '{"app":["proxy"]}' }),
    },
  ],
  'SC-ORDER-002': [
    {
      name: 'sidecar starting after a step declared before it',
      why: 'Init containers start in declaration order (kubelet computeInitContainerActions), so proxy starts after fetch-secrets has completed.',
      manifest: pod({ initContainers: [fetchSecrets, readyProxy], containers: [app] }, { [START_AFTER]: '{"proxy":["fetch-secrets"]}' }),
    },
    {
      name: 'init step starting after a sidecar declared before it',
      why: 'A regular init container declared after a sidecar starts once the sidecar has started (KEP-753), which is what start-after says.',
      manifest: pod({ initContainers: [readyProxy, migrate], containers: [app] }, { [START_AFTER]: '{"migrate":["proxy"]}' }),
    },
  ],
  'SC-ORDER-003': [
    {
      name: 'log shipper declared after the proxy it sends through',
      why: 'Sidecars start in declaration order and stop in reverse (KEP-753, kuberuntime termination ordering), so log-shipper starts after and ' +
        'stops before proxy.',
      manifest: pod({ initContainers: [readyProxy, logShipper], containers: [app] }, { [NEEDS_READY]: '{"log-shipper":["proxy"]}' }),
    },
    {
      name: 'app container needing two sidecars declared in either order',
      why: 'Both sidecars are started before any app container and stopped after all of them; their relative order matters only if one uses the ' +
        'other.',
      manifest: pod({ initContainers: [{ ...logShipper, startupProbe: { tcpSocket: { port: 2020 } } }, readyProxy], containers: [app] },
        { [NEEDS_READY]: '{"app":["log-shipper","proxy"]}' }),
    },
  ],
  'SC-DECL-001': [
    {
      name: 'diamond of start-after declarations',
      why: 'The kubelet runs init containers in list order; a diamond (two steps after one, a fourth after both) is a partial order the list ' +
        'satisfies.',
      manifest: pod({
        initContainers: [
          fetchSecrets,
          { ...fetchSecrets, name: 'render-config', image: 'example/render:1.0' },
          migrate,
          { ...fetchSecrets, name: 'warm-cache', image: 'example/warm-cache:1.0' },
        ],
        containers: [app],
      }, { [START_AFTER]: '{"render-config":["fetch-secrets"],"migrate":["fetch-secrets"],"warm-cache":["render-config","migrate"]}' }),
    },
    {
      name: 'start-after and needs-ready pointing the same way',
      why: 'proxy starts after fetch-secrets and migrate after proxy: a chain in list order, which the kubelet runs one by one.',
      manifest: pod({ initContainers: [fetchSecrets, readyProxy, migrate], containers: [app] },
        { [START_AFTER]: '{"proxy":["fetch-secrets"]}', [NEEDS_READY]: '{"migrate":["proxy"]}' }),
    },
  ],
  'SC-DECL-002': [
    {
      name: 'relations between containers of the same workload',
      why: 'The kubelet orders and waits for containers of one pod only; every declared relation names an init step or sidecar of this pod.',
      manifest: deployment({ initContainers: [fetchSecrets, readyProxy], containers: [app] }),
      pipeline: {
        sidecarMode: SidecarMode.NATIVE,
        declarations: { ...NO_DECLARATIONS, startAfter: { proxy: ['fetch-secrets'] }, needsReady: { app: ['proxy'] } },
        foreign: [],
      },
    },
  ],
  'SC-STARTUP-001': [
    {
      name: 'needed sidecar with a startupProbe',
      why: 'The kubelet starts the next container once the sidecar\'s startupProbe has succeeded (KEP-753), so app waits until proxy serves.',
      manifest: deployment({ initContainers: [readyProxy], containers: [app] }, { [NEEDS_READY]: '{"app":["proxy"]}' }),
    },
    {
      name: 'sidecar without startupProbe that nobody needs ready',
      why: 'A log shipper that no container waits for may start serving whenever it likes; nothing depends on the kubelet waiting for it.',
      manifest: deployment({ initContainers: [logShipper], containers: [app] }),
    },
  ],
  'SC-READINESS-001': [
    {
      name: 'sidecar with startup and liveness probes but no readinessProbe',
      why: 'Only a sidecar\'s readinessProbe counts towards Pod Ready (KEP-753); startup and liveness probes gate start and restarts, not Service ' +
        'endpoints.',
      manifest: deployment({
        initContainers: [{ ...readyProxy, livenessProbe: { tcpSocket: { port: 15001 }, periodSeconds: 10 } }],
        containers: [app],
      }),
    },
    {
      name: 'readinessProbe on the app container next to a sidecar',
      why: 'The app\'s own readinessProbe is the usual gate of Pod Ready; the sidecar next to it has none.',
      manifest: deployment({ initContainers: [proxy], containers: [{ ...app, readinessProbe: { httpGet: { path: '/ready', port: 8080 } } }] }),
    },
  ],
  'SC-JOB-001': [
    {
      name: 'Job with the log shipper as a native sidecar',
      why: 'A Job completes when its regular containers have exited; the kubelet then stops native sidecars (KEP-753, "Jobs with sidecar ' +
        'containers").',
      manifest: job({ initContainers: [logShipper], containers: [report] }),
    },
    {
      name: 'Job with a tail -F log follower as a native sidecar',
      why: 'A command that never exits is what a native sidecar is for: the kubelet stops it once the Job\'s regular containers have exited ' +
        '(KEP-753).',
      manifest: job({
        initContainers: [{ ...logShipper, name: 'log-tail', image: 'busybox:1.36', command: ['tail', '-F', '/var/log/report/report.log'] }],
        containers: [report],
      }),
    },
    {
      name: 'Job with two finite containers, one sleeping a bounded time',
      why: 'Both regular containers exit on their own (sleep 30, then an upload), so the Job controller sees the pod succeed.',
      manifest: job({
        containers: [
          report,
          { name: 'upload', image: 'amazon/aws-cli:2.15.0', command: ['sh', '-c', 'sleep 30 && aws s3 cp /out/report.csv s3://reports/'], ...req },
        ],
      }),
    },
    {
      name: 'Envoy as a regular container of a Deployment',
      why: 'A Deployment keeps its pods running (restartPolicy Always), so a long-running proxy next to the app is what it expects.',
      manifest: deployment({ containers: [app, { ...proxy, restartPolicy: undefined }] }),
    },
  ],
  'SC-PORT-001': [
    {
      name: 'same port number over TCP and UDP',
      why: 'warnings.go keys declared ports by containerPort/protocol, so 9125/UDP and 9125/TCP of statsd-exporter are two distinct ports.',
      manifest: deployment({
        initContainers: [{
          ...proxy,
          name: 'statsd-exporter',
          image: 'prom/statsd-exporter:v0.26.0',
          ports: [
            { name: 'statsd-udp', containerPort: 9125, protocol: 'UDP' },
            { name: 'statsd-tcp', containerPort: 9125 },
            { name: 'metrics', containerPort: 9102 },
          ],
        }],
        containers: [{ ...app, ports: [{ name: 'http', containerPort: 8080 }] }],
      }),
    },
    {
      name: 'sidecar and app on different ports',
      why: 'Each containerPort/protocol is declared once in the pod, so warnings.go has nothing to say.',
      manifest: deployment({
        initContainers: [{ ...proxy, ports: [{ name: 'proxy-http', containerPort: 15001 }] }],
        containers: [{ ...app, ports: [{ name: 'http', containerPort: 8080 }] }],
      }),
    },
  ],
  'SC-PORT-002': [
    {
      name: 'port names unique in the pod',
      why: 'validateContainerPorts requires unique names per container; http and proxy-http are also unique across the pod, so a Service ' +
        'targetPort is unambiguous.',
      manifest: deployment({
        initContainers: [{ ...proxy, ports: [{ name: 'proxy-http', containerPort: 15001 }, { name: 'proxy-admin', containerPort: 9901 }] }],
        containers: [{ ...app, ports: [{ name: 'http', containerPort: 8080 }] }],
      }),
    },
    {
      name: 'unnamed sidecar ports next to a named app port',
      why: 'Port names are optional (validateContainerPorts checks them only when set), so unnamed ports cannot clash.',
      manifest: deployment({
        initContainers: [{ ...proxy, ports: [{ containerPort: 15001 }, { containerPort: 9901 }] }],
        containers: [{ ...app, ports: [{ name: 'http', containerPort: 8080 }] }],
      }),
    },
  ],
  'SC-PORT-003': [
    {
      name: 'sidecar and app on the same hostPort, different protocols',
      why: 'checkHostPortConflicts (AccumulateUniqueHostPorts) keys host ports by protocol/hostIP/hostPort, and the node binds 8125/UDP and ' +
        '8125/TCP separately.',
      manifest: daemonSet({
        initContainers: [{
          ...proxy,
          name: 'statsd',
          image: 'prom/statsd-exporter:v0.26.0',
          ports: [{ containerPort: 9125, hostPort: 8125, protocol: 'UDP' }],
        }],
        containers: [{ ...app, ports: [{ containerPort: 8080, hostPort: 8125 }] }],
      }),
      options: NO_PSS,
    },
    {
      name: 'regular init container and app container on the same hostPort',
      why: 'validation.go checks each init container\'s host ports alone: a regular init container has exited before the app containers start, so ' +
        'they never bind at once.',
      manifest: daemonSet({
        initContainers: [{ ...migrate, name: 'preflight', ports: [{ containerPort: 8081, hostPort: 8080 }] }],
        containers: [{ ...app, ports: [{ containerPort: 8080, hostPort: 8080 }] }],
      }),
      options: NO_PSS,
    },
    {
      name: 'regular init container declared before a sidecar on the same hostPort',
      why: 'The sidecar starts only after the regular init container declared before it has completed (KEP-753), so the two never bind the ' +
        'hostPort at once.',
      manifest: daemonSet({
        initContainers: [
          { ...migrate, name: 'preflight', ports: [{ containerPort: 15002, hostPort: 15001 }] },
          { ...proxy, ports: [{ containerPort: 15001, hostPort: 15001 }] },
        ],
        containers: [app],
      }),
      options: NO_PSS,
    },
  ],
  'SC-TERMINATION-001': [
    {
      name: 'grace period raised to fit preStop and sidecar shutdown',
      why: 'kuberuntime killContainer: app preStop 25 s, then proxy gets SIGTERM and needs 10 s, 35 s in all within terminationGracePeriodSeconds ' +
        '45.',
      manifest: pod({
        terminationGracePeriodSeconds: 45,
        initContainers: [proxy],
        containers: [{ ...app, lifecycle: { preStop: { sleep: { seconds: 25 } } } }],
      }, { [Annotations.SHUTDOWN_SECONDS]: '{"proxy":10}' }),
      options: { targetVersion: '1.30' },
    },
    {
      name: 'app and sidecar preStop hooks that overlap',
      why: 'killContainer runs every container\'s preStop hook at once when termination begins, so 20 s + 20 s of hooks plus 5 s of shutdown end ' +
        'at 25 s, within 30.',
      manifest: pod({
        initContainers: [{ ...proxy, lifecycle: { preStop: { sleep: { seconds: 20 } } } }],
        containers: [{ ...app, lifecycle: { preStop: { sleep: { seconds: 20 } } } }],
      }, { [Annotations.SHUTDOWN_SECONDS]: '{"proxy":5}' }),
      options: { targetVersion: '1.30' },
    },
    {
      name: 'shutdown sequence ending exactly at the grace period',
      why: 'Both hooks end at 25 s, proxy then needs 5 s and exits at 30 s, the default terminationGracePeriodSeconds, before the kubelet\'s ' +
        'SIGKILL.',
      manifest: pod({
        initContainers: [{ ...proxy, lifecycle: { preStop: { sleep: { seconds: 25 } } } }],
        containers: [{ ...app, lifecycle: { preStop: { sleep: { seconds: 25 } } } }],
      }, { [Annotations.SHUTDOWN_SECONDS]: '{"proxy":5}' }),
      options: { targetVersion: '1.30' },
    },
  ],
  'SC-VERSION-001': [
    {
      name: 'native sidecar on 1.33',
      why: 'SidecarContainers is on by default from 1.29 and GA in 1.33, so restartPolicy Always on an init container is a sidecar there.',
      manifest: deployment({ initContainers: [proxy], containers: [app] }),
      options: { targetVersion: '1.33' },
    },
    {
      name: 'helper as a regular container on 1.27',
      why: 'Before native sidecars a helper runs as a regular container next to the app, which every version supports.',
      manifest: deployment({ containers: [app, { ...logShipper, restartPolicy: undefined }] }),
      options: { targetVersion: '1.27' },
    },
  ],
  'SC-VERSION-002': [
    {
      name: 'pod-level resources on 1.34',
      why: 'PodLevelResources is beta and on by default from 1.34, so validatePodResourceRequirements accepts spec.resources with cpu and memory.',
      manifest: deployment({
        resources: { requests: { cpu: '500m', memory: '512Mi' }, limits: { cpu: '1', memory: '1Gi' } },
        initContainers: [proxy],
        containers: [app],
      }),
      options: { targetVersion: '1.34' },
    },
    {
      name: 'container-level resources on 1.32',
      why: 'Per-container requests and limits exist in every version; spec.resources is left unset.',
      manifest: deployment({
        initContainers: [proxy],
        containers: [{ ...app, resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { memory: '512Mi' } } }],
      }),
      options: { targetVersion: '1.32' },
    },
  ],
  'SC-VERSION-003': [
    {
      name: 'batch/v1 CronJob on 1.25',
      why: 'batch/v1 CronJob is served from 1.21 (deprecation guide), so it is the version 1.25 serves after removing batch/v1beta1.',
      manifest: cronJob('batch/v1', { containers: [report] }),
      options: { targetVersion: '1.25' },
    },
    {
      name: 'batch/v1beta1 CronJob on 1.24',
      why: 'batch/v1beta1 CronJob is deprecated but still served up to 1.24 and removed only in 1.25 (deprecation guide).',
      manifest: cronJob('batch/v1beta1', { containers: [report] }),
      options: { targetVersion: '1.24' },
    },
    {
      name: 'apps/v1 Deployment on 1.16',
      why: '1.16 stopped serving the beta workload APIs, but apps/v1 is served since 1.9.',
      manifest: deployment({ containers: [app] }),
      options: { targetVersion: '1.16' },
    },
  ],
  'SC-MODE-001': [
    {
      name: 'AUTO on 1.29 emits native sidecars',
      why: 'AUTO resolves to NATIVE from 1.29, where SidecarContainers is on by default, so nothing is converted.',
      manifest: deployment({ initContainers: [proxy], containers: [app] }),
      options: { targetVersion: '1.29' },
      pipeline: { sidecarMode: SidecarMode.AUTO },
    },
    {
      name: 'LEGACY chosen explicitly on 1.28',
      why: 'An explicit LEGACY emits the sidecar as a regular container, valid on a 1.28 cluster without the SidecarContainers gate, and is the ' +
        'user\'s choice rather than AUTO\'s.',
      manifest: deployment({ initContainers: [proxy], containers: [app] }),
      options: { targetVersion: '1.28' },
      pipeline: { sidecarMode: SidecarMode.LEGACY },
    },
    {
      name: 'AUTO on 1.28 for a pod without sidecars',
      why: 'A pod with only a regular init container has nothing for AUTO to convert; regular init containers work on every version.',
      manifest: deployment({ initContainers: [migrate], containers: [app] }),
      options: { targetVersion: '1.28' },
      pipeline: { sidecarMode: SidecarMode.AUTO },
    },
  ],
  'SC-MODE-002': [
    {
      name: 'LEGACY in a Deployment, sidecar without a command',
      why: 'In a long-running pod LEGACY only moves the sidecar to containers without wrapping it, so the image\'s own entrypoint runs, as in any ' +
        'container.',
      manifest: deployment({ initContainers: [proxy], containers: [app] }),
      pipeline: { sidecarMode: SidecarMode.LEGACY },
    },
    {
      name: 'LEGACY in a Job with explicit commands',
      why: 'The completion protocol wraps the given argv of report and proxy in sh, which the wrapped commands then exec as before.',
      manifest: job({ initContainers: [{ ...proxy, command: ['envoy', '-c', '/etc/envoy/envoy.yaml'] }], containers: [report] }),
      pipeline: { sidecarMode: SidecarMode.LEGACY },
    },
  ],
  'SC-MODE-003': [
    {
      name: 'LEGACY in a Deployment with a volume named sidecar-lifecycle',
      why: 'LEGACY adds its marker-file volume only in run-to-completion pods, so in a Deployment the pod\'s own volume of that name stays free of ' +
        'clashes.',
      manifest: deployment({
        volumes: [{ name: 'sidecar-lifecycle', emptyDir: {} }],
        initContainers: [proxy],
        containers: [{ ...app, volumeMounts: [{ name: 'sidecar-lifecycle', mountPath: '/run/sidecar-lifecycle' }] }],
      }),
      pipeline: { sidecarMode: SidecarMode.LEGACY },
    },
    {
      name: 'UNIVERSAL with a 58-character sidecar name',
      why: 'The regular twin <name>-twin is then 63 characters, the longest name IsDNS1123Label accepts.',
      manifest: deployment({
        initContainers: [{ ...logShipper, name: NAME_58, command: ['/fluent-bit/bin/fluent-bit', '-c', '/fluent-bit/etc/fluent-bit.conf'] }],
        containers: [app],
      }),
      pipeline: { sidecarMode: SidecarMode.UNIVERSAL },
    },
  ],
  'SC-MODE-004': [
    {
      name: 'UNIVERSAL with timeouts at their bounds',
      why: 'A detection timeout of 3600 s and a stop timeout of 0 s are the documented limits of the protocol options, which the scripts take as ' +
        'plain numbers.',
      manifest: deployment({ initContainers: [{ ...proxy, command: ['envoy', '-c', '/etc/envoy/envoy.yaml'] }], containers: [app] }),
      pipeline: { sidecarMode: SidecarMode.UNIVERSAL, modeOptions: { detectionTimeoutSeconds: 3600, stopTimeoutSeconds: 0 } },
    },
    {
      name: 'NATIVE with a custom lifecycleMountPath',
      why: 'An absolute path without spaces, ":" or "$" is a valid mountPath; NATIVE checks it and leaves the pod as written.',
      manifest: deployment({ initContainers: [proxy], containers: [app] }),
      pipeline: { sidecarMode: SidecarMode.NATIVE, modeOptions: { lifecycleMountPath: '/run/cdk8s-lifecycle' } },
    },
  ],
  'SC-MODE-005': [
    {
      name: 'LEGACY keeps a sidecar\'s startupProbe when nothing relies on it',
      why: 'A startupProbe is valid on the regular container the sidecar becomes (validateContainers); only declared relations to a sidecar are ' +
        'lost in LEGACY.',
      manifest: deployment({ initContainers: [readyProxy], containers: [app] }),
      pipeline: { sidecarMode: SidecarMode.LEGACY },
    },
    {
      name: 'LEGACY keeps start-after between regular init containers declared before the sidecar',
      why: 'Regular init containers still run first and in order in LEGACY, so migrate still starts after fetch-secrets.',
      manifest: deployment({ initContainers: [fetchSecrets, migrate, proxy], containers: [app] }),
      pipeline: { sidecarMode: SidecarMode.LEGACY, declarations: { ...NO_DECLARATIONS, startAfter: { migrate: ['fetch-secrets'] } } },
    },
  ],
  'SC-PSS-001': [
    {
      name: 'sidecar adding NET_BIND_SERVICE',
      why: 'The baseline Pod Security Standard allows adding the capabilities of its default set, NET_BIND_SERVICE included ' +
        '(pod-security-admission baseline checks).',
      manifest: deployment({
        initContainers: [{
          ...proxy,
          ports: [{ name: 'http', containerPort: 80 }],
          securityContext: { capabilities: { add: ['NET_BIND_SERVICE'] } },
        }],
        containers: [app],
      }),
    },
    {
      name: 'RuntimeDefault seccomp and a safe sysctl',
      why: 'Baseline forbids Unconfined seccomp and unsafe sysctls only; net.ipv4.ip_unprivileged_port_start is in the safe set (kubelet and ' +
        'pod-security-admission).',
      manifest: deployment({
        securityContext: { seccompProfile: { type: 'RuntimeDefault' }, sysctls: [{ name: 'net.ipv4.ip_unprivileged_port_start', value: '0' }] },
        initContainers: [proxy],
        containers: [app],
      }),
    },
  ],
  'SC-PSS-002': [
    {
      name: 'restricted settings on the pod, per-container hardening on every container, sidecar included',
      why: 'restricted accepts runAsNonRoot and seccomp from the pod securityContext, and allowPrivilegeEscalation false and drop ALL (plus ' +
        'NET_BIND_SERVICE) per container.',
      manifest: deployment({
        securityContext: { runAsNonRoot: true, runAsUser: 101, seccompProfile: { type: 'RuntimeDefault' } },
        initContainers: [{
          ...proxy,
          securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } },
        }],
        containers: [{ ...app, securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }],
      }),
      options: { podSecurity: 'restricted' as any },
    },
    {
      name: 'restricted settings per container with a Localhost seccomp profile and allowed volume types',
      why: 'restricted accepts Localhost seccomp and runAsNonRoot set on each container, and emptyDir, secret and projected volumes.',
      manifest: deployment({
        volumes: [{ name: 'tmp', emptyDir: {} }, { name: 'certs', secret: { secretName: 'envoy-certs' } }],
        initContainers: [{
          ...proxy,
          volumeMounts: [{ name: 'certs', mountPath: '/etc/envoy/certs', readOnly: true }],
          securityContext: {
            runAsNonRoot: true,
            allowPrivilegeEscalation: false,
            capabilities: { drop: ['ALL'] },
            seccompProfile: { type: 'Localhost', localhostProfile: 'profiles/envoy.json' },
          },
        }],
        containers: [{
          ...app,
          volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
          securityContext: {
            runAsNonRoot: true,
            allowPrivilegeEscalation: false,
            capabilities: { drop: ['ALL'] },
            seccompProfile: { type: 'RuntimeDefault' },
          },
        }],
      }),
      options: { podSecurity: 'restricted' as any },
    },
  ],
  'SC-RES-001': [
    {
      name: 'sidecar with limits only',
      why: 'core/v1 defaulting copies a container\'s limits into its missing requests, so the scheduler reserves 100m and 128Mi for the sidecar.',
      manifest: deployment({ initContainers: [{ ...proxy, resources: { limits: { cpu: '100m', memory: '128Mi' } } }], containers: [app] }),
    },
    {
      name: 'regular init container without requests',
      why: 'A regular init container has exited before the app starts; its requests only count while it runs, when it is alone with earlier ' +
        'sidecars.',
      manifest: deployment({ initContainers: [{ ...migrate, resources: undefined }, proxy], containers: [app] }),
    },
  ],
  'SC-RES-002': [
    {
      name: 'sidecar limit at the Container max, app filled by the defaults',
      why: 'LimitRanger (admission.go) writes default and defaultRequest into containers without figures, then accepts a limit equal to max ' +
        '(maxConstraint rejects only greater ones).',
      manifest: deployment({
        initContainers: [{ ...proxy, resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '512Mi' } } }],
        containers: [{ ...app, resources: undefined }],
      }),
      policies: [limitRange('container-limits', [{
        type: 'Container',
        max: { memory: '512Mi' },
        default: { memory: '256Mi' },
        defaultRequest: { memory: '64Mi' },
      }])],
    },
    {
      name: 'LimitRange with only a Container max, containers without limits',
      why: 'SetDefaults_LimitRangeItem makes max the default limit (and defaultRequest), so LimitRanger gives every container without a limit ' +
        'exactly the max.',
      manifest: deployment({ initContainers: [proxy], containers: [{ ...app, resources: undefined }] }),
      policies: [limitRange('container-max', [{ type: 'Container', max: { memory: '512Mi' } }])],
    },
    {
      name: 'Pod max: a regular init container counts alone, not on top of the app',
      why: 'LimitRanger\'s podLimits take max(app containers + sidecars, each init container + the sidecars before it): 800Mi, not the 1312Mi sum, ' +
        'within 1Gi.',
      manifest: deployment({
        initContainers: [
          { ...migrate, resources: { requests: { cpu: '100m', memory: '800Mi' }, limits: { memory: '800Mi' } } },
          { ...proxy, resources: { requests: { cpu: '50m', memory: '256Mi' }, limits: { memory: '256Mi' } } },
        ],
        containers: [{ ...app, resources: { requests: { cpu: '50m', memory: '256Mi' }, limits: { memory: '256Mi' } } }],
      }),
      policies: [limitRange('pod-limits', [{ type: 'Pod', max: { memory: '1Gi' } }])],
    },
  ],
  'SC-RES-003': [
    {
      name: 'two replicas within the quota, sidecar counted',
      why: 'pkg/quota/v1/evaluator/core/pods.go charges each pod its effective requests, 100m with the sidecar, so two pods use 200m of the 250m ' +
        'hard limit.',
      manifest: {
        ...deployment({ initContainers: [proxy], containers: [app] }),
        spec: { ...deployment({ initContainers: [proxy], containers: [app] }).spec, replicas: 2 },
      },
      policies: [quota('compute', { hard: { 'requests.cpu': '250m' } })],
    },
    {
      name: 'LimitRange defaultRequest fills the figures the quota requires',
      why: 'LimitRanger runs before ResourceQuota admission and writes defaultRequest into the init container that states none, so pods.go ' +
        'Constraints finds the figures.',
      manifest: deployment({ initContainers: [{ ...migrate, resources: undefined }, proxy], containers: [app] }),
      policies: [
        limitRange('defaults', [{ type: 'Container', defaultRequest: { cpu: '100m', memory: '128Mi' } }]),
        quota('compute', { hard: { 'requests.cpu': '2', 'requests.memory': '2Gi' } }),
      ],
    },
    {
      name: 'BestEffort-scoped quota and a Burstable pod',
      why: 'A quota scoped to BestEffort tracks only pods without requests or limits (pods.go podMatchesScopeFunc), and this pod has requests.',
      manifest: deployment({ initContainers: [proxy], containers: [app] }),
      policies: [quota('no-best-effort', { hard: { pods: '0' }, scopes: ['BestEffort'] })],
    },
  ],
  'SC-ANN-001': [
    {
      name: 'relations and shutdown seconds naming containers of the pod',
      why: 'Annotations are free-form strings for the API server (ValidateAnnotations checks keys and total size); these are JSON objects naming ' +
        'existing containers.',
      manifest: deployment({ initContainers: [readyProxy], containers: [app] },
        { [NEEDS_READY]: '{"app":["proxy"]}', [Annotations.SHUTDOWN_SECONDS]: '{"proxy":5}' }),
    },
    {
      name: 'pretty-printed JSON relation',
      why: 'Whitespace and newlines are valid JSON and any annotation value is accepted by ValidateAnnotations, e.g. a YAML block scalar.',
      manifest: deployment({ initContainers: [fetchSecrets, readyProxy], containers: [app] },
        { [START_AFTER]: '{\n  "proxy": [\n    "fetch-secrets"\n  ]\n}\n' }),
    },
  ],
  'SC-ANN-002': [
    {
      name: 'suppression of a known rule with a reason',
      why: 'The annotation is an ordinary string for the API server (ValidateAnnotations); it names SC-RES-001 with a reason of more than 10 ' +
        'characters.',
      manifest: deployment({ initContainers: [{ ...proxy, resources: undefined }], containers: [app] },
        { [Annotations.SUPPRESS]: '{"SC-RES-001":"sized by the mesh operator"}' }),
    },
    {
      name: 'reason of exactly 10 characters',
      why: '"mesh-gated" has 10 characters, the minimum; the API server accepts any annotation value.',
      manifest: deployment({ initContainers: [{ ...readyProxy, readinessProbe: { tcpSocket: { port: 15001 } } }], containers: [app] },
        { [Annotations.SUPPRESS]: '{"SC-READINESS-001":"mesh-gated"}' }),
    },
  ],
};
