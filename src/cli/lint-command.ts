import { CliEngine, EngineCheckOptions } from './cli-engine';
import { ExitCode, flattenLines, InputError, oneLine } from './cli-errors';
import { CliIo } from './cli-io';
import { expandInputs, InputFile, readInputText } from './input-files';
import {
  findingToJson, formatGithubLine, formatTextLine, LocatedFinding, LocatedSuppression, suppressionToJson,
} from './located-finding';
import { readManifests, SourcedManifest } from './manifest-stream';
import { severityRank } from '../engine/finding-format';
import { PodManifest } from '../engine/pod-manifest';
import { Severity } from '../engine/severity';

/** Output formats of `lint`. */
export enum LintFormat {
  TEXT = 'text',
  JSON = 'json',
  GITHUB = 'github',
}

/** Settings of one `lint` run, parsed and checked by `main`. */
export interface LintSettings extends EngineCheckOptions {
  /** Findings at or above this severity make the exit code 1. */
  readonly failOn: Severity;
  readonly format: LintFormat;
  /** Print only the findings: no summary, nothing on success. */
  readonly quiet: boolean;
}

/** An input read into memory (the text is needed twice: once for context objects, once to check). */
/**
 * Text that may hold a LimitRange or ResourceQuota (YAML block or flow style, JSON, quoted or
 * tagged). A false positive only costs a parse; a document of those kinds always matches.
 */
const MAY_HOLD_CONTEXT = /["']?kind["']?\s*:\s*(?:!!str\s+)?["']?(?:LimitRange|ResourceQuota)\b/;

interface LoadedInput {
  readonly file: InputFile;
  readonly text: string;
}

/**
 * `cdk8s-sidecars lint`: checks every pod-bearing object of the inputs with the rules engine.
 *
 * Two passes over each input's text, both streaming one document at a time: the first keeps only
 * the context objects rules read across manifests (LimitRange, ResourceQuota), and is skipped for
 * inputs whose text names neither kind; the second checks
 * each pod-bearing object against them and drops it. Memory so grows with the inputs' text and
 * the findings, not with the parsed documents.
 */
export async function runLint(inputs: string[], settings: LintSettings, io: CliIo, engine: CliEngine): Promise<ExitCode> {
  const inputErrors: InputError[] = [];
  const reportInputError = (e: InputError) => {
    inputErrors.push(e);
    io.writeStderr(`${e.message}\n`);
  };

  const expanded = expandInputs(io, inputs);
  expanded.errors.forEach(reportInputError);
  const loaded: LoadedInput[] = [];
  for (const file of expanded.files) {
    try {
      loaded.push({ file, text: await readInputText(io, file) });
    } catch (e) {
      reportInputError(e instanceof InputError ? e : new InputError(file.displayName, oneLine(e)));
    }
  }

  const context: any[] = [];
  for (const input of loaded) {
    // Parsing is most of lint's cost: only inputs that may hold a context object get the extra pass.
    if (!MAY_HOLD_CONTEXT.test(input.text)) continue;
    for (const item of readManifests(input.file.displayName, input.text)) {
      if (!(item instanceof InputError) && safeIsContext(engine, item.manifest)) context.push(item.manifest);
    }
  }

  const findings: LocatedFinding[] = [];
  const suppressions: LocatedSuppression[] = [];
  let documents = 0;
  let podObjects = 0;
  let lastDocument = '';
  for (const input of loaded) {
    for (const item of readManifests(input.file.displayName, input.text)) {
      if (item instanceof InputError) {
        reportInputError(item);
        continue;
      }
      // Documents arrive in order: count a new one when the (file, number) pair changes, keeping no set.
      const documentKey = `${item.file}\u0000${item.documentNumber}`;
      if (documentKey !== lastDocument) documents++;
      lastDocument = documentKey;
      const checked = checkOne(item, context, settings, engine);
      if (checked instanceof InputError) {
        reportInputError(checked);
        continue;
      }
      if (!checked) continue;
      podObjects++;
      for (const f of checked.findings) {
        findings.push(f);
        if (settings.format === LintFormat.TEXT) io.writeStdout(`${formatTextLine(f)}\n`);
        if (settings.format === LintFormat.GITHUB) io.writeStdout(`${formatGithubLine(f)}\n`);
      }
      suppressions.push(...checked.suppressions);
    }
  }

  const counts = {
    errors: findings.filter((f) => f.finding.severity === Severity.ERROR).length,
    warnings: findings.filter((f) => f.finding.severity === Severity.WARNING).length,
    infos: findings.filter((f) => f.finding.severity === Severity.INFO).length,
  };
  const summary = {
    files: loaded.length,
    documents,
    podObjects,
    ...counts,
    suppressed: suppressions.length,
    inputErrors: inputErrors.length,
  };
  if (settings.format === LintFormat.JSON) {
    io.writeStdout(`${JSON.stringify({
      findings: findings.map(findingToJson),
      suppressed: suppressions.map(suppressionToJson),
      inputErrors: inputErrors.map((e) => ({ where: e.where, message: e.detail })),
      summary,
    }, null, 2)}\n`);
  } else if (!settings.quiet && settings.format === LintFormat.TEXT) {
    io.writeStdout(`${summaryLine(summary)}\n`);
  }

  if (inputErrors.length > 0) return ExitCode.USAGE_OR_INPUT;
  const failRank = severityRank(settings.failOn);
  return findings.some((f) => severityRank(f.finding.severity) <= failRank) ? ExitCode.FINDINGS : ExitCode.OK;
}

/** Checks one object: `undefined` when it carries no pod, an `InputError` when it cannot be checked. */
function checkOne(
  item: SourcedManifest, context: any[], settings: LintSettings, engine: CliEngine,
): { findings: LocatedFinding[]; suppressions: LocatedSuppression[] } | InputError | undefined {
  const pod = PodManifest.from(item.manifest);
  const start = item.locator.start();
  const where = `${item.file}:${start.line}:${start.column}`;
  if (!pod) {
    const kind = item.manifest.kind;
    if (typeof kind === 'string' && PodManifest.KINDS.includes(kind)) {
      // A pod-bearing kind without a readable pod spec cannot be checked; saying nothing would pass it.
      return new InputError(where, `${kind}/${nameOf(item.manifest)} has no pod spec mapping where a ${kind} keeps it; cannot check it`);
    }
    return undefined;
  }
  let result;
  try {
    result = engine.check(item.manifest, context, settings);
  } catch (e) {
    return new InputError(where, `the rules engine could not check ${pod.displayName}: ${flattenLines(e)}`);
  }
  // Source order within an object (the engine orders by severity): the output reads top to bottom like the file.
  const findings = result.findings.map((finding) => {
    const pos = item.locator.locate(finding.path);
    return { file: item.file, line: pos.line, column: pos.column, object: pod.displayName, finding };
  }).sort((a, b) => a.line - b.line || a.column - b.column);
  const suppressions = result.suppressed.map((suppressed) => {
    const pos = item.locator.locate(suppressed.path);
    return { file: item.file, line: pos.line, column: pos.column, object: pod.displayName, suppressed };
  });
  return { findings, suppressions };
}

function safeIsContext(engine: CliEngine, manifest: any): boolean {
  try {
    return engine.isContextObject(manifest);
  } catch {
    return false;
  }
}

function nameOf(manifest: any): string {
  const name = manifest?.metadata?.name;
  return typeof name === 'string' && name !== '' ? name : '(unnamed)';
}

function summaryLine(s: {
  files: number;
  documents: number;
  podObjects: number;
  errors: number;
  warnings: number;
  infos: number;
  suppressed: number;
}): string {
  const scope = `${plural(s.podObjects, 'pod-bearing object')} (${plural(s.files, 'file')}, ${plural(s.documents, 'document')})`;
  const suppressed = s.suppressed > 0 ? `; ${s.suppressed} suppressed` : '';
  if (s.errors + s.warnings + s.infos === 0) return `no findings in ${scope}${suppressed}`;
  return `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${s.infos} info in ${scope}${suppressed}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
