import { formatFinding } from '../../src/engine/finding-format';
import { SidecarRules } from '../../src/rules/sidecar-rules';
import { SidecarRulesOptions } from '../../src/rules/sidecar-rules-options';

export const pod = (spec: any, metadata: any = { name: 'p' }) => ({ apiVersion: 'v1', kind: 'Pod', metadata, spec });
/** A Deployment the API server accepts around `spec`: its selector matches the template's labels. */
export const deployment = (spec: any, templateMetadata: any = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'd' },
  spec: { selector: { matchLabels: { app: 'd' } }, template: { metadata: { ...templateMetadata, labels: { app: 'd', ...templateMetadata.labels } }, spec } },
});
export const job = (spec: any, templateMetadata: any = {}) => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: { template: { metadata: templateMetadata, spec: { restartPolicy: 'Never', ...spec } } } });

/** Formatted findings of one rule (the full grammar `RULE-ID path: Type: detail. Fix: hint`). */
export function findings(manifest: any, ruleId: string, options?: SidecarRulesOptions): string[] {
  return SidecarRules.check(manifest, options).filter((f) => f.ruleId === ruleId).map(formatFinding);
}

/** `severity path` of one rule's findings. */
export function where(manifest: any, ruleId: string, options?: SidecarRulesOptions): string[] {
  return SidecarRules.check(manifest, options).filter((f) => f.ruleId === ruleId).map((f) => `${f.severity} ${f.path}`);
}

export const c = (name: string, extra: any = {}) => ({ name, image: 'x:1', ...extra });
export const sidecar = (name: string, extra: any = {}) => c(name, { restartPolicy: 'Always', resources: { requests: { cpu: '10m', memory: '16Mi' } }, ...extra });
export const execProbe = { exec: { command: ['true'] } };
