import { ContainerRole } from '../engine/container-role';
import { ErrorType } from '../engine/error-type';
import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { isObject } from '../engine/wire-types';
import { BaseRule } from './private/base-rule';
import { readDeclarations } from './private/declarations';
import { containerIndex, pairs } from './private/relations';
import { RuleContext } from './rule-context';

/**
 * A sidecar that others need ready has a startupProbe: the kubelet moves on to the next init
 * container as soon as a sidecar's startupProbe succeeds, or, without one, as soon as its process
 * has started (KEP-753), which is usually before it listens.
 */
export class SidecarStartupProbeRule extends BaseRule {
  public readonly id = 'SC-STARTUP-001';
  public readonly name = 'sidecar-startup-probe';
  public readonly severity = Severity.WARNING;
  public readonly summary = 'A sidecar that other containers need ready has a startupProbe.';
  public readonly explanation = 'The kubelet starts the container after a sidecar once the sidecar\'s startupProbe has succeeded; without a startupProbe it does so as soon as the sidecar\'s process is running, which for a proxy or a secret agent is usually before it is able to serve. The container that needs it then fails its first connections.';
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
    return [...neededBy.entries()].map(([name, users]) => {
      const sidecar = byName.get(name)!;
      return this.advise(ErrorType.RECOMMENDED, sidecar.path.child('startupProbe'),
        `sidecar "${name}" is needed ready by ${users.map((u) => `"${u}"`).join(', ')} but has no startupProbe, so the next container starts as soon as its process runs`,
        `add a startupProbe to "${name}" that succeeds once it serves (e.g. tcpSocket on its port)`);
    });
  }
}
