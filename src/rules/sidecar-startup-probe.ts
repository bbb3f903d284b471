import { ContainerRole } from '../engine/container-role';
import { ErrorType } from '../engine/error-type';
import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { isObject } from '../engine/wire-types';
import { postStartHoldOf } from '../lifecycle/post-start-hook';
import { BaseRule } from './private/base-rule';
import { readDeclarations } from './private/declarations';
import { containerIndex, pairs } from './private/relations';
import { RuleContext } from './rule-context';

/**
 * A sidecar that others need ready has a startupProbe: the kubelet moves on to the next init
 * container as soon as a sidecar's startupProbe succeeds, or, without one, as soon as its process
 * has started (KEP-753), which is usually before it listens.
 *
 * Unless it has a postStart hook: kubelet `startContainer` (pkg/kubelet/kuberuntime/kuberuntime_container.go)
 * runs the hook synchronously after starting the container and returns only when it has (killing
 * the container when it fails), and `computeInitContainerActions` starts the next init container only
 * once the sidecar is running (and started, for a startupProbe) in a later sync. So the next
 * container waits for the hook: `pilot-agent wait` and `cloud-sql-proxy wait` (Istio's
 * holdApplicationUntilProxyStarts) block until the proxy is ready, which is what the declaration asks.
 * A hook that only sleeps holds the next container for a fixed time, ready or not: information.
 */
export class SidecarStartupProbeRule extends BaseRule {
  public readonly id = 'SC-STARTUP-001';
  public readonly name = 'sidecar-startup-probe';
  public readonly severity = Severity.WARNING;
  public readonly summary = 'A sidecar that other containers need ready has a startupProbe.';
  public readonly explanation = 'The kubelet starts the container after a sidecar once the sidecar\'s startupProbe has succeeded; without a startupProbe it does so as soon as the sidecar\'s process is running, which for a proxy or a secret agent is usually before it is able to serve. The container that needs it then fails its first connections. A postStart hook also holds the next container until it returns (the kubelet runs it before it starts anything else), so a sidecar whose exec or httpGet hook waits until it serves (e.g. `pilot-agent wait`) needs no startupProbe; a hook that only sleeps is noted as info.';
  public readonly fix = 'Give the sidecar a startupProbe that succeeds only once it serves (e.g. tcpSocket on its port).';
  public readonly source = 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#sidecar-containers-and-pod-lifecycle';

  public evaluate(context: RuleContext): Finding[] {
    const pod = context._pod;
    const byName = containerIndex(pod);
    const neededBy = new Map<string, string[]>();
    for (const [from, to] of pairs(readDeclarations(pod).needsReady)) {
      const target = byName.get(to);
      if (!target || target.role !== ContainerRole.SIDECAR || isObject(target.container.startupProbe)) continue;
      neededBy.set(to, [...(neededBy.get(to) ?? []), from]);
    }
    const findings: Finding[] = [];
    for (const [name, users] of neededBy) {
      const sidecar = byName.get(name)!;
      const who = users.map((u) => `"${u}"`).join(', ');
      const hook = postStartHoldOf(sidecar.container);
      if (hook === undefined) {
        findings.push(this.advise(ErrorType.RECOMMENDED, sidecar.path.child('startupProbe'),
          `sidecar "${name}" is needed ready by ${who} but has no startupProbe, so the next container starts as soon as its process runs`,
          `add a startupProbe to "${name}" that succeeds once it serves (e.g. tcpSocket on its port)`));
      } else if (hook.sleepOnly) {
        const time = hook.seconds === undefined ? 'for the time it sleeps' : `for ${hook.seconds}s`;
        findings.push(this.advise(ErrorType.RECOMMENDED, sidecar.path.child('startupProbe'),
          `sidecar "${name}" is needed ready by ${who} and has no startupProbe: its postStart hook only sleeps, so the next container waits ${time}, `
          + `whether or not "${name}" serves by then`,
          `add a startupProbe to "${name}" that succeeds once it serves (e.g. tcpSocket on its port), or a postStart hook that waits until it does`,
          { severity: Severity.INFO }));
      }
    }
    return findings;
  }
}
