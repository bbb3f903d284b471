import { Duration, Size } from 'cdk8s';
import * as kplus from '../cdk8s-plus';
import { ErrorType } from '../engine/error-type';
import { UsageProblem, usageError } from '../engine/usage-error';
import { IInitStep } from '../workloads/init-step';
import { Sidecar, SidecarOptions } from '../workloads/sidecar';
import { ISidecarWorkload } from '../workloads/sidecar-workload';
import { NOBODY, restrictedSecurityContext } from './private/restricted-security';
import { SidecarContext } from './sidecar-context';
import { SidecarDefinition } from './sidecar-definition';

/**
 * Properties of a `ProxySidecar`.
 */
export interface ProxySidecarProps {
  /**
   * Container image of the proxy (Envoy, HAProxy, a mesh's proxy...).
   * @see https://kubernetes.io/docs/concepts/containers/images/
   */
  readonly image: string;

  /**
   * Port the proxy serves traffic on.
   * @see https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#ports
   */
  readonly listenPort: number;

  /**
   * Port of the proxy's admin endpoint (readiness and drain).
   * @see https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#ports
   */
  readonly adminPort: number;

  /**
   * Path on the admin port that answers 2xx once the proxy is ready. Used by the startupProbe,
   * so that containers started after the proxy (and those that `requireReady` it) find it ready.
   * @see https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#sidecar-containers-and-pod-lifecycle
   * @default "/ready"
   */
  readonly readinessPath?: string;

  /**
   * What the kubelet runs before SIGTERM to drain connections.
   * @see https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/
   * @default - an HTTP GET of `/drain` on the admin port
   */
  readonly preStop?: kplus.Handler;

  /**
   * Time the proxy needs to drain, declared as its shutdown time (termination budget).
   * @see https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#termination-with-sidecars
   * @default Duration.seconds(5)
   */
  readonly drainTime?: Duration;

  /**
   * Container name.
   * @default "proxy"
   */
  readonly name?: string;

  /**
   * Arguments to the image's entrypoint.
   * @see https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/
   * @default - the image's CMD
   */
  readonly args?: string[];

  /**
   * Steps the proxy starts after, e.g. an iptables init step that redirects traffic to it.
   * @see https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/
   * @default - none
   */
  readonly startAfter?: IInitStep[];

  /**
   * Whether the app containers (those added after the proxy included) need it ready before they
   * start (`gateAppContainers`). Init steps that need the network: `step.requiresReady(proxy)`.
   * @default true
   */
  readonly gateAppContainers?: boolean;

  /**
   * Resources of the proxy.
   * @see https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
   * @default `ProxySidecar.DEFAULT_RESOURCES`
   */
  readonly resources?: kplus.ContainerResources;

  /**
   * Security context. Replaces the default as a whole.
   * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
   * @default - Pod Security "restricted" as user 65534
   */
  readonly securityContext?: kplus.ContainerSecurityContextProps;
}

/**
 * A generic network proxy sidecar: it starts before the app (and after any init step it is
 * declared to follow), a startupProbe on its readiness path holds back the containers after it
 * until it really serves, and a preStop hook drains connections when the pod stops, while the
 * app containers, which stop first, still finish their requests.
 *
 * @example
 * const migrate = deployment.addInitStep({ name: 'migrate', image: 'migrate:1.0' });
 * const iptables = deployment.addInitStep({ name: 'iptables', image: 'proxy-init:1.0' });
 * const proxy = new ProxySidecar({ image: 'envoyproxy/envoy:v1.31.0', listenPort: 15001, adminPort: 15000, startAfter: [iptables] })
 *   .addTo(deployment);
 * migrate.requiresReady(proxy); // an init step that needs the network
 *
 * @see https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/
 */
export class ProxySidecar extends SidecarDefinition {
  /** requests: cpu 100m, memory 64Mi; limits: memory 256Mi (no CPU limit: a throttled proxy slows every request). */
  public static readonly DEFAULT_RESOURCES: kplus.ContainerResources = {
    cpu: { request: kplus.Cpu.millis(100) },
    memory: { request: Size.mebibytes(64), limit: Size.mebibytes(256) },
  };

  private readonly props: ProxySidecarProps;

  constructor(props: ProxySidecarProps) {
    super({ name: props?.name ?? 'proxy' });
    const problems: UsageProblem[] = [];
    if (typeof props.image !== 'string' || props.image === '') {
      problems.push({ field: 'image', type: ErrorType.REQUIRED, detail: `got ${JSON.stringify(props.image)}`, fix: 'give the proxy\'s image, e.g. "envoyproxy/envoy:v1.31.0"' });
    }
    for (const key of ['listenPort', 'adminPort'] as const) {
      const port: unknown = props[key];
      if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
        problems.push({ field: key, type: ErrorType.INVALID, value: port, detail: 'must be an integer between 1 and 65535', fix: `give ${key} a port number between 1 and 65535` });
      }
    }
    if (problems.length === 0 && props.listenPort === props.adminPort) {
      problems.push({ field: 'adminPort', type: ErrorType.DUPLICATE, value: props.adminPort, detail: 'must differ from listenPort', fix: 'give the admin endpoint a port of its own' });
    }
    const path = props.readinessPath ?? '/ready';
    if (typeof path !== 'string' || !path.startsWith('/')) {
      problems.push({ field: 'readinessPath', type: ErrorType.INVALID, value: path, detail: 'must start with "/"', fix: 'give an absolute HTTP path such as "/ready"' });
    }
    if (problems.length > 0) throw usageError(undefined, `ProxySidecar "${this.name}"`, problems);
    this.props = props;
  }

  protected sidecarOptions(_context: SidecarContext): SidecarOptions {
    const { adminPort, listenPort } = this.props;
    const readinessPath = this.props.readinessPath ?? '/ready';
    return {
      image: this.props.image,
      args: this.props.args,
      ports: [{ number: listenPort, name: 'proxy' }, { number: adminPort, name: 'proxy-admin' }],
      // Up to 30 s to become ready; the kubelet starts the next container only when it succeeds.
      startup: kplus.Probe.fromHttpGet(readinessPath, { port: adminPort, periodSeconds: Duration.seconds(1), failureThreshold: 30 }),
      // No readinessProbe: a sidecar's readiness gates Pod Ready, so one failed check would take the
      // pod out of every Service (rule SC-READINESS-001); the startupProbe is what orders the start.
      lifecycle: { preStop: this.props.preStop ?? kplus.Handler.fromHttpGet('/drain', { port: adminPort }) },
      resources: this.props.resources ?? ProxySidecar.DEFAULT_RESOURCES,
      securityContext: this.props.securityContext ?? restrictedSecurityContext(NOBODY),
      startAfter: this.props.startAfter,
      shutdownTime: this.props.drainTime ?? Duration.seconds(5),
    };
  }

  /**
   * Every app container, those added after the proxy included, needs the proxy ready before it
   * starts (unless `gateAppContainers: false`).
   */
  protected bind(workload: ISidecarWorkload, sidecar: Sidecar): void {
    if (this.props.gateAppContainers === false) return;
    workload.gateAppContainers(sidecar);
  }
}
