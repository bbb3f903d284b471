import { parseArgs, ParseArgsConfig } from 'util';
import { CliEngine } from './cli-engine';
import { ExitCode, InputError, oneLine, UsageError } from './cli-errors';
import { CliIo } from './cli-io';
import { defaultEngine } from './default-engine';
import { ExplainFormat, runExplain } from './explain-command';
import { EXPLAIN_HELP, LINT_HELP, MAIN_HELP, MIGRATE_HELP } from './help-text';
import { LintFormat, runLint } from './lint-command';
import { runMigrate } from './migrate-command';
import { PACKAGE_NAME, packageVersion } from './package-version';
import { KubernetesVersion } from '../engine/kubernetes-version';
import { Severity } from '../engine/severity';
import { PodSecurityLevel } from '../rules/pod-security-level';

type Options = NonNullable<ParseArgsConfig['options']>;

const HELP: Options = { help: { type: 'boolean', short: 'h' } };
const TARGET_VERSION: Options = { 'target-version': { type: 'string' } };
const POD_SECURITY: Options = { 'pod-security': { type: 'string' } };

const COMMANDS: Record<string, { options: Options; help: string }> = {
  lint: {
    help: LINT_HELP,
    options: {
      ...HELP,
      ...TARGET_VERSION,
      ...POD_SECURITY,
      'fail-on': { type: 'string' },
      'format': { type: 'string' },
      'quiet': { type: 'boolean', short: 'q' },
    },
  },
  explain: {
    help: EXPLAIN_HELP,
    options: { ...HELP, ...TARGET_VERSION, format: { type: 'string' }, object: { type: 'string' } },
  },
  migrate: {
    help: MIGRATE_HELP,
    options: {
      ...HELP,
      ...TARGET_VERSION,
      ...POD_SECURITY,
      sidecar: { type: 'string', short: 's', multiple: true },
      out: { type: 'string', short: 'o' },
    },
  },
};

/**
 * The command line: `cdk8s-sidecars <lint|explain|migrate> ...`. Never exits the process and
 * never throws: it returns the exit code, so it runs in tests exactly as it runs for users.
 *
 * @param argv the arguments after the program name (`process.argv.slice(2)`)
 * @param io the outside world (see `nodeIo()`)
 * @param engine the rules/lifecycle/resources engine (tests may wrap it to observe calls)
 */
export async function main(argv: string[], io: CliIo, engine?: CliEngine): Promise<number> {
  const command = argv[0];
  try {
    if (argv.length === 0) {
      throw new UsageError('missing command: expected lint, explain or migrate');
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      const topic = command === 'help' ? argv[1] : undefined;
      if (topic !== undefined && !COMMANDS[topic]) throw new UsageError(`unknown command '${topic}': expected lint, explain or migrate`);
      io.writeStdout(topic ? COMMANDS[topic].help : MAIN_HELP);
      return ExitCode.OK;
    }
    if (command === '--version' || command === '-V') {
      io.writeStdout(`${packageVersion()}\n`);
      return ExitCode.OK;
    }
    const spec = COMMANDS[command];
    if (!spec) {
      throw new UsageError(command.startsWith('-')
        ? `unknown option '${command}' before the command: expected lint, explain or migrate first`
        : `unknown command '${command}': expected lint, explain or migrate`);
    }
    const parsed = parseCommandArgs(command, argv.slice(1), spec.options);
    if (parsed.values.help) {
      io.writeStdout(spec.help);
      return ExitCode.OK;
    }
    const values = parsed.values;
    const positionals = parsed.positionals;
    const eng = engine ?? defaultEngine();
    switch (command) {
      case 'lint':
        if (positionals.length === 0) {
          throw new UsageError("missing input: give files, directories, or '-' to read standard input", command);
        }
        return await runLint(positionals, {
          targetVersion: targetVersionOf(values, command),
          podSecurity: choice(values, 'pod-security', Object.values(PodSecurityLevel), PodSecurityLevel.BASELINE, command),
          failOn: choice(values, 'fail-on', [Severity.ERROR, Severity.WARNING], Severity.ERROR, command),
          format: choice(values, 'format', Object.values(LintFormat), LintFormat.TEXT, command),
          quiet: values.quiet === true,
        }, io, eng);
      case 'explain':
        return await runExplain(singleInput(positionals, command), {
          targetVersion: targetVersionOf(values, command),
          format: choice(values, 'format', Object.values(ExplainFormat), ExplainFormat.TEXT, command),
          object: typeof values.object === 'string' ? values.object : undefined,
        }, io, eng);
      default: {
        const names = ((values.sidecar as string[] | undefined) ?? [])
          .flatMap((v) => v.split(','))
          .map((n) => n.trim());
        if (names.length === 0) {
          throw new UsageError('missing --sidecar NAME[,NAME...]: name the containers to turn into native sidecars', command);
        }
        const empty = names.findIndex((n) => n === '');
        if (empty !== -1) throw new UsageError(`--sidecar holds an empty name (position ${empty + 1}) in ${JSON.stringify((values.sidecar as string[]).join(','))}`, command);
        const duplicate = names.find((n, i) => names.indexOf(n) !== i);
        if (duplicate) throw new UsageError(`--sidecar names '${duplicate}' twice`, command);
        return await runMigrate(singleInput(positionals, command), {
          sidecars: names,
          out: typeof values.out === 'string' ? values.out : undefined,
          targetVersion: targetVersionOf(values, command),
          podSecurity: choice(values, 'pod-security', Object.values(PodSecurityLevel), PodSecurityLevel.BASELINE, command),
        }, io, eng);
      }
    }
  } catch (e) {
    if (e instanceof UsageError) {
      const prefix = e.command ? `${PACKAGE_NAME} ${e.command}` : PACKAGE_NAME;
      const helpCommand = e.command ? `${PACKAGE_NAME} ${e.command} --help` : `${PACKAGE_NAME} --help`;
      io.writeStderr(`${prefix}: ${e.message} (see '${helpCommand}')\n`);
      return ExitCode.USAGE_OR_INPUT;
    }
    if (e instanceof InputError) {
      io.writeStderr(`${e.message}\n`);
      return ExitCode.USAGE_OR_INPUT;
    }
    // A bug of ours. Still one line and exit 2: a stack trace helps nobody in a CI log.
    io.writeStderr(`${PACKAGE_NAME}: internal error: ${oneLine(e)} (please report this with the input)\n`);
    return ExitCode.USAGE_OR_INPUT;
  }
}

function parseCommandArgs(command: string, args: string[], options: Options) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    // Node's messages are long and mention '--' tricks; say the same thing in one short line.
    const code = (e as NodeJS.ErrnoException).code;
    const message = oneLine(e);
    // Node writes "Option '-q, --quiet' ..." or "Unknown option '--frob'": take the long name when there is one.
    const option = /'(?:-\w, )?(--?[^' ,]+)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      throw new UsageError(`unknown option '${option}'`, command);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const takesValue = Object.entries(options).some(([name, o]) => o.type === 'string' && (`--${name}` === option || `-${o.short}` === option));
      throw new UsageError(takesValue ? `option '${option}' needs a value` : `option '${option}' takes no value`, command);
    }
    throw new UsageError(message, command);
  }
}

function choice<T extends string>(values: Record<string, unknown>, name: string, allowed: T[], fallback: T, command: string): T {
  const v = values[name];
  if (v === undefined) return fallback;
  if (!allowed.includes(v as T)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, got '${String(v)}'`, command);
  }
  return v as T;
}

function targetVersionOf(values: Record<string, unknown>, command: string): string {
  const v = values['target-version'];
  if (v === undefined) return KubernetesVersion.DEFAULT.toString();
  try {
    return KubernetesVersion.of(String(v)).toString();
  } catch {
    throw new UsageError(`--target-version must be a Kubernetes version such as 1.29, got '${String(v)}'`, command);
  }
}

function singleInput(positionals: string[], command: string): string {
  if (positionals.length === 0) throw new UsageError("missing input: give one file, or '-' to read standard input", command);
  if (positionals.length > 1) throw new UsageError(`takes one input, got ${positionals.length}: ${positionals.join(' ')}`, command);
  return positionals[0];
}
