import { escapeGithubData, escapeGithubProperty, escapeTerminal } from './output-escaping';
import { Finding } from '../engine/finding';
import { formatFinding } from '../engine/finding-format';
import { Severity } from '../engine/severity';
import { SuppressedFinding } from '../rules/suppressed-finding';

/** A finding with the input position it points at. */
export interface LocatedFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** `Deployment/myapp` */
  readonly object: string;
  readonly finding: Finding;
  /** Set when a config file re-levelled the rule: the engine's severity and the reason. */
  readonly relevelled?: { readonly from: Severity; readonly reason: string; readonly source: string };
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
 * grammar (`formatFinding`) behind the position prefix, which editors and terminals turn into
 * links. Control characters from the input are shown escaped.
 */
export function formatTextLine(f: LocatedFinding): string {
  const relevelled = f.relevelled ? ` (${f.relevelled.from} in the rules; ${f.relevelled.reason})` : '';
  return escapeTerminal(`${f.file}:${f.line}:${f.column} ${f.finding.severity} ${formatFinding(f.finding)}${relevelled}`);
}

/**
 * A GitHub Actions workflow command that annotates the file in the pull request:
 * `::error file=F,line=L,col=C,title=RULE::message`.
 * https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions#setting-an-error-message
 */
export function formatGithubLine(f: LocatedFinding): string {
  const command = f.finding.severity === Severity.ERROR ? 'error' : f.finding.severity === Severity.WARNING ? 'warning' : 'notice';
  const props = [
    `file=${escapeGithubProperty(f.file)}`,
    `line=${f.line}`,
    `col=${f.column}`,
    `title=${escapeGithubProperty(f.finding.ruleId)}`,
  ].join(',');
  return `::${command} ${props}::${escapeGithubData(`${f.object}: ${formatFinding(f.finding)}`)}`;
}
