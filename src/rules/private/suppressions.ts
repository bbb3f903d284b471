import { PerCheck } from './per-check';
import { Annotations } from '../../engine/annotations';
import { ErrorType } from '../../engine/error-type';
import { FieldPath } from '../../engine/field-path';
import { PodManifest } from '../../engine/pod-manifest';
import { isObject } from '../../engine/wire-types';
import { SuppressionEntry } from '../pod-settings';

const OBJECT_ANNOTATIONS = FieldPath.of('metadata.annotations');

/** The shortest reason a suppression may carry: long enough to say why. */
export const MIN_REASON_LENGTH = 10;


/** What is wrong with one suppression, in field-error terms. */
export interface SuppressionFault {
  readonly type: ErrorType.NOT_FOUND | ErrorType.INVALID;
  readonly value: unknown;
  readonly detail: string;
}

export interface SuppressionProblem extends SuppressionFault {
  readonly path: FieldPath;
  readonly fix: string;
}

/** Why a suppression is not acceptable, or `undefined` when it is. */
export function suppressionProblem(ruleId: string, reason: unknown, knownRuleIds: ReadonlyArray<string>): SuppressionFault | undefined {
  if (!knownRuleIds.includes(ruleId)) return { type: ErrorType.NOT_FOUND, value: ruleId, detail: 'no rule has this id' };
  if (typeof reason !== 'string') return { type: ErrorType.INVALID, value: reason, detail: `the reason for ${ruleId} must be a string` };
  if (reason.trim().length < MIN_REASON_LENGTH) {
    return { type: ErrorType.INVALID, value: reason, detail: `the reason for suppressing ${ruleId} must be at least ${MIN_REASON_LENGTH} characters` };
  }
  return undefined;
}

/**
 * Reads the `cdk8s-sidecars.dev/suppress` annotation of the object's metadata and of the pod
 * template's metadata. Valid entries suppress; problems are reported by SC-ANN-002 and the
 * entries they concern do not suppress anything.
 */
export function readAnnotationSuppressions(pod: PodManifest, knownRuleIds: ReadonlyArray<string>): AnnotationSuppressions {
  // Most pods carry none: nothing to read, nothing to keep.
  if (!hasSuppressAnnotation(pod.podMetadata.annotations) && !hasSuppressAnnotation(pod.metadata.annotations)) return NONE;
  // Read once per check: the engine applies them and SC-ANN-002 reports their problems.
  const memo = READ.has(pod) ? READ.of(pod) : undefined;
  if (memo && memo.knownRuleIds === knownRuleIds) return memo.result;
  const result = readFresh(pod, knownRuleIds);
  READ.seed(pod, { knownRuleIds, result });
  return result;
}

function hasSuppressAnnotation(annotations: unknown): boolean {
  return isObject(annotations) && annotations[Annotations.SUPPRESS] !== undefined;
}

const NONE: AnnotationSuppressions = Object.freeze({
  entries: Object.freeze([]) as unknown as SuppressionEntry[],
  problems: Object.freeze([]) as unknown as SuppressionProblem[],
});

export interface AnnotationSuppressions {
  readonly entries: SuppressionEntry[];
  readonly problems: SuppressionProblem[];
}

const READ = new PerCheck<PodManifest, { knownRuleIds: ReadonlyArray<string>; result: AnnotationSuppressions }>(() => {
  throw new Error('internal error: suppressions are seeded, never computed by the memo');
});

function readFresh(pod: PodManifest, knownRuleIds: ReadonlyArray<string>): AnnotationSuppressions {
  const entries: SuppressionEntry[] = [];
  const problems: SuppressionProblem[] = [];
  const places: Array<[unknown, FieldPath]> = [[pod.metadata.annotations, OBJECT_ANNOTATIONS]];
  if (pod.podMetadataPath.toString() !== 'metadata') places.push([pod.podMetadata.annotations, pod.podMetadataPath.child('annotations')]);
  for (const [annotations, base] of places) {
    if (!isObject(annotations) || annotations[Annotations.SUPPRESS] === undefined) continue;
    const path = base.key(Annotations.SUPPRESS);
    const raw = annotations[Annotations.SUPPRESS];
    const example = 'write a JSON object of rule id -> reason, e.g. {"SC-READINESS-001":"the proxy must be ready before traffic"}';
    let parsed: unknown;
    try {
      parsed = JSON.parse(String(raw));
    } catch {
      problems.push({ path, type: ErrorType.INVALID, value: raw, detail: 'not valid JSON', fix: example });
      continue;
    }
    if (!isObject(parsed)) {
      problems.push({ path, type: ErrorType.INVALID, value: raw, detail: 'must be a JSON object of rule id -> reason', fix: example });
      continue;
    }
    for (const [ruleId, reason] of Object.entries(parsed)) {
      const problem = suppressionProblem(ruleId, reason, knownRuleIds);
      if (problem) {
        problems.push({ path, ...problem, fix: `name a rule of RULES.md and give a reason of at least ${MIN_REASON_LENGTH} characters that says why the finding does not apply` });
      } else {
        entries.push({ ruleId, reason: reason as string, source: path.toString() });
      }
    }
  }
  return { entries, problems };
}
