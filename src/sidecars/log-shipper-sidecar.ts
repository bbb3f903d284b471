import { Duration, Size } from 'cdk8s';
import * as kplus from '../cdk8s-plus';
import { FluentBitOutput } from './fluent-bit-output';
import { FluentBitParser } from './fluent-bit-parser';
import { FluentBitLogShipperProps, LogShipperProps, TailLogShipperProps } from './log-shipper-props';
import { ErrorType } from '../engine/error-type';
import { Sidecar, SidecarOptions } from '../workloads/sidecar';
import { ISidecarWorkload } from '../workloads/sidecar-workload';
import { configSection, configValueProblem } from './private/fluent-bit-config';
import { escapeExpansion } from './private/kubernetes-expansion';
import { logDirectory, logPathProblems } from './private/log-paths';
import { NOBODY, restrictedSecurityContext } from './private/restricted-security';
import { shellCommandLine } from './private/shell-quote';
import { SidecarContext } from './sidecar-context';
import { SidecarDefinition } from './sidecar-definition';
import { TailCommandStyle } from './tail-command-style';

/** Where the generated Fluent Bit configuration is mounted. */
const FLUENT_BIT_CONFIG_DIR = '/etc/fluent-bit';
/** Fluent Bit's built-in HTTP server: `/api/v1/health` answers 200 while the pipeline is healthy. */
const FLUENT_BIT_HTTP_PORT = 2020;
const FLUENT_BIT_HEALTH_PATH = '/api/v1/health';

/**
 * A log shipper sidecar: follows log files that app containers write to a shared volume and
 * ships them, as in the Kubernetes docs' "sidecar container with a logging agent".
 *
 * Two flavours: `tail()` (prints the files on its own stdout, for the node's log collector) and
 * `fluentBit()` (generated Fluent Bit config with one typed output, health probes and a flush
 * grace that fits the pod's termination grace period). Both run as Pod Security "restricted"
 * by default.
 *
 * @example
 * const app = deployment.addContainer({ name: 'myapp', image: 'myapp:1.0' });
 * LogShipperSidecar.fluentBit({ output: FluentBitOutput.forward({ host: 'fluentd.logging' }) })
 *   .shipFrom(app, '/var/log/myapp/app.log')
 *   .addTo(deployment);
 *
 * @see https://kubernetes.io/docs/concepts/cluster-administration/logging/#sidecar-container-with-logging-agent
 */
export class LogShipperSidecar extends SidecarDefinition {
  /**
   * Resources of `tail()` when none are given: `tail` needs almost nothing.
   * requests: cpu 10m, memory 16Mi; limits: memory 32Mi (no CPU limit, so it is never throttled).
   */
  public static readonly TAIL_RESOURCES: kplus.ContainerResources = {
    cpu: { request: kplus.Cpu.millis(10) },
    memory: { request: Size.mebibytes(16), limit: Size.mebibytes(32) },
  };

  /**
   * Resources of `fluentBit()` when none are given, sized for a few files at moderate rates.
   * requests: cpu 50m, memory 64Mi; limits: memory 128Mi (no CPU limit).
   */
  public static readonly FLUENT_BIT_RESOURCES: kplus.ContainerResources = {
    cpu: { request: kplus.Cpu.millis(50) },
    memory: { request: Size.mebibytes(64), limit: Size.mebibytes(128) },
  };

  /**
   * A shipper that runs `tail -F` on the log files: their lines appear on the shipper's
   * standard output, where the node's log collector picks them up. Paths are passed as literal
   * arguments (see `TailCommandStyle`).
   */
  public static tail(props: TailLogShipperProps = {}): LogShipperSidecar {
    return new LogShipperSidecar(props, 'tail', props.commandStyle ?? TailCommandStyle.EXEC, undefined);
  }

  /**
   * A Fluent Bit shipper with a generated ConfigMap (`[SERVICE]` with the health check, one tail
   * `[INPUT]` per file, the parser, one `[OUTPUT]`), startup and liveness probes on
   * `/api/v1/health`, and a declared shutdown time of flush plus grace.
   * @see https://docs.fluentbit.io/manual/administration/monitoring#health-check-for-fluent-bit
   */
  public static fluentBit(props: FluentBitLogShipperProps): LogShipperSidecar {
    if (!(props?.output instanceof FluentBitOutput)) {
      throw new Error(`LogShipperSidecar.fluentBit: output: ${ErrorType.REQUIRED}: got ${JSON.stringify(props?.output)}. ` +
        'Fix: pass output: FluentBitOutput.stdout(), FluentBitOutput.forward({ host }) or FluentBitOutput.http({ host })');
    }
    return new LogShipperSidecar(props, 'fluent-bit', TailCommandStyle.EXEC, props);
  }

  private readonly props: LogShipperProps;
  private readonly sources: Array<{ container: kplus.Container | string; path: string }> = [];

  private constructor(
    props: LogShipperProps,
    private readonly flavour: 'tail' | 'fluent-bit',
    private readonly commandStyle: TailCommandStyle,
    private readonly fluentBitProps: FluentBitLogShipperProps | undefined,
  ) {
    super({ name: props.name ?? 'log-shipper' });
    this.props = props;
    const problems: string[] = [];
    (props.paths ?? []).forEach((p, i) => problems.push(...this.pathProblems(p).map((m) => `paths[${i}]: ${ErrorType.INVALID}: ${JSON.stringify(p)}: ${m}`)));
    if (fluentBitProps) problems.push(...fluentBitTimingProblems(fluentBitProps));
    if (problems.length > 0) {
      throw new Error(`LogShipperSidecar "${this.name}": invalid options:\n${problems.map((p) => `  - ${p}`).join('\n')}\n` +
        'Fix: give absolute file paths such as "/var/log/app/app.log", and whole seconds for flush and grace');
    }
  }

  /** Every log file the shipper follows, in the order given (props first, then `shipFrom()`). */
  public get paths(): string[] {
    return unique([...this.props.paths ?? [], ...this.sources.map((s) => s.path)]);
  }

  /**
   * Ships a log file that an app container writes. At `addTo()`, the shared volume is mounted in
   * that container (and in the shipper) on the file's directory.
   * @param container an app (or init) container of the workload this shipper is added to
   * @param path absolute path of the log file in that container
   * @returns this shipper, for chaining
   */
  public shipFrom(container: kplus.Container, path: string): LogShipperSidecar {
    const problems = this.pathProblems(path);
    if (problems.length > 0) {
      throw new Error(`LogShipperSidecar "${this.name}": shipFrom("${container.name}", ${JSON.stringify(path)}): ${ErrorType.INVALID}: ` +
        `${problems.join('; ')}. Fix: give the absolute path of the file the container writes, such as "/var/log/app/app.log"`);
    }
    if (!this.sources.some((s) => s.container === container && s.path === path)) this.sources.push({ container, path });
    return this;
  }

  /**
   * Ships a log file that the container of this name writes: the form for workloads whose
   * containers are not cdk8s-plus objects, such as `Include`d YAML and Helm output that
   * `SidecarInjector` injects into. Otherwise as `shipFrom()`.
   * @param containerName the name of an app (or init) container of the workload
   * @param path absolute path of the log file in that container
   * @returns this shipper, for chaining
   */
  public shipFromContainer(containerName: string, path: string): LogShipperSidecar {
    const problems = this.pathProblems(path);
    if (problems.length > 0) {
      throw new Error(`LogShipperSidecar "${this.name}": shipFromContainer("${containerName}", ${JSON.stringify(path)}): ${ErrorType.INVALID}: ` +
        `${problems.join('; ')}. Fix: give the absolute path of the file the container writes, such as "/var/log/app/app.log"`);
    }
    if (!this.sources.some((s) => s.container === containerName && s.path === path)) this.sources.push({ container: containerName, path });
    return this;
  }

  /**
   * Adds the shipper to a Sidecar* workload and mounts the shared volume into the containers
   * given with `shipFrom()`.
   * @throws if a `shipFrom()` container is not in this workload, if it already mounts another
   * volume on a log directory, or if two files of different directories have the same name
   * (one volume holds them all, so they would be the same file); every problem at once
   */
  public addTo(workload: ISidecarWorkload): Sidecar {
    const problems: string[] = [];
    const inWorkload = [...workload.containers, ...workload.initContainers];
    for (const { container: source, path } of this.sources) {
      const container = resolveSource(source, inWorkload);
      if (!container) {
        const [call, name] = typeof source === 'string' ? ['shipFromContainer', source] : ['shipFrom', source.name];
        problems.push(`${call}("${name}", ${JSON.stringify(path)}): ${ErrorType.NOT_FOUND}: container "${name}" is not a container of this workload` +
          (typeof source === 'string' ? ` (it has ${inWorkload.map((c) => `"${c.name}"`).join(', ') || 'none'})` : ''));
        continue;
      }
      const mounted = container.mounts.find((m) => m.path === logDirectory(path));
      if (mounted && mounted.volume !== this.props.volume) {
        problems.push(`shipFrom("${container.name}", ${JSON.stringify(path)}): volumeMounts[].mountPath: ${ErrorType.DUPLICATE}: "${logDirectory(path)}": ` +
          `container "${container.name}" already mounts volume "${mounted.volume.name}" there`);
      }
    }
    const byFileName = new Map<string, string>();
    for (const p of this.paths) {
      const fileName = p.slice(logDirectory(p).length + 1);
      const other = byFileName.get(fileName);
      if (other !== undefined && logDirectory(other) !== logDirectory(p)) {
        problems.push(`paths: ${ErrorType.DUPLICATE}: ${JSON.stringify(p)} and ${JSON.stringify(other)} are the same file "${fileName}" on the one shared volume`);
      }
      byFileName.set(fileName, p);
    }
    if (problems.length > 0) {
      throw new Error(`[${workload.node.path}] LogShipperSidecar "${this.name}": cannot add the shipper:\n${problems.map((p) => `  - ${p}`).join('\n')}\n` +
        'Fix: ship only from containers of this workload, pass the volume they already mount as `volume`, and give log files distinct names');
    }
    return super.addTo(workload);
  }

  protected sidecarOptions(context: SidecarContext): SidecarOptions {
    if (this.paths.length === 0) {
      throw new Error(`[${context.scope.node.path}] LogShipperSidecar "${this.name}": paths: ${ErrorType.REQUIRED}: the shipper has no log file to follow. ` +
        'Fix: call shipFrom(container, path) for each file an app container writes, or pass paths');
    }
    const volume = this.props.volume ?? kplus.Volume.fromEmptyDir(context.scope, context.uniqueId(`${this.name}-logs`), `${this.name}-logs`);
    const logMounts: kplus.VolumeMount[] = unique(this.paths.map(logDirectory)).map((dir) => ({ path: dir, volume }));
    return this.flavour === 'tail' ? this.tailOptions(logMounts) : this.fluentBitOptions(context, logMounts);
  }

  /** Mounts the shared volume into the `shipFrom()` containers, where they do not have it yet. */
  protected bind(workload: ISidecarWorkload, sidecar: Sidecar): void {
    const volume = sidecar.container.mounts.find((m) => m.path === logDirectory(this.paths[0]))!.volume;
    const inWorkload = [...workload.containers, ...workload.initContainers];
    for (const { container: source, path } of this.sources) {
      const container = resolveSource(source, inWorkload)!; // addTo() checked that it is there
      if (!container.mounts.some((m) => m.path === logDirectory(path))) container.mount(logDirectory(path), volume);
    }
  }

  private tailOptions(volumeMounts: kplus.VolumeMount[]): SidecarOptions {
    // Paths are validated absolute, so none is read as an option; `--` says so to tail anyway.
    // Every `$` is doubled last: the kubelet expands $(VAR) in command and args before tail (or sh) runs.
    const command = (this.commandStyle === TailCommandStyle.SHELL
      ? ['sh', '-c', shellCommandLine(['tail', '-F', ...this.paths])]
      : ['tail', '-F', '--', ...this.paths]).map(escapeExpansion);
    return {
      image: this.props.image ?? 'busybox:1.36',
      command,
      volumeMounts,
      resources: this.props.resources ?? LogShipperSidecar.TAIL_RESOURCES,
      securityContext: this.props.securityContext ?? restrictedSecurityContext(NOBODY),
    };
  }

  private fluentBitOptions(context: SidecarContext, logMounts: kplus.VolumeMount[]): SidecarOptions {
    const fb = this.fluentBitProps!;
    const flush = fb.flush?.toSeconds() ?? 1;
    const podGrace = context.terminationGracePeriod.toSeconds();
    const grace = fb.grace?.toSeconds() ?? Math.max(1, Math.min(5, Math.floor(podGrace / 3)));
    if (flush + grace > podGrace) {
      throw new Error(`[${context.scope.node.path}] LogShipperSidecar "${this.name}": grace: ${ErrorType.INVALID}: ${grace}s: flush (${flush}s) plus grace (${grace}s) ` +
        `does not fit in the pod's terminationGracePeriodSeconds (${podGrace}s). Fix: lower grace or flush, or raise the pod's terminationGracePeriod`);
    }
    const configMap = new kplus.ConfigMap(context.scope, context.uniqueId(`${this.name}-config`), {
      data: {
        'fluent-bit.conf': fluentBitConfig(this.name, this.paths, flush, grace, fb.output, fb.parser),
        'parsers.conf': fb.parser ? fb.parser._section() : '# no parser: lines are shipped as they are\n',
      },
    });
    const configVolume = kplus.Volume.fromConfigMap(
      context.scope,
      context.uniqueId(`${this.name}-config-volume`),
      configMap,
      { name: `${this.name}-config` },
    );
    const health = (failureThreshold: number, periodSeconds: number) =>
      kplus.Probe.fromHttpGet(FLUENT_BIT_HEALTH_PATH, {
        port: FLUENT_BIT_HTTP_PORT,
        failureThreshold,
        periodSeconds: Duration.seconds(periodSeconds),
      });
    return {
      image: this.props.image ?? 'cr.fluentbit.io/fluent/fluent-bit:3.1.9',
      command: ['/fluent-bit/bin/fluent-bit', '-c', `${FLUENT_BIT_CONFIG_DIR}/fluent-bit.conf`],
      ports: [{ number: FLUENT_BIT_HTTP_PORT, name: 'fluent-bit-http' }],
      volumeMounts: [...logMounts, { path: FLUENT_BIT_CONFIG_DIR, volume: configVolume, readOnly: true }],
      // Startup: up to 30 s for the pipeline to come up before dependants start; liveness: restart
      // a shipper whose pipeline reports errors (Health_Check) for 30 s.
      startup: health(30, 1),
      liveness: health(3, 10),
      resources: this.props.resources ?? LogShipperSidecar.FLUENT_BIT_RESOURCES,
      securityContext: this.props.securityContext ?? restrictedSecurityContext(NOBODY),
      shutdownTime: Duration.seconds(flush + grace),
    };
  }

  private pathProblems(p: string): string[] {
    const problems = logPathProblems(p);
    if (problems.length > 0 || this.flavour === 'tail') return problems;
    const valueProblem = configValueProblem(p);
    if (valueProblem) return [valueProblem];
    // Fluent Bit's tail `Path` is a comma-separated list of patterns.
    return p.includes(',') ? ['must not contain "," (Fluent Bit reads a comma as a separator between paths)'] : [];
  }
}

function fluentBitConfig(
  name: string,
  paths: string[],
  flush: number,
  grace: number,
  output: FluentBitOutput,
  parser: FluentBitParser | undefined,
): string {
  const service = configSection('SERVICE', [
    ['Flush', String(flush)],
    ['Grace', String(grace)],
    ['Log_Level', 'info'],
    ['Parsers_File', `${FLUENT_BIT_CONFIG_DIR}/parsers.conf`],
    ['HTTP_Server', 'On'],
    ['HTTP_Listen', '0.0.0.0'],
    ['HTTP_Port', String(FLUENT_BIT_HTTP_PORT)],
    ['Health_Check', 'On'],
  ]);
  const inputs = paths.map((p, i) => configSection('INPUT', [
    ['Name', 'tail'],
    ['Tag', `${name}.${i}`],
    ['Path', p],
    ...(parser ? [['Parser', parser.name] as [string, string]] : []),
    ['Skip_Long_Lines', 'On'],
  ]));
  return [service, ...inputs, output._section()].join('\n');
}

function fluentBitTimingProblems(props: FluentBitLogShipperProps): string[] {
  const problems: string[] = [];
  for (const [key, d] of [['flush', props.flush], ['grace', props.grace]] as const) {
    if (d === undefined) continue;
    const s = d.toMilliseconds() / 1000;
    if (!Number.isInteger(s) || s < 1) problems.push(`${key}: ${ErrorType.INVALID}: ${s}s: must be a whole number of seconds, at least 1`);
  }
  return problems;
}

/** The container a `shipFrom()` (the object) or `shipFromContainer()` (the name) source means in a workload. */
function resolveSource(source: kplus.Container | string, containers: kplus.Container[]): kplus.Container | undefined {
  return typeof source === 'string' ? containers.find((c) => c.name === source) : containers.find((c) => c === source);
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
