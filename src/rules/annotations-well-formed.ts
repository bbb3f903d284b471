import { Annotations, readNumberMap, readRelation } from '../engine/annotations';
import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { BaseRule } from './private/base-rule';
import { annotationsOf, declarationsWritten, readDeclarations } from './private/declarations';
import { q } from './private/pod-view';
import { containerIndex } from './private/relations';
import { RuleContext } from './rule-context';

/**
 * The declared relations (`start-after`, `needs-ready`, `shutdown-seconds`) are well-formed JSON
 * and name containers of the pod. Other rules read malformed annotations as empty, so this is
 * the one place that reports them.
 */
export class AnnotationsWellFormedRule extends BaseRule {
  public readonly id = 'SC-ANN-001';
  public readonly name = 'annotations-well-formed';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'Declared relations (start-after, needs-ready, shutdown-seconds) are well-formed and name containers of the pod.';
  public readonly explanation = 'The ordering, startup and termination rules, the lifecycle plan and the CLI read the cdk8s-sidecars.dev/ annotations on the pod (template) metadata. A malformed annotation, or one naming a container that does not exist, silently disables those checks, so it is an error in its own right.';
  public readonly fix = 'Write the annotation as a JSON object of container name -> [container names] (start-after, needs-ready) or container name -> seconds (shutdown-seconds), using names of containers of this pod.';
  public readonly source = 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/';

  public evaluate(context: RuleContext): Finding[] {
    const pod = context._pod;
    const annotations = annotationsOf(pod);
    const byName = containerIndex(pod);
    const out: Finding[] = [];
    const pathOf = (key: string) => pod.podMetadataPath.child('annotations').key(key);
    if (declarationsWritten(pod)) {
      // Written by the pipeline from the workload's declarations: well-formed; the names still need to exist.
      const d = readDeclarations(pod);
      const relations: Array<[string, Readonly<Record<string, ReadonlyArray<string>>>]> = [
        [Annotations.START_AFTER, d.startAfter],
        [Annotations.NEEDS_READY, d.needsReady],
      ];
      for (const [key, relation] of relations) {
        for (const from in relation) {
          if (!byName.has(from)) out.push(this.notFound(pathOf(key), from, 'no container of that name in the pod', this.useOneOf(byName)));
          for (const t of relation[from]) if (!byName.has(t)) out.push(this.notFound(pathOf(key), t, 'no container of that name in the pod', this.useOneOf(byName)));
        }
      }
      for (const name in d.shutdownSeconds) if (!byName.has(name)) out.push(this.notFound(pathOf(Annotations.SHUTDOWN_SECONDS), name, 'no container of that name in the pod', this.useOneOf(byName)));
      return out;
    }
    const unknown = (key: string, name: string) => this.notFound(pathOf(key), name, 'no container of that name in the pod', this.useOneOf(byName));

    for (const key of [Annotations.START_AFTER, Annotations.NEEDS_READY]) {
      const read = readRelation(annotations, key);
      if (read.problem) {
        out.push(this.invalid(pathOf(key), annotations?.[key], read.problem, 'write a JSON object such as {"app":["proxy"]}'));
        continue;
      }
      for (const [from, targets] of Object.entries(read.relation)) {
        if (!byName.has(from)) out.push(unknown(key, from));
        for (const t of targets) if (!byName.has(t)) out.push(unknown(key, t));
      }
    }
    const seconds = readNumberMap(annotations, Annotations.SHUTDOWN_SECONDS);
    if (seconds.problem) {
      out.push(this.invalid(pathOf(Annotations.SHUTDOWN_SECONDS), annotations?.[Annotations.SHUTDOWN_SECONDS], seconds.problem, 'write a JSON object such as {"proxy":5}'));
    } else {
      for (const name of Object.keys(seconds.values)) if (!byName.has(name)) out.push(unknown(Annotations.SHUTDOWN_SECONDS, name));
    }
    return out;
  }

  private useOneOf(byName: ReadonlyMap<string, unknown>): string {
    return `use one of ${[...byName.keys()].map((n) => q(n)).join(', ') || 'the pod\'s container names'}`;
  }
}
