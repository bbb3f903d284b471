/**
 * Cases ported as data (input -> expected error type and field) from
 * kubernetes/kubernetes `pkg/apis/core/validation/validation_test.go` (commit 000f26050b9b):
 * only those about init containers, sidecars and the container fields our rules cover.
 * Inputs are written in wire format; upstream field paths are relative to the list
 * (`initContainers[0].name`), ours are rooted at a Pod (`spec.initContainers[0].name`).
 */
export interface UpstreamCase {
  /** Upstream test function and case title. */
  readonly source: string;
  readonly initContainers?: any[];
  readonly containers?: any[];
  /** Expected upstream error: type and field (relative to `spec`); none for success cases. */
  readonly expected?: { readonly type: string; readonly field: string };
}

const UPSTREAM = 'pkg/apis/core/validation/validation_test.go';
const app = { name: 'app', image: 'nginx' };
const tcp80 = { tcpSocket: { port: 80 } };

export const SUCCESS_CASES: UpstreamCase[] = [
  {
    source: `${UPSTREAM} TestValidateInitContainers successCase`,
    containers: [app],
    initContainers: [
      { name: 'container-1-same-host-port-different-protocol', image: 'image', ports: [{ containerPort: 80, hostPort: 80, protocol: 'TCP' }, { containerPort: 80, hostPort: 80, protocol: 'UDP' }] },
      { name: 'container-2-same-host-port-different-protocol', image: 'image', ports: [{ containerPort: 80, hostPort: 80, protocol: 'TCP' }, { containerPort: 80, hostPort: 80, protocol: 'UDP' }] },
      {
        name: 'container-3-restart-always-with-lifecycle-hook-and-probes',
        image: 'image',
        restartPolicy: 'Always',
        lifecycle: { postStart: { exec: { command: ['echo', 'post start'] } }, preStop: { exec: { command: ['echo', 'pre stop'] } } },
        livenessProbe: { ...tcp80, successThreshold: 1 },
        readinessProbe: tcp80,
        startupProbe: { ...tcp80, successThreshold: 1 },
      },
    ],
  },
];

const init = (extra: any) => ({ name: 'init', image: 'image', ...extra });
const debug = (extra: any) => ({ name: 'debug', image: 'image', ...extra });

export const ERROR_CASES: UpstreamCase[] = [
  { source: `${UPSTREAM} TestValidateInitContainers "empty name"`, containers: [app], initContainers: [{ name: '', image: 'image' }], expected: { type: 'Required value', field: 'initContainers[0].name' } },
  { source: `${UPSTREAM} TestValidateInitContainers "name collision with regular container"`, containers: [app], initContainers: [{ name: 'app', image: 'image' }], expected: { type: 'Duplicate value', field: 'initContainers[0].name' } },
  { source: `${UPSTREAM} TestValidateInitContainers "duplicate names"`, containers: [app], initContainers: [init({}), init({})], expected: { type: 'Duplicate value', field: 'initContainers[1].name' } },
  {
    source: `${UPSTREAM} TestValidateInitContainers "duplicate ports"`,
    containers: [app],
    initContainers: [{ name: 'abc', image: 'image', ports: [{ containerPort: 8080, hostPort: 8080, protocol: 'TCP' }, { containerPort: 8080, hostPort: 8080, protocol: 'TCP' }] }],
    expected: { type: 'Duplicate value', field: 'initContainers[0].ports[1].hostPort' },
  },
  { source: `${UPSTREAM} TestValidateInitContainers "uses disallowed field: Lifecycle"`, containers: [app], initContainers: [debug({ lifecycle: { preStop: { exec: { command: ['ls', '-l'] } } } })], expected: { type: 'Forbidden', field: 'initContainers[0].lifecycle' } },
  { source: `${UPSTREAM} TestValidateInitContainers "uses disallowed field: LivenessProbe"`, containers: [app], initContainers: [debug({ livenessProbe: { ...tcp80, successThreshold: 1 } })], expected: { type: 'Forbidden', field: 'initContainers[0].livenessProbe' } },
  { source: `${UPSTREAM} TestValidateInitContainers "uses disallowed field: ReadinessProbe"`, containers: [app], initContainers: [debug({ readinessProbe: tcp80 })], expected: { type: 'Forbidden', field: 'initContainers[0].readinessProbe' } },
  { source: `${UPSTREAM} TestValidateInitContainers "Container uses disallowed field: StartupProbe"`, containers: [app], initContainers: [debug({ startupProbe: { ...tcp80, successThreshold: 1 } })], expected: { type: 'Forbidden', field: 'initContainers[0].startupProbe' } },
  {
    source: `${UPSTREAM} TestValidateInitContainers "Disallowed field with other errors should only return a single Forbidden"`,
    containers: [app],
    initContainers: [debug({
      startupProbe: {
        ...tcp80,
        initialDelaySeconds: -1,
        timeoutSeconds: -1,
        periodSeconds: -1,
        successThreshold: -1,
        failureThreshold: -1,
        terminationGracePeriodSeconds: -1,
      },
    })],
    expected: { type: 'Forbidden', field: 'initContainers[0].startupProbe' },
  },
  { source: `${UPSTREAM} TestValidateInitContainers "Not supported RestartPolicy: OnFailure"`, containers: [app], initContainers: [init({ restartPolicy: 'OnFailure' })], expected: { type: 'Unsupported value', field: 'initContainers[0].restartPolicy' } },
  { source: `${UPSTREAM} TestValidateInitContainers "Not supported RestartPolicy: Never"`, containers: [app], initContainers: [init({ restartPolicy: 'Never' })], expected: { type: 'Unsupported value', field: 'initContainers[0].restartPolicy' } },
  { source: `${UPSTREAM} TestValidateInitContainers "Not supported RestartPolicy: invalid"`, containers: [app], initContainers: [init({ restartPolicy: 'invalid' })], expected: { type: 'Unsupported value', field: 'initContainers[0].restartPolicy' } },
  { source: `${UPSTREAM} TestValidateInitContainers "Not supported RestartPolicy: empty"`, containers: [app], initContainers: [init({ restartPolicy: '' })], expected: { type: 'Unsupported value', field: 'initContainers[0].restartPolicy' } },
  { source: `${UPSTREAM} TestValidateContainers "Forbidden RestartPolicy: Always"`, containers: [{ name: 'foo', image: 'image', restartPolicy: 'Always' }], expected: { type: 'Forbidden', field: 'containers[0].restartPolicy' } },
  { source: `${UPSTREAM} TestValidateContainers "Forbidden RestartPolicy: OnFailure"`, containers: [{ name: 'foo', image: 'image', restartPolicy: 'OnFailure' }], expected: { type: 'Forbidden', field: 'containers[0].restartPolicy' } },
  { source: `${UPSTREAM} TestValidateContainers "Forbidden RestartPolicy: Never"`, containers: [{ name: 'foo', image: 'image', restartPolicy: 'Never' }], expected: { type: 'Forbidden', field: 'containers[0].restartPolicy' } },
  { source: `${UPSTREAM} TestValidateContainers "Forbidden RestartPolicy: invalid"`, containers: [{ name: 'foo', image: 'image', restartPolicy: 'invalid' }], expected: { type: 'Forbidden', field: 'containers[0].restartPolicy' } },
  { source: `${UPSTREAM} TestValidateContainers "Forbidden RestartPolicy: empty"`, containers: [{ name: 'foo', image: 'image', restartPolicy: '' }], expected: { type: 'Forbidden', field: 'containers[0].restartPolicy' } },
  // Upstream reports request > limit at `resources.requests`; we add the resource key (`requests[cpu]`).
  { source: `${UPSTREAM} TestValidateContainers "Request limit simple invalid"`, containers: [{ name: 'abc-123', image: 'image', resources: { limits: { cpu: '5', memory: '3' }, requests: { cpu: '6', memory: '3' } } }], expected: { type: 'Invalid value', field: 'containers[0].resources.requests' } },
  { source: `${UPSTREAM} TestValidateContainers "Memory request limit multiple invalid"`, containers: [{ name: 'abc-123', image: 'image', resources: { limits: { cpu: '5', memory: '3' }, requests: { cpu: '5', memory: '4' } } }], expected: { type: 'Invalid value', field: 'containers[0].resources.requests' } },
];
