/**
 * Shared by the seed 002 examples: the netshoot image and the container settings its pods use.
 * Not an example itself (examples are the files directly under examples/).
 */
import * as kplus from 'cdk8s-plus-28';

export const NETSHOOT = 'nicolaka/netshoot:v0.14';

/** A probe that runs `sh -c "exit <code>"`: succeeds with 0, fails with 1. */
export function exitProbe(code: number): kplus.Probe {
  return kplus.Probe.fromCommand(['sh', '-c', `exit ${code}`]);
}

/**
 * The seeds give no securityContext; netshoot runs as root, so cdk8s-plus's default
 * `runAsNonRoot: true` would keep it from starting. Run as uid 1000 instead.
 */
export const SECURITY: kplus.ContainerSecurityContextProps = { user: 1000, group: 1000 };

/** A container that sleeps, traps SIGTERM, waits 3 seconds and prints its name (seed 002 File 2). */
export function trapCommand(name: string): string[] {
  return ['sh', '-c', `trap 'sleep 3; echo ${name}; exit 0' TERM; sleep infinity & wait`];
}
