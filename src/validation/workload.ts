import * as defaults from './defaults';
import { FieldError, forbidden, invalid, notSupported, required, ValidationArea } from './field-error';
import { isEmptySelector, selectorMatches, validateLabelSelector } from './label-selector';
import { IS_NEGATIVE_MSG } from './names';
import { PodValidationOptions } from './pod-validation-options';
import { ClaimVolume } from './volumes';
import { isInt, isSet, list, obj, str } from './wire';
import { FieldPath } from '../engine/field-path';
import { PodManifest } from '../engine/pod-manifest';

const AREA = ValidationArea.WORKLOAD;
const SPEC = FieldPath.of('spec');
const PERCENT = /^[0-9]+%$/;

/**
 * The fields of the workload around its pod template, as the apps and batch validation check
 * them (pkg/apis/apps/validation, pkg/apis/batch/validation, core `ValidateReplicationController`),
 * read after their defaults (pkg/apis/apps/v1/defaults.go, batch/v1/defaults.go). Returns the
 * volumes a StatefulSet controller adds to every pod it creates.
 */
export function validateWorkload(pod: PodManifest, opts: PodValidationOptions, errs: FieldError[]): ClaimVolume[] {
  const spec = obj(pod.manifest.spec) ?? {};
  const specPath = SPEC;
  const labels = obj(pod.podMetadata.labels) ?? {};
  switch (pod.kind) {
    case 'Deployment':
    case 'ReplicaSet':
      nonNegative(defaults.replicas(spec, opts.applyDefaults), specPath, 'replicas', errs);
      // ValidateReplicaSetSpec says "deployment" too.
      appsSelector(spec, specPath, labels, 'deployment', errs);
      alwaysRestarts(pod, opts, 'ReplicaSet', errs);
      nonNegative(spec.minReadySeconds, specPath, 'minReadySeconds', errs);
      if (isSet(spec.revisionHistoryLimit)) nonNegative(spec.revisionHistoryLimit, specPath, 'revisionHistoryLimit', errs);
      if (pod.kind === 'Deployment') deploymentFields(spec, specPath, opts, errs);
      return [];
    case 'StatefulSet': {
      const policy = str(spec.podManagementPolicy) === '' && opts.applyDefaults ? 'OrderedReady' : str(spec.podManagementPolicy);
      if (policy === '') errs.push(required(specPath.child('podManagementPolicy'), '', AREA));
      else if (policy !== 'OrderedReady' && policy !== 'Parallel') errs.push(invalid(specPath.child('podManagementPolicy'), policy, 'must be \'OrderedReady\' or \'Parallel\'', AREA));
      const strategy = obj(spec.updateStrategy) ?? {};
      const type = str(strategy.type) === '' && opts.applyDefaults ? 'RollingUpdate' : str(strategy.type);
      if (type === '') {
        errs.push(required(specPath.child('updateStrategy'), '', AREA));
      } else if (type === 'OnDelete' && isSet(strategy.rollingUpdate)) {
        errs.push(invalid(specPath.child('updateStrategy', 'rollingUpdate'), strategy.rollingUpdate, 'only allowed for updateStrategy \'RollingUpdate\'', AREA));
      } else if (type === 'RollingUpdate') {
        const ru = obj(strategy.rollingUpdate);
        if (ru && isSet(ru.partition)) nonNegative(ru.partition, specPath.child('updateStrategy', 'rollingUpdate'), 'partition', errs);
      } else if (type !== 'OnDelete') {
        errs.push(invalid(specPath.child('updateStrategy'), strategy, 'must be \'RollingUpdate\' or \'OnDelete\'', AREA));
      }
      const retention = obj(spec.persistentVolumeClaimRetentionPolicy);
      for (const when of ['whenDeleted', 'whenScaled']) {
        const v = str(retention?.[when]);
        if (retention && v !== '' && v !== 'Retain' && v !== 'Delete') errs.push(notSupported(specPath.child('persistentVolumeClaimRetentionPolicy', when), v, ['Retain', 'Delete'], AREA));
      }
      nonNegative(defaults.replicas(spec, opts.applyDefaults), specPath, 'replicas', errs);
      nonNegative(spec.minReadySeconds, specPath, 'minReadySeconds', errs);
      if (isSet(obj(spec.ordinals)?.start)) nonNegative(spec.ordinals.start, specPath, 'ordinals.start', errs);
      appsSelector(spec, specPath, labels, 'statefulset', errs);
      alwaysRestarts(pod, opts, 'StatefulSet', errs);
      return list(spec.volumeClaimTemplates)
        .map((t) => obj(obj(t)?.metadata)?.name)
        .filter((n): n is string => typeof n === 'string' && n !== '')
        .map((name) => ({ name }));
    }
    case 'DaemonSet': {
      const selector = obj(spec.selector);
      if (selector) validateLabelSelector(selector, specPath.child('selector'), errs);
      if (!selectorMatches(selector, labels)) errs.push(invalid(pod.podMetadataPath.child('labels'), labels, '`selector` does not match template `labels`', AREA, { fix: 'make spec.selector match the pod template\'s labels' }));
      if (selector && isEmptySelector(selector)) errs.push(invalid(specPath.child('selector'), selector, 'empty selector is invalid for daemonset', AREA));
      alwaysRestarts(pod, opts, 'DaemonSet', errs);
      nonNegative(spec.minReadySeconds, specPath, 'minReadySeconds', errs);
      if (isSet(spec.revisionHistoryLimit)) nonNegative(spec.revisionHistoryLimit, specPath, 'revisionHistoryLimit', errs);
      const type = str(obj(spec.updateStrategy)?.type);
      if (type !== '' && type !== 'RollingUpdate' && type !== 'OnDelete') errs.push(notSupported(specPath.child('updateStrategy', 'type'), type, ['OnDelete', 'RollingUpdate'], AREA));
      return [];
    }
    case 'ReplicationController': {
      nonNegative(defaults.replicas(spec, opts.applyDefaults), specPath, 'replicas', errs);
      // SetDefaults_ReplicationController: the selector defaults to the template's labels.
      const given = obj(spec.selector) ?? {};
      const selector = Object.keys(given).length === 0 && opts.applyDefaults ? labels : given;
      if (Object.keys(selector).length === 0) {
        errs.push(required(specPath.child('selector'), '', AREA));
      } else if (Object.entries(selector).some(([k, v]) => labels[k] !== v)) {
        errs.push(invalid(pod.podMetadataPath.child('labels'), labels, '`selector` does not match template `labels`', AREA, { fix: 'make spec.selector match the pod template\'s labels' }));
      }
      alwaysRestarts(pod, opts, 'ReplicationController', errs);
      return [];
    }
    case 'Job':
      jobFields(spec, specPath, pod, opts, errs);
      return [];
    case 'CronJob': {
      if (str(spec.schedule) === '') errs.push(required(specPath.child('schedule'), '', AREA, { fix: 'set a cron schedule such as "0 3 * * *"' }));
      if (isSet(spec.startingDeadlineSeconds)) nonNegative(spec.startingDeadlineSeconds, specPath, 'startingDeadlineSeconds', errs);
      const concurrency = str(spec.concurrencyPolicy) === '' && opts.applyDefaults ? 'Allow' : str(spec.concurrencyPolicy);
      if (concurrency === '') errs.push(required(specPath.child('concurrencyPolicy'), '', AREA));
      else if (!['Allow', 'Forbid', 'Replace'].includes(concurrency as string)) errs.push(notSupported(specPath.child('concurrencyPolicy'), concurrency, ['Allow', 'Forbid', 'Replace'], AREA));
      for (const f of ['successfulJobsHistoryLimit', 'failedJobsHistoryLimit']) if (isSet(spec[f])) nonNegative(spec[f], specPath, f, errs);
      const jobSpec = obj(obj(spec.jobTemplate)?.spec) ?? {};
      const jobPath = specPath.child('jobTemplate', 'spec');
      jobFields(jobSpec, jobPath, pod, opts, errs);
      if (isSet(jobSpec.selector)) errs.push(invalid(jobPath.child('selector'), jobSpec.selector, '`selector` will be auto-generated', AREA, { fix: 'remove the selector from the job template' }));
      if (jobSpec.manualSelector === true) errs.push(notSupported(jobPath.child('manualSelector'), true, ['nil', 'false'], AREA, { fix: 'remove manualSelector from the job template' }));
      return [];
    }
    default:
      return [];
  }
}

/**
 * `ValidateNonnegativeField`, with a type check (the decoder rejects non-integers). The path
 * (`parent` + `field`) is derived only for an error.
 */
function nonNegative(v: unknown, parent: FieldPath, field: string, errs: FieldError[]): void {
  if (v === undefined || v === null || (isInt(v) && v >= 0)) return;
  const path = parent.child(field);
  if (!isInt(v)) {
    errs.push(invalid(path, v, 'must be an integer', AREA, { fix: `set ${path} to a whole number (a number, not a string)` }));
  } else {
    errs.push(invalid(path, v, IS_NEGATIVE_MSG, AREA, { fix: field === 'replicas' ? 'set replicas to 0 or more' : `set ${path} to 0 or more` }));
  }
}

/** apps/v1 selectors: required, not empty, valid, and matching the template's labels. */
function appsSelector(spec: Record<string, any>, specPath: FieldPath, labels: Record<string, unknown>, kind: string, errs: FieldError[]): void {
  const selector = obj(spec.selector);
  const path = specPath.child('selector');
  if (!selector) {
    errs.push(required(path, '', AREA, { fix: 'set spec.selector.matchLabels to labels of the pod template' }));
    return;
  }
  validateLabelSelector(selector, path, errs);
  if (isEmptySelector(selector)) {
    errs.push(invalid(path, selector, `empty selector is invalid for ${kind}`, AREA, { fix: 'select on at least one label of the pod template' }));
  } else if (!selectorMatches(selector, labels)) {
    errs.push(invalid(specPath.child('template', 'metadata', 'labels'), labels, '`selector` does not match template `labels`', AREA, { fix: 'make spec.selector match the pod template\'s labels' }));
  }
}

/** Controllers that keep pods running accept only restartPolicy Always and no activeDeadlineSeconds. */
function alwaysRestarts(pod: PodManifest, opts: PodValidationOptions, kind: string, errs: FieldError[]): void {
  const policy = defaults.restartPolicy(pod.podSpec, opts.applyDefaults);
  // An invalid value is reported once, by the pod spec's own check.
  if (policy !== 'Always' && (policy === 'OnFailure' || policy === 'Never')) {
    errs.push(notSupported(pod.podSpecPath.child('restartPolicy'), policy, ['Always'], ValidationArea.POD_RESTART_POLICY,
      { fix: `remove restartPolicy or set it to Always: a ${pod.kind} keeps its pods running; use a Job for work that completes` }));
  }
  if (isSet(pod.podSpec.activeDeadlineSeconds)) {
    errs.push(forbidden(pod.podSpecPath.child('activeDeadlineSeconds'), `activeDeadlineSeconds in ${kind} is not Supported`, AREA, { fix: 'remove activeDeadlineSeconds from the pod template' }));
  }
}

/** An int-or-percent field; its path (`parent` + `field`) is derived only for an error. */
function intOrPercent(v: unknown, parent: () => FieldPath, field: string, errs: FieldError[]): number | undefined {
  if (typeof v === 'string') {
    if (!PERCENT.test(v)) {
      errs.push(invalid(parent().child(field), v, 'a valid percent string must be a numeric string followed by an ending \'%\' (e.g. \'1%\',  or \'93%\', regex used for validation is \'[0-9]+%\')', AREA));
      return undefined;
    }
    return Number(v.slice(0, -1));
  }
  if (isInt(v)) {
    if (v < 0) errs.push(invalid(parent().child(field), v, IS_NEGATIVE_MSG, AREA));
    return v;
  }
  if (v !== undefined && v !== null) errs.push(invalid(parent().child(field), v, 'must be an integer or percentage (e.g \'5%\')', AREA));
  return undefined;
}

/** Deployment strategy (`ValidateDeploymentStrategy`), progressDeadlineSeconds. */
function deploymentFields(spec: Record<string, any>, specPath: FieldPath, opts: PodValidationOptions, errs: FieldError[]): void {
  const strategy = obj(spec.strategy) ?? {};
  const type = str(strategy.type) === '' && opts.applyDefaults ? 'RollingUpdate' : str(strategy.type);
  // Paths are derived only for an error.
  const sp = (): FieldPath => specPath.child('strategy');
  const rup = (): FieldPath => sp().child('rollingUpdate');
  if (type === 'Recreate') {
    if (isSet(strategy.rollingUpdate)) errs.push(forbidden(rup(), 'may not be specified when strategy `type` is \'Recreate\'', AREA));
  } else if (type === 'RollingUpdate') {
    // SetDefaults_Deployment: maxUnavailable and maxSurge default to 25%.
    const ru = obj(strategy.rollingUpdate) ?? {};
    const unavailable = intOrPercent(ru.maxUnavailable ?? (opts.applyDefaults ? '25%' : 0), rup, 'maxUnavailable', errs);
    const surge = intOrPercent(ru.maxSurge ?? (opts.applyDefaults ? '25%' : 0), rup, 'maxSurge', errs);
    if (unavailable === 0 && surge === 0) errs.push(invalid(rup().child('maxUnavailable'), ru.maxUnavailable ?? 0, 'may not be 0 when `maxSurge` is 0', AREA, { fix: 'allow at least one unavailable or one surge pod' }));
    if (typeof ru.maxUnavailable === 'string' && unavailable !== undefined && unavailable > 100) errs.push(invalid(rup().child('maxUnavailable'), ru.maxUnavailable, 'must not be greater than 100%', AREA));
  } else {
    errs.push(notSupported(sp(), strategy, ['Recreate', 'RollingUpdate'], AREA));
  }
  if (isSet(spec.progressDeadlineSeconds)) {
    const p = spec.progressDeadlineSeconds;
    nonNegative(p, specPath, 'progressDeadlineSeconds', errs);
    const min = isInt(spec.minReadySeconds) ? spec.minReadySeconds : 0;
    if (isInt(p) && p <= min) errs.push(invalid(specPath.child('progressDeadlineSeconds'), p, 'must be greater than minReadySeconds', AREA));
  }
}

/** `validateJobSpec`: counts and deadlines non-negative, pods that run to completion. */
function jobFields(spec: Record<string, any>, specPath: FieldPath, pod: PodManifest, opts: PodValidationOptions, errs: FieldError[]): void {
  for (const f of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished']) {
    if (isSet(spec[f])) nonNegative(spec[f], specPath, f, errs);
  }
  const policy = defaults.restartPolicy(pod.podSpec, opts.applyDefaults);
  if (policy !== 'OnFailure' && policy !== 'Never' && (policy === 'Always' || policy === '')) {
    const unset = !isSet(pod.podSpec.restartPolicy) || pod.podSpec.restartPolicy === '';
    const err = notSupported(pod.podSpecPath.child('restartPolicy'), policy, ['OnFailure', 'Never'], ValidationArea.POD_RESTART_POLICY,
      { fix: `set restartPolicy: Never (or OnFailure) on the ${pod.kind}'s pod template; keep long-running helpers as sidecars (init containers with restartPolicy: Always)` });
    errs.push(unset && opts.applyDefaults ? { ...err, detail: `unset defaults to "Always"; ${err.detail}` } : err);
  }
}
