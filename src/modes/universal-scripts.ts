/**
 * The POSIX `sh` scripts of the LEGACY and UNIVERSAL sidecar modes, and the argv that runs them.
 *
 * Safety rules every script here keeps:
 * - The original argv is never put into the script text: it is passed after the script as
 *   separate arguments (`sh -c SCRIPT NAME PARAM... -- ORIGINAL...`) and run as `"$@"`, so no
 *   quoting of user input can break out. Parameters are read positionally the same way.
 * - No `$$` and no command substitution `$(...)` in any script: the kubelet expands `$(VAR)` in
 *   `command`/`args` and turns `$$` into `$` before the shell sees them. Shell arithmetic
 *   `$((...))` is safe: its "name" `(...` is never an env var, and unresolved references are kept
 *   (a test checks this).
 * - The wrapped process runs as a child (`"$@" &`, then `wait`) so that the shell, PID 1 of the
 *   container, can forward SIGTERM to it: PID 1 ignores signals it has no handler for. An
 *   asynchronous command of a non-interactive shell ignores SIGINT/SIGQUIT (POSIX), so every stop
 *   signal is forwarded as SIGTERM. Its stdin is kept (fd 3) rather than the /dev/null that POSIX
 *   gives asynchronous commands.
 * - Liveness is known through `wait`, never by polling `kill -0` alone: dash does not reap an
 *   exited background child until `wait`, so `kill -0` would see the zombie forever.
 *
 * Marker files in the shared emptyDir (the directory is the first parameter):
 * - `app-done.<app>`: written by a wrapped app container when it exits, holding its exit code
 *   (OnFailure pods: only on success, as a failed app is restarted).
 * - `<sidecar>.first-run`: written by the native twin on its first run, just before it exits 0.
 * - `<sidecar>.owner`: `native` or `twin`, created atomically (`set -C`, O_EXCL) by whichever
 *   copy claims the sidecar role first.
 */

/** Labels shown as `$0` in `ps` and in the shell's own error messages. */
export const SCRIPT_NAMES = {
  app: 'cdk8s-sidecars-app',
  supervisor: 'cdk8s-sidecars-supervisor',
  native: 'cdk8s-sidecars-native',
  twin: 'cdk8s-sidecars-twin',
} as const;

/**
 * Runs an app container's argv and, when it exits, writes `app-done.<name>` with its exit code;
 * exits with the app's exit code. Parameters: dir, name, mark-on (`any` | `success`), `--`.
 */
export const APP_WRAPPER_SCRIPT = [
  'dir=$1 name=$2 markOn=$3',
  'shift 4',
  'exec 3<&0',
  '"$@" <&3 3<&- &',
  'child=$!',
  'exec 3<&-',
  'trap \'kill -TERM "$child" 2>/dev/null\' TERM INT QUIT HUP',
  'wait "$child"; rc=$?',
  // wait returns early (>128) when a trapped signal arrives; keep waiting for the real status.
  'while kill -0 "$child" 2>/dev/null; do wait "$child"; rc=$?; done',
  'if [ "$rc" -eq 0 ] || [ "$markOn" = any ]; then echo "$rc" > "$dir/app-done.$name"; fi',
  'exit "$rc"',
].join('\n');

/**
 * Runs a sidecar's argv until every listed app container has written its `app-done` marker, then
 * stops it (SIGTERM, SIGKILL after `stop-ticks` polls) and exits 0, so that a run-to-completion
 * pod can complete. A sidecar that exits on its own keeps its exit code.
 * Parameters: dir, poll seconds, stop-ticks, app names..., `--`.
 */
export const SIDECAR_SUPERVISOR_SCRIPT = [
  'set -f',
  'dir=$1 poll=$2 stopTicks=$3',
  'shift 3',
  'apps=',
  'while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do apps="$apps $1"; shift; done',
  'shift',
  'appsDone() { for a in $apps; do [ -e "$dir/app-done.$a" ] || return 1; done; return 0; }',
  'exec 3<&0',
  '"$@" <&3 3<&- &',
  'child=$!',
  'exec 3<&-',
  '(',
  '  while ! appsDone; do sleep "$poll"; done',
  '  kill -TERM "$child" 2>/dev/null',
  '  i=0',
  '  while kill -0 "$child" 2>/dev/null && [ "$i" -lt "$stopTicks" ]; do sleep "$poll"; i=$((i + 1)); done',
  '  kill -0 "$child" 2>/dev/null && kill -KILL "$child" 2>/dev/null',
  ') &',
  'watcher=$!',
  'trap \'kill -TERM "$child" 2>/dev/null\' TERM INT QUIT HUP',
  'wait "$child"; rc=$?',
  'while kill -0 "$child" 2>/dev/null; do wait "$child"; rc=$?; done',
  'kill "$watcher" 2>/dev/null',
  'if appsDone; then exit 0; fi',
  'exit "$rc"',
].join('\n');

/**
 * The native twin (init container, `restartPolicy: Always`). First run: writes
 * `<name>.first-run` and exits 0, so that a kubelet or API server without native sidecars (which
 * runs it as a regular init container) lets the pod start. A later run happens only where the
 * kubelet restarts it, i.e. where native sidecars work: it claims the role and execs the sidecar.
 * If the twin already holds the role (it timed out first, or the pod sandbox was recreated on a
 * node without the feature), it exits 0 instead.
 * Parameters: dir, name, poll seconds, ticks (bounded wait for a half-written owner file), `--`.
 */
export const NATIVE_TWIN_SCRIPT = [
  'dir=$1 name=$2 poll=$3 ticks=$4',
  'shift 5',
  'first="$dir/$name.first-run" owner="$dir/$name.owner"',
  'if [ ! -e "$first" ]; then',
  '  : > "$first"',
  '  echo "cdk8s-sidecars: $name: first run, exiting so that the pod can start; a restart means native sidecars work" >&2',
  '  exit 0',
  'fi',
  'if ( set -C; echo native > "$owner" ) 2>/dev/null; then exec "$@"; fi',
  'role= i=0',
  'while :; do',
  '  read -r role < "$owner" || :',
  '  if [ -n "$role" ] || [ "$i" -ge "$ticks" ]; then break; fi',
  '  sleep "$poll"; i=$((i + 1))',
  'done',
  'if [ "$role" = native ]; then exec "$@"; fi',
  'echo "cdk8s-sidecars: $name: the regular-container twin is the sidecar of this pod, exiting" >&2',
  'exit 0',
].join('\n');

/**
 * The regular-container twin. Waits up to `ticks` polls for the native twin to claim the role;
 * then claims it itself and execs the sidecar (its argv may be the supervisor in run-to-completion
 * pods), or, when the native twin holds it, stays idle: sleeps until stopped, in 10 s naps (`idle` = `sleep`,
 * pod restartPolicy Always) or exits 0 (`idle` = `exit`).
 * Parameters: dir, name, poll seconds, ticks, idle, `--`.
 */
export const REGULAR_TWIN_SCRIPT = [
  'dir=$1 name=$2 poll=$3 ticks=$4 idle=$5',
  'shift 6',
  'owner="$dir/$name.owner"',
  'role= i=0',
  'while :; do',
  '  if [ -e "$owner" ]; then',
  '    read -r role < "$owner" || :',
  // a half-written owner file (created, not yet filled) is waited for, boundedly
  '    if [ -n "$role" ] || [ "$i" -ge $((ticks * 2)) ]; then break; fi',
  '  elif [ "$i" -ge "$ticks" ]; then',
  '    if ( set -C; echo twin > "$owner" ) 2>/dev/null; then role=twin; break; fi',
  '    continue',
  '  fi',
  '  sleep "$poll"; i=$((i + 1))',
  'done',
  'if [ "$role" = twin ]; then',
  '  echo "cdk8s-sidecars: $name: native sidecars did not start, this regular container is the sidecar" >&2',
  '  exec "$@"',
  'fi',
  'echo "cdk8s-sidecars: $name: the native sidecar is running, this twin stays idle" >&2',
  'if [ "$idle" = exit ]; then exit 0; fi',
  'trap \'kill "$s" 2>/dev/null; exit 0\' TERM INT QUIT HUP',
  // Short sleeps, not one long one: a signal that lands between `wait`'s check for pending traps and its
  // blocking waitpid is only acted on when the child exits (seen once in CI with bash 5.2: the twin ignored
  // SIGTERM for the whole sleep). With 10 s sleeps a stop is never later than that, well inside the
  // 30 s default grace period; one fork every 10 s costs nothing.
  'while :; do sleep 10 & s=$!; wait "$s"; done',
].join('\n');

/** Every script, for checks that apply to all of them. */
export const ALL_SCRIPTS: ReadonlyArray<string> = [APP_WRAPPER_SCRIPT, SIDECAR_SUPERVISOR_SCRIPT, NATIVE_TWIN_SCRIPT, REGULAR_TWIN_SCRIPT];

/** Timing of the protocol, in polls; the generators turn durations into these. */
export interface ProtocolTiming {
  /** Seconds between two checks of the marker files, as `sleep` takes it (`1`, `0.1`). */
  readonly pollSeconds: string;
  /** Polls the regular twin waits for the native twin's claim. */
  readonly detectionTicks: number;
  /** Polls a stopped sidecar gets between SIGTERM and SIGKILL. */
  readonly stopTicks: number;
}

/** `command` of a wrapped app container (its `args` are left as they are and follow). */
export function appWrapperCommand(shell: string, dir: string, name: string, markOn: 'any' | 'success', command: ReadonlyArray<string>): string[] {
  return [shell, '-c', APP_WRAPPER_SCRIPT, SCRIPT_NAMES.app, dir, name, markOn, '--', ...command];
}

/** `command` of a supervised sidecar: stopped once every one of `apps` has exited. */
export function supervisedSidecarCommand(
  shell: string,
  dir: string,
  timing: ProtocolTiming,
  apps: ReadonlyArray<string>,
  command: ReadonlyArray<string>,
): string[] {
  return [shell, '-c', SIDECAR_SUPERVISOR_SCRIPT, SCRIPT_NAMES.supervisor, dir, timing.pollSeconds, String(timing.stopTicks), ...apps, '--', ...command];
}

/** `command` of the native twin of a universal sidecar. */
export function nativeTwinCommand(shell: string, dir: string, name: string, timing: ProtocolTiming, command: ReadonlyArray<string>): string[] {
  return [shell, '-c', NATIVE_TWIN_SCRIPT, SCRIPT_NAMES.native, dir, name, timing.pollSeconds, String(timing.detectionTicks), '--', ...command];
}

/** `command` of the regular-container twin of a universal sidecar. */
export function regularTwinCommand(shell: string, dir: string, name: string, timing: ProtocolTiming, idle: 'sleep' | 'exit', command: ReadonlyArray<string>): string[] {
  return [shell, '-c', REGULAR_TWIN_SCRIPT, SCRIPT_NAMES.twin, dir, name, timing.pollSeconds, String(timing.detectionTicks), idle, '--', ...command];
}
