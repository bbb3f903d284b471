import { Annotations } from '../../engine/annotations';
import { ErrorType } from '../../engine/error-type';
import { FieldPath } from '../../engine/field-path';
import { Finding } from '../../engine/finding';
import { formatFinding } from '../../engine/finding-format';
import { KubernetesVersion } from '../../engine/kubernetes-version';
import { isSidecar } from '../../engine/pod-containers';
import { Severity } from '../../engine/severity';
import { isObject } from '../../engine/wire-types';
import { SidecarMode, SidecarModeOptions } from '../sidecar-mode';
import {
  appWrapperCommand, nativeTwinCommand, ProtocolTiming, regularTwinCommand, supervisedSidecarCommand,
} from './universal-scripts';

/** Annotations written by the LEGACY and UNIVERSAL modes (keys live with the others in the engine). */
export const ModeAnnotations = {
  SIDECAR_MODE: Annotations.SIDECAR_MODE,
  START_ORDER: Annotations.START_ORDER,
  COMPLETION_PROTOCOL: Annotations.COMPLETION_PROTOCOL,
  UNIVERSAL_TWINS: Annotations.UNIVERSAL_TWINS,
} as const;

/** Defaults of the protocol; see `SidecarModeOptions` for why. */
export const MODE_DEFAULTS = {
  detectionTimeoutSeconds: 30,
  stopTimeoutSeconds: 10,
  pollSeconds: 1,
  lifecycleMountPath: '/run/sidecar-lifecycle',
  lifecycleVolumeName: 'sidecar-lifecycle',
  shell: '/bin/sh',
  twinSuffix: '-twin',
} as const;

/** Inputs of `applySidecarMode`, in plain numbers (the constructs convert `SidecarModeOptions`). */
export interface ApplySidecarModeOptions {
  /** The Kubernetes version the manifest targets. */
  readonly targetVersion: KubernetesVersion;
  /** Field path of the pod spec, for messages (e.g. `spec.template.spec`). Default `spec`. */
  readonly podSpecPath?: FieldPath;
  /**
   * Whether the pod runs to completion (Job, CronJob). Default: the pod's `restartPolicy` is
   * `Never` or `OnFailure`.
   */
  readonly runsToCompletion?: boolean;
  readonly detectionTimeoutSeconds?: number;
  readonly stopTimeoutSeconds?: number;
  /** Seconds between checks of the marker files. Not public: tests shorten it. */
  readonly pollSeconds?: number;
  readonly lifecycleMountPath?: string;
  readonly lifecycleVolumeName?: string;
  readonly shell?: string;
}

/** What `applySidecarMode` emits. */
export interface SidecarModeResult {
  /** The mode applied (`AUTO` resolved). */
  readonly mode: SidecarMode;
  /** The pod spec to emit (a new object when changed; the input is never mutated). */
  readonly podSpec: any;
  /** Annotations to merge into the pod (template) metadata. */
  readonly annotations: Record<string, string>;
  /** Errors in the one grammar (`SC-MODE-00n path: Type: detail. Fix: hint`); non-empty: do not emit. */
  readonly errors: string[];
  /** Things the mode could not keep (probes dropped, start order weakened), same grammar. */
  readonly warnings: string[];
}

/**
 * `AUTO` resolved against the target: `NATIVE` from 1.29 (SidecarContainers beta, on by default),
 * `LEGACY` below. 1.28 resolves to `LEGACY`: the gate is alpha and off by default there.
 */
export function resolveSidecarMode(mode: SidecarMode, target: KubernetesVersion): SidecarMode {
  if (mode !== SidecarMode.AUTO) return mode;
  return target.isAtLeast(KubernetesVersion.SIDECARS_BETA) ? SidecarMode.NATIVE : SidecarMode.LEGACY;
}

/** `SidecarModeOptions` (public, with Durations) as the numbers `applySidecarMode` takes. */
export function modeOptionsFrom(options: SidecarModeOptions | undefined): Omit<ApplySidecarModeOptions, 'targetVersion'> {
  return {
    detectionTimeoutSeconds: options?.detectionTimeout ? options.detectionTimeout.toMilliseconds() / 1000 : undefined,
    stopTimeoutSeconds: options?.stopTimeout ? options.stopTimeout.toMilliseconds() / 1000 : undefined,
    lifecycleMountPath: options?.lifecycleMountPath,
    shell: options?.shell,
  };
}

/**
 * Emits a rendered (wire-format, already ordered) pod spec in a sidecar mode. Pure: the input is
 * not changed. Every problem is collected; when `errors` is non-empty the pod spec must not be
 * emitted.
 *
 * - NATIVE: unchanged (below 1.28 the rules engine reports SC-VERSION-001).
 * - LEGACY: sidecars become regular containers before the app containers; in run-to-completion
 *   pods the app and sidecar commands are wrapped so the sidecars stop once the apps exited.
 * - UNIVERSAL: every sidecar becomes a native twin plus a regular-container twin that decide at
 *   run time which one is the sidecar (seed 004, "runtime feature detection design").
 * - AUTO: NATIVE or LEGACY from the target version.
 *
 * A pod without sidecars is returned unchanged, without annotations, in every mode.
 */
export function applySidecarMode(podSpec: any, mode: SidecarMode, options: ApplySidecarModeOptions): SidecarModeResult {
  const resolved = resolveSidecarMode(mode, options.targetVersion);
  if (resolved === SidecarMode.NATIVE && isObject(podSpec) && !hasProtocolOptions(options)) {
    // The default, and most pods: nothing to rewrite and no protocol option to check.
    return { mode: resolved, podSpec, annotations: {}, errors: [], warnings: [] };
  }
  const ctx = new ModeContext(podSpec, resolved, options);
  if (ctx.sidecars.length === 0 || ctx.errors.length > 0) return ctx.result(podSpec, {});
  switch (resolved) {
    case SidecarMode.NATIVE: return applyNative(ctx);
    case SidecarMode.LEGACY: return applyLegacy(ctx);
    case SidecarMode.UNIVERSAL: return applyUniversal(ctx);
    default:
      ctx.error(ModeRuleId.OPTIONS, FieldPath.root(), `${ErrorType.NOT_SUPPORTED}: sidecar mode ${JSON.stringify(mode)}: supported values: ${Object.values(SidecarMode).map((m) => `"${m}"`).join(', ')}`,
        'use a SidecarMode');
      return ctx.result(podSpec, {});
  }
}

/** Options that only the LEGACY and UNIVERSAL protocols use (still checked in NATIVE when given). */
function hasProtocolOptions(o: ApplySidecarModeOptions): boolean {
  return o.detectionTimeoutSeconds !== undefined || o.stopTimeoutSeconds !== undefined || o.pollSeconds !== undefined
    || o.lifecycleMountPath !== undefined || o.lifecycleVolumeName !== undefined || o.shell !== undefined;
}

/**
 * NATIVE leaves the pod spec as it is. A target below 1.28, where native sidecars do not exist, is
 * reported by the rules engine (SC-VERSION-001), the one place that rule lives.
 */
function applyNative(ctx: ModeContext): SidecarModeResult {
  return ctx.result(ctx.podSpec, {});
}

function applyLegacy(ctx: ModeContext): SidecarModeResult {
  const names = ctx.sidecars.map((s) => s.name);
  const apps = ctx.apps;
  // A regular init step declared after a sidecar may rely on it (e.g. a proxy); it now runs first.
  const firstSidecar = ctx.sidecars[0].index;
  ctx.initContainers.forEach((c, i) => {
    if (i > firstSidecar && !isSidecar(c)) {
      const before = ctx.sidecars.filter((s) => s.index < i).map((s) => `"${s.name}"`).join(', ');
      ctx.warn(ModeRuleId.NOT_KEPT, ctx.path.child('initContainers').index(i),
        `${ErrorType.FORBIDDEN}: init container "${c.name}" starts after sidecar ${before}, but in LEGACY mode every sidecar is a regular container that starts only after all init containers have completed`,
        'do not rely on a sidecar from an init container in LEGACY mode, or choose SidecarMode.NATIVE or UNIVERSAL');
    }
  });

  const completion = ctx.runsToCompletion;
  const converted = ctx.sidecars.map((s) => {
    const { restartPolicy: _native, restartPolicyRules: _rules, ...rest } = s.container;
    if (!completion) return rest;
    const command = ctx.requireCommand(s.path, s.name, 'sidecar', 'LEGACY',
      'so that it stops when the app containers exit (a run-to-completion pod)');
    return ctx.withMount({
      ...rest,
      command: command && supervisedSidecarCommand(ctx.shell, ctx.dir, ctx.timing, apps.map((a) => a.name), command),
    }, s.path, s.name);
  });
  const appContainers = completion ? ctx.wrapApps('LEGACY') : ctx.appContainers;
  const spec: any = {
    ...ctx.podSpec,
    containers: [...converted, ...appContainers],
  };
  const init = ctx.initContainers.filter((c) => !isSidecar(c));
  if (init.length > 0) spec.initContainers = init; else delete spec.initContainers;
  if (completion) spec.volumes = ctx.withLifecycleVolume();

  const annotations: Record<string, string> = {
    [ModeAnnotations.SIDECAR_MODE]: SidecarMode.LEGACY,
    [ModeAnnotations.START_ORDER]: `not guaranteed: sidecars ${names.join(', ')} are regular containers, started together with the app containers`,
  };
  if (completion) annotations[ModeAnnotations.COMPLETION_PROTOCOL] = ctx.completionProtocol(names);
  return ctx.result(spec, annotations);
}

function applyUniversal(ctx: ModeContext): SidecarModeResult {
  const completion = ctx.runsToCompletion;
  const apps = ctx.apps.map((a) => a.name);
  const twins: Record<string, string> = {};
  const regularTwins: any[] = [];
  const initContainers = ctx.initContainers.map((c, i) => {
    if (!isSidecar(c)) return c;
    const s = ctx.sidecars.find((x) => x.index === i)!;
    const command = ctx.requireCommand(s.path, s.name, 'sidecar', 'UNIVERSAL',
      'so that its native and regular twins can decide at run time which one is the sidecar');
    const twinName = ctx.twinName(s);
    twins[s.name] = twinName;
    const dropped = PROBES.filter((p) => c[p] !== undefined);
    if (dropped.length > 0) {
      ctx.warn(ModeRuleId.NOT_KEPT, s.path.child(dropped[0]),
        `${ErrorType.FORBIDDEN}: UNIVERSAL mode drops ${dropped.join(', ')} of sidecar "${s.name}": the native twin may run as a regular init container (which the API server forbids probes on) and the regular twin may be idle (its probes would fail)`,
        'rely on the app\'s own retries while the sidecar starts, or choose SidecarMode.NATIVE');
    }
    if (Array.isArray(c.ports) && c.ports.length > 0) {
      ctx.warn(ModeRuleId.NOT_KEPT, s.path.child('ports'),
        `${ErrorType.INVALID}: UNIVERSAL mode declares the ports of sidecar "${s.name}" on its native twin only (two containers may not hold the same hostPort)`,
        'refer to the sidecar\'s ports by number rather than by name where it may run as the regular twin');
    }
    const { livenessProbe: _l, readinessProbe: _r, startupProbe: _s, lifecycle: _lc, restartPolicyRules: _rules, ...nativeRest } = c;
    const {
      livenessProbe: _l2,
      readinessProbe: _r2,
      startupProbe: _s2,
      restartPolicy: _rp,
      restartPolicyRules: _rules2,
      ports: _ports,
      ...twinRest
    } = c;
    if (command) {
      const sidecarArgv = completion ? supervisedSidecarCommand(ctx.shell, ctx.dir, ctx.timing, apps, command) : command;
      regularTwins.push(ctx.withMount({
        ...twinRest,
        name: twinName,
        command: regularTwinCommand(ctx.shell, ctx.dir, s.name, ctx.timing, ctx.restartPolicy === 'Always' ? 'sleep' : 'exit', sidecarArgv),
      }, s.path, s.name));
      return ctx.withMount({ ...nativeRest, command: nativeTwinCommand(ctx.shell, ctx.dir, s.name, ctx.timing, command) }, s.path, s.name);
    }
    return c;
  });
  const appContainers = completion ? ctx.wrapApps('UNIVERSAL') : ctx.appContainers;
  const spec = {
    ...ctx.podSpec,
    initContainers,
    containers: [...regularTwins, ...appContainers],
    volumes: ctx.withLifecycleVolume(),
  };
  const annotations: Record<string, string> = {
    [ModeAnnotations.SIDECAR_MODE]: SidecarMode.UNIVERSAL,
    [ModeAnnotations.UNIVERSAL_TWINS]: JSON.stringify(twins),
  };
  if (completion) annotations[ModeAnnotations.COMPLETION_PROTOCOL] = ctx.completionProtocol(Object.keys(twins));
  return ctx.result(spec, annotations);
}

/**
 * Ids of the mode findings, in the one message grammar. (There is no SC-MODE-001: NATIVE below
 * 1.28 is reported by the rules engine, SC-VERSION-001.)
 */
export enum ModeRuleId {
  /** A container must be wrapped but has no `command`. */
  COMMAND_REQUIRED = 'SC-MODE-002',
  /** A name, volume or mount the mode needs is taken or invalid. */
  CONFLICT = 'SC-MODE-003',
  /** Bad mode options or input. */
  OPTIONS = 'SC-MODE-004',
  /** Warning: something the mode cannot keep (probes, start order, ports). */
  NOT_KEPT = 'SC-MODE-005',
}

function finding(ruleId: ModeRuleId, path: FieldPath, message: string, fix: string, severity: Severity): Finding {
  return { ruleId, severity, path: path.toString(), message, fix };
}

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
/** A container name is a DNS-1123 label (validation.go `ValidateDNS1123Label`); our scripts rely on it. */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_LABEL_MAX = 63;

interface SidecarEntry {
  readonly container: any;
  readonly index: number;
  readonly name: string;
  readonly path: FieldPath;
}

/** The shared state of one `applySidecarMode` call: inputs read once, findings collected. */
class ModeContext {
  public readonly errors: string[] = [];
  public readonly warnings: string[] = [];
  public readonly path: FieldPath;
  public readonly initContainers: any[];
  public readonly appContainers: any[];
  public readonly sidecars: SidecarEntry[];
  public readonly restartPolicy: string;
  public readonly runsToCompletion: boolean;
  public readonly shell: string;
  public readonly dir: string;
  public readonly volumeName: string;
  public readonly timing: ProtocolTiming;

  constructor(public readonly podSpec: any, public readonly mode: SidecarMode, public readonly options: ApplySidecarModeOptions) {
    this.path = options.podSpecPath ?? FieldPath.of('spec');
    const spec = isObject(podSpec) ? podSpec : {};
    if (!isObject(podSpec)) {
      this.error(ModeRuleId.OPTIONS, this.path, `${ErrorType.INVALID}: ${podSpec === null ? 'null' : typeof podSpec}: expected a pod spec object`, 'pass the rendered pod spec');
    }
    this.initContainers = Array.isArray(spec.initContainers) ? spec.initContainers.filter(isObject) : [];
    this.appContainers = Array.isArray(spec.containers) ? spec.containers.filter(isObject) : [];
    this.sidecars = this.initContainers.flatMap((c, index) => isSidecar(c)
      ? [{ container: c, index, name: typeof c.name === 'string' ? c.name : '', path: this.path.child('initContainers').index(index) }]
      : []);
    this.restartPolicy = typeof spec.restartPolicy === 'string' && spec.restartPolicy !== '' ? spec.restartPolicy : 'Always';
    this.runsToCompletion = options.runsToCompletion ?? this.restartPolicy !== 'Always';
    this.shell = options.shell ?? MODE_DEFAULTS.shell;
    this.dir = options.lifecycleMountPath ?? MODE_DEFAULTS.lifecycleMountPath;
    this.volumeName = options.lifecycleVolumeName ?? MODE_DEFAULTS.lifecycleVolumeName;
    const poll = options.pollSeconds ?? MODE_DEFAULTS.pollSeconds;
    const detection = options.detectionTimeoutSeconds ?? MODE_DEFAULTS.detectionTimeoutSeconds;
    const stop = options.stopTimeoutSeconds ?? MODE_DEFAULTS.stopTimeoutSeconds;
    this.checkOptions(poll, detection, stop);
    this.timing = {
      pollSeconds: formatSeconds(poll),
      detectionTicks: Math.max(1, Math.ceil(detection / poll)),
      stopTicks: Math.max(1, Math.ceil(stop / poll)),
    };
    if (this.sidecars.length > 0 && (mode === SidecarMode.LEGACY || mode === SidecarMode.UNIVERSAL)) this.checkNames();
  }

  /** App containers with their names and paths. */
  public get apps(): Array<{ name: string; path: FieldPath; container: any }> {
    return this.appContainers.map((c, i) => ({ name: String(c.name ?? ''), path: this.path.child('containers').index(i), container: c }));
  }

  public error(ruleId: ModeRuleId, path: FieldPath, message: string, fix: string): void {
    this.errors.push(formatFinding(finding(ruleId, path, message, fix, Severity.ERROR)));
  }

  public warn(ruleId: ModeRuleId, path: FieldPath, message: string, fix: string): void {
    this.warnings.push(formatFinding(finding(ruleId, path, message, fix, Severity.WARNING)));
  }

  public result(podSpec: any, annotations: Record<string, string>): SidecarModeResult {
    const failed = this.errors.length > 0;
    return {
      mode: this.mode,
      podSpec: failed ? this.podSpec : podSpec,
      annotations: failed ? {} : annotations,
      errors: this.errors,
      warnings: this.warnings,
    };
  }

  /**
   * The container's `command`, or an error: wrapping needs the argv, and the image's entrypoint
   * is not known at synth.
   */
  public requireCommand(path: FieldPath, name: string, what: string, mode: string, why: string): string[] | undefined {
    const { command } = this.containerAt(path);
    if (Array.isArray(command) && command.length > 0 && command.every((a: unknown) => typeof a === 'string')) return command;
    const got = command === undefined ? 'no command is given' : `command is ${JSON.stringify(command)}`;
    this.error(ModeRuleId.COMMAND_REQUIRED, path.child('command'),
      `${ErrorType.REQUIRED}: ${mode} mode wraps the command of ${what} "${name}" ${why}, but ${got} and the image's entrypoint is unknown at synth`,
      `set command (and args) of "${name}" explicitly, e.g. to the image's ENTRYPOINT and CMD; or choose SidecarMode.NATIVE and target Kubernetes 1.29 or later`);
    return undefined;
  }

  /** App containers wrapped so that each marks its exit in the shared directory. */
  public wrapApps(mode: string): any[] {
    const markOn = this.restartPolicy === 'OnFailure' ? 'success' : 'any';
    return this.apps.map((a) => {
      const command = this.requireCommand(a.path, a.name, 'app container', mode, 'so that the sidecars stop when it exits (a run-to-completion pod)');
      if (!command) return a.container;
      return this.withMount({ ...a.container, command: appWrapperCommand(this.shell, this.dir, a.name, markOn, command) }, a.path, a.name);
    });
  }

  /** Adds the lifecycle emptyDir mount; an error if the container already mounts something there. */
  public withMount(container: any, path: FieldPath, name: string): any {
    const mounts: any[] = Array.isArray(container.volumeMounts) ? container.volumeMounts : [];
    const clash = mounts.findIndex((m) => isObject(m) && (m.mountPath === this.dir || m.name === this.volumeName));
    if (clash >= 0) {
      this.error(ModeRuleId.CONFLICT, path.child('volumeMounts').index(clash),
        `${ErrorType.DUPLICATE}: ${JSON.stringify(mounts[clash])}: ${this.mode.toUpperCase()} mode mounts its marker-file emptyDir "${this.volumeName}" at ${this.dir} in container "${name}"`,
        'mount nothing there, or set lifecycleMountPath of the sidecar mode options to a free path');
      return container;
    }
    return { ...container, volumeMounts: [...mounts, { mountPath: this.dir, name: this.volumeName }] };
  }

  /** The pod's volumes plus the lifecycle emptyDir; an error if the name is taken. */
  public withLifecycleVolume(): any[] {
    const volumes: any[] = Array.isArray(this.podSpec.volumes) ? this.podSpec.volumes : [];
    const clash = volumes.findIndex((v) => isObject(v) && v.name === this.volumeName);
    if (clash >= 0) {
      this.error(ModeRuleId.CONFLICT, this.path.child('volumes').index(clash).child('name'),
        `${ErrorType.DUPLICATE}: "${this.volumeName}": ${this.mode.toUpperCase()} mode adds an emptyDir volume of this name for its marker files`,
        `rename the pod's volume "${this.volumeName}"`);
      return volumes;
    }
    return [...volumes, { emptyDir: {}, name: this.volumeName }];
  }

  public twinName(s: SidecarEntry): string {
    const twin = `${s.name}${MODE_DEFAULTS.twinSuffix}`;
    const taken = [...this.initContainers, ...this.appContainers].findIndex((c) => c.name === twin);
    if (twin.length > DNS_LABEL_MAX) {
      this.error(ModeRuleId.CONFLICT, s.path.child('name'),
        `${ErrorType.TOO_LONG}: "${s.name}": UNIVERSAL mode names the regular twin "${twin}", which is longer than ${DNS_LABEL_MAX} characters`,
        `shorten the sidecar's name to at most ${DNS_LABEL_MAX - MODE_DEFAULTS.twinSuffix.length} characters`);
    } else if (taken >= 0) {
      this.error(ModeRuleId.CONFLICT, s.path.child('name'),
        `${ErrorType.DUPLICATE}: "${twin}": UNIVERSAL mode names the regular twin of sidecar "${s.name}" "${twin}", but a container of that name exists`,
        `rename the container "${twin}"`);
    }
    return twin;
  }

  public completionProtocol(sidecars: string[]): string {
    return JSON.stringify({ dir: this.dir, apps: this.apps.map((a) => a.name), sidecars });
  }

  private containerAt(path: FieldPath): any {
    const text = path.toString();
    const containers = [
      ...this.sidecars.map((s) => ({ p: s.path.toString(), c: s.container })),
      ...this.apps.map((a) => ({ p: a.path.toString(), c: a.container })),
    ];
    return containers.find((x) => x.p === text)?.c ?? {};
  }

  private checkOptions(poll: number, detection: number, stop: number): void {
    const check = (name: string, value: number, ok: boolean, expected: string) => {
      if (!ok) this.error(ModeRuleId.OPTIONS, FieldPath.root(), `${ErrorType.INVALID}: ${name}: ${value}: expected ${expected}`, `set ${name} to ${expected}`);
    };
    check('pollSeconds', poll, Number.isFinite(poll) && poll >= 0.01 && poll <= 60, 'a number of seconds from 0.01 to 60');
    check('detectionTimeout', detection, Number.isFinite(detection) && detection > 0 && detection <= 3600, 'more than 0 and at most 3600 seconds');
    check('stopTimeout', stop, Number.isFinite(stop) && stop >= 0 && stop <= 3600, 'from 0 to 3600 seconds');
    const abs = (name: string, value: string) => {
      if (typeof value !== 'string' || !value.startsWith('/') || /[\s:]/.test(value) || value.includes('$')) {
        this.error(ModeRuleId.OPTIONS, FieldPath.root(), `${ErrorType.INVALID}: ${name}: ${JSON.stringify(value)}: expected an absolute path without spaces, ":" or "$"`,
          `set ${name} to an absolute path such as "${name === 'shell' ? MODE_DEFAULTS.shell : MODE_DEFAULTS.lifecycleMountPath}"`);
      }
    };
    abs('lifecycleMountPath', this.dir);
    abs('shell', this.shell);
  }

  /** The scripts use container names as file names and word-split lists of them. */
  private checkNames(): void {
    const named = [...this.sidecars, ...this.apps];
    for (const c of named) {
      if (!DNS_LABEL.test(c.name) || c.name.length > DNS_LABEL_MAX) {
        this.error(ModeRuleId.CONFLICT, c.path.child('name'),
          `${ErrorType.INVALID}: ${JSON.stringify(c.name)}: a container name must be a DNS-1123 label (lower case letters, digits and "-", at most ${DNS_LABEL_MAX} characters)`,
          'rename the container, e.g. "log-shipper"');
      }
    }
  }
}

/** Seconds as `sleep` takes them: no exponent, no trailing zeros. */
function formatSeconds(s: number): string {
  return Number.isFinite(s) ? String(Number(s.toFixed(3))) : String(s);
}
