import { ctr, DUPLICATE, e, FORBIDDEN, INVALID, NOT_FOUND, NOT_SUPPORTED, podSpec, REQUIRED, SkippedCase, UpstreamCase } from './upstream-case';

/** TestValidateContainers and TestValidateInitContainers (validateContainers, validateInitContainers). */

const T = 'TestValidateContainers';
const TI = 'TestValidateInitContainers';
const tcp80 = { tcpSocket: { port: 80 } };
const resources = (limits?: Record<string, string>, requests?: Record<string, string>) => ({
  resources: { ...(limits ? { limits } : {}), ...(requests ? { requests } : {}) },
});
/** getResources(cpu, memory, "", ""): only the non-empty values. */
const get = (cpu: string, memory: string) => ({ cpu, memory });
/** A pod whose app containers are `containers` (validateContainers with pod restartPolicy Always). */
const apps = (containers: any[]) => podSpec({ containers });
/** A pod with the app "app" (nginx) and `init` (validateInitContainers with pod restartPolicy Never). */
const inits = (init: any[]) => podSpec({ restartPolicy: 'Never', containers: [ctr({ name: 'app', image: 'nginx' })], initContainers: init });
const c = (name: string, extra: Record<string, any> = {}) => ctr({ name, ...extra });

const successContainers = [
  c('abc'),
  // backwards compatibility: containers in pod template specs are not checked for spaces
  c('def', { image: ' ' }),
  c('ghi', { image: ' some  ' }),
  c('123'),
  c('abc-123'),
  c('life-123', { lifecycle: { preStop: { exec: { command: ['ls', '-l'] } } } }),
  c('resources-test', resources({ 'cpu': '10', 'memory': '10G', 'my.org/resource': '10' })),
  c('resources-test-with-request-and-limit', resources({ cpu: '10', memory: '10G' }, { cpu: '10', memory: '10G' })),
  c('resources-request-limit-simple', resources({ cpu: '10' }, { cpu: '8' })),
  c('resources-request-limit-edge', resources({ 'cpu': '10', 'memory': '10G', 'my.org/resource': '10' }, { 'cpu': '10', 'memory': '10G', 'my.org/resource': '10' })),
  c('resources-request-limit-partials', resources({ 'cpu': '10', 'my.org/resource': '10' }, { cpu: '9.5', memory: '10G' })),
  c('resources-request', resources(undefined, { cpu: '9.5', memory: '10G' })),
  c('resources-resize-policy', { resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }, { resourceName: 'memory', restartPolicy: 'RestartContainer' }] }),
  c('same-host-port-different-protocol', { ports: [{ containerPort: 80, hostPort: 80, protocol: 'TCP' }, { containerPort: 80, hostPort: 80, protocol: 'UDP' }] }),
  c('fallback-to-logs-termination-message', { terminationMessagePolicy: 'FallbackToLogsOnError' }),
  c('file-termination-message'),
  c('env-from-source', { envFrom: [{ configMapRef: { name: 'test' } }] }),
  c('abc-1234', { securityContext: { privileged: true } }),
  c('live-123', { livenessProbe: { ...tcp80, successThreshold: 1 } }),
  c('startup-123', { startupProbe: { ...tcp80, successThreshold: 1 } }),
  c('resize-policy-cpu', { resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }] }),
  c('resize-policy-mem', { resizePolicy: [{ resourceName: 'memory', restartPolicy: 'RestartContainer' }] }),
  c('resize-policy-cpu-and-mem', { resizePolicy: [{ resourceName: 'memory', restartPolicy: 'NotRequired' }, { resourceName: 'cpu', restartPolicy: 'RestartContainer' }] }),
];

const negatives = {
  initialDelaySeconds: -1, timeoutSeconds: -1, periodSeconds: -1, successThreshold: -1, failureThreshold: -1, terminationGracePeriodSeconds: -1,
};
const numbersAt = (p: string) => ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold', 'terminationGracePeriodSeconds'].map((f) => e(INVALID, `${p}.${f}`));
const K = 'spec.containers[0]';
const life = (preStop: any) => c('life-123', { lifecycle: { preStop } });

export const CONTAINERS_CASES: UpstreamCase[] = [
  { test: T, name: 'successCase (23 containers validated together)', spec: apps(successContainers), errors: [] },
  { test: T, name: 'zero-length name', spec: apps([c('')]), errors: [e(REQUIRED, `${K}.name`)] },
  { test: T, name: 'zero-length-image', spec: apps([c('abc', { image: '' })]), errors: [e(REQUIRED, `${K}.image`)] },
  { test: T, name: 'name > 63 characters', spec: apps([c('a'.repeat(64))]), errors: [e(INVALID, `${K}.name`)] },
  { test: T, name: 'name not a DNS label', spec: apps([c('a.b.c')]), errors: [e(INVALID, `${K}.name`, 'must not contain dots')] },
  { test: T, name: 'name not unique', spec: apps([c('abc'), c('abc')]), errors: [e(DUPLICATE, 'spec.containers[1].name')] },
  { test: T, name: 'zero-length image', spec: apps([c('abc', { image: '' })]), errors: [e(REQUIRED, `${K}.image`)] },
  {
    test: T,
    name: 'host port not unique',
    spec: apps([c('abc', { ports: [{ containerPort: 80, hostPort: 80, protocol: 'TCP' }] }), c('def', { ports: [{ containerPort: 81, hostPort: 80, protocol: 'TCP' }] })]),
    errors: [e(DUPLICATE, 'spec.containers[1].ports[0].hostPort')],
  },
  { test: T, name: 'invalid env var name', spec: apps([c('abc', { env: [{ name: 'ev!1' }] })]), errors: [e(INVALID, `${K}.env[0].name`)] },
  { test: T, name: 'unknown volume name', spec: apps([c('abc', { volumeMounts: [{ name: 'anything', mountPath: '/foo' }] })]), errors: [e(NOT_FOUND, `${K}.volumeMounts[0].name`)] },
  { test: T, name: 'invalid lifecycle, no exec command.', spec: apps([life({ exec: {} })]), errors: [e(REQUIRED, `${K}.lifecycle.preStop.exec.command`)] },
  { test: T, name: 'invalid lifecycle, no http path.', spec: apps([life({ httpGet: { port: 80, scheme: 'HTTP' } })]), errors: [e(REQUIRED, `${K}.lifecycle.preStop.httpGet.path`)] },
  { test: T, name: 'invalid lifecycle, no http port.', spec: apps([life({ httpGet: { path: '/', scheme: 'HTTP' } })]), errors: [e(INVALID, `${K}.lifecycle.preStop.httpGet.port`)] },
  { test: T, name: 'invalid lifecycle, no http scheme.', spec: apps([life({ httpGet: { path: '/', port: 80 } })]), errors: [e(NOT_SUPPORTED, `${K}.lifecycle.preStop.httpGet.scheme`)] },
  { test: T, name: 'invalid lifecycle, no tcp socket port.', spec: apps([life({ tcpSocket: {} })]), errors: [e(INVALID, `${K}.lifecycle.preStop.tcpSocket.port`)] },
  { test: T, name: 'invalid lifecycle, zero tcp socket port.', spec: apps([life({ tcpSocket: { port: 0 } })]), errors: [e(INVALID, `${K}.lifecycle.preStop.tcpSocket.port`)] },
  { test: T, name: 'invalid lifecycle, no action.', spec: apps([life({})]), errors: [e(REQUIRED, `${K}.lifecycle.preStop`)] },
  {
    test: T,
    name: 'invalid readiness probe, terminationGracePeriodSeconds set.',
    spec: apps([c('life-123', { readinessProbe: { ...tcp80, terminationGracePeriodSeconds: 10 } })]),
    errors: [e(INVALID, `${K}.readinessProbe.terminationGracePeriodSeconds`)],
  },
  { test: T, name: 'invalid liveness probe, no tcp socket port.', spec: apps([c('live-123', { livenessProbe: { tcpSocket: {}, successThreshold: 1 } })]), errors: [e(INVALID, `${K}.livenessProbe.tcpSocket.port`)] },
  { test: T, name: 'invalid liveness probe, no action.', spec: apps([c('live-123', { livenessProbe: { successThreshold: 1 } })]), errors: [e(REQUIRED, `${K}.livenessProbe`)] },
  { test: T, name: 'invalid liveness probe, successThreshold != 1', spec: apps([c('live-123', { livenessProbe: { ...tcp80, successThreshold: 2 } })]), errors: [e(INVALID, `${K}.livenessProbe.successThreshold`)] },
  { test: T, name: 'invalid startup probe, successThreshold != 1', spec: apps([c('startup-123', { startupProbe: { ...tcp80, successThreshold: 2 } })]), errors: [e(INVALID, `${K}.startupProbe.successThreshold`)] },
  {
    test: T,
    name: 'invalid liveness probe, negative numbers',
    spec: apps([c('live-123', { livenessProbe: { ...tcp80, ...negatives } })]),
    errors: [...numbersAt(`${K}.livenessProbe`), e(INVALID, `${K}.livenessProbe.successThreshold`)],
  },
  {
    test: T,
    name: 'invalid readiness probe, negative numbers',
    spec: apps([c('ready-123', { readinessProbe: { ...tcp80, ...negatives } })]),
    errors: [...numbersAt(`${K}.readinessProbe`), e(INVALID, `${K}.readinessProbe.terminationGracePeriodSeconds`, 'must not be set for readinessProbes')],
  },
  {
    test: T,
    name: 'invalid startup probe, negative numbers',
    spec: apps([c('startup-123', { startupProbe: { ...tcp80, ...negatives } })]),
    errors: [...numbersAt(`${K}.startupProbe`), e(INVALID, `${K}.startupProbe.successThreshold`)],
  },
  { test: T, name: 'invalid message termination policy', spec: apps([c('life-123', { terminationMessagePolicy: 'Unknown' })]), errors: [e(NOT_SUPPORTED, `${K}.terminationMessagePolicy`)] },
  { test: T, name: 'empty message termination policy', spec: apps([c('life-123', { terminationMessagePolicy: '' })]), errors: [e(REQUIRED, `${K}.terminationMessagePolicy`)] },
  {
    test: T,
    name: 'invalid compute resource',
    spec: apps([c('abc-123', resources({ disk: '10G' }))]),
    errors: [e(INVALID, `${K}.resources.limits[disk]`, 'must be a standard resource type or fully qualified'), e(INVALID, `${K}.resources.limits[disk]`, 'must be a standard resource for containers')],
  },
  { test: T, name: 'Resource CPU invalid', spec: apps([c('abc-123', resources(get('-10', '0')))]), errors: [e(INVALID, `${K}.resources.limits[cpu]`)] },
  { test: T, name: 'Resource Requests CPU invalid', spec: apps([c('abc-123', resources(undefined, get('-10', '0')))]), errors: [e(INVALID, `${K}.resources.requests[cpu]`)] },
  { test: T, name: 'Resource Memory invalid', spec: apps([c('abc-123', resources(get('0', '-10')))]), errors: [e(INVALID, `${K}.resources.limits[memory]`)] },
  { test: T, name: 'Request limit simple invalid', spec: apps([c('abc-123', resources(get('5', '3'), get('6', '3')))]), errors: [e(INVALID, `${K}.resources.requests`, 'must be less than or equal to cpu limit of 5')] },
  {
    test: T,
    name: 'Invalid storage limit request',
    spec: apps([c('abc-123', resources({ 'attachable-volumes-aws-ebs': '10' }))]),
    errors: [e(INVALID, `${K}.resources.limits[attachable-volumes-aws-ebs]`), e(INVALID, `${K}.resources.limits[attachable-volumes-aws-ebs]`)],
  },
  { test: T, name: 'CPU request limit multiple invalid', spec: apps([c('abc-123', resources(get('5', '3'), get('6', '3')))]), errors: [e(INVALID, `${K}.resources.requests`)] },
  { test: T, name: 'Memory request limit multiple invalid', spec: apps([c('abc-123', resources(get('5', '3'), get('5', '4')))]), errors: [e(INVALID, `${K}.resources.requests`, 'must be less than or equal to memory limit of 3')] },
  { test: T, name: 'Invalid env from', spec: apps([c('env-from-source', { envFrom: [{ configMapRef: { name: '$%^&*#' } }] })]), errors: [e(INVALID, `${K}.envFrom[0].configMapRef.name`)] },
  { test: T, name: 'Unsupported resize policy for memory', spec: apps([c('resize-policy-mem-invalid', { resizePolicy: [{ resourceName: 'memory', restartPolicy: 'RestartContainerrrr' }] })]), errors: [e(NOT_SUPPORTED, `${K}.resizePolicy`)] },
  { test: T, name: 'Unsupported resize policy for CPU', spec: apps([c('resize-policy-cpu-invalid', { resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'RestartNotRequired' }] })]), errors: [e(NOT_SUPPORTED, `${K}.resizePolicy`)] },
  ...['Always', 'OnFailure', 'Never', 'invalid', ''].map((p): UpstreamCase => ({
    test: T, name: `Forbidden RestartPolicy: ${p === '' ? 'empty' : p}`, spec: apps([c('foo', { restartPolicy: p })]), errors: [e(FORBIDDEN, `${K}.restartPolicy`, 'may not be set for non-init containers')],
  })),
];

const I = 'spec.initContainers[0]';
const sidecar = (name: string, extra: Record<string, any>) => c(name, { restartPolicy: 'Always', ...extra });
const sideLife = (preStop: any) => sidecar('life-123', { lifecycle: { preStop } });

export const INIT_CONTAINERS_CASES: UpstreamCase[] = [
  {
    test: TI,
    name: 'successCase (4 init containers, AllowSidecarResizePolicy)',
    options: { allowSidecarResizePolicy: true },
    spec: inits([
      c('container-1-same-host-port-different-protocol', { ports: [{ containerPort: 80, hostPort: 80, protocol: 'TCP' }, { containerPort: 80, hostPort: 80, protocol: 'UDP' }] }),
      c('container-2-same-host-port-different-protocol', { ports: [{ containerPort: 80, hostPort: 80, protocol: 'TCP' }, { containerPort: 80, hostPort: 80, protocol: 'UDP' }] }),
      sidecar('container-3-restart-always-with-lifecycle-hook-and-probes', {
        lifecycle: { postStart: { exec: { command: ['echo', 'post start'] } }, preStop: { exec: { command: ['echo', 'pre stop'] } } },
        livenessProbe: { ...tcp80, successThreshold: 1 },
        readinessProbe: tcp80,
        startupProbe: { ...tcp80, successThreshold: 1 },
      }),
      c('container-4-allowed-resize-policy', { resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }] }),
    ]),
    errors: [],
  },
  { test: TI, name: 'empty name', spec: inits([c('')]), errors: [e(REQUIRED, `${I}.name`)] },
  { test: TI, name: 'name collision with regular container', spec: inits([c('app')]), errors: [e(DUPLICATE, `${I}.name`)] },
  { test: TI, name: 'invalid termination message policy', spec: inits([c('init', { terminationMessagePolicy: 'Unknown' })]), errors: [e(NOT_SUPPORTED, `${I}.terminationMessagePolicy`)] },
  { test: TI, name: 'duplicate names', spec: inits([c('init'), c('init')]), errors: [e(DUPLICATE, 'spec.initContainers[1].name')] },
  {
    test: TI,
    name: 'duplicate ports',
    spec: inits([c('abc', { ports: [{ containerPort: 8080, hostPort: 8080, protocol: 'TCP' }, { containerPort: 8080, hostPort: 8080, protocol: 'TCP' }] })]),
    errors: [e(DUPLICATE, `${I}.ports[1].hostPort`)],
  },
  { test: TI, name: 'uses disallowed field: Lifecycle', spec: inits([c('debug', { lifecycle: { preStop: { exec: { command: ['ls', '-l'] } } } })]), errors: [e(FORBIDDEN, `${I}.lifecycle`)] },
  { test: TI, name: 'uses disallowed field: LivenessProbe', spec: inits([c('debug', { livenessProbe: { ...tcp80, successThreshold: 1 } })]), errors: [e(FORBIDDEN, `${I}.livenessProbe`)] },
  { test: TI, name: 'uses disallowed field: ReadinessProbe', spec: inits([c('debug', { readinessProbe: tcp80 })]), errors: [e(FORBIDDEN, `${I}.readinessProbe`)] },
  { test: TI, name: 'Container uses disallowed field: StartupProbe', spec: inits([c('debug', { startupProbe: { ...tcp80, successThreshold: 1 } })]), errors: [e(FORBIDDEN, `${I}.startupProbe`)] },
  {
    test: TI,
    name: 'Disallowed field with other errors should only return a single Forbidden',
    spec: inits([c('debug', { startupProbe: { ...tcp80, ...negatives } })]),
    errors: [e(FORBIDDEN, `${I}.startupProbe`)],
  },
  ...['OnFailure', 'Never', 'invalid', ''].map((p): UpstreamCase => ({
    test: TI, name: `Not supported RestartPolicy: ${p === '' ? 'empty' : p}`, spec: inits([c('init', { restartPolicy: p })]), errors: [e(NOT_SUPPORTED, `${I}.restartPolicy`, 'supported values: "Always"')],
  })),
  {
    test: TI,
    name: 'invalid startup probe in restartable container, successThreshold != 1',
    spec: inits([sidecar('restartable-init', { startupProbe: { ...tcp80, successThreshold: 2 } })]),
    errors: [e(INVALID, `${I}.startupProbe.successThreshold`)],
  },
  {
    test: TI,
    name: 'invalid readiness probe, terminationGracePeriodSeconds set.',
    spec: inits([sidecar('life-123', { readinessProbe: { ...tcp80, terminationGracePeriodSeconds: 10 } })]),
    errors: [e(INVALID, `${I}.readinessProbe.terminationGracePeriodSeconds`)],
  },
  {
    test: TI,
    name: 'invalid liveness probe, successThreshold != 1',
    spec: inits([sidecar('live-123', { livenessProbe: { ...tcp80, successThreshold: 2 } })]),
    errors: [e(INVALID, `${I}.livenessProbe.successThreshold`)],
  },
  { test: TI, name: 'invalid lifecycle, no exec command.', spec: inits([sideLife({ exec: {} })]), errors: [e(REQUIRED, `${I}.lifecycle.preStop.exec.command`)] },
  { test: TI, name: 'invalid lifecycle, no http path.', spec: inits([sideLife({ httpGet: { port: 80, scheme: 'HTTP' } })]), errors: [e(REQUIRED, `${I}.lifecycle.preStop.httpGet.path`)] },
  { test: TI, name: 'invalid lifecycle, no http port.', spec: inits([sideLife({ httpGet: { path: '/', scheme: 'HTTP' } })]), errors: [e(INVALID, `${I}.lifecycle.preStop.httpGet.port`)] },
  { test: TI, name: 'invalid lifecycle, no http scheme.', spec: inits([sideLife({ httpGet: { path: '/', port: 80 } })]), errors: [e(NOT_SUPPORTED, `${I}.lifecycle.preStop.httpGet.scheme`)] },
  { test: TI, name: 'invalid lifecycle, no tcp socket port.', spec: inits([sideLife({ tcpSocket: {} })]), errors: [e(INVALID, `${I}.lifecycle.preStop.tcpSocket.port`)] },
  { test: TI, name: 'invalid lifecycle, zero tcp socket port.', spec: inits([sideLife({ tcpSocket: { port: 0 } })]), errors: [e(INVALID, `${I}.lifecycle.preStop.tcpSocket.port`)] },
  { test: TI, name: 'invalid lifecycle, no action.', spec: inits([sideLife({})]), errors: [e(REQUIRED, `${I}.lifecycle.preStop`)] },
  {
    test: TI,
    name: 'Not supported ResizePolicy: invalid',
    spec: inits([c('init', { resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }] })]),
    errors: [e(INVALID, `${I}.resizePolicy`, 'must not be set for init containers')],
  },
];

export const CONTAINERS_SKIPPED: SkippedCase[] = [
  {
    test: T,
    name: 'privilege disabled',
    reason: 'depends on the kube-apiserver flag --allow-privileged (a cluster setting, not the pod); privileged containers are judged by Pod Security (SC-PSS-001)',
  },
];
