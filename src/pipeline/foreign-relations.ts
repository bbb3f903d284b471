import { ErrorType } from '../engine/error-type';
import { Finding } from '../engine/finding';
import { makeFinding } from '../engine/finding-format';
import { PodManifest } from '../engine/pod-manifest';
import { Severity } from '../engine/severity';
import { ForeignDeclarationRule } from '../rules/foreign-declaration';

/**
 * A declared relation that names something outside the workload: a step or sidecar passed to
 * `startsAfter()`/`requireReady()` that belongs to another workload (or was never added), or a
 * container of another workload passed to `requireReady()`.
 */
export interface ForeignRelation {
  /** `start-after` or `needs-ready`. */
  readonly relation: 'start-after' | 'needs-ready';
  /** Name of the container that declared it. */
  readonly from: string;
  /** Name of the step or sidecar it names. */
  readonly to: string;
  /** Which end is not part of the workload. */
  readonly outside: 'from' | 'to';
}

const RULE_ID = new ForeignDeclarationRule().id;

/** SC-DECL-002, once per relation: the workload cannot order or wait for what is not in its pod. */
export function foreignRelationFindings(pod: PodManifest, relations: ReadonlyArray<ForeignRelation>): Finding[] {
  return relations.map((r) => {
    const path = r.relation === 'start-after' ? pod.podSpecPath.child('initContainers') : pod.podSpecPath;
    if (r.outside === 'from') {
      return makeFinding(RULE_ID, Severity.ERROR, {
        type: ErrorType.NOT_FOUND,
        path,
        value: r.from,
        detail: `requireReady() names container "${r.from}" as needing sidecar "${r.to}" ready, but "${r.from}" is not a container of this workload`,
        fix: 'pass a container of this workload (addContainer(), addInitStep(), addSidecar())',
      });
    }
    return r.relation === 'start-after'
      ? makeFinding(RULE_ID, Severity.ERROR, {
        type: ErrorType.NOT_FOUND,
        path,
        value: r.to,
        detail: `"${r.from}" is declared to start after "${r.to}", which is not an init step of this workload`,
        fix: 'declare dependencies only between sidecars and init containers of the same workload',
      })
      : makeFinding(RULE_ID, Severity.ERROR, {
        type: ErrorType.NOT_FOUND,
        path,
        value: r.to,
        detail: `"${r.from}" requires sidecar "${r.to}" ready, but it is not a sidecar of this workload`,
        fix: 'add the sidecar to this workload with addSidecar()',
      });
  });
}
