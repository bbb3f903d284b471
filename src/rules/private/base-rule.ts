import { FieldPath } from '../../engine/field-path';
import { Finding } from '../../engine/finding';
import { Severity } from '../../engine/severity';
import { IRule } from '../rule';
import { RuleContext } from '../rule-context';

/**
 * Shared shape of our rules: the metadata as fields and a `finding()` builder, so that every
 * finding carries the rule's id and a field path printed the API server's way.
 */
export abstract class BaseRule implements IRule {
  public abstract readonly id: string;
  public abstract readonly name: string;
  public abstract readonly severity: Severity;
  public abstract readonly summary: string;
  public abstract readonly explanation: string;
  public abstract readonly fix: string;
  public abstract readonly source: string;

  public abstract evaluate(context: RuleContext): Finding[];

  /** A finding of this rule; `severity` defaults to the rule's, `fix` to the rule's hint. */
  protected finding(path: FieldPath, message: string, fix?: string, severity?: Severity): Finding {
    return { ruleId: this.id, severity: severity ?? this.severity, path: path.toString(), message, fix: fix ?? this.fix };
  }
}
