/**
 * Kubernetes expands `$(VAR_NAME)` in a container's `command` and `args` (and env values) before
 * the process sees them, using the container's environment: `$(VAR)` becomes the variable's value
 * when it is defined (and stays as written when not), `$$` becomes `$`, any other `$` stays.
 * Rules: third_party/forked/golang/expansion/expand.go, applied by the kubelet in
 * pkg/kubelet/container/helpers.go `ExpandContainerCommandAndArgs`.
 *
 * A literal that the library puts into an argv (a log file path, say) must reach the process
 * unchanged, so every `$` is doubled: `$$` expands to exactly one `$`, and no `$(` survives to be
 * read as a reference. Without it, `/var/log/$(HOSTNAME)/app.log` would make `tail` follow another
 * file, and in a `sh -c` line a variable's value could end the shell quoting around the path.
 *
 * @see https://kubernetes.io/docs/tasks/inject-data-application/define-interdependent-environment-variables/
 */
export function escapeExpansion(literal: string): string {
  return literal.split('$').join('$$');
}
