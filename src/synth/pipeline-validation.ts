import { IConstruct } from 'constructs';
import { Rendered, RenderOnce } from './render-once';
import { reportWarning } from './warning-reporter';
import { formatFinding } from '../engine/finding-format';
import { Severity } from '../engine/severity';

/**
 * The one validation of an object that goes through the pod pipeline: the errors of this synth's
 * render, in the one grammar (cdk8s prefixes the construct path and fails synth once with all of
 * them); warnings printed once per app. `extraErrors` adds construction problems only visible at
 * synth (already in the one grammar). `onClean` runs once per synth call when there is no error
 * (lifecycle docs).
 */
export function addPipelineValidation(
  construct: IConstruct,
  render: RenderOnce,
  onClean?: (rendered: Rendered) => void,
  extraErrors?: () => string[],
): void {
  construct.node.addValidation({
    validate: () => {
      let rendered: Rendered;
      try {
        rendered = render.rendered();
      } catch (e) {
        // A construct error while rendering (e.g. a bad setting): reported with the others, not as a crash.
        return [(e as Error).message];
      }
      // cdk8s validates (charts + 1) times per synth call: the construction problems are read once per call too.
      const errors: string[] = extraErrors ? [...render.once('construction-errors', () => extraErrors())] : [];
      for (const f of rendered.findings) {
        if (f.severity === Severity.ERROR) errors.push(formatFinding(f));
        else if (f.severity === Severity.WARNING) reportWarning(construct, formatFinding(f));
      }
      if (errors.length === 0 && onClean) render.once('clean', () => onClean(rendered));
      return errors;
    },
  });
}
