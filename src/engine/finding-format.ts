import { Finding } from './finding';
import { Severity } from './severity';

/** The one message grammar: `RULE-ID field.path: Type: detail. Fix: hint`. */
export function formatFinding(f: Finding): string {
  const where = f.path === '' ? '' : ` ${f.path}:`;
  const detail = f.message.endsWith('.') ? f.message.slice(0, -1) : f.message;
  return `${f.ruleId}${where} ${detail}. Fix: ${f.fix}`;
}

/** Orders severities from most to least serious (error < warning < info). */
export function severityRank(s: Severity): number {
  switch (s) {
    case Severity.ERROR: return 0;
    case Severity.WARNING: return 1;
    default: return 2;
  }
}
