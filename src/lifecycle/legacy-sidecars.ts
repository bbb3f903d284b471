import { CommandLink, commandsOfArgv, programName, SimpleCommand } from './shell-commands';
import { Annotations, readJsonAnnotation } from '../engine/annotations';
import { ContainerRole } from '../engine/container-role';
import { FieldPath } from '../engine/field-path';
import { PodContainer, podContainers } from '../engine/pod-containers';
import { PodManifest } from '../engine/pod-manifest';
import { ContainerJson, isObject } from '../engine/wire-types';

/**
 * Legacy sidecars: helpers declared as regular containers of a pod that runs to completion. A Job
 * completes only when all its regular containers have exited, so a proxy, agent or log shipper
 * there keeps it running forever (the problem native sidecars solve, KEP-753), unless the app
 * stops it through a shutdown protocol the helper offers. The one place that knows both: the
 * rule SC-JOB-001 and the lifecycle plan ask it.
 */

/** Commands that never exit on their own. */
const LONG_RUNNING_COMMANDS: Array<[RegExp, string]> = [
  [/\bsleep\s+(infinity|inf)\b/, 'sleep infinity'],
  [/\btail\s+(-[a-zA-Z]*[fF]|--follow)/, 'tail -f'],
  [/\bwhile\s+(true|:|\[\s*1\s*\])/, 'while true'],
];

/** Well-known long-running images, matched on the repository (no registry, tag or digest). */
const CLOUD_SQL_PROXY = 'Cloud SQL proxy';
const ISTIO_PROXY = 'Istio proxy';
const LINKERD_PROXY = 'Linkerd proxy';
const LONG_RUNNING_IMAGES: Array<[RegExp, string]> = [
  [/(^|\/)envoy(-[a-z0-9-]+)?$/, 'Envoy proxy'],
  [/(^|\/)proxyv2$/, ISTIO_PROXY],
  [/(^|\/)linkerd2?-proxy$|(^|\/)linkerd\/proxy$/, LINKERD_PROXY],
  [/(^|\/)cloud-sql-proxy$|(^|\/)cloudsql-proxy$|(^|\/)gce-proxy$/, CLOUD_SQL_PROXY],
  [/(^|\/)fluent-bit$/, 'Fluent Bit'],
  [/(^|\/)fluentd(-[a-z0-9-]+)?$/, 'Fluentd'],
  [/(^|\/)vector$/, 'Vector'],
  [/(^|\/)datadog\/agent$|(^|\/)datadog-agent$/, 'Datadog agent'],
  [/(^|\/)opentelemetry-collector(-[a-z0-9-]+)?$|(^|\/)otel-collector$|(^|\/)otelcol(-[a-z0-9-]+)?$/, 'OpenTelemetry collector'],
  [/(^|\/)vault$|(^|\/)vault-agent$/, 'Vault agent'],
];

/** Repository of an image reference: no registry host, tag or digest. */
export function imageRepository(image: string): string {
  let ref = image.split('@')[0];
  const lastSlash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  if (colon > lastSlash) ref = ref.slice(0, colon);
  const parts = ref.split('/');
  if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0])) parts.shift();
  return parts.join('/').toLowerCase();
}

/** What kind of well-known long-running helper an image is, if any. */
function imageKind(image: unknown): string | undefined {
  if (typeof image !== 'string') return undefined;
  const repo = imageRepository(image);
  return LONG_RUNNING_IMAGES.find(([re]) => re.test(repo))?.[1];
}

/** A container's argv as the kubelet runs it (`command` then `args`), strings only. */
export function argvOf(c: ContainerJson): string[] {
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  return [...list(c.command), ...list(c.args)].filter((s): s is string => typeof s === 'string');
}

/** Why a container looks long-running, or `undefined` when it does not. */
export function longRunningReason(c: ContainerJson): string | undefined {
  const text = argvOf(c).join(' ');
  for (const [re, what] of LONG_RUNNING_COMMANDS) if (re.test(text)) return `its command runs ${what}`;
  const kind = imageKind(c.image);
  return kind === undefined ? undefined : `its image ${JSON.stringify(c.image)} is a ${kind}`;
}

/** How an app stops a legacy sidecar, when it does. */
export interface ShutdownProtocol {
  /** The protocol, e.g. `Cloud SQL proxy --quitquitquit`. */
  readonly name: string;
  /** The app container that calls it. */
  readonly caller: string;
  /** The call as found, e.g. `curl -X POST http://localhost:9091/quitquitquit`. */
  readonly call: string;
  /** True when the call runs only if the command before it succeeded (or only if it failed). */
  readonly conditional: boolean;
  /** A condition the plan cannot check, stated for the reader (e.g. Linkerd's endpoint switch). */
  readonly caveat?: string;
}

/** A regular container of a run-to-completion pod that never exits on its own. */
export interface LegacySidecar {
  readonly name: string;
  /** Field path of the container, e.g. `spec.template.spec.containers[1]`. */
  readonly path: FieldPath;
  /** Why it looks long-running (`its image "..." is a Cloud SQL proxy`). */
  readonly reason: string;
  /** How the app stops it; `undefined` when nothing does: the pod never completes. */
  readonly protocol?: ShutdownProtocol;
}

/**
 * The legacy sidecars of a pod: long-running regular containers of a pod that runs to completion
 * (`restartPolicy` Never or OnFailure), when it has another app container (a single container is
 * the job itself). Containers supervised by our completion protocol (LEGACY and UNIVERSAL sidecar
 * modes, annotation `completion-protocol`) stop when the app is done and are not listed.
 */
export function legacySidecarsOf(pod: PodManifest): LegacySidecar[] {
  const restartPolicy = pod.effectiveRestartPolicy;
  if (restartPolicy !== 'Never' && restartPolicy !== 'OnFailure') return [];
  const apps = podContainers(pod.podSpec, pod.podSpecPath).filter((c) => c.role === ContainerRole.APP);
  if (apps.length < 2) return [];
  const supervised = supervisedSidecars(pod.podMetadata.annotations);
  const out: LegacySidecar[] = [];
  for (const c of apps) {
    if (supervised.has(c.name)) continue;
    const reason = longRunningReason(c.container);
    if (reason === undefined) continue;
    const callers = apps.filter((a) => a !== c && longRunningReason(a.container) === undefined);
    out.push({ name: c.name, path: c.path, reason, protocol: shutdownProtocol(pod, c, callers) });
  }
  return out;
}

/**
 * Containers that the completion protocol (`cdk8s-sidecars.dev/completion-protocol`, written by the
 * LEGACY and UNIVERSAL sidecar modes) stops once the app containers are done, UNIVERSAL twins included.
 */
function supervisedSidecars(annotations: Record<string, string> | undefined): Set<string> {
  const names = new Set<string>();
  const protocol = readJsonAnnotation(annotations, Annotations.COMPLETION_PROTOCOL);
  if (!isObject(protocol) || !Array.isArray(protocol.sidecars)) return names;
  const twins = readJsonAnnotation(annotations, Annotations.UNIVERSAL_TWINS);
  for (const s of protocol.sidecars) {
    if (typeof s !== 'string') continue;
    names.add(s);
    if (isObject(twins) && typeof twins[s] === 'string') names.add(twins[s]);
  }
  return names;
}

/** The shutdown protocol by which one of `callers` really stops `sidecar`, if any. */
function shutdownProtocol(pod: PodManifest, sidecar: PodContainer, callers: PodContainer[]): ShutdownProtocol | undefined {
  const kind = imageKind(sidecar.container.image);
  const argv = argvOf(sidecar.container);
  for (const caller of callers) {
    const commands = commandsOfArgv(argvOf(caller.container));
    const found = kind === CLOUD_SQL_PROXY ? cloudSqlProxyCall(argv, commands)
      : kind === ISTIO_PROXY ? istioCall(pod, commands)
        : kind === LINKERD_PROXY ? linkerdCall(pod, sidecar.container, commands)
          : undefined;
    if (found) return { ...found, caller: caller.name };
  }
  return undefined;
}

type Found = Omit<ShutdownProtocol, 'caller'>;

/**
 * Cloud SQL Auth Proxy v2: `--quitquitquit` enables `/quitquitquit` on the admin server
 * (`--admin-port`, default 9091); recent releases accept POST and GET. The app calls it with an
 * HTTP client or with `cloud-sql-proxy shutdown [--admin-port N]`.
 * https://github.com/GoogleCloudPlatform/cloud-sql-proxy/blob/main/docs/cmd/cloud-sql-proxy_shutdown.md
 */
function cloudSqlProxyCall(proxyArgv: string[], commands: SimpleCommand[]): Found | undefined {
  if (!proxyArgv.some((a) => a === '--quitquitquit' || a === '-quitquitquit' || a === '--quitquitquit=true')) return undefined;
  const port = flagValue(proxyArgv, '--admin-port') ?? '9091';
  const name = 'Cloud SQL proxy --quitquitquit';
  for (const c of commands) {
    const http = httpCall(c);
    if (http && http.port === port && http.path === 'quitquitquit') return { name, call: c.argv.join(' '), conditional: conditional(c) };
    if (programName(c.argv[0]) === 'cloud-sql-proxy' && c.argv[1] === 'shutdown' && (flagValue(c.argv, '--admin-port') ?? '9091') === port) {
      return { name, call: c.argv.join(' '), conditional: conditional(c) };
    }
  }
  return undefined;
}

/**
 * Istio: pilot-agent serves `POST /quitquitquit` on its status port (15020, or the pod's
 * `status.sidecar.istio.io/port` annotation); `pilot-agent request POST quitquitquit` sends it.
 * https://istio.io/latest/docs/reference/commands/pilot-agent/#pilot-agent-request
 */
function istioCall(pod: PodManifest, commands: SimpleCommand[]): Found | undefined {
  const annotations = isObject(pod.podMetadata.annotations) ? pod.podMetadata.annotations : {};
  const port = typeof annotations['status.sidecar.istio.io/port'] === 'string' ? annotations['status.sidecar.istio.io/port'] : '15020';
  const name = 'Istio pilot-agent /quitquitquit';
  for (const c of commands) {
    const http = httpCall(c);
    if (http && http.port === port && http.path === 'quitquitquit' && http.post) return { name, call: c.argv.join(' '), conditional: conditional(c) };
    const args = c.argv.slice(1);
    if (programName(c.argv[0]) === 'pilot-agent' && args[0] === 'request' && args[1]?.toUpperCase() === 'POST' && /^\/?quitquitquit$/.test(args[2] ?? '')) {
      return { name, call: c.argv.join(' '), conditional: conditional(c) };
    }
  }
  return undefined;
}

/**
 * Linkerd: the proxy's admin server (port 4191) has `POST /shutdown`; `linkerd-await --shutdown`
 * (`-S`) runs the app and calls it when the app exits, whatever its exit code. Recent Linkerd
 * releases disable the endpoint unless the pod is annotated `config.linkerd.io/proxy-admin-shutdown: enabled`.
 * https://github.com/linkerd/linkerd-await
 */
function linkerdCall(pod: PodManifest, proxy: ContainerJson, commands: SimpleCommand[]): Found | undefined {
  const annotations = isObject(pod.podMetadata.annotations) ? pod.podMetadata.annotations : {};
  const env = Array.isArray(proxy.env) ? proxy.env : [];
  const switchedOff = annotations['config.linkerd.io/proxy-admin-shutdown'] === 'disabled'
    || env.some((e: any) => isObject(e) && e.name === 'LINKERD2_PROXY_SHUTDOWN_ENDPOINT_ENABLED' && e.value === 'false');
  if (switchedOff) return undefined;
  const switchedOn = annotations['config.linkerd.io/proxy-admin-shutdown'] === 'enabled'
    || env.some((e: any) => isObject(e) && e.name === 'LINKERD2_PROXY_SHUTDOWN_ENDPOINT_ENABLED' && e.value === 'true');
  const caveat = switchedOn ? undefined : 'the proxy\'s /shutdown endpoint is enabled (annotation config.linkerd.io/proxy-admin-shutdown: enabled; recent Linkerd releases disable it by default)';
  const name = 'linkerd-await --shutdown';
  for (const c of commands) {
    if (programName(c.argv[0]) === 'linkerd-await' && c.argv.some((a) => a === '--shutdown' || a === '-S' || /^-[a-zA-Z]*S[a-zA-Z]*$/.test(a))) {
      const port = flagValue(c.argv, '--port') ?? flagValue(c.argv, '-p') ?? '4191';
      if (port === '4191' || port === adminPortOf(proxy)) return { name, call: c.argv.join(' '), conditional: false, caveat };
    }
    const http = httpCall(c);
    if (http && http.port === adminPortOf(proxy) && http.path === 'shutdown' && http.post) {
      return { name: 'Linkerd proxy POST /shutdown', call: c.argv.join(' '), conditional: conditional(c), caveat };
    }
  }
  return undefined;
}

function adminPortOf(proxy: ContainerJson): string {
  const env = Array.isArray(proxy.env) ? proxy.env : [];
  const admin = env.find((e: any) => isObject(e) && e.name === 'LINKERD2_PROXY_ADMIN_LISTEN_ADDR' && typeof e.value === 'string');
  const m = admin ? /:([0-9]+)$/.exec((admin as any).value) : null;
  return m ? m[1] : '4191';
}

function conditional(c: SimpleCommand): boolean {
  return c.link === CommandLink.ON_SUCCESS || c.link === CommandLink.ON_FAILURE;
}

/** `--flag=value` or `--flag value`. */
function flagValue(argv: ReadonlyArray<string>, flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === flag && i + 1 < argv.length) return argv[i + 1];
    if (argv[i].startsWith(`${flag}=`)) return argv[i].slice(flag.length + 1);
  }
  return undefined;
}

/**
 * A `curl` or `wget` of a loopback URL: its port, its first path segment and whether it POSTs.
 * The pod's containers share one network namespace, so the sidecar is on localhost.
 */
function httpCall(c: SimpleCommand): { port: string; path: string; post: boolean } | undefined {
  const program = programName(c.argv[0]);
  if (program !== 'curl' && program !== 'wget') return undefined;
  let url: RegExpExecArray | null = null;
  for (const a of c.argv.slice(1)) {
    url = /^(?:https?:\/\/)?(?:localhost|127\.0\.0\.1|\[::1\]|0\.0\.0\.0):([0-9]+)\/([A-Za-z0-9_-]+)/.exec(a);
    if (url) break;
  }
  if (!url) return undefined;
  const args = c.argv.slice(1);
  const post = program === 'curl'
    ? args.some((a, i) => /^-X ?POST$/i.test(a) || /^--request=POST$/i.test(a) || ((a === '-X' || a === '--request') && /^POST$/i.test(args[i + 1] ?? ''))
      || /^(-d|--data.*|-F|--form.*|--json)$/.test(a) || /^-d./.test(a))
    : args.some((a, i) => /^--post-(data|file)/.test(a) || /^--method=POST$/i.test(a) || (a === '--method' && /^POST$/i.test(args[i + 1] ?? '')));
  return { port: url[1], path: url[2], post };
}
