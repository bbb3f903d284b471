import { AdviceType } from '../../engine/advice-type';
import { ErrorType } from '../../engine/error-type';
import { FieldPath } from '../../engine/field-path';
import { Finding } from '../../engine/finding';
import { hintOf, makeFinding } from '../../engine/finding-format';
import { Severity } from '../../engine/severity';
import { IRule } from '../rule';
import { RuleContext } from '../rule-context';

/** What `advise()` may take besides the type, path and detail. */
export interface AdviceOptions {
  /** The value the advice is about, printed after the type. */
  readonly value?: unknown;
  /** Default: the rule's severity, or `warning` for a rule whose worst finding is an error. */
  readonly severity?: Severity;
}

/**
 * Shared shape of our rules: the metadata as fields and one constructor per finding type, after
 * apimachinery's `field.Required`, `field.Invalid`, ... (util/validation/field/errors.go). Every
 * finding carries the rule's id, a field path printed the API server's way, the bad value and a
 * message derived from them.
 *
 * Rejections (the API server's types) are errors; advice (`advise()`) is a warning or info and
 * never borrows a rejection type. `fix` defaults to the rule's general hint.
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

  /** `Required value: detail`: a required field is missing. */
  protected required(path: FieldPath, detail: string, fix?: string): Finding {
    return this.reject(ErrorType.REQUIRED, path, undefined, detail, fix);
  }

  /** `Invalid value: value: detail`: a value is malformed or out of range (`value` undefined prints none). */
  protected invalid(path: FieldPath, value: unknown, detail: string, fix?: string): Finding {
    return this.reject(ErrorType.INVALID, path, value, detail, fix);
  }

  /** `Forbidden: detail`: a field or value that is not allowed here. */
  protected forbidden(path: FieldPath, detail: string, fix?: string): Finding {
    return this.reject(ErrorType.FORBIDDEN, path, undefined, detail, fix);
  }

  /**
   * `Unsupported value: value: supported values: "a", "b"`, as `field.NotSupported` prints it;
   * `note` follows the list.
   */
  protected notSupported(path: FieldPath, value: unknown, supported: ReadonlyArray<string>, fix?: string, note?: string): Finding {
    const list = `supported values: ${supported.map((v) => JSON.stringify(v)).join(', ')}`;
    return this.reject(ErrorType.NOT_SUPPORTED, path, value, note ? `${list} (${note})` : list, fix);
  }

  /** `Duplicate value: value: detail`: a value that must be unique is repeated. */
  protected duplicate(path: FieldPath, value: unknown, detail: string, fix?: string): Finding {
    return this.reject(ErrorType.DUPLICATE, path, value, detail, fix);
  }

  /** `Not found: value: detail`: a value names something that does not exist. */
  protected notFound(path: FieldPath, value: unknown, detail: string, fix?: string): Finding {
    return this.reject(ErrorType.NOT_FOUND, path, value, detail, fix);
  }

  /** `Too long: detail` (the value is kept for JSON output, not printed, as upstream). */
  protected tooLong(path: FieldPath, value: unknown, detail: string, fix?: string): Finding {
    return this.reject(ErrorType.TOO_LONG, path, value, detail, fix);
  }

  /** `Too many: value: detail`: a list has more items than allowed. */
  protected tooMany(path: FieldPath, value: unknown, detail: string, fix?: string): Finding {
    return this.reject(ErrorType.TOO_MANY, path, value, detail, fix);
  }

  /** `Internal error: detail`: the check itself failed. */
  protected internalError(path: FieldPath, detail: string, fix?: string): Finding {
    return this.reject(ErrorType.INTERNAL, path, undefined, detail, fix);
  }

  /** Advice about something the API server accepts: `Type: value: detail`, a warning or info. */
  protected advise(type: AdviceType, path: FieldPath, detail: string, fix?: string, options: AdviceOptions = {}): Finding {
    const severity = options.severity ?? (this.severity === Severity.ERROR ? Severity.WARNING : this.severity);
    return makeFinding(this.id, severity, { type, path, value: options.value, detail, fix: fix ?? this.hint() });
  }

  private reject(type: ErrorType, path: FieldPath, value: unknown, detail: string, fix: string | undefined): Finding {
    return makeFinding(this.id, Severity.ERROR, { type, path, value, detail, fix: fix ?? this.hint() });
  }

  /** The rule's general fix as a finding's hint (see `hintOf`). */
  private hint(): string {
    return hintOf(this.fix);
  }

}

/**
 * A rule whose findings a stage of the pod pipeline reports while it builds the pod (the sidecar
 * modes, the declarations), not a check of the finished manifest: registered like every rule, so
 * that it is documented, suppressible and promoted, and its `evaluate()` finds nothing.
 */
export abstract class StageRule extends BaseRule {
  public evaluate(_context: RuleContext): Finding[] {
    return [];
  }
}
