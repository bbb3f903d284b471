import {
  CommandLink, commandsOfArgv, parseScript, programName, shellScriptOf, ShellList, ShellNode, SimpleCommand,
} from './shell-commands';
import { Annotations, readJsonAnnotation } from '../engine/annotations';
import { ContainerRole } from '../engine/container-role';
import { FieldPath } from '../engine/field-path';
import { parseImageReference } from '../engine/image-reference';
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

/**
 * Well-known long-running helpers: their images (matched on the repository: no registry, tag or
 * digest), the programs they run, and which arguments keep the program serving rather than
 * running a one-shot subcommand (`envoy --mode validate`, `vault operator ...`, `cloud-sql-proxy wait`).
 */
interface HelperKind {
  /** Without article, e.g. `Envoy proxy`. */
  readonly label: string;
  readonly image: RegExp;
  /** Program names (last path segment) in a command. */
  readonly program: RegExp;
  /** Whether the program, given these arguments, serves (runs until stopped). */
  readonly serves: (args: ReadonlyArray<string>) => boolean;
}

const CLOUD_SQL_PROXY = 'Cloud SQL proxy';
const ISTIO_PROXY = 'Istio proxy';
const LINKERD_PROXY = 'Linkerd proxy';
const HELP_OR_VERSION = ['--help', '-h', '--version', '-version'];

/** Serves unless one of `oneShot` is among the arguments (a `--flag=value` counts as `--flag value`). */
const unless = (...oneShot: string[]) => (args: ReadonlyArray<string>) => !args.some((a, i) => oneShot.includes(a)
  || oneShot.includes(`${args[i - 1]} ${a}`) || oneShot.includes(a.replace('=', ' ')));
/** Serves when the first argument that is not a flag is one of `subcommands` (a CLI whose subcommand comes first). */
const subcommand = (...subcommands: string[]) => (args: ReadonlyArray<string>) => subcommands.includes(args.find((a) => !a.startsWith('-')) ?? '');

const helper = (label: string, image: RegExp, program: RegExp, serves: HelperKind['serves']): HelperKind => ({ label, image, program, serves });

const HELPER_KINDS: HelperKind[] = [
  // Envoy: --mode is serve (default), validate or init_only; the last two exit (source/server/options_impl.cc).
  helper('Envoy proxy', /(^|\/)envoy(-[a-z0-9-]+)?$/, /^envoy$/, unless('--mode validate', '--mode init_only', ...HELP_OR_VERSION)),
  // The image's entrypoint is pilot-agent; `pilot-agent proxy` runs Envoy, `wait`, `request`, `version`... exit.
  helper(ISTIO_PROXY, /(^|\/)proxyv2$/, /^pilot-agent$/, subcommand('proxy')),
  helper(LINKERD_PROXY, /(^|\/)linkerd2?-proxy$|(^|\/)linkerd\/proxy$/, /^linkerd2-proxy(-identity)?$/, unless(...HELP_OR_VERSION)),
  helper(CLOUD_SQL_PROXY, /(^|\/)cloud-sql-proxy$|(^|\/)cloudsql-proxy$|(^|\/)gce-proxy$/, /^cloud[-_]sql[-_]proxy$/,
    unless('wait', 'shutdown', 'completion', 'help', '-v', ...HELP_OR_VERSION)),
  helper('Fluent Bit', /(^|\/)fluent-bit$/, /^fluent-bit$/, unless('--dry-run', '-D', '-V', ...HELP_OR_VERSION)),
  helper('Fluentd', /(^|\/)fluentd(-[a-z0-9-]+)?$/, /^fluentd$/, unless('--dry-run', '--setup', '-s', ...HELP_OR_VERSION)),
  helper('Vector', /(^|\/)vector$/, /^vector$/,
    unless('validate', 'list', 'test', 'generate', 'generate-schema', 'graph', 'config', 'help', '-V', ...HELP_OR_VERSION)),
  // In a command, only `datadog-agent run`: a program merely named `agent` says nothing.
  helper('Datadog agent', /(^|\/)datadog\/agent$|(^|\/)datadog-agent$/, /^datadog-agent$/, subcommand('run', 'start')),
  helper('OpenTelemetry collector', /(^|\/)opentelemetry-collector(-[a-z0-9-]+)?$|(^|\/)otel-collector$|(^|\/)otelcol(-[a-z0-9-]+)?$/,
    /^otelcol(-[a-z0-9-]+)?$|^otel-collector$/, unless('validate', 'components', 'featuregate', 'completion', 'help', '-v', ...HELP_OR_VERSION)),
  // vault's docker-entrypoint.sh runs `vault "$@"` for a subcommand; agent, server and proxy serve.
  helper('Vault agent', /(^|\/)vault$|(^|\/)vault-agent$/, /^vault$/, subcommand('agent', 'server', 'proxy')),
];

function withArticle(label: string): string {
  return `${/^[AEIOU]/.test(label) ? 'an' : 'a'} ${label}`;
}

/** Repository of an image reference: no registry host, tag or digest. */
export function imageRepository(image: string): string {
  const parts = parseImageReference(image).name.split('/');
  if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0])) parts.shift();
  return parts.join('/').toLowerCase();
}

/** What kind of well-known long-running helper an image is, if any. */
function imageKind(image: unknown): HelperKind | undefined {
  if (typeof image !== 'string') return undefined;
  const repo = imageRepository(image);
  return HELPER_KINDS.find((k) => k.image.test(repo));
}

/** A container's argv as the kubelet runs it (`command` then `args`), strings only. */
export function argvOf(c: ContainerJson): string[] {
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  return [...list(c.command), ...list(c.args)].filter((s): s is string => typeof s === 'string');
}

/** Why a container never exits on its own, and which helper it runs when known. */
interface LongRunning {
  readonly reason: string;
  readonly kind?: HelperKind;
  /** A program (not a loop of the script itself), which another process may kill. */
  readonly program?: boolean;
}

/**
 * Why a container looks long-running, or `undefined` when it does not.
 *
 * `command` replaces the image's ENTRYPOINT and `args` its CMD (core/v1 `Container.Command`/`Args`;
 * a runtime uses the image's only when the field is empty). So when `command` is set, the image name
 * says nothing about what runs: only the command is judged. Without `command`, the image's
 * entrypoint runs, given `args` when set: the image heuristic holds unless the arguments select a
 * one-shot subcommand of that helper.
 */
export function longRunningReason(c: ContainerJson): string | undefined {
  return longRunning(c)?.reason;
}

function longRunning(c: ContainerJson): LongRunning | undefined {
  const argv = argvOf(c);
  const fromCommand = argvLongRunning(argv, 0);
  if (fromCommand) return fromCommand;
  if (Array.isArray(c.command) && c.command.length > 0) return undefined;
  // No command: an entrypoint that is a shell (`sh -c`) takes args[0] as its script.
  if (argv.length > 0 && /[\s;&|]/.test(argv[0])) {
    const fromScript = scriptLongRunning(argv[0], 0);
    if (fromScript) return fromScript;
  }
  const kind = imageKind(c.image);
  if (kind === undefined) return undefined;
  const args = argv.length > 0 && kind.program.test(programName(argv[0])) ? argv.slice(1) : argv;
  if (argv.length > 0 && !kind.serves(args)) return undefined;
  return { reason: `its image ${JSON.stringify(c.image)} is ${withArticle(kind.label)}`, kind };
}

const MAX_DEPTH = 8;
const WRAPPERS = new Set(['exec', 'command', 'nohup', 'tini', 'dumb-init', 'setsid']);

/**
 * The program an argv really runs, past what only starts it: `VAR=x`, `exec`, `env`, `nohup`, init
 * shims (`tini --`), `gosu`/`su-exec USER`, `busybox`. `undefined` when it runs under `timeout N`
 * (N not 0: GNU and busybox `timeout` stop it after N).
 */
function unwrap(words: ReadonlyArray<string>): string[] | undefined {
  let w = [...words];
  for (;;) {
    while (w.length > 0 && ASSIGNMENT.test(w[0])) w = w.slice(1);
    if (w.length === 0) return w;
    const program = programName(w[0]);
    if (WRAPPERS.has(program) || program === 'env' || program === 'busybox') {
      w = w.slice(1);
      while (w.length > 0 && w[0].startsWith('-')) {
        const last = w[0] === '--';
        w = w.slice(program === 'env' && /^(-u|--unset)$/.test(w[0]) ? 2 : 1);
        if (last) break;
      }
    } else if (program === 'gosu' || program === 'su-exec') {
      w = w.slice(2);
    } else if (program === 'timeout') {
      let i = 1;
      while (i < w.length && w[i].startsWith('-')) i += /^(-[sk]|--signal|--kill-after)$/.test(w[i]) ? 2 : 1;
      // A duration of 0 disables the timeout (GNU coreutils).
      if (!/^0+(\.0*)?[smhd]?$/.test(w[i] ?? '')) return undefined;
      w = w.slice(i + 1);
    } else {
      return w;
    }
  }
}
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Why a program run with these words never exits on its own. */
function argvLongRunning(argv: ReadonlyArray<string>, depth: number): LongRunning | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const words = unwrap(argv);
  if (!words || words.length === 0) return undefined;
  const script = shellScriptOf(words);
  if (script !== undefined) return scriptLongRunning(script, depth + 1);
  const program = programName(words[0]);
  const args = words.slice(1);
  // GNU sleep takes "inf"/"infinity" (any case) as a duration that never ends.
  if (program === 'sleep' && args.some((a) => /^inf(inity)?$/i.test(a))) return { reason: 'its command runs sleep infinity', program: true };
  // tail follows until killed, unless --pid=N makes it stop when process N dies.
  if (program === 'tail' && args.some((a) => /^-[a-zA-Z]*[fF]/.test(a) || /^--follow(=|$)/.test(a)) && !args.some((a) => a.startsWith('--pid'))) {
    return { reason: 'its command runs tail -f', program: true };
  }
  const kind = HELPER_KINDS.find((k) => k.program.test(program));
  if (kind && kind.serves(args)) return { reason: `its command runs ${program} (${withArticle(kind.label)})`, kind, program: true };
  return undefined;
}

/** What the whole script says about its parts. */
interface ScriptFacts {
  /** Function definitions by name. */
  readonly functions: Map<string, ShellNode>;
  /** True when the script kills a process (`kill`, `pkill`, `killall`): a background helper it waits for may be stopped. */
  readonly kills: boolean;
  /** True when it kills from the background (a watcher `( ... kill ... ) &`): a foreground program may be stopped. */
  readonly watched: boolean;
}

/**
 * Why a shell script never ends. It ends when its last foreground command does: it does not when
 * a foreground command never exits (above; unless a background watcher of the script may kill it),
 * a loop is endless without a way out, or it `wait`s for such a command started in the background
 * (`&`) and nothing in the script kills it. The marker-file workaround (the helper in the
 * background, a loop that kills it and exits once the app leaves a file) therefore ends.
 */
function scriptLongRunning(script: string, depth: number): LongRunning | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const list = parseScript(script);
  const functions = new Map<string, ShellNode>();
  let kills = false;
  let watched = false;
  walk(list, false, (n, background) => {
    if (n.kind === 'function') functions.set(n.words[0], n);
    if (n.kind === 'simple' && /^(kill|pkill|killall)$/.test(programName(unwrap(n.words)?.[0] ?? ''))) {
      kills = true;
      watched = watched || background;
    }
  });
  return listLongRunning(list, { functions, kills, watched }, depth, new Set());
}

function listLongRunning(list: ShellList, facts: ScriptFacts, depth: number, calling: Set<string>): LongRunning | undefined {
  let background: LongRunning | undefined;
  for (const item of list) {
    let found: LongRunning | undefined;
    for (const n of item.commands) found = found ?? nodeLongRunning(n, facts, depth, calling);
    if (item.background) {
      background = background ?? found;
    } else if (found && !(found.program && facts.watched)) {
      return found;
    } else if (background && !facts.kills && item.commands.some((n) => n.kind === 'simple' && unwrap(n.words)?.[0] === 'wait')) {
      return background;
    }
  }
  return undefined;
}

function nodeLongRunning(n: ShellNode, facts: ScriptFacts, depth: number, calling: Set<string>): LongRunning | undefined {
  switch (n.kind) {
    case 'simple': {
      const fn = facts.functions.get(n.words[0]);
      if (fn && !calling.has(n.words[0])) {
        return fn.parts.map((p) => listLongRunning(p, facts, depth, new Set([...calling, n.words[0]]))).find((r) => r);
      }
      return argvLongRunning(n.words, depth);
    }
    case 'function':
      return undefined; // a definition runs nothing
    default: {
      for (const p of n.parts) {
        const r = listLongRunning(p, facts, depth, calling);
        if (r) return r;
      }
      return endlessLoop(n, facts) ? { reason: `its command runs ${n.kind} ${n.kind === 'until' ? 'false' : 'true'}` } : undefined;
    }
  }
}

/** `while true`/`while :`/`while [ 1 ]` or `until false` whose body has no way out (`exit`, `return`, `exec`, `break`). */
function endlessLoop(n: ShellNode, facts: ScriptFacts): boolean {
  if (n.kind !== 'while' && n.kind !== 'until') return false;
  const condition = n.parts[0];
  const only = condition.length === 1 && condition[0].commands.length === 1 && condition[0].commands[0].kind === 'simple'
    ? condition[0].commands[0].words.join(' ') : undefined;
  const constant = n.kind === 'while' ? /^((\/usr)?\/bin\/)?true$|^:$|^\[ 1 \]$/ : /^((\/usr)?\/bin\/)?false$/;
  if (only === undefined || !constant.test(only)) return false;
  return !leaves(n.parts[1], 1, facts, new Set());
}

/**
 * Whether a loop body at `loops` levels of nesting can leave the loop: `exit` or `return`, `exec`
 * of a program (the shell is replaced), `break N` with N at least the nesting, or a call of a
 * function that does. Counted wherever it appears, a subshell included: better a missed endless
 * loop than a finding on a loop that ends.
 */
function leaves(list: ShellList, loops: number, facts: ScriptFacts, calling: Set<string>): boolean {
  return list.some((item) => item.commands.some((n) => {
    if (n.kind === 'function') return false;
    if (n.kind === 'simple') {
      const first = n.words.findIndex((x) => !ASSIGNMENT.test(x));
      const w = first < 0 ? [] : n.words.slice(first);
      if (w[0] === 'exit' || w[0] === 'return' || (w[0] === 'exec' && w.length > 1)) return true;
      if (w[0] === 'break') {
        const levels = Number(w[1] ?? '1');
        return !Number.isInteger(levels) || levels >= loops;
      }
      const fn = facts.functions.get(w[0] ?? '');
      return fn !== undefined && !calling.has(w[0]) && fn.parts.some((p) => leaves(p, loops, facts, new Set([...calling, w[0]])));
    }
    const inner = n.kind === 'while' || n.kind === 'until' || n.kind === 'for' ? loops + 1 : loops;
    return n.parts.some((p, i) => leaves(p, (n.kind === 'while' || n.kind === 'until') && i === 0 ? loops : inner, facts, calling));
  }));
}

/** Calls `visit` on every command of `list`, nested ones included, saying whether it runs in the background. */
function walk(list: ShellList, background: boolean, visit: (n: ShellNode, background: boolean) => void): void {
  for (const item of list) {
    for (const n of item.commands) {
      visit(n, background || item.background);
      for (const p of n.parts) walk(p, background || item.background, visit);
    }
  }
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
    const found = longRunning(c.container);
    if (found === undefined) continue;
    const callers = apps.filter((a) => a !== c && longRunning(a.container) === undefined);
    out.push({ name: c.name, path: c.path, reason: found.reason, protocol: shutdownProtocol(pod, c, found.kind?.label, callers) });
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
function shutdownProtocol(pod: PodManifest, sidecar: PodContainer, kind: string | undefined, callers: PodContainer[]): ShutdownProtocol | undefined {
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
