import { ContainerRole } from '../engine/container-role';
import { FieldPath } from '../engine/field-path';
import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { isObject } from '../engine/wire-types';
import { BaseRule } from './private/base-rule';
import { containersOf } from './private/pod-view';
import { RuleContext } from './rule-context';

const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
const LIFECYCLE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'];
const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'];
const HOOKS = ['postStart', 'preStop'] as const;

/** validation.go `validateProbe` / `validateHandler`: exactly one handler type. */
export class ProbeHandlerRule extends BaseRule {
  public readonly id = 'SC-API-005';
  public readonly name = 'probe-handler';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'Every probe and lifecycle hook has exactly one handler.';
  public readonly explanation = 'A probe names one of exec, httpGet, tcpSocket or grpc; a postStart/preStop hook one of exec, httpGet, tcpSocket or sleep. The API server rejects a probe or hook with none ("must specify a handler type") or with several ("may not specify more than 1 handler type").';
  public readonly fix = 'Keep exactly one handler in the probe or hook.';
  public readonly source = 'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go (validateProbe, validateHandler)';

  public evaluate(context: RuleContext): Finding[] {
    const out: Finding[] = [];
    for (const c of containersOf(context._pod)) {
      if (c.role === ContainerRole.REGULAR_INIT) continue; // SC-API-003 forbids probes and hooks there
      for (const probe of PROBES) {
        this.check(c.container[probe], c, [probe], PROBE_HANDLERS, out);
      }
      const lifecycle = c.container.lifecycle;
      if (isObject(lifecycle)) {
        for (const hook of HOOKS) {
          this.check(lifecycle[hook], c, ['lifecycle', hook], LIFECYCLE_HANDLERS, out);
        }
      }
    }
    return out;
  }

  /** The field path (`c.path` + `at`) is only made when there is something to report. */
  private check(handler: unknown, c: { readonly path: FieldPath }, at: string[], kinds: string[], out: Finding[]): void {
    if (!isObject(handler)) return;
    let count = 0;
    for (const k of kinds) if (handler[k] !== undefined && handler[k] !== null) count++;
    if (count === 1) return;
    const set = kinds.filter((k) => handler[k] !== undefined && handler[k] !== null);
    const path = c.path.child(...at);
    if (set.length === 0) {
      out.push(this.required(path, 'must specify a handler type', `add one of ${kinds.join(', ')}`));
    } else if (set.length > 1) {
      out.push(this.forbidden(path, `may not specify more than 1 handler type (found ${set.join(', ')})`, `keep only one of ${set.join(', ')}`));
    }
  }
}
