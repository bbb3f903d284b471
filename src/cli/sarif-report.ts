import * as crypto from 'crypto';
import * as path from 'path';
import { LintReport } from './json-report';
import { LocatedFinding, LocatedSuppression } from './located-finding';
import { PACKAGE_NAME, packageRepositoryUrl, packageVersion } from './package-version';
import { ruleCatalog, RuleInfo } from './rule-catalog';
import { formatFinding } from '../engine/finding-format';
import { Severity } from '../engine/severity';

/**
 * `--format sarif`: SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html), as
 * GitHub code scanning reads it: the rules with their metadata and help links into RULES.md,
 * one result per finding with its location (file relative to the checkout, line, column) and the
 * object as a logical location, suppressed findings as results with a suppression, and input
 * errors as tool execution notifications. The one place a finding's SARIF shape is written.
 */
export function renderSarifReport(report: LintReport): string {
  const rules = ruleCatalog();
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = [
    ...report.findings.map((f) => result(f.finding.ruleId, f.finding.severity, f, formatFinding(f.finding), index)),
    ...report.suppressed.map((s) => ({
      ...result(s.suppressed.ruleId, s.suppressed.severity, s, formatFinding(s.suppressed), index),
      suppressions: [{
        kind: s.suppressed.suppressedBy === 'options' ? 'external' : 'inSource',
        justification: s.suppressed.reason,
        ...(s.suppressed.suppressedBy !== 'options' ? { properties: { suppressedBy: s.suppressed.suppressedBy } } : {}),
      }],
    })),
  ];
  const version = packageVersion();
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: PACKAGE_NAME,
          informationUri: packageRepositoryUrl(),
          ...(/^\d+\.\d+\.\d+/.test(version) ? { version, semanticVersion: version } : { version }),
          rules: rules.map(ruleDescriptor),
        },
      },
      invocations: [{
        executionSuccessful: report.inputErrors.length === 0,
        toolExecutionNotifications: report.inputErrors.map((e) => {
          const m = /^(.*?):(\d+):(\d+)$/.exec(e.where);
          return {
            level: 'error',
            message: { text: e.message },
            locations: [{
              physicalLocation: {
                artifactLocation: artifact(m ? m[1] : e.where),
                ...(m ? { region: { startLine: Number(m[2]), startColumn: Number(m[3]) } } : {}),
              },
            }],
          };
        }),
      }],
      results,
      ...(report.config !== undefined ? { properties: { config: report.config } } : {}),
    }],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function ruleDescriptor(r: RuleInfo): Record<string, unknown> {
  return {
    id: r.id,
    name: r.name,
    shortDescription: { text: r.summary },
    fullDescription: { text: r.explanation },
    help: { text: `${r.fix} See ${r.helpUri}`, markdown: `${r.fix}\n\n[${r.id} in RULES.md](${r.helpUri}) · Kubernetes: ${r.source}` },
    helpUri: r.helpUri,
    defaultConfiguration: { level: level(r.severity) },
    properties: { tags: ['kubernetes', 'sidecar'], source: r.source },
  };
}

function result(ruleId: string, severity: Severity, where: LocatedFinding | LocatedSuppression, text: string, index: Map<string, number>) {
  const path_ = 'finding' in where ? where.finding.path : where.suppressed.path;
  return {
    ruleId,
    ...(index.has(ruleId) ? { ruleIndex: index.get(ruleId) } : {}),
    level: level(severity),
    message: { text: `${where.object}: ${text}` },
    locations: [{
      physicalLocation: { artifactLocation: artifact(where.file), region: { startLine: where.line, startColumn: where.column } },
      logicalLocations: [{ fullyQualifiedName: path_ === '' ? where.object : `${where.object}.${path_}`, kind: 'object' }],
    }],
    // Stable across edits that only move lines: the rule, the object and the field.
    partialFingerprints: { 'cdk8sSidecarsFinding/v1': crypto.createHash('sha256').update(`${ruleId}\u0000${where.object}\u0000${path_}`).digest('hex') },
    ...('finding' in where && where.relevelled ? { properties: { relevelledFrom: where.relevelled.from, reason: where.relevelled.reason } } : {}),
  };
}

function level(s: Severity): 'error' | 'warning' | 'note' {
  return s === Severity.ERROR ? 'error' : s === Severity.WARNING ? 'warning' : 'note';
}

/** A file as SARIF wants it: a URI reference relative to the checkout (`%SRCROOT%`), or an absolute `file:` URI. */
function artifact(file: string): Record<string, unknown> {
  if (file === '<stdin>') return { uri: 'stdin', description: { text: 'standard input' } };
  const posix = file.split(path.sep).join('/');
  const encoded = posix.split('/').map((seg) => encodeURIComponent(seg)).join('/');
  return path.isAbsolute(file) ? { uri: `file://${encoded}` } : { uri: encoded.replace(/^\.\//, ''), uriBaseId: '%SRCROOT%' };
}
