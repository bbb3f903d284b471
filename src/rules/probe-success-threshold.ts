import { ContainerRole } from '../engine/container-role';
import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { isObject } from '../engine/wire-types';
import { BaseRule } from './private/base-rule';
import { containersOf } from './private/pod-view';
import { RuleContext } from './rule-context';

/** validation.go `validateLivenessProbe` / `validateStartupProbe`: successThreshold must be 1. */
export class ProbeSuccessThresholdRule extends BaseRule {
  public readonly id = 'SC-API-004';
  public readonly name = 'probe-success-threshold';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'livenessProbe and startupProbe successThreshold must be 1.';
  public readonly explanation = 'Only readiness can require several successes in a row; for liveness and startup probes one success is the whole answer, and the API server rejects any other successThreshold. This applies to sidecars as to app containers.';
  public readonly fix = 'Remove successThreshold or set it to 1.';
  public readonly source = 'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go (validateLivenessProbe, validateStartupProbe)';

  public evaluate(context: RuleContext): Finding[] {
    const out: Finding[] = [];
    for (const c of containersOf(context._pod)) {
      if (c.role === ContainerRole.REGULAR_INIT) continue; // SC-API-003 forbids the probe itself
      for (const probe of ['livenessProbe', 'startupProbe']) {
        const p = c.container[probe];
        if (!isObject(p) || p.successThreshold === undefined || p.successThreshold === 1) continue;
        out.push(this.invalid(c.path.child(probe, 'successThreshold'), p.successThreshold, 'must be 1',
          `remove ${probe}.successThreshold from "${c.name}" or set it to 1`));
      }
    }
    return out;
  }
}
