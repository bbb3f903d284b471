import { ErrorType } from '../engine/error-type';
import { configSection, configValueProblem } from './private/fluent-bit-config';

/**
 * How a Fluent Bit log shipper parses each log line: one `[PARSER]` section in the generated
 * `parsers.conf`, referenced by every tail input.
 *
 * @see https://docs.fluentbit.io/manual/pipeline/parsers
 */
export class FluentBitParser {
  /**
   * Each line is a JSON object.
   * @see https://docs.fluentbit.io/manual/pipeline/parsers/json
   */
  public static json(): FluentBitParser {
    return new FluentBitParser('json', [['Format', 'json']]);
  }

  /**
   * Each line is matched by a regular expression (Onigmo syntax) with named captures.
   * @param name parser name, letters, digits, `-` and `_`
   * @param regex the expression, e.g. `^(?<level>\w+) (?<message>.*)$`
   * @see https://docs.fluentbit.io/manual/pipeline/parsers/regular-expression
   */
  public static regex(name: string, regex: string): FluentBitParser {
    const problems: string[] = [];
    if (typeof name !== 'string' || !/^[A-Za-z0-9_-]+$/.test(name)) {
      problems.push(`name: ${ErrorType.INVALID}: ${JSON.stringify(name)}: must be letters, digits, "-" or "_"`);
    }
    const regexProblem = typeof regex !== 'string' || regex === '' ? 'must be a non-empty string' : configValueProblem(regex);
    if (regexProblem) problems.push(`regex: ${ErrorType.INVALID}: ${JSON.stringify(regex)}: ${regexProblem}`);
    if (problems.length > 0) {
      throw new Error(`FluentBitParser.regex: invalid options:\n${problems.map((p) => `  - ${p}`).join('\n')}\nFix: correct the listed options`);
    }
    return new FluentBitParser(name, [['Format', 'regex'], ['Regex', regex]]);
  }

  private constructor(
    /** The parser name the tail inputs refer to. */
    public readonly name: string,
    private readonly settings: Array<[string, string]>,
  ) {}

  /**
   * The `[PARSER]` section.
   * @internal
   */
  public _section(): string {
    return configSection('PARSER', [['Name', this.name], ...this.settings]);
  }
}
