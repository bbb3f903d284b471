import { ErrorType } from '../../engine/error-type';
import { Finding } from '../../engine/finding';
import { hintOf, makeFinding } from '../../engine/finding-format';
import { KubernetesVersion } from '../../engine/kubernetes-version';
import { PodManifest } from '../../engine/pod-manifest';
import { Severity } from '../../engine/severity';
import { ApiWarning, FieldError, OMIT, ValidationArea } from '../../validation/field-error';
import { ApiValidation, validatePodManifest } from '../../validation/validate-manifest';
import { IRule } from '../rule';
import { RuleContext } from '../rule-context';

/**
 * The rules' view of the API server's validation (`src/validation/`): computed once per checked
 * pod and shared by every rule that exposes part of it, and the ONE place where a field error
 * or an API-server warning becomes a finding.
 */

/** The API server's verdict on the pod under check (validated once per check; rules never change the manifest). */
export function apiValidation(context: RuleContext): ApiValidation {
  const memo = VALIDATIONS.get(context._pod);
  if (memo && memo.version === context._version) return memo.result;
  const result = validatePodManifest(context._pod, context._version);
  VALIDATIONS.set(context._pod, { version: context._version, result });
  return result;
}

/** A `PodManifest` lives for one check (see `PerCheck`), and one check has one target version. */
const VALIDATIONS = new WeakMap<PodManifest, { version: KubernetesVersion; result: ApiValidation }>();

/**
 * A finding of `rule` for a field error: the error's path and body (`Type: value: detail`), its
 * own fix when it has one. An error that the API server raises only where a feature gate off by
 * default is not switched on is a warning.
 */
export function findingOfError(rule: IRule, e: FieldError): Finding {
  return makeFinding(rule.id, e.gate !== undefined ? Severity.WARNING : rule.severity, {
    type: e.type,
    path: e.field,
    // The API server prints a missing value as null; OMIT is a value it never prints.
    value: e.badValue === OMIT ? undefined : e.badValue === undefined ? null : e.badValue,
    detail: e.detail,
    fix: e.fix ?? hintOf(rule.fix),
  });
}

/** A finding of `rule` for an API-server warning: always a warning, with the API server's text. */
export function findingOfWarning(rule: IRule, w: ApiWarning): Finding {
  return makeFinding(rule.id, Severity.WARNING, { type: ErrorType.API_WARNING, path: w.field, detail: w.message, fix: w.fix });
}

/** The findings of the validation errors of some areas, in the validation's order. */
export function errorFindings(rule: IRule, context: RuleContext, areas: ReadonlyArray<ValidationArea>): Finding[] {
  const { errors, byArea } = apiValidation(context);
  const out: Finding[] = [];
  if (errors.length === 0) return out;
  if (areas.length === 1) {
    for (const e of byArea.get(areas[0]) ?? []) out.push(findingOfError(rule, e));
    return out;
  }
  for (const e of errors) if (areas.includes(e.area)) out.push(findingOfError(rule, e));
  return out;
}
