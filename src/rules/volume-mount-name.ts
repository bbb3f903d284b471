import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { isObject } from '../engine/wire-types';
import { BaseRule } from './private/base-rule';
import { allContainers, arrayOf, q } from './private/pod-view';
import { RuleContext } from './rule-context';

/** validation.go `ValidateVolumeMounts`: every mount names a volume of the pod. */
export class VolumeMountNameRule extends BaseRule {
  public readonly id = 'SC-API-008';
  public readonly name = 'volume-mount-name';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'Every volumeMount names a volume declared in the pod\'s volumes.';
  public readonly explanation = 'A sidecar often shares a volume with the app (logs, sockets, secrets). The API server rejects a mount whose name is not one of spec.volumes ("Not found"), which is easy to miss when a sidecar is added to an existing workload.';
  public readonly fix = 'Declare the volume in the pod\'s volumes, or fix the mount\'s name.';
  public readonly source = 'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go (ValidateVolumeMounts)';

  public evaluate(context: RuleContext): Finding[] {
    const pod = context._pod;
    const volumes = new Set<string>();
    for (const v of arrayOf(pod.podSpec.volumes)) if (isObject(v) && typeof v.name === 'string') volumes.add(v.name);
    const declared = (): string => volumes.size === 0 ? 'the pod declares no volumes' : `declared volumes: ${[...volumes].map((v) => q(v)).join(', ')}`;
    const out: Finding[] = [];
    for (const c of allContainers(pod)) {
      const mounts = arrayOf(c.container.volumeMounts);
      for (let i = 0; i < mounts.length; i++) {
        const m = mounts[i];
        if (!isObject(m) || (typeof m.name === 'string' && m.name !== '' && volumes.has(m.name))) continue;
        const path = c.path.child('volumeMounts').index(i).child('name');
        if (m.name === undefined || m.name === '') {
          out.push(this.required(path, '', 'name the volume to mount'));
        } else {
          out.push(this.notFound(path, m.name, declared(), `add a volume named ${q(m.name)} to ${pod.podSpecPath.child('volumes')}, or mount one of the declared volumes`));
        }
      }
    }
    return out;
  }
}
