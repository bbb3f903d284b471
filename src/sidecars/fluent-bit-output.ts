import { ErrorType } from '../engine/error-type';
import { configSection, configValueProblem } from './private/fluent-bit-config';

/**
 * Options of `FluentBitOutput.forward()`.
 */
export interface FluentBitForwardOptions {
  /**
   * Host of the Fluentd or Fluent Bit aggregator.
   * @see https://docs.fluentbit.io/manual/pipeline/outputs/forward
   */
  readonly host: string;

  /**
   * Port of the aggregator.
   * @see https://docs.fluentbit.io/manual/pipeline/outputs/forward
   * @default 24224
   */
  readonly port?: number;
}

/**
 * Options of `FluentBitOutput.http()`.
 */
export interface FluentBitHttpOptions {
  /**
   * Host of the HTTP endpoint.
   * @see https://docs.fluentbit.io/manual/pipeline/outputs/http
   */
  readonly host: string;

  /**
   * Port of the HTTP endpoint.
   * @see https://docs.fluentbit.io/manual/pipeline/outputs/http
   * @default 80
   */
  readonly port?: number;

  /**
   * Path the records are POSTed to.
   * @see https://docs.fluentbit.io/manual/pipeline/outputs/http
   * @default "/"
   */
  readonly uri?: string;
}

/**
 * Where a Fluent Bit log shipper sends records: one typed `[OUTPUT]` section.
 *
 * @see https://docs.fluentbit.io/manual/pipeline/outputs
 */
export class FluentBitOutput {
  /**
   * Prints records on the sidecar's standard output (`kubectl logs -c <shipper>`).
   * @see https://docs.fluentbit.io/manual/pipeline/outputs/standard-output
   */
  public static stdout(): FluentBitOutput {
    return new FluentBitOutput('stdout', []);
  }

  /**
   * Sends records to a Fluentd or Fluent Bit aggregator over the Forward protocol.
   * @see https://docs.fluentbit.io/manual/pipeline/outputs/forward
   */
  public static forward(options: FluentBitForwardOptions): FluentBitOutput {
    const port = options.port ?? 24224;
    throwIfAny('FluentBitOutput.forward', [...hostProblems(options.host), ...portProblems(port)]);
    return new FluentBitOutput('forward', [['Host', options.host], ['Port', String(port)]]);
  }

  /**
   * POSTs records as JSON to an HTTP endpoint.
   * @see https://docs.fluentbit.io/manual/pipeline/outputs/http
   */
  public static http(options: FluentBitHttpOptions): FluentBitOutput {
    const port = options.port ?? 80;
    const uri = options.uri ?? '/';
    const problems = [...hostProblems(options.host), ...portProblems(port)];
    const uriProblem = typeof uri === 'string' ? configValueProblem(uri) : 'must be a string';
    if (uriProblem || !uri.startsWith('/') || /\s/.test(uri)) {
      problems.push(`uri: ${ErrorType.INVALID}: ${JSON.stringify(uri)}: ${uriProblem ?? 'must start with "/" and contain no whitespace'}`);
    }
    throwIfAny('FluentBitOutput.http', problems);
    return new FluentBitOutput('http', [['Host', options.host], ['Port', String(port)], ['URI', uri], ['Format', 'json']]);
  }

  private constructor(
    /** The Fluent Bit output plugin (`stdout`, `forward`, `http`). */
    public readonly plugin: string,
    private readonly settings: Array<[string, string]>,
  ) {}

  /**
   * The `[OUTPUT]` section, matching every tag.
   * @internal
   */
  public _section(): string {
    return configSection('OUTPUT', [['Name', this.plugin], ['Match', '*'], ...this.settings]);
  }
}

function hostProblems(host: unknown): string[] {
  // A host is one config value: no whitespace, or the rest of the line would be read as a second word.
  if (typeof host !== 'string' || host === '' || /\s/.test(host) || configValueProblem(host)) {
    return [`host: ${ErrorType.INVALID}: ${JSON.stringify(host)}: must be a non-empty host name or IP address without whitespace`];
  }
  return [];
}

function portProblems(port: unknown): string[] {
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    return [`port: ${ErrorType.INVALID}: ${JSON.stringify(port)}: must be an integer between 1 and 65535`];
  }
  return [];
}

function throwIfAny(where: string, problems: string[]): void {
  if (problems.length > 0) {
    throw new Error(`${where}: invalid options:\n${problems.map((p) => `  - ${p}`).join('\n')}\nFix: correct the listed options`);
  }
}
