import { hostPortOf, PodContext, validateContainerCommon, validateContainerOnlyForPod } from './container';
import * as defaults from './defaults';
import { duplicate, FieldError, forbidden, invalid, notFound, notSupported, required, tooMany, ValidationArea } from './field-error';
import { inclusiveRangeError, INVALID_IP_MSG, isDNS1123Label, isDNS1123Subdomain, isValidIP } from './names';
import { PodValidationOptions } from './pod-validation-options';
import { PROBES, validateLifecycle, validateProbe } from './probes';
import { validatePodResources } from './resources';
import { ClaimVolume, validateVolumes } from './volumes';
import { int, isInt, isSet, list, obj, str, text } from './wire';
import { CONTAINER_RESTART_RULES, GateState, IN_PLACE_POD_VERTICAL_SCALING, RESTART_ALL_CONTAINERS_ON_CONTAINER_EXITS } from '../engine/feature-gates';
import { FieldPath } from '../engine/field-path';

const AREA = ValidationArea.POD_SPEC;
const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const MAX_INT32 = 2147483647;
/** KEP-5307, API reference of ContainerRestartRule: at most 20 rules, 255 exit codes each. */
const MAX_RESTART_RULES = 20;
const MAX_RESTART_RULE_EXIT_CODES = 255;
/** Fields an ephemeral container may set (`allowedEphemeralContainerFields`, by wire name). */
const EPHEMERAL_ALLOWED = new Set(['name', 'image', 'command', 'args', 'workingDir', 'env', 'envFrom', 'volumeMounts', 'volumeDevices',
  'terminationMessagePath', 'terminationMessagePolicy', 'imagePullPolicy', 'securityContext', 'stdin', 'stdinOnce', 'tty', 'targetContainerName']);
const FORBIDDEN_ON_REGULAR_INIT = ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'] as const;

/** How the pod is validated besides the options: the pod a StatefulSet controller creates has claim volumes. */
export interface PodSpecInput {
  readonly spec: Record<string, any>;
  readonly path: FieldPath;
  readonly claims: ReadonlyArray<ClaimVolume>;
}

/**
 * `ValidatePodSpec` for everything a pod spec holds that this port covers, in validation.go's
 * order; every error is collected, none stops the walk.
 */
export function validatePodSpec(input: PodSpecInput, opts: PodValidationOptions, errs: FieldError[]): void {
  const { path } = input;
  const spec = dropDisabledResizePolicy(input.spec, opts);
  const gracePeriod = defaults.terminationGracePeriodSeconds(spec, opts.applyDefaults);
  if (gracePeriod === undefined) {
    errs.push(required(path.child('terminationGracePeriodSeconds'), '', AREA));
  } else if (!isInt(gracePeriod)) {
    errs.push(invalid(path.child('terminationGracePeriodSeconds'), gracePeriod, 'must be an integer', AREA, { fix: 'give terminationGracePeriodSeconds in whole seconds' }));
  }
  const volumes = validateVolumes(spec.volumes, path.child('volumes'), opts, input.claims, errs);
  const hostNetwork = spec.hostNetwork === true;
  const ctx: PodContext = { opts, errs, volumes, gracePeriod, podRestartPolicy: defaults.restartPolicy(spec, opts.applyDefaults), hostNetwork };

  validateContainers(list(spec.containers), path.child('containers'), ctx);
  validateInitContainers(list(spec.initContainers), list(spec.containers), path.child('initContainers'), ctx);
  validateEphemeralContainers(spec, path.child('ephemeralContainers'), ctx);
  if (opts.podLevelResources && isSet(spec.resources)) validatePodResources(spec.resources, path.child('resources'), opts, errs);

  // validatePodHostNetworkDeps: with hostNetwork each hostPort is the containerPort (Pods get it defaulted).
  if (hostNetwork) {
    list(spec.containers).forEach((c, i) => list(obj(c)?.ports).forEach((raw, j) => {
      const port = obj(raw) ?? {};
      const hp = hostPortOf(port, ctx);
      if ((opts.resourceIsPod || hp !== 0) && hp !== int(port.containerPort)) {
        errs.push(invalid(path.child('containers').index(i).child('ports').index(j).child('hostPort'), hp, 'must match `containerPort` when `hostNetwork` is true', AREA,
          { fix: 'remove hostPort or set it to the containerPort: with hostNetwork the container binds the node\'s port directly' }));
      }
    }));
  }

  const restart = ctx.podRestartPolicy;
  if (restart === '') {
    errs.push(required(path.child('restartPolicy'), '', ValidationArea.POD_RESTART_POLICY));
  } else if (!RESTART_POLICIES.includes(restart as string)) {
    errs.push(notSupported(path.child('restartPolicy'), restart, RESTART_POLICIES, ValidationArea.POD_RESTART_POLICY, { fix: 'use Always, OnFailure or Never' }));
  }
  const dns = defaults.dnsPolicy(spec, opts.applyDefaults);
  if (dns === '') errs.push(required(path.child('dnsPolicy'), '', AREA));
  else if (!DNS_POLICIES.includes(dns as string)) errs.push(notSupported(path.child('dnsPolicy'), dns, DNS_POLICIES, AREA, { fix: 'use ClusterFirst (the default), ClusterFirstWithHostNet, Default or None' }));
  if (dns === 'None' || isSet(spec.dnsConfig)) validateDnsConfig(spec, dns, path.child('dnsConfig'), errs);

  nameField(spec.serviceAccountName, path, 'serviceAccountName', isDNS1123Subdomain, errs);
  nameField(spec.nodeName, path, 'nodeName', isDNS1123Subdomain, errs);
  if (isSet(spec.activeDeadlineSeconds)) {
    const v = spec.activeDeadlineSeconds;
    if (!isInt(v) || v < 1 || v > MAX_INT32) errs.push(invalid(path.child('activeDeadlineSeconds'), v, inclusiveRangeError(1, MAX_INT32), AREA));
  }
  nameField(spec.hostname, path, 'hostname', isDNS1123Label, errs);
  nameField(spec.subdomain, path, 'subdomain', isDNS1123Label, errs);
  list(spec.hostAliases).forEach((raw, i) => {
    const alias = obj(raw) ?? {};
    const ip = str(alias.ip);
    if (typeof ip !== 'string' || !isValidIP(ip)) errs.push(invalid(path.child('hostAliases').index(i).child('ip'), ip, INVALID_IP_MSG, AREA));
    list(alias.hostnames).forEach((h, j) => nameField(h, path.child('hostAliases').index(i).child('hostnames'), j, isDNS1123Subdomain, errs, true));
  });
  nameField(spec.priorityClassName, path, 'priorityClassName', isDNS1123Subdomain, errs);
  if (isSet(spec.runtimeClassName)) nameField(spec.runtimeClassName, path, 'runtimeClassName', isDNS1123Subdomain, errs, true);

  if (opts.resourceIsPod) {
    list(spec.containers).forEach((c, i) => validateContainerOnlyForPod(obj(c) ?? {}, path.child('containers').index(i), errs));
    list(spec.initContainers).forEach((c, i) => validateContainerOnlyForPod(obj(c) ?? {}, path.child('initContainers').index(i), errs));
  }
}

const CONTAINER_LISTS = ['containers', 'initContainers', 'ephemeralContainers'] as const;

/**
 * pkg/api/pod/util.go `dropDisabledFields`: where InPlacePodVerticalScaling is off (the default
 * before 1.33), the API server drops `resizePolicy` from app, init and ephemeral containers
 * before it validates a new object, so validation never sees it and the pod is accepted without
 * it: no error (`validateInitContainers`' "must not be set for init containers", or a bad value
 * in `validateResizePolicy`) can come of it. The gate is what sets `AllowSidecarResizePolicy`
 * (`GetValidationOptionsFromPodSpecAndMeta`, same file), hence `allowSidecarResizePolicy` here.
 * The drop belongs to the API server's request path, which `applyDefaults` stands for; validation
 * called directly (the upstream tables, as the Go tests) keeps the field and judges it.
 * The manifest is never changed: a shallow copy without the field, only when some container has it.
 */
function dropDisabledResizePolicy(spec: Record<string, any>, opts: PodValidationOptions): Record<string, any> {
  if (opts.allowSidecarResizePolicy || !opts.applyDefaults) return spec;
  const hasPolicy = (c: unknown): boolean => isSet(obj(c)?.resizePolicy);
  if (!CONTAINER_LISTS.some((k) => list(spec[k]).some(hasPolicy))) return spec;
  const dropped: Record<string, any> = { ...spec };
  for (const k of CONTAINER_LISTS) {
    if (!list(spec[k]).some(hasPolicy)) continue;
    dropped[k] = list(spec[k]).map((c) => {
      if (!hasPolicy(c)) return c;
      const rest: Record<string, any> = {};
      for (const key of Object.keys(c)) if (key !== 'resizePolicy') rest[key] = c[key];
      return rest;
    });
  }
  return dropped;
}

/**
 * A name field checked only when set (`len(x) > 0`); `always` checks an empty value too. The
 * field's path (`parent` + `field`, a name or a list index) is derived only for an error.
 */
function nameField(
  v: unknown, parent: FieldPath, field: string | number, check: (s: string) => ReadonlyArray<string>, errs: FieldError[], always = false,
): void {
  const s = str(v);
  if (s === '' && !always) return;
  const problems = typeof s === 'string' ? check(s) : ['must be a string'];
  if (problems.length === 0) return;
  const path = typeof field === 'number' ? parent.index(field) : parent.child(field);
  for (const m of problems) errs.push(invalid(path, s, m, AREA));
}

/** `validatePodDNSConfig`. */
function validateDnsConfig(spec: Record<string, any>, dnsPolicy: unknown, path: FieldPath, errs: FieldError[]): void {
  const config = obj(spec.dnsConfig);
  if (dnsPolicy === 'None') {
    if (!config) {
      errs.push(required(path, 'must provide `dnsConfig` when `dnsPolicy` is None', AREA));
      return;
    }
    if (list(config.nameservers).length === 0) {
      errs.push(required(path.child('nameservers'), 'must provide at least one DNS nameserver when `dnsPolicy` is None', AREA));
      return;
    }
  }
  if (!config) return;
  const nameservers = list(config.nameservers);
  if (nameservers.length > 3) errs.push(invalid(path.child('nameservers'), nameservers, 'must not have more than 3 nameservers', AREA));
  nameservers.forEach((ns, i) => {
    if (typeof ns !== 'string' || !isValidIP(ns)) errs.push(invalid(path.child('nameservers').index(i), ns, INVALID_IP_MSG, AREA));
  });
  const searches = list(config.searches);
  if (searches.length > 32) errs.push(invalid(path.child('searches'), searches, 'must not have more than 32 search paths', AREA));
  if (searches.join(' ').length > 2048) errs.push(invalid(path.child('searches'), searches, 'must not have more than 2048 characters (including spaces) in the search list', AREA));
  list(config.options).forEach((o, i) => {
    if (str(obj(o)?.name) === '') errs.push(required(path.child('options').index(i), 'must not be empty', AREA));
  });
}

/** The containers of one container list, with the probes, hooks and per-container rules of its kind. */
function validateContainers(containers: any[], path: FieldPath, ctx: PodContext): void {
  const { errs } = ctx;
  if (containers.length === 0) {
    errs.push(required(path, '', AREA, { fix: 'add at least one container: init containers and sidecars alone do not make a pod' }));
    return;
  }
  const names = new Set<unknown>();
  for (let i = 0; i < containers.length; i++) {
    const c = obj(containers[i]) ?? {};
    const at = path.index(i);
    validateContainerCommon(c, at, ctx);
    const name = str(c.name);
    if (names.has(name)) errs.push(duplicate(at.child('name'), name, ValidationArea.CONTAINER_NAME_UNIQUE, { fix: 'rename one of the containers' }));
    else names.add(name);
    validateHooksAndProbes(c, at, ctx);
    validateRestartFields(c, at, false, ctx);
  }
  hostPortConflicts(containers, path, ctx);
}

/** The lifecycle hooks and probes of a container that may have them; paths are derived only for what is set. */
function validateHooksAndProbes(c: Record<string, any>, at: FieldPath, ctx: PodContext): void {
  if (isSet(c.lifecycle)) validateLifecycle(c.lifecycle, at.child('lifecycle'), ctx.opts, ctx.gracePeriod, ctx.errs);
  for (const probe of PROBES) {
    if (isSet(c[probe])) validateProbe(probe, c[probe], at.child(probe), ctx.opts, ctx.gracePeriod, ctx.errs);
  }
}

/** `validateInitContainers`: sidecars (restartPolicy Always) may have probes and hooks; regular init containers may not. */
function validateInitContainers(init: any[], regular: any[], path: FieldPath, ctx: PodContext): void {
  const { errs, opts } = ctx;
  const names = new Set<unknown>();
  for (const c of regular) names.add(str(obj(c)?.name));
  for (let i = 0; i < init.length; i++) {
    const c = obj(init[i]) ?? {};
    const at = path.index(i);
    validateContainerCommon(c, at, ctx);
    validateRestartFields(c, at, true, ctx);
    const name = str(c.name);
    if (names.has(name)) {
      errs.push(duplicate(at.child('name'), name, ValidationArea.CONTAINER_NAME_UNIQUE, {
        fix: regular.some((r) => str(obj(r)?.name) === name) ? 'rename the init container: an app container has this name' : 'rename one of the init containers',
      }));
    } else if (name !== '') {
      names.add(name);
    }
    // Init containers run one by one, so their host ports are checked one container at a time.
    if (Array.isArray(c.ports) && c.ports.length > 1) hostPortConflicts([c], path, ctx, i);
    if (c.restartPolicy === 'Always') {
      validateHooksAndProbes(c, at, ctx);
    } else {
      for (const field of FORBIDDEN_ON_REGULAR_INIT) {
        if (isSet(c[field])) {
          errs.push(forbidden(at.child(field), 'may not be set for init containers without restartPolicy=Always', ValidationArea.INIT_FORBIDDEN_FIELD,
            { fix: `remove ${field} from init container ${JSON.stringify(name)}, or add restartPolicy: Always to make it a sidecar` }));
        }
      }
    }
    // Reached only where resizePolicy was not dropped (see dropDisabledResizePolicy); with the gate on,
    // AllowSidecarResizePolicy accepts it on every init container, sidecar or not.
    if (!opts.allowSidecarResizePolicy && list(c.resizePolicy).length > 0) {
      errs.push(invalid(at.child('resizePolicy'), c.resizePolicy, 'must not be set for init containers', ValidationArea.CONTAINER,
        { fix: `remove resizePolicy, or target Kubernetes ${IN_PLACE_POD_VERTICAL_SCALING.onByDefault} or later` }));
    }
  }
}

/**
 * `restartPolicy` and `restartPolicyRules` of a container. On init containers restartPolicy
 * Always makes a sidecar (the only value before container restart rules, KEP-5307). On app
 * containers both are forbidden before Kubernetes 1.34, behind the alpha ContainerRestartRules
 * gate in 1.34 and on by default from 1.35. The rules' shape follows the API reference of
 * ContainerRestartRule (1.34/1.35); validation.go of those versions was not available to port.
 */
function validateRestartFields(c: Record<string, any>, path: FieldPath, init: boolean, ctx: PodContext): void {
  const { errs, opts } = ctx;
  const area = init ? ValidationArea.INIT_RESTART_POLICY : ValidationArea.APP_RESTART_POLICY;
  const g = CONTAINER_RESTART_RULES;
  const gate = opts.containerRestartRules;
  const policy = c.restartPolicy;
  if (isSet(policy)) {
    const p = (): FieldPath => path.child('restartPolicy');
    if (init) {
      if (gate === GateState.ABSENT || !RESTART_POLICIES.includes(policy)) {
        if (policy !== 'Always') {
          errs.push(notSupported(p(), policy, gate === GateState.ABSENT ? ['Always'] : RESTART_POLICIES, area,
            { fix: 'set restartPolicy: Always to make it a sidecar, or remove restartPolicy to keep a regular init container' }));
        }
      } else if (policy !== 'Always' && gate === GateState.OFF_BY_DEFAULT) {
        errs.push(forbidden(p(), `requires the ${g.name} feature gate (alpha in ${g.alpha}, off by default)`, area, gated()));
      }
    } else if (gate === GateState.ABSENT) {
      errs.push(forbidden(p(), 'may not be set for non-init containers', area,
        { fix: `remove restartPolicy (container restart rules arrive in Kubernetes ${g.alpha}); to run "${str(c.name)}" as a sidecar, move it to initContainers with restartPolicy: Always` }));
    } else if (!RESTART_POLICIES.includes(policy)) {
      errs.push(notSupported(p(), policy, RESTART_POLICIES, area, { fix: 'use Always, OnFailure or Never' }));
    } else if (gate === GateState.OFF_BY_DEFAULT) {
      errs.push(forbidden(p(), `requires the ${g.name} feature gate (alpha in ${g.alpha}, off by default)`, area, gated()));
    }
  }
  if (!isSet(c.restartPolicyRules)) return;
  const rp = path.child('restartPolicyRules');
  if (gate === GateState.ABSENT) {
    errs.push(forbidden(rp, `container restart rules do not exist before Kubernetes ${g.alpha}`, area, { fix: `remove restartPolicyRules, or target Kubernetes ${g.onByDefault} or later` }));
    return;
  }
  if (gate === GateState.OFF_BY_DEFAULT) errs.push(forbidden(rp, `requires the ${g.name} feature gate (alpha in ${g.alpha}, off by default)`, area, gated()));
  const rules = list(c.restartPolicyRules);
  if (!isSet(policy)) errs.push(required(path.child('restartPolicy'), 'must be set explicitly when restartPolicyRules are set', area, { fix: 'set the container\'s restartPolicy, even if it matches the pod\'s' }));
  if (rules.length > MAX_RESTART_RULES) errs.push(tooMany(rp, rules.length, MAX_RESTART_RULES, area));
  rules.forEach((raw, i) => {
    const rule = obj(raw) ?? {};
    const at = rp.index(i);
    const action = str(rule.action);
    const r = RESTART_ALL_CONTAINERS_ON_CONTAINER_EXITS;
    if (action === '') {
      errs.push(required(at.child('action'), '', area));
    } else if (action === 'RestartAllContainers' && opts.containerRestartRules === GateState.ON) {
      errs.push(forbidden(at.child('action'), `requires the ${r.name} feature gate (alpha in ${r.alpha}, off by default)`, area, { gate: r.name, fix: `enable the ${r.name} feature gate, or use action: Restart` }));
    } else if (action !== 'Restart') {
      errs.push(notSupported(at.child('action'), action, ['Restart'], area));
    }
    const codes = obj(rule.exitCodes);
    if (!codes) return;
    const operator = str(codes.operator);
    if (operator === '') errs.push(required(at.child('exitCodes', 'operator'), '', area));
    else if (operator !== 'In' && operator !== 'NotIn') errs.push(notSupported(at.child('exitCodes', 'operator'), operator, ['In', 'NotIn'], area));
    const values = list(codes.values);
    if (values.length > MAX_RESTART_RULE_EXIT_CODES) errs.push(tooMany(at.child('exitCodes', 'values'), values.length, MAX_RESTART_RULE_EXIT_CODES, area));
  });
}

/** What an error behind the ContainerRestartRules gate carries (built only for an error). */
function gated(): { gate: string; fix: string } {
  const g = CONTAINER_RESTART_RULES;
  return { gate: g.name, fix: `enable the ${g.name} feature gate on the cluster, or target Kubernetes ${g.onByDefault} or later` };
}

/** `validateEphemeralContainers`: common checks, unique names, an existing target, and only the allowed fields. */
function validateEphemeralContainers(spec: Record<string, any>, path: FieldPath, ctx: PodContext): void {
  const ephemeral = list(spec.ephemeralContainers);
  if (ephemeral.length === 0) return;
  const { errs } = ctx;
  const others = new Set<unknown>([...list(spec.containers), ...list(spec.initContainers)].map((c) => str(obj(c)?.name)));
  const all = new Set<unknown>(others);
  ephemeral.forEach((raw, i) => {
    const c = obj(raw) ?? {};
    const at = path.index(i);
    validateContainerCommon(c, at, ctx);
    if (ctx.opts.resourceIsPod) validateContainerOnlyForPod(c, at, errs);
    const name = str(c.name);
    if (all.has(name)) errs.push(duplicate(at.child('name'), name, ValidationArea.CONTAINER_NAME_UNIQUE, { fix: 'rename the ephemeral container' }));
    else all.add(name);
    const target = str(c.targetContainerName);
    if (target !== '' && !others.has(target)) errs.push(notFound(at.child('targetContainerName'), target, ValidationArea.CONTAINER));
    for (const field of Object.keys(c)) {
      if (!EPHEMERAL_ALLOWED.has(field) && isSet(c[field])) errs.push(forbidden(at.child(field), 'cannot be set for an Ephemeral Container', ValidationArea.CONTAINER));
    }
    list(c.volumeMounts).forEach((m, j) => {
      for (const field of ['subPath', 'subPathExpr']) {
        if (str(obj(m)?.[field]) !== '') errs.push(forbidden(at.child('volumeMounts').index(j).child(field), 'cannot be set for an Ephemeral Container', ValidationArea.CONTAINER));
      }
    });
  });
}

/**
 * `checkHostPortConflicts` / `AccumulateUniqueHostPorts`: one `protocol/hostIP/hostPort` per set of
 * containers checked together. `offset` is the index of a single init container checked alone.
 */
function hostPortConflicts(containers: any[], path: FieldPath, ctx: PodContext, offset = 0): void {
  let seen: Set<string> | undefined;
  for (let ci = 0; ci < containers.length; ci++) {
    const ports = obj(containers[ci])?.ports;
    if (!Array.isArray(ports)) continue;
    for (let pi = 0; pi < ports.length; pi++) {
      const port = obj(ports[pi]) ?? {};
      const hp = hostPortOf(port, ctx);
      // A hostPort that is not a port number is reported by the port checks.
      if (!isInt(hp) || hp === 0) continue;
      const key = `${text(defaults.portProtocol(port, ctx.opts.applyDefaults))}/${text(str(port.hostIP))}/${hp}`;
      seen ??= new Set<string>();
      if (seen.has(key)) {
        ctx.errs.push(duplicate(path.index(ci + offset).child('ports').index(pi).child('hostPort'), key, ValidationArea.HOST_PORT,
          { fix: 'use another hostPort, or drop hostPort and expose the port through a Service' }));
      } else {
        seen.add(key);
      }
    }
  }
}
