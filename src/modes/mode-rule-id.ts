/**
 * Ids of the findings the sidecar modes report while they rewrite a pod. Each is a registered
 * rule (src/rules/mode-rules.ts) with its RULES.md entry, so it can be suppressed and promoted.
 */
export enum ModeRuleId {
  /** Warning: AUTO chose LEGACY for a target below 1.29. */
  AUTO_LEGACY = 'SC-MODE-001',
  /** A container must be wrapped but has no `command`. */
  COMMAND_REQUIRED = 'SC-MODE-002',
  /** A name, volume or mount the mode needs is taken or invalid. */
  CONFLICT = 'SC-MODE-003',
  /** Bad mode options or input. */
  OPTIONS = 'SC-MODE-004',
  /** Warning: something declared that the mode cannot keep (a relation, probes, ports). */
  NOT_KEPT = 'SC-MODE-005',
}
