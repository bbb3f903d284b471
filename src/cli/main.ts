import { parseArgs, ParseArgsConfig } from 'util';
import { CliConfig, EMPTY_CONFIG, findConfig, readConfig, withDisabled } from './cli-config';
import { CliEngine } from './cli-engine';
import { ExitCode, InputError, oneLine, UsageError } from './cli-errors';
import { CliIo } from './cli-io';
import { defaultEngine } from './default-engine';
import { ExplainFormat, runExplain } from './explain-command';
import { EXPLAIN_HELP, LINT_HELP, MAIN_HELP, MIGRATE_HELP, RULES_HELP } from './help-text';
import { LintFormat, runLint } from './lint-command';
import { MigratePosition, runMigrate } from './migrate-command';
import { PACKAGE_NAME, packageVersion } from './package-version';
import { DEFAULT_LIMITS, ReadLimits } from './read/manifest-reader';
import { RulesFormat, runRules } from './rules-command';
import { KubernetesVersion } from '../engine/kubernetes-version';
import { Severity } from '../engine/severity';
import { PodSecurityLevel } from '../rules/pod-security-level';

type Options = NonNullable<ParseArgsConfig['options']>;

const HELP: Options = { help: { type: 'boolean', short: 'h' } };
const TARGET_VERSION: Options = { 'target-version': { type: 'string' } };
const POD_SECURITY: Options = { 'pod-security': { type: 'string' } };
const CONFIG: Options = { config: { type: 'string' } };
const LIMITS: Options = { 'max-input-size': { type: 'string' }, 'max-document-size': { type: 'string' } };
const COMMAND_NAMES = 'lint, explain, migrate or rules';

const COMMANDS: Record<string, { options: Options; help: string }> = {
  lint: {
    help: LINT_HELP,
    options: {
      ...HELP,
      ...TARGET_VERSION,
      ...POD_SECURITY,
      ...CONFIG,
      ...LIMITS,
      'fail-on': { type: 'string' },
      'format': { type: 'string' },
      'quiet': { type: 'boolean', short: 'q' },
      'disable': { type: 'string', multiple: true },
    },
  },
  explain: {
    help: EXPLAIN_HELP,
    options: { ...HELP, ...TARGET_VERSION, ...CONFIG, ...LIMITS, format: { type: 'string' }, object: { type: 'string' } },
  },
  migrate: {
    help: MIGRATE_HELP,
    options: {
      ...HELP,
      ...TARGET_VERSION,
      ...POD_SECURITY,
      ...CONFIG,
      ...LIMITS,
      sidecar: { type: 'string', short: 's', multiple: true },
      out: { type: 'string', short: 'o' },
      position: { type: 'string' },
    },
  },
  rules: {
    help: RULES_HELP,
    options: { ...HELP, format: { type: 'string' } },
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
      throw new UsageError(`missing command: expected ${COMMAND_NAMES}`);
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      const topic = command === 'help' ? argv[1] : undefined;
      if (topic !== undefined && !Object.prototype.hasOwnProperty.call(COMMANDS, topic)) throw new UsageError(`unknown command '${topic}': expected ${COMMAND_NAMES}`);
      io.writeStdout(topic ? COMMANDS[topic].help : MAIN_HELP);
      return ExitCode.OK;
    }
    if (command === '--version' || command === '-V') {
      io.writeStdout(`${packageVersion()}\n`);
      return ExitCode.OK;
    }
    const spec = Object.prototype.hasOwnProperty.call(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!spec) {
      throw new UsageError(command.startsWith('-')
        ? `unknown option '${command}' before the command: expected ${COMMAND_NAMES} first`
        : `unknown command '${command}': expected ${COMMAND_NAMES}`);
    }
    const parsed = parseCommandArgs(command, argv.slice(1), spec.options);
    if (parsed.values.help) {
      io.writeStdout(spec.help);
      return ExitCode.OK;
    }
    const values = parsed.values;
    const positionals = parsed.positionals;
    const eng = engine ?? defaultEngine();
    if (command === 'rules') {
      if (positionals.length > 0) throw new UsageError(`takes no input, got ${positionals.join(' ')}`, command);
      return runRules(choice(values, 'format', Object.values(RulesFormat), RulesFormat.TEXT, command), io);
    }
    const limits = limitsOf(values, command);
    switch (command) {
      case 'lint': {
        if (positionals.length === 0) {
          throw new UsageError("missing input: give files, directories, or '-' to read standard input", command);
        }
        if (positionals.filter((p) => p === '-').length > 1) throw new UsageError("'-' (standard input) given twice", command);
        const disabled = ((values.disable as string[] | undefined) ?? []).flatMap((v) => v.split(',')).map((n) => n.trim()).filter((n) => n !== '');
        const config = withDisabledIn(configFor(io, positionals, values, command), disabled, command);
        return await runLint(positionals, {
          targetVersion: targetVersionOf(values, command, config),
          podSecurity: choice(values, 'pod-security', Object.values(PodSecurityLevel), config.podSecurity ?? PodSecurityLevel.BASELINE, command),
          failOn: choice(values, 'fail-on', [Severity.ERROR, Severity.WARNING], config.failOn ?? Severity.ERROR, command),
          format: choice(values, 'format', Object.values(LintFormat), LintFormat.TEXT, command),
          quiet: values.quiet === true,
          limits,
          config,
        }, io, eng);
      }
      case 'explain': {
        const input = singleInput(positionals, command);
        const config = configFor(io, [input], values, command);
        return await runExplain(input, {
          targetVersion: targetVersionOf(values, command, config),
          format: choice(values, 'format', Object.values(ExplainFormat), ExplainFormat.TEXT, command),
          object: typeof values.object === 'string' ? values.object : undefined,
          limits,
        }, io, eng);
      }
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
        const input = singleInput(positionals, command);
        const config = configFor(io, [input], values, command);
        return await runMigrate(input, {
          sidecars: names,
          out: typeof values.out === 'string' ? values.out : undefined,
          position: positionOf(values, command),
          targetVersion: targetVersionOf(values, command, config),
          podSecurity: choice(values, 'pod-security', Object.values(PodSecurityLevel), config.podSecurity ?? PodSecurityLevel.BASELINE, command),
          limits,
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

function targetVersionOf(values: Record<string, unknown>, command: string, config: CliConfig): string {
  const v = values['target-version'] ?? config.targetVersion;
  if (v === undefined) return KubernetesVersion.DEFAULT.toString();
  try {
    return KubernetesVersion.of(String(v)).toString();
  } catch {
    const from = values['target-version'] === undefined ? ` (from ${config.path})` : '';
    throw new UsageError(`--target-version must be a Kubernetes version such as 1.29, got '${String(v)}'${from}`, command);
  }
}

/** The config file for these inputs (flags win over it). */
function configFor(io: CliIo, inputs: string[], values: Record<string, unknown>, command: string): CliConfig {
  const explicit = typeof values.config === 'string' ? values.config : undefined;
  let file: string | undefined;
  try {
    file = findConfig(io, inputs, explicit);
  } catch (e) {
    throw e instanceof UsageError ? new UsageError(e.message, command) : e;
  }
  if (file === undefined) return EMPTY_CONFIG;
  if (io.stat(file).kind !== 'file') throw new UsageError(`--config ${explicit}: no such file`, command);
  return readConfig(io, file);
}

function withDisabledIn(config: CliConfig, ids: string[], command: string): CliConfig {
  try {
    return withDisabled(config, ids);
  } catch (e) {
    throw e instanceof UsageError ? new UsageError(e.message, command) : e;
  }
}

const SIZE = /^(\d+)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?$/i;

/** `--max-input-size` and `--max-document-size`: bytes, or with K, M, G (binary multiples). */
function limitsOf(values: Record<string, unknown>, command: string): ReadLimits {
  const size = (name: string, fallback: number) => {
    const v = values[name];
    if (v === undefined) return fallback;
    const m = SIZE.exec(String(v).trim());
    const unit = (m?.[2] ?? 'b').toLowerCase()[0];
    const n = m ? Number(m[1]) * (unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1) : NaN;
    if (!Number.isSafeInteger(n) || n <= 0) throw new UsageError(`--${name} must be a size such as 64MiB, 512K or 1048576, got '${String(v)}'`, command);
    return n;
  };
  return { maxInputBytes: size('max-input-size', DEFAULT_LIMITS.maxInputBytes), maxDocumentBytes: size('max-document-size', DEFAULT_LIMITS.maxDocumentBytes) };
}

function positionOf(values: Record<string, unknown>, command: string): MigratePosition {
  const v = values.position;
  if (v === undefined || v === 'keep') return { kind: 'keep' };
  if (v === 'first') return { kind: 'first' };
  const m = /^after=(.+)$/.exec(String(v));
  if (m) return { kind: 'after', name: m[1] };
  throw new UsageError(`--position must be keep, first or after=NAME, got '${String(v)}'`, command);
}

function singleInput(positionals: string[], command: string): string {
  if (positionals.length === 0) throw new UsageError("missing input: give one file, or '-' to read standard input", command);
  if (positionals.length > 1) throw new UsageError(`takes one input, got ${positionals.length}: ${positionals.join(' ')}`, command);
  return positionals[0];
}
