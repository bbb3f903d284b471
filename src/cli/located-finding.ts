import { Finding } from '../engine/finding';
import { formatFinding } from '../engine/finding-format';
import { SuppressedFinding } from '../rules/suppressed-finding';

/** A finding with the input position it points at. */
export interface LocatedFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** `Deployment/myapp` */
  readonly object: string;
  readonly finding: Finding;
}

/** A suppressed finding with the input position it points at (kept for audit). */
export interface LocatedSuppression {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly object: string;
  readonly suppressed: SuppressedFinding;
}

/**
 * `file:line:column severity RULE-ID field.path: Type: detail. Fix: hint`: the engine's one
 * grammar (`formatFinding`) behind the position prefix, which editors and terminals turn into links.
 */
export function formatTextLine(f: LocatedFinding): string {
  return `${f.file}:${f.line}:${f.column} ${f.finding.severity} ${formatFinding(f.finding)}`;
}

/**
 * A GitHub Actions workflow command that annotates the file in the pull request:
 * `::error file=F,line=L,col=C,title=RULE::message`.
 * https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions#setting-an-error-message
 */
export function formatGithubLine(f: LocatedFinding): string {
  const command = f.finding.severity === 'error' ? 'error' : f.finding.severity === 'warning' ? 'warning' : 'notice';
  const props = [
    `file=${escapeProperty(f.file)}`,
    `line=${f.line}`,
    `col=${f.column}`,
    `title=${escapeProperty(f.finding.ruleId)}`,
  ].join(',');
  return `::${command} ${props}::${escapeData(`${f.object}: ${formatFinding(f.finding)}`)}`;
}

/** JSON shape of one finding in `--format json`. */
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
  };
}

/** JSON shape of one suppressed finding in `--format json`. */
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

// The runner's escaping rules (actions/toolkit, packages/core/src/command.ts): data escapes
// %, CR and LF; property values additionally escape ':' and ','.
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
