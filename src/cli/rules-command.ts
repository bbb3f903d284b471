import { ExitCode } from './cli-errors';
import { CliIo } from './cli-io';
import { ruleCatalog } from './rule-catalog';

/** Output formats of `rules`. */
export enum RulesFormat {
  TEXT = 'text',
  JSON = 'json',
  MARKDOWN = 'markdown',
}

/** `cdk8s-sidecars rules`: every rule of the registry, as a table, JSON or Markdown. */
export function runRules(format: RulesFormat, io: CliIo): ExitCode {
  const rules = ruleCatalog();
  switch (format) {
    case RulesFormat.JSON:
      io.writeStdout(`${JSON.stringify(rules, null, 2)}\n`);
      break;
    case RulesFormat.MARKDOWN:
      io.writeStdout([
        '| id | severity | name | summary |',
        '| --- | --- | --- | --- |',
        ...rules.map((r) => `| [${r.id}](${r.helpUri}) | ${r.severity} | ${r.name} | ${r.summary.replace(/\|/g, '\\|')} |`),
        '',
      ].join('\n'));
      break;
    default: {
      const idWidth = Math.max(...rules.map((r) => r.id.length));
      const sevWidth = Math.max(...rules.map((r) => r.severity.length));
      const nameWidth = Math.max(...rules.map((r) => r.name.length));
      io.writeStdout([
        ...rules.map((r) => `${r.id.padEnd(idWidth)}  ${r.severity.padEnd(sevWidth)}  ${r.name.padEnd(nameWidth)}  ${r.summary}`),
        `${rules.length} rules; details: ${rules[0]?.helpUri.replace(/#.*$/, '') ?? 'RULES.md'}`,
        '',
      ].join('\n'));
    }
  }
  return ExitCode.OK;
}
