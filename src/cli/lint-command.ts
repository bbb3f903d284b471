import { CliConfig, EMPTY_CONFIG } from './cli-config';
import { CliEngine, EngineCheckOptions } from './cli-engine';
import { ExitCode, flattenLines, InputError } from './cli-errors';
import { CliIo } from './cli-io';
import { expandInputs, InputFile, openInput, spoolStdin } from './input-files';
import { LintReport, LintSummary, renderJsonReport } from './json-report';
import { formatGithubLine, formatTextLine, LocatedFinding, LocatedSuppression } from './located-finding';
import { escapeTerminal } from './output-escaping';
import { Progress } from './progress';
import { ByteSource, DEFAULT_LIMITS, readManifests, ReadLimits, ReadNotice, SourcedManifest } from './read/manifest-reader';
import { renderSarifReport } from './sarif-report';
import { severityRank } from '../engine/finding-format';
import { PodManifest } from '../engine/pod-manifest';
import { Severity } from '../engine/severity';

/** Output formats of `lint`. */
export enum LintFormat {
  TEXT = 'text',
  JSON = 'json',
  GITHUB = 'github',
  SARIF = 'sarif',
}

/** Settings of one `lint` run, parsed and checked by `main`. */
export interface LintSettings extends EngineCheckOptions {
  /** Findings at or above this severity make the exit code 1. */
  readonly failOn: Severity;
  readonly format: LintFormat;
  /** Print only the findings: no summary, nothing on success. */
  readonly quiet: boolean;
  readonly limits?: ReadLimits;
  /** Rules turned off or re-levelled (config file, `--disable`). */
  readonly config?: CliConfig;
}

/**
 * Text that may hold a LimitRange or ResourceQuota (YAML block or flow style, JSON, quoted or
 * tagged). A false positive only costs a parse; a document of those kinds always matches.
 */
const MAY_HOLD_CONTEXT = /["']?kind["']?\s*:\s*(?:!!str\s+)?["']?(?:LimitRange|ResourceQuota)\b/;
/** The same words as bytes, in every encoding an input may have, to skip that pass cheaply. */
const CONTEXT_WORDS = ['LimitRange', 'ResourceQuota'].flatMap((w) => [Buffer.from(w, 'utf-8'), Buffer.from(w, 'utf16le'), Buffer.from(w, 'utf16le').swap16()]);

/**
 * `cdk8s-sidecars lint`: checks every pod-bearing object of the inputs with the rules engine.
 *
 * Each input is streamed one document at a time (see read/manifest-reader.ts), twice at most: a
 * first pass keeps only the context objects rules read across manifests (LimitRange,
 * ResourceQuota), and is skipped for inputs whose bytes name neither kind; the second checks each
 * pod-bearing object against them and drops it. Memory so grows with the largest document and
 * the findings, not with the inputs.
 */
export async function runLint(inputs: string[], settings: LintSettings, io: CliIo, engine: CliEngine): Promise<ExitCode> {
  const limits = settings.limits ?? DEFAULT_LIMITS;
  const config = settings.config ?? EMPTY_CONFIG;
  const inputErrors: InputError[] = [];
  const progress = new Progress(io);
  const stderr = (line: string) => {
    progress.clear();
    io.writeStderr(`${escapeTerminal(line)}\n`);
  };
  const reportInputError = (e: InputError) => {
    inputErrors.push(e);
    stderr(e.message);
  };

  const expanded = expandInputs(io, inputs);
  expanded.errors.forEach(reportInputError);
  expanded.notes.forEach((n) => stderr(`note: ${n}`));
  const files: InputFile[] = [...expanded.files];
  const cleanups: Array<() => void> = [];
  try {
    if (expanded.stdin) {
      const spooled = await spoolStdin(io, limits);
      if (spooled instanceof InputError) {reportInputError(spooled);} else {
        files.push(spooled.file);
        cleanups.push(spooled.remove);
      }
    }
    progress.totalBytes = files.reduce((n, f) => n + f.size, 0);

    const context: any[] = [];
    for (const file of files) {
      if (!mayHoldContext(io, file)) continue;
      const source = openInput(io, file);
      if (source instanceof InputError) continue; // reported by the checking pass
      for (const item of readManifests(file.displayName, source, limits, (text) => MAY_HOLD_CONTEXT.test(text))) {
        if (!(item instanceof InputError) && !(item instanceof ReadNotice) && safeIsContext(engine, item.manifest)) context.push(item.manifest);
      }
    }

    const findings: LocatedFinding[] = [];
    const suppressions: LocatedSuppression[] = [];
    let documents = 0;
    let podObjects = 0;
    let objects = 0;
    let bytesBefore = 0;
    let filesRead = 0;
    for (const file of files) {
      const opened = openInput(io, file);
      if (opened instanceof InputError) {
        reportInputError(opened);
        continue;
      }
      filesRead++;
      let bytesRead = 0;
      const counted: ByteSource = {
        read: (max) => {
          const b = opened.read(max);
          bytesRead += b.length;
          return b;
        },
        close: () => opened.close(),
      };
      let lastDocument = -1;
      for (const item of readManifests(file.displayName, counted, limits)) {
        if (item instanceof InputError) {
          reportInputError(item);
          continue;
        }
        if (item instanceof ReadNotice) {
          stderr(item.message);
          continue;
        }
        if (item.documentNumber !== lastDocument) documents++;
        lastDocument = item.documentNumber;
        objects++;
        const checked = checkOne(item, context, settings, engine, config);
        progress.update(bytesBefore + bytesRead, objects, findings.length);
        if (checked instanceof InputError) {
          reportInputError(checked);
          continue;
        }
        if (!checked) continue;
        podObjects++;
        for (const f of checked.findings) {
          findings.push(f);
          if (settings.format === LintFormat.TEXT || settings.format === LintFormat.GITHUB) {
            progress.clear();
            io.writeStdout(`${settings.format === LintFormat.TEXT ? formatTextLine(f) : formatGithubLine(f)}\n`);
          }
        }
        suppressions.push(...checked.suppressions);
      }
      bytesBefore += bytesRead;
    }
    progress.clear();

    const count = (s: Severity) => findings.filter((f) => f.finding.severity === s).length;
    const summary: LintSummary = {
      files: filesRead,
      documents,
      podObjects,
      errors: count(Severity.ERROR),
      warnings: count(Severity.WARNING),
      infos: count(Severity.INFO),
      suppressed: suppressions.length,
      inputErrors: inputErrors.length,
    };
    const report: LintReport = { findings, suppressed: suppressions, inputErrors, summary, config: config.path };
    if (settings.format === LintFormat.JSON) io.writeStdout(renderJsonReport(report));
    else if (settings.format === LintFormat.SARIF) io.writeStdout(renderSarifReport(report));
    else if (settings.format === LintFormat.TEXT && (!settings.quiet || inputErrors.length > 0)) io.writeStdout(`${summaryLine(summary)}\n`);

    if (inputErrors.length > 0) return ExitCode.USAGE_OR_INPUT;
    const failRank = severityRank(settings.failOn);
    return findings.some((f) => severityRank(f.finding.severity) <= failRank) ? ExitCode.FINDINGS : ExitCode.OK;
  } finally {
    cleanups.forEach((c) => c());
  }
}

/** True if the input's bytes name LimitRange or ResourceQuota anywhere (then the context pass reads it). */
function mayHoldContext(io: CliIo, file: InputFile): boolean {
  const source = openInput(io, file);
  if (source instanceof InputError) return false;
  const overlap = Math.max(...CONTEXT_WORDS.map((w) => w.length)) - 1;
  let tail = Buffer.alloc(0);
  try {
    for (let block = source.read(1024 * 1024); block.length > 0; block = source.read(1024 * 1024)) {
      // A word cut by the block boundary is found in the small join of both ends.
      const seam = tail.length > 0 ? Buffer.concat([tail, block.subarray(0, overlap)]) : undefined;
      if (CONTEXT_WORDS.some((w) => block.indexOf(w) !== -1 || (seam !== undefined && seam.indexOf(w) !== -1))) return true;
      tail = Buffer.from(block.subarray(Math.max(0, block.length - overlap)));
    }
    return false;
  } finally {
    source.close();
  }
}

/** Checks one object: `undefined` when it carries no pod, an `InputError` when it cannot be checked. */
function checkOne(
  item: SourcedManifest, context: any[], settings: LintSettings, engine: CliEngine, config: CliConfig,
): { findings: LocatedFinding[]; suppressions: LocatedSuppression[] } | InputError | undefined {
  const pod = PodManifest.from(item.manifest);
  const where = () => {
    const start = item.locator.start();
    return `${item.file}:${start.line}:${start.column}`;
  };
  if (!pod) {
    const kind = item.manifest.kind;
    if (typeof kind === 'string' && PodManifest.KINDS.includes(kind)) {
      // A pod-bearing kind without a readable pod spec cannot be checked; saying nothing would pass it.
      return new InputError(where(), `${kind}/${nameOf(item.manifest)} has no pod spec mapping where a ${kind} keeps it; cannot check it`);
    }
    return undefined;
  }
  let result;
  try {
    result = engine.check(item.manifest, context, settings);
  } catch (e) {
    return new InputError(where(), `the rules engine could not check ${pod.displayName}: ${flattenLines(e)}`);
  }
  const findings: LocatedFinding[] = [];
  const suppressions: LocatedSuppression[] = [];
  for (const finding of result.findings) {
    const pos = item.locator.locate(finding.path);
    const at = { file: item.file, line: pos.line, column: pos.column, object: pod.displayName };
    const policy = config.rules.get(finding.ruleId);
    if (policy?.severity === 'off') {
      suppressions.push({ ...at, suppressed: { ...finding, reason: policy.reason, suppressedBy: policy.source } });
    } else if (policy && policy.severity !== finding.severity) {
      const relevelled = { from: finding.severity, reason: policy.reason, source: policy.source };
      findings.push({ ...at, finding: { ...finding, severity: policy.severity }, relevelled });
    } else {
      findings.push({ ...at, finding });
    }
  }
  for (const suppressed of result.suppressed) {
    const pos = item.locator.locate(suppressed.path);
    suppressions.push({ file: item.file, line: pos.line, column: pos.column, object: pod.displayName, suppressed });
  }
  // Source order within an object (the engine orders by severity): the output reads top to bottom like the file.
  findings.sort((a, b) => a.line - b.line || a.column - b.column);
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

/**
 * The last line of a text run. It never says "no findings" when an input could not be read:
 * then it says the run is incomplete first.
 */
export function summaryLine(s: LintSummary): string {
  const scope = `${plural(s.podObjects, 'pod-bearing object')} (${plural(s.files, 'file')}, ${plural(s.documents, 'document')})`;
  const suppressed = s.suppressed > 0 ? `; ${s.suppressed} suppressed` : '';
  const counts = `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${s.infos} info`;
  if (s.inputErrors > 0) {
    return `incomplete: ${plural(s.inputErrors, 'input error')} (above); ${counts} in the ${scope} that could be read${suppressed}`;
  }
  if (s.errors + s.warnings + s.infos === 0) return `no findings in ${scope}${suppressed}`;
  return `${counts} in ${scope}${suppressed}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
