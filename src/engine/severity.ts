/**
 * How serious a finding is.
 */
export enum Severity {
  /** The API server, the kubelet or the Job controller will reject or mishandle this: synth fails. */
  ERROR = 'error',
  /** Legal, but very likely not what you meant. Reported once per synth; can be promoted to an error. */
  WARNING = 'warning',
  /** Worth knowing, no action needed. */
  INFO = 'info',
}
