import { keepRelations } from './kept-relations';
import { MODE_DEFAULTS, ModeOptions, hasModeOptions } from './mode-options';
import { ModeRuleId } from './mode-rule-id';
import { SidecarMode } from './sidecar-mode';
import {
  appWrapperCommand, nativeTwinCommand, ProtocolTiming, regularTwinCommand, supervisedSidecarCommand,
} from './universal-scripts';
import { AdviceType } from '../engine/advice-type';
import { Annotations } from '../engine/annotations';
import { ContainerRole } from '../engine/container-role';
import { DNS1123_LABEL_MAX, isDns1123Label } from '../engine/dns1123';
import { ErrorType } from '../engine/error-type';
import { FieldPath } from '../engine/field-path';
import { Finding } from '../engine/finding';
import { makeFinding } from '../engine/finding-format';
import { KubernetesVersion } from '../engine/kubernetes-version';
import { PodContainer, podContainers } from '../engine/pod-containers';
import { NO_DECLARATIONS, PodDeclarations } from '../engine/pod-declarations';
import { Severity } from '../engine/severity';
import { ContainerJson, isObject, PodSpecJson } from '../engine/wire-types';

/** Inputs of `applySidecarMode`. */
export interface ApplySidecarModeOptions extends ModeOptions {
  /** The Kubernetes version the manifest targets. */
  readonly targetVersion: KubernetesVersion;
  /** Field path of the pod spec, for findings (e.g. `spec.template.spec`). Default `spec`. */
  readonly podSpecPath?: FieldPath;
  /**
   * Whether the pod runs to completion (Job, CronJob). Default: the pod's `restartPolicy` is
   * `Never` or `OnFailure`.
   */
  readonly runsToCompletion?: boolean;
  /** The relations declared for the pod; the result keeps those the mode can keep. */
  readonly declarations?: PodDeclarations;
}

/** What `applySidecarMode` emits. */
export interface SidecarModeResult {
  /** The mode applied (`AUTO` resolved). */
  readonly mode: SidecarMode;
  /** The pod spec to emit (a new object when changed; the input is never mutated). The input when there are errors. */
  readonly podSpec: PodSpecJson;
  /** Annotations to merge into the pod (template) metadata. */
  readonly annotations: Record<string, string>;
  /**
   * The declarations rewritten to what the mode keeps: a relation it cannot keep is reported once
   * (SC-MODE-005) and left out, so that no order rule judges it again on the rewritten pod.
   */
  readonly declarations: PodDeclarations;
  /** Errors (do not emit: `podSpec` is the input) and warnings of the mode, SC-MODE-00n. */
  readonly findings: Finding[];
}

/**
 * `AUTO` resolved against the target: `NATIVE` from 1.29 (SidecarContainers beta, on by default),
 * `LEGACY` below. 1.28 resolves to `LEGACY`: the gate is alpha and off by default there.
 */
export function resolveSidecarMode(mode: SidecarMode, target: KubernetesVersion): SidecarMode {
  if (mode !== SidecarMode.AUTO) return mode;
  return target.isAtLeast(KubernetesVersion.SIDECARS_BETA) ? SidecarMode.NATIVE : SidecarMode.LEGACY;
}

/**
 * Emits a rendered (wire-format, already ordered) pod spec in a sidecar mode. Pure: the input is
 * not changed. Every problem is collected; when there is an error the pod spec must not be
 * emitted (the result carries the input).
 *
 * - NATIVE: unchanged (below 1.28 the rules engine reports SC-VERSION-001).
 * - LEGACY: sidecars become regular containers before the app containers; in run-to-completion
 *   pods the app and sidecar commands are wrapped so the sidecars stop once the apps exited.
 * - UNIVERSAL: every sidecar becomes a native twin plus a regular-container twin that decide at
 *   run time which one is the sidecar (seed 004, "runtime feature detection design").
 * - AUTO: NATIVE or LEGACY from the target version; LEGACY is reported (SC-MODE-001).
 *
 * A pod without sidecars is returned unchanged, without annotations, in every mode.
 */
export function applySidecarMode(podSpec: PodSpecJson, mode: SidecarMode, options: ApplySidecarModeOptions): SidecarModeResult {
  const resolved = resolveSidecarMode(mode, options.targetVersion);
  const declarations = options.declarations ?? NO_DECLARATIONS;
  if (resolved === SidecarMode.NATIVE && isObject(podSpec) && !hasModeOptions(options)) {
    // The default, and most pods: nothing to rewrite and no protocol option to check.
    return { mode: resolved, podSpec, annotations: {}, declarations, findings: [] };
  }
  const ctx = new ModeContext(podSpec, resolved, options);
  if (ctx.sidecars.length === 0 || ctx.failed) return ctx.result(podSpec, {}, declarations);
  if (mode === SidecarMode.AUTO && resolved === SidecarMode.LEGACY) ctx.reportAutoLegacy();
  switch (resolved) {
    case SidecarMode.NATIVE: return ctx.result(ctx.podSpec, {}, declarations);
    case SidecarMode.LEGACY: return applyLegacy(ctx, declarations);
    case SidecarMode.UNIVERSAL: return applyUniversal(ctx, declarations);
    default:
      ctx.error(ModeRuleId.OPTIONS, ErrorType.NOT_SUPPORTED, FieldPath.root(), mode,
        `supported values: ${Object.values(SidecarMode).map((m) => JSON.stringify(m)).join(', ')}`, 'use a SidecarMode');
      return ctx.result(podSpec, {}, declarations);
  }
}

function applyLegacy(ctx: ModeContext, declarations: PodDeclarations): SidecarModeResult {
  const names = ctx.sidecars.map((s) => s.name);
  const kept = keepRelations(ctx, declarations);
  const completion = ctx.runsToCompletion;
  const converted = ctx.sidecars.map((s) => {
    const { restartPolicy: _native, restartPolicyRules: _rules, ...rest } = s.container;
    if (!completion) return rest;
    const command = ctx.requireCommand(s, 'sidecar', 'so that it stops when the app containers exit (a run-to-completion pod)');
    return ctx.withMount({
      ...rest,
      command: command && supervisedSidecarCommand(ctx.shell, ctx.dir, ctx.timing, ctx.apps.map((a) => a.name), command),
    }, s);
  });
  const appContainers = completion ? ctx.wrapApps() : ctx.apps.map((a) => a.container);
  const spec: Record<string, any> = { ...ctx.podSpec, containers: [...converted, ...appContainers] };
  const init = ctx.regularInit.map((c) => c.container);
  if (init.length > 0) spec.initContainers = init; else delete spec.initContainers;
  if (completion) spec.volumes = ctx.withLifecycleVolume();

  const annotations: Record<string, string> = {
    [Annotations.SIDECAR_MODE]: SidecarMode.LEGACY,
    [Annotations.START_ORDER]: `not guaranteed: sidecars ${names.join(', ')} are regular containers, started together with the app containers`,
  };
  if (completion) annotations[Annotations.COMPLETION_PROTOCOL] = ctx.completionProtocol(names);
  return ctx.result(spec, annotations, kept);
}

function applyUniversal(ctx: ModeContext, declarations: PodDeclarations): SidecarModeResult {
  const kept = keepRelations(ctx, declarations);
  const completion = ctx.runsToCompletion;
  const apps = ctx.apps.map((a) => a.name);
  const twins: Record<string, string> = {};
  const regularTwins: ContainerJson[] = [];
  const initContainers = ctx.initContainers.map((c) => {
    if (c.role !== ContainerRole.SIDECAR) return c.container;
    const command = ctx.requireCommand(c, 'sidecar', 'so that its native and regular twins can decide at run time which one is the sidecar');
    const twinName = ctx.twinName(c);
    twins[c.name] = twinName;
    const dropped = PROBES.filter((p) => c.container[p] !== undefined);
    if (dropped.length > 0) {
      ctx.notKept(c.path.child(dropped[0]), c.name,
        `UNIVERSAL mode drops ${dropped.join(', ')} of sidecar "${c.name}": the native twin may run as a regular init container (which the API server forbids probes on) and the regular twin may be idle (its probes would fail)`,
        'rely on the app\'s own retries while the sidecar starts, or choose SidecarMode.NATIVE');
    }
    if (Array.isArray(c.container.ports) && c.container.ports.length > 0) {
      ctx.notKept(c.path.child('ports'), c.name,
        `UNIVERSAL mode declares the ports of sidecar "${c.name}" on its native twin only (two containers may not hold the same hostPort)`,
        'refer to the sidecar\'s ports by number rather than by name where it may run as the regular twin');
    }
    const { livenessProbe: _l, readinessProbe: _r, startupProbe: _s, lifecycle: _lc, restartPolicyRules: _rules, ...nativeRest } = c.container;
    const {
      livenessProbe: _l2, readinessProbe: _r2, startupProbe: _s2, restartPolicy: _rp, restartPolicyRules: _rules2, ports: _ports, ...twinRest
    } = c.container;
    if (!command) return c.container;
    const sidecarArgv = completion ? supervisedSidecarCommand(ctx.shell, ctx.dir, ctx.timing, apps, command) : command;
    regularTwins.push(ctx.withMount({
      ...twinRest,
      name: twinName,
      command: regularTwinCommand(ctx.shell, ctx.dir, c.name, ctx.timing, ctx.restartPolicy === 'Always' ? 'sleep' : 'exit', sidecarArgv),
    }, c));
    return ctx.withMount({ ...nativeRest, command: nativeTwinCommand(ctx.shell, ctx.dir, c.name, ctx.timing, command) }, c);
  });
  const appContainers = completion ? ctx.wrapApps() : ctx.apps.map((a) => a.container);
  const spec = {
    ...ctx.podSpec,
    initContainers,
    containers: [...regularTwins, ...appContainers],
    volumes: ctx.withLifecycleVolume(),
  };
  const annotations: Record<string, string> = {
    [Annotations.SIDECAR_MODE]: SidecarMode.UNIVERSAL,
    [Annotations.UNIVERSAL_TWINS]: JSON.stringify(twins),
  };
  if (completion) annotations[Annotations.COMPLETION_PROTOCOL] = ctx.completionProtocol(Object.keys(twins));
  return ctx.result(spec, annotations, kept);
}

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;

/** The shared state of one `applySidecarMode` call: inputs read once, findings collected. */
export class ModeContext {
  public readonly findings: Finding[] = [];
  public readonly path: FieldPath;
  /** Init containers (regular and sidecars) in list order, with their paths in the input. */
  public readonly initContainers: PodContainer[];
  public readonly regularInit: PodContainer[];
  public readonly sidecars: PodContainer[];
  public readonly apps: PodContainer[];
  public readonly restartPolicy: string;
  public readonly runsToCompletion: boolean;
  public readonly shell: string;
  public readonly dir: string;
  public readonly volumeName: string;
  public readonly timing: ProtocolTiming;
  public readonly podSpec: PodSpecJson;

  constructor(podSpec: unknown, public readonly mode: SidecarMode, private readonly options: ApplySidecarModeOptions) {
    this.path = options.podSpecPath ?? FieldPath.of('spec');
    this.podSpec = isObject(podSpec) ? podSpec as PodSpecJson : {};
    if (!isObject(podSpec)) {
      this.error(ModeRuleId.OPTIONS, ErrorType.INVALID, this.path, podSpec === null ? null : typeof podSpec, 'must be a pod spec object', 'pass the rendered pod spec');
    }
    const all = podContainers(this.podSpec, this.path);
    this.initContainers = all.filter((c) => c.role !== ContainerRole.APP);
    this.regularInit = all.filter((c) => c.role === ContainerRole.REGULAR_INIT);
    this.sidecars = all.filter((c) => c.role === ContainerRole.SIDECAR);
    this.apps = all.filter((c) => c.role === ContainerRole.APP);
    const rp = this.podSpec.restartPolicy;
    this.restartPolicy = typeof rp === 'string' && rp !== '' ? rp : 'Always';
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

  /** True once an error was reported: the pod spec must not be emitted. */
  public get failed(): boolean {
    return this.findings.some((f) => f.severity === Severity.ERROR);
  }

  /**
   * Where a container ends up in the emitted pod: LEGACY moves sidecars to the front of
   * `containers` and the remaining init containers up; UNIVERSAL keeps every init container in
   * place. Findings about what the mode did point there.
   */
  public emittedPath(c: PodContainer): FieldPath {
    if (this.mode !== SidecarMode.LEGACY) return c.path;
    if (c.role === ContainerRole.SIDECAR) return this.path.child('containers').index(this.sidecars.indexOf(c));
    if (c.role === ContainerRole.REGULAR_INIT) return this.path.child('initContainers').index(this.regularInit.indexOf(c));
    return this.path.child('containers').index(this.sidecars.length + this.apps.indexOf(c));
  }

  public error(ruleId: ModeRuleId, type: ErrorType, path: FieldPath, value: unknown, detail: string, fix: string): void {
    this.findings.push(makeFinding(ruleId, Severity.ERROR, { type, path, value, detail, fix }));
  }

  /** A warning that something declared is not kept (SC-MODE-005). */
  public notKept(path: FieldPath, value: unknown, detail: string, fix: string): void {
    this.advise(ModeRuleId.NOT_KEPT, ErrorType.NOT_KEPT, path, value, detail, fix);
  }

  /** SC-MODE-001: AUTO chose LEGACY, which does not keep what native sidecars guarantee. */
  public reportAutoLegacy(): void {
    const names = this.sidecars.map((s) => JSON.stringify(s.name)).join(', ');
    this.advise(ModeRuleId.AUTO_LEGACY, ErrorType.NOT_KEPT, this.path.child('initContainers'), undefined,
      `SidecarMode.AUTO emits LEGACY for target Kubernetes ${this.options.targetVersion} (native sidecars are on by default from ${KubernetesVersion.SIDECARS_BETA}): ` +
      `sidecars ${names} become regular containers, started together with the app containers, and are not stopped after them`,
      `set the sidecar mode to LEGACY to accept this, to NATIVE if the cluster enables the SidecarContainers feature gate, or target Kubernetes ${KubernetesVersion.SIDECARS_BETA} or later`);
  }

  public result(podSpec: PodSpecJson, annotations: Record<string, string>, declarations: PodDeclarations): SidecarModeResult {
    const failed = this.failed;
    return {
      mode: this.mode,
      podSpec: failed ? this.podSpec : podSpec,
      annotations: failed ? {} : annotations,
      declarations: failed ? this.options.declarations ?? NO_DECLARATIONS : declarations,
      findings: this.findings,
    };
  }

  /**
   * The container's `command`, or an error: wrapping needs the argv, and the image's entrypoint
   * is not known at synth.
   */
  public requireCommand(c: PodContainer, what: string, why: string): string[] | undefined {
    const { command } = c.container;
    if (Array.isArray(command) && command.length > 0 && command.every((a: unknown) => typeof a === 'string')) return command;
    const got = command === undefined ? 'no command is given' : `command is ${JSON.stringify(command)}`;
    this.error(ModeRuleId.COMMAND_REQUIRED, ErrorType.REQUIRED, c.path.child('command'), undefined,
      `${this.mode.toUpperCase()} mode wraps the command of ${what} "${c.name}" ${why}, but ${got} and the image's entrypoint is unknown at synth`,
      `set command (and args) of "${c.name}" explicitly, e.g. to the image's ENTRYPOINT and CMD; or choose SidecarMode.NATIVE and target Kubernetes 1.29 or later`);
    return undefined;
  }

  /** App containers wrapped so that each marks its exit in the shared directory. */
  public wrapApps(): ContainerJson[] {
    const markOn = this.restartPolicy === 'OnFailure' ? 'success' : 'any';
    return this.apps.map((a) => {
      const command = this.requireCommand(a, 'app container', 'so that the sidecars stop when it exits (a run-to-completion pod)');
      if (!command) return a.container;
      return this.withMount({ ...a.container, command: appWrapperCommand(this.shell, this.dir, a.name, markOn, command) }, a);
    });
  }

  /** Adds the lifecycle emptyDir mount; an error if the container already mounts something there. */
  public withMount(container: ContainerJson, c: PodContainer): ContainerJson {
    const mounts: any[] = Array.isArray(container.volumeMounts) ? container.volumeMounts : [];
    const clash = mounts.findIndex((m) => isObject(m) && (m.mountPath === this.dir || m.name === this.volumeName));
    if (clash >= 0) {
      this.error(ModeRuleId.CONFLICT, ErrorType.DUPLICATE, c.path.child('volumeMounts').index(clash), mounts[clash],
        `${this.mode.toUpperCase()} mode mounts its marker-file emptyDir "${this.volumeName}" at ${this.dir} in container "${c.name}"`,
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
      this.error(ModeRuleId.CONFLICT, ErrorType.DUPLICATE, this.path.child('volumes').index(clash).child('name'), this.volumeName,
        `${this.mode.toUpperCase()} mode adds an emptyDir volume of this name for its marker files`,
        `rename the pod's volume "${this.volumeName}"`);
      return volumes;
    }
    return [...volumes, { emptyDir: {}, name: this.volumeName }];
  }

  public twinName(s: PodContainer): string {
    const twin = `${s.name}${MODE_DEFAULTS.twinSuffix}`;
    if (twin.length > DNS1123_LABEL_MAX) {
      this.error(ModeRuleId.CONFLICT, ErrorType.TOO_LONG, s.path.child('name'), s.name,
        `UNIVERSAL mode names the regular twin of sidecar "${s.name}" "${twin}", which is longer than ${DNS1123_LABEL_MAX} characters`,
        `shorten the sidecar's name to at most ${DNS1123_LABEL_MAX - MODE_DEFAULTS.twinSuffix.length} characters`);
    } else if ([...this.initContainers, ...this.apps].some((c) => c.name === twin)) {
      this.error(ModeRuleId.CONFLICT, ErrorType.DUPLICATE, s.path.child('name'), twin,
        `UNIVERSAL mode names the regular twin of sidecar "${s.name}" "${twin}", but a container of that name exists`,
        `rename the container "${twin}"`);
    }
    return twin;
  }

  public completionProtocol(sidecars: string[]): string {
    return JSON.stringify({ dir: this.dir, apps: this.apps.map((a) => a.name), sidecars });
  }

  private advise(ruleId: ModeRuleId, type: AdviceType, path: FieldPath, value: unknown, detail: string, fix: string): void {
    this.findings.push(makeFinding(ruleId, Severity.WARNING, { type, path, value, detail, fix }));
  }

  private checkOptions(poll: number, detection: number, stop: number): void {
    const check = (name: string, value: number, ok: boolean, expected: string) => {
      if (!ok) this.error(ModeRuleId.OPTIONS, ErrorType.INVALID, FieldPath.root(), value, `${name} must be ${expected}`, `set ${name} to ${expected}`);
    };
    check('pollSeconds', poll, Number.isFinite(poll) && poll >= 0.01 && poll <= 60, 'a number of seconds from 0.01 to 60');
    check('detectionTimeout', detection, Number.isFinite(detection) && detection > 0 && detection <= 3600, 'more than 0 and at most 3600 seconds');
    check('stopTimeout', stop, Number.isFinite(stop) && stop >= 0 && stop <= 3600, 'from 0 to 3600 seconds');
    const abs = (name: string, value: string) => {
      if (typeof value !== 'string' || !value.startsWith('/') || /[\s:]/.test(value) || value.includes('$')) {
        this.error(ModeRuleId.OPTIONS, ErrorType.INVALID, FieldPath.root(), value, `${name} must be an absolute path without spaces, ":" or "$"`,
          `set ${name} to an absolute path such as "${name === 'shell' ? MODE_DEFAULTS.shell : MODE_DEFAULTS.lifecycleMountPath}"`);
      }
    };
    abs('lifecycleMountPath', this.dir);
    abs('shell', this.shell);
  }

  /** The scripts use container names as file names and word-split lists of them. */
  private checkNames(): void {
    for (const c of [...this.sidecars, ...this.apps]) {
      if (!isDns1123Label(c.name)) {
        this.error(ModeRuleId.CONFLICT, ErrorType.INVALID, c.path.child('name'), c.name,
          `a container name must be a DNS-1123 label (lower case letters, digits and "-", at most ${DNS1123_LABEL_MAX} characters)`,
          'rename the container, e.g. "log-shipper"');
      }
    }
  }
}

/** Seconds as `sleep` takes them: no exponent, no trailing zeros. */
function formatSeconds(s: number): string {
  return Number.isFinite(s) ? String(Number(s.toFixed(3))) : String(s);
}
