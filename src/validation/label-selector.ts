import { FieldError, forbidden, invalid, required, ValidationArea } from './field-error';
import { isLabelValue, isQualifiedName } from './names';
import { list, obj, str, text } from './wire';
import { FieldPath } from '../engine/field-path';

const AREA = ValidationArea.WORKLOAD;

/** `ValidateLabelSelector` (apimachinery meta/v1/validation): keys, values and operators. */
export function validateLabelSelector(selector: Record<string, any>, path: FieldPath, errs: FieldError[]): void {
  const labels = obj(selector.matchLabels);
  if (labels) {
    for (const k in labels) {
      const v = labels[k];
      for (const m of isQualifiedName(k)) errs.push(invalid(path.child('matchLabels'), k, m, AREA));
      for (const m of isLabelValue(text(v))) errs.push(invalid(path.child('matchLabels'), v, m, AREA));
    }
  }
  list(selector.matchExpressions).forEach((raw, i) => {
    const e = obj(raw) ?? {};
    const at = path.child('matchExpressions').index(i);
    const op = str(e.operator);
    const values = list(e.values);
    if (op === 'In' || op === 'NotIn') {
      if (values.length === 0) errs.push(required(at.child('values'), 'must be specified when `operator` is \'In\' or \'NotIn\'', AREA));
    } else if (op === 'Exists' || op === 'DoesNotExist') {
      if (values.length > 0) errs.push(forbidden(at.child('values'), 'may not be specified when `operator` is \'Exists\' or \'DoesNotExist\'', AREA));
    } else {
      errs.push(invalid(at.child('operator'), op, 'not a valid selector operator', AREA));
    }
    for (const m of isQualifiedName(text(str(e.key)))) errs.push(invalid(at.child('key'), e.key, m, AREA));
  });
}

/** True when the selector has neither matchLabels nor matchExpressions. */
export function isEmptySelector(selector: Record<string, any>): boolean {
  if (list(selector.matchExpressions).length > 0) return false;
  const labels = obj(selector.matchLabels);
  for (const _ in labels) return false;
  return true;
}

/**
 * `LabelSelectorAsSelector(...).Matches(labels)`: every matchLabels pair and every expression
 * holds. A nil selector matches nothing; an empty one matches everything.
 */
export function selectorMatches(selector: Record<string, any> | undefined, labels: Record<string, unknown>): boolean {
  if (!selector) return false;
  const matchLabels = obj(selector.matchLabels);
  for (const k in matchLabels) {
    if (labels[k] !== matchLabels[k]) return false;
  }
  for (const raw of list(selector.matchExpressions)) {
    const e = obj(raw) ?? {};
    const key = text(str(e.key));
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    const values = list(e.values);
    switch (e.operator) {
      case 'In': if (!has || !values.includes(labels[key])) return false; break;
      case 'NotIn': if (has && values.includes(labels[key])) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
      default: return false;
    }
  }
  return true;
}
