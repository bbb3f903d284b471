/**
 * How the tail log shipper's command is written. Both pass every log path as exactly one literal
 * argument: no path can inject a command. Both also write every `$` as `$$`, because the kubelet
 * expands `$(VAR)` in `command` and `args` first: a path holding `$(X)` or `$$` reaches `tail`
 * as written, and a variable's value never reaches the shell.
 */
export enum TailCommandStyle {
  /**
   * `["tail", "-F", "--", path...]`: no shell at all. The default.
   */
  EXEC = 'exec',

  /**
   * `["sh", "-c", "tail -F path..."]`, every path POSIX-quoted when it holds anything but
   * `A-Z a-z 0-9 _ @ % + = : , . / -`. The form of the Kubernetes documentation's examples
   * (`sh -c 'tail -F /opt/logs.txt'`), for manifests that must stay identical to them.
   */
  SHELL = 'shell',
}
