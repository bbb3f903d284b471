import * as path from 'path';
import { isMap, LineCounter, parseDocument } from 'yaml';
import { InputError, UsageError } from './cli-errors';
import { CliIo, resolvePath } from './cli-io';
import { ruleCatalog } from './rule-catalog';
import { Severity } from '../engine/severity';
import { PodSecurityLevel } from '../rules/pod-security-level';

/** The name looked for upward from the inputs. */
export const CONFIG_FILE_NAME = '.cdk8s-sidecars.yaml';

/** A rule's treatment: turned off, or reported at another severity; always with a reason. */
export interface RulePolicy {
  readonly severity: Severity | 'off';
  readonly reason: string;
  /** Where it was set: the config file's path, or `--disable`. */
  readonly source: string;
}

/** What a config file holds (every field optional; command-line flags win). */
export interface CliConfig {
  /** The file it was read from (as shown in messages), if any. */
  readonly path?: string;
  readonly targetVersion?: string;
  readonly podSecurity?: PodSecurityLevel;
  readonly failOn?: Severity;
  readonly rules: ReadonlyMap<string, RulePolicy>;
}

export const EMPTY_CONFIG: CliConfig = { rules: new Map() };

/** Reasons are required and must say something (the same minimum as suppressions). */
const MIN_REASON = 10;
/** SC-ANN-002 reports broken suppressions; turning it off would hide them. */
const CANNOT_DISABLE = new Set(['SC-ANN-002']);

/**
 * Finds the config for the inputs: `--config FILE` if given, else `.cdk8s-sidecars.yaml` in the
 * directory of each input or the nearest one above it (the working directory for standard input).
 * Inputs governed by different files are refused (say which with `--config`).
 */
export function findConfig(io: CliIo, inputs: string[], explicit: string | undefined): string | undefined {
  if (explicit !== undefined) return resolvePath(io, explicit);
  const found = new Set<string>();
  for (const input of inputs.length > 0 ? inputs : ['-']) {
    const abs = input === '-' ? io.cwd : resolvePath(io, input);
    let dir = io.stat(abs).kind === 'directory' ? abs : path.dirname(abs);
    while (true) {
      const candidate = path.join(dir, CONFIG_FILE_NAME);
      if (io.stat(candidate).kind === 'file') {
        found.add(candidate);
        break;
      }
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  if (found.size > 1) {
    throw new UsageError(`the inputs are governed by different config files (${[...found].map((f) => path.relative(io.cwd, f) || f).join(', ')}); choose one with --config FILE`);
  }
  return [...found][0];
}

/** Reads and checks a config file; every problem is reported with its line and column, at once. */
export function readConfig(io: CliIo, absolutePath: string): CliConfig {
  const shown = path.relative(io.cwd, absolutePath) || absolutePath;
  let text: string;
  try {
    const source = io.openFile(absolutePath);
    const chunks: Buffer[] = [];
    for (let b = source.read(65536); b.length > 0; b = source.read(65536)) chunks.push(b);
    source.close();
    text = Buffer.concat(chunks).toString('utf-8');
  } catch (e) {
    throw new InputError(shown, `cannot read the config file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (node: unknown) => {
    const offset = (node as { range?: number[] })?.range?.[0] ?? 0;
    const { line, col } = lineCounter.linePos(offset);
    return `${shown}:${line}:${col}`;
  };
  if (doc.errors.length > 0) {
    throw new InputError(at({ range: doc.errors[0].pos }), `config file: YAML syntax error: ${doc.errors[0].message.split('\n')[0]}`);
  }
  const problems: string[] = [];
  const root = doc.contents;
  const out: { targetVersion?: string; podSecurity?: PodSecurityLevel; failOn?: Severity; rules: Map<string, RulePolicy> } = { rules: new Map() };
  if (root === null || root === undefined) return { path: shown, rules: out.rules };
  if (!isMap(root)) throw new InputError(at(root), 'config file: expected a mapping with targetVersion, podSecurity, failOn and rules');
  const known = new Map(ruleCatalog().map((r) => [r.id, r]));
  for (const pair of root.items) {
    const key = String((pair.key as any)?.value ?? '');
    const value = (pair.value as any)?.toJSON ? (pair.value as any).toJSON() : (pair.value as any)?.value;
    const where = at(pair.key);
    switch (key) {
      case 'targetVersion':
        if (typeof value !== 'string' && typeof value !== 'number') problems.push(`${where}: targetVersion: Invalid value: ${JSON.stringify(value)}: expected a Kubernetes version such as "1.30" (quote it)`);
        else out.targetVersion = String(value);
        break;
      case 'podSecurity':
        if (!(Object.values(PodSecurityLevel) as unknown[]).includes(value)) problems.push(`${where}: podSecurity: Unsupported value: ${JSON.stringify(value)}: supported values: ${Object.values(PodSecurityLevel).join(', ')}`);
        else out.podSecurity = value as PodSecurityLevel;
        break;
      case 'failOn':
        if (value !== Severity.ERROR && value !== Severity.WARNING) problems.push(`${where}: failOn: Unsupported value: ${JSON.stringify(value)}: supported values: error, warning`);
        else out.failOn = value as Severity;
        break;
      case 'rules':
        if (!isMap(pair.value)) {
          problems.push(`${where}: rules: expected a mapping of rule id to { severity, reason }`);
          break;
        }
        for (const rulePair of pair.value.items) {
          const id = String((rulePair.key as any)?.value ?? '');
          const ruleWhere = at(rulePair.key);
          const entry = (rulePair.value as any)?.toJSON?.();
          if (!known.has(id)) {
            problems.push(`${ruleWhere}: rules: Not found: ${JSON.stringify(id)} is not a rule (see 'cdk8s-sidecars rules')`);
            continue;
          }
          if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
            problems.push(`${ruleWhere}: rules[${id}]: expected { severity: off|error|warning|info, reason: "..." }`);
            continue;
          }
          const extra = Object.keys(entry).filter((k) => k !== 'severity' && k !== 'reason');
          if (extra.length > 0) problems.push(`${ruleWhere}: rules[${id}]: unknown field ${extra.map((k) => JSON.stringify(k)).join(', ')}: only severity and reason`);
          const severity = entry.severity === false ? 'off' : entry.severity;
          if (!['off', Severity.ERROR, Severity.WARNING, Severity.INFO].includes(severity)) {
            problems.push(`${ruleWhere}: rules[${id}].severity: Unsupported value: ${JSON.stringify(entry.severity)}: supported values: off, error, warning, info`);
            continue;
          }
          if (typeof entry.reason !== 'string' || entry.reason.trim().length < MIN_REASON) {
            problems.push(`${ruleWhere}: rules[${id}].reason: Required value: say why, in at least ${MIN_REASON} characters (it is printed with every finding it changes)`);
            continue;
          }
          if (severity === 'off' && CANNOT_DISABLE.has(id)) {
            problems.push(`${ruleWhere}: rules[${id}]: Forbidden: ${id} reports broken suppressions and cannot be turned off`);
            continue;
          }
          out.rules.set(id, { severity, reason: entry.reason.trim(), source: shown });
        }
        break;
      default:
        problems.push(`${where}: Not found: unknown field ${JSON.stringify(key)}: a config holds targetVersion, podSecurity, failOn and rules`);
    }
  }
  if (problems.length > 0) throw new InputError(shown, `invalid config file: ${problems.join('; ')}`);
  return { path: shown, ...out };
}

/** `--disable RULE[,RULE]`: turned off with the command line as the reason. */
export function withDisabled(config: CliConfig, ids: string[]): CliConfig {
  if (ids.length === 0) return config;
  const known = new Set(ruleCatalog().map((r) => r.id));
  const rules = new Map(config.rules);
  for (const id of ids) {
    if (!known.has(id)) throw new UsageError(`--disable: unknown rule '${id}'; 'cdk8s-sidecars rules' lists them`);
    if (CANNOT_DISABLE.has(id)) throw new UsageError(`--disable: ${id} reports broken suppressions and cannot be turned off`);
    rules.set(id, { severity: 'off', reason: 'turned off with --disable on the command line', source: '--disable' });
  }
  return { ...config, rules };
}
