import { PerCheck } from './per-check';
import { Annotations, readNumberMap, readRelation } from '../../engine/annotations';
import { PodDeclarations } from '../../engine/pod-declarations';
import { PodManifest } from '../../engine/pod-manifest';

/**
 * The relations declared on the pod (template) metadata. Malformed annotations read as empty
 * here; `SC-ANN-001` reports them, so other rules do not report the same problem again.
 */
export type Declarations = PodDeclarations;

/** Read once per checked pod: several rules ask, and the rules never change the manifest. */
export function readDeclarations(pod: PodManifest): Declarations {
  return DECLARATIONS.of(pod);
}

/**
 * Hands the rules the declarations the pipeline just wrote on the pod, so they are not read back
 * from the annotations' JSON (they are the same: the annotations are written from this value).
 */
export function seedDeclarations(pod: PodManifest, declarations: Declarations): void {
  DECLARATIONS.seed(pod, declarations);
  WRITTEN.seed(pod, true);
}

/**
 * True when the pod's declaration annotations were written by the pipeline from a value (so they
 * are well-formed JSON by construction; only the names they hold need checking).
 */
export function declarationsWritten(pod: PodManifest): boolean {
  return WRITTEN.has(pod);
}

const WRITTEN = new PerCheck<PodManifest, true>(() => true);

const DECLARATIONS = new PerCheck<PodManifest, Declarations>((pod) => {
  const annotations = annotationsOf(pod);
  return {
    startAfter: readRelation(annotations, Annotations.START_AFTER).relation,
    needsReady: readRelation(annotations, Annotations.NEEDS_READY).relation,
    shutdownSeconds: readNumberMap(annotations, Annotations.SHUTDOWN_SECONDS).values,
  };
});

/** Pod (template) annotations, only if they are a string map; anything else reads as none. */
export function annotationsOf(pod: PodManifest): Record<string, string> | undefined {
  const a = pod.podMetadata.annotations;
  if (typeof a !== 'object' || a === null || Array.isArray(a)) return undefined;
  return a;
}
