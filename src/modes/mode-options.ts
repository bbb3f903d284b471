/**
 * Options of the LEGACY and UNIVERSAL protocols, in plain numbers and strings (the constructs
 * convert the public `SidecarModeOptions`, which take Durations). See `SidecarModeOptions` for
 * what each one means and why its default is what it is.
 */
export interface ModeOptions {
  readonly detectionTimeoutSeconds?: number;
  readonly stopTimeoutSeconds?: number;
  /** Seconds between checks of the marker files. Not public: tests shorten it. */
  readonly pollSeconds?: number;
  readonly lifecycleMountPath?: string;
  readonly lifecycleVolumeName?: string;
  readonly shell?: string;
}

/** Defaults of the protocol. */
export const MODE_DEFAULTS = {
  detectionTimeoutSeconds: 30,
  stopTimeoutSeconds: 10,
  pollSeconds: 1,
  lifecycleMountPath: '/run/sidecar-lifecycle',
  lifecycleVolumeName: 'sidecar-lifecycle',
  shell: '/bin/sh',
  twinSuffix: '-twin',
} as const;

/** True when any protocol option is given (they are checked even in NATIVE, where they do nothing). */
export function hasModeOptions(o: ModeOptions): boolean {
  return o.detectionTimeoutSeconds !== undefined || o.stopTimeoutSeconds !== undefined || o.pollSeconds !== undefined
    || o.lifecycleMountPath !== undefined || o.lifecycleVolumeName !== undefined || o.shell !== undefined;
}
