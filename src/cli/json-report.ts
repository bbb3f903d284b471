import { InputError } from './cli-errors';
import { LocatedFinding, LocatedSuppression } from './located-finding';

/** Counts of one `lint` run, as the summary line and `--format json` give them. */
export interface LintSummary {
  readonly files: number;
  readonly documents: number;
  readonly podObjects: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly suppressed: number;
  readonly inputErrors: number;
}

/** Everything a `lint` run found, for the report formats that print once at the end. */
export interface LintReport {
  readonly findings: LocatedFinding[];
  readonly suppressed: LocatedSuppression[];
  readonly inputErrors: InputError[];
  readonly summary: LintSummary;
  /** The config file applied, if any. */
  readonly config?: string;
}

/** `--format json`: one document; the one place a finding's JSON shape is written. */
export function renderJsonReport(report: LintReport): string {
  return `${JSON.stringify({
    findings: report.findings.map(findingToJson),
    suppressed: report.suppressed.map(suppressionToJson),
    inputErrors: report.inputErrors.map((e) => ({ where: e.where, message: e.detail })),
    summary: report.summary,
    ...(report.config !== undefined ? { config: report.config } : {}),
  }, null, 2)}\n`;
}

export function findingToJson(f: LocatedFinding): Record<string, unknown> {
  return {
    file: f.file,
    line: f.line,
    column: f.column,
    object: f.object,
    ruleId: f.finding.ruleId,
    severity: f.finding.severity,
    type: f.finding.type,
    path: f.finding.path,
    ...('value' in f.finding ? { value: f.finding.value } : {}),
    detail: f.finding.detail,
    message: f.finding.message,
    fix: f.finding.fix,
    ...(f.relevelled ? { relevelled: { from: f.relevelled.from, reason: f.relevelled.reason, by: f.relevelled.source } } : {}),
  };
}

export function suppressionToJson(s: LocatedSuppression): Record<string, unknown> {
  return {
    file: s.file,
    line: s.line,
    column: s.column,
    object: s.object,
    ruleId: s.suppressed.ruleId,
    severity: s.suppressed.severity,
    type: s.suppressed.type,
    path: s.suppressed.path,
    message: s.suppressed.message,
    reason: s.suppressed.reason,
    suppressedBy: s.suppressed.suppressedBy,
  };
}
