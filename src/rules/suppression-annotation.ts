import { ErrorType } from '../engine/error-type';
import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { BaseRule } from './private/base-rule';
import { readAnnotationSuppressions } from './private/suppressions';
import { RuleContext } from './rule-context';

/**
 * The suppression annotation is well-formed: a JSON object of known rule ids -> reasons of at
 * least 10 characters. Its own findings cannot be suppressed.
 */
export class SuppressionAnnotationRule extends BaseRule {
  public readonly id = 'SC-ANN-002';
  public readonly name = 'suppression-annotation';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'Suppressions in the cdk8s-sidecars.dev/suppress annotation name known rules and give a reason of at least 10 characters.';
  public readonly explanation = 'A suppression hides a finding, so it must say which rule and why, for the next reader and for audit. A malformed annotation, an unknown rule id or a reason shorter than 10 characters does not suppress anything and is reported. This rule itself cannot be suppressed.';
  public readonly fix = 'Write {"RULE-ID":"why this finding does not apply here"} with a rule id from RULES.md.';
  public readonly source = 'https://kubernetes.io/docs/concepts/overview/working-with-objects/annotations/';

  public evaluate(context: RuleContext): Finding[] {
    return readAnnotationSuppressions(context._pod, context._knownRuleIds).problems.map((p) => (p.type === ErrorType.NOT_FOUND
      ? this.notFound(p.path, p.value, p.detail, p.fix)
      : this.invalid(p.path, p.value, p.detail, p.fix)));
  }
}
