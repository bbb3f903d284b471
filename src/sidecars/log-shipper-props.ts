import { Duration } from 'cdk8s';
import * as kplus from '../cdk8s-plus';
import { FluentBitOutput } from './fluent-bit-output';
import { FluentBitParser } from './fluent-bit-parser';
import { TailCommandStyle } from './tail-command-style';

/**
 * Properties both log shipper flavours take.
 */
export interface LogShipperProps {
  /**
   * Container name of the shipper.
   * @see https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/
   * @default "log-shipper"
   */
  readonly name?: string;

  /**
   * Container image.
   * @see https://kubernetes.io/docs/concepts/containers/images/
   * @default - `busybox:1.36` for `tail()`, `cr.fluentbit.io/fluent/fluent-bit:3.1.9` for `fluentBit()`
   */
  readonly image?: string;

  /**
   * Log files on the shared volume written by containers you wire yourself (absolute paths).
   * Files of app containers given with `shipFrom()` are added to these.
   * @see https://kubernetes.io/docs/concepts/cluster-administration/logging/#sidecar-container-with-logging-agent
   * @default - only the files given with `shipFrom()`
   */
  readonly paths?: string[];

  /**
   * The volume the app containers write their log files to and the shipper reads them from. It
   * is mounted on the directory of each log file, in the app container and in the shipper.
   * @see https://kubernetes.io/docs/concepts/storage/volumes/#emptydir
   * @default - a new emptyDir volume named `<name>-logs`
   */
  readonly volume?: kplus.Volume;

  /**
   * Resources of the shipper.
   * @see https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
   * @default - `LogShipperSidecar.TAIL_RESOURCES` or `LogShipperSidecar.FLUENT_BIT_RESOURCES`
   */
  readonly resources?: kplus.ContainerResources;

  /**
   * Security context of the shipper. Replaces the default as a whole.
   * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
   * @default - Pod Security "restricted": user and group 65534, runAsNonRoot, no privilege
   * escalation, capabilities drop ALL, seccomp RuntimeDefault, read-only root filesystem
   */
  readonly securityContext?: kplus.ContainerSecurityContextProps;
}

/**
 * Properties of `LogShipperSidecar.tail()`.
 */
export interface TailLogShipperProps extends LogShipperProps {
  /**
   * How the `tail -F` command is written.
   * @default TailCommandStyle.EXEC
   */
  readonly commandStyle?: TailCommandStyle;
}

/**
 * Properties of `LogShipperSidecar.fluentBit()`.
 */
export interface FluentBitLogShipperProps extends LogShipperProps {
  /**
   * Where the records go.
   * @see https://docs.fluentbit.io/manual/pipeline/outputs
   */
  readonly output: FluentBitOutput;

  /**
   * How each line is parsed.
   * @see https://docs.fluentbit.io/manual/pipeline/parsers
   * @default - lines are shipped as they are (in a `log` field)
   */
  readonly parser?: FluentBitParser;

  /**
   * Interval between flushes of buffered records (whole seconds).
   * @see https://docs.fluentbit.io/manual/administration/configuring-fluent-bit/classic-mode/configuration-file#config_section
   * @default Duration.seconds(1)
   */
  readonly flush?: Duration;

  /**
   * How long Fluent Bit keeps flushing after SIGTERM (whole seconds). Flush plus grace must fit in
   * the pod's `terminationGracePeriodSeconds`, which app containers share.
   * @see https://docs.fluentbit.io/manual/administration/configuring-fluent-bit/classic-mode/configuration-file#config_section
   * @default - 5 seconds (Fluent Bit's default), at most a third of the pod's termination grace period
   */
  readonly grace?: Duration;
}
