import { Annotations, readJsonAnnotation } from '../engine/annotations';
import { ContainerRole } from '../engine/container-role';
import { Finding } from '../engine/finding';
import { Severity } from '../engine/severity';
import { ContainerJson, isObject } from '../engine/wire-types';
import { BaseRule } from './private/base-rule';
import { arrayOf, containersOf } from './private/pod-view';
import { RuleContext } from './rule-context';

/** Commands that never exit on their own. */
const LONG_RUNNING_COMMANDS: Array<[RegExp, string]> = [
  [/\bsleep\s+(infinity|inf)\b/, 'sleep infinity'],
  [/\btail\s+(-[a-zA-Z]*[fF]|--follow)/, 'tail -f'],
  [/\bwhile\s+(true|:|\[\s*1\s*\])/, 'while true'],
];

/**
 * Images of well-known proxies, agents and log shippers: they run until stopped. Matched on the
 * last path segment(s) of the repository, without registry, tag or digest.
 */
const LONG_RUNNING_IMAGES: Array<[RegExp, string]> = [
  [/(^|\/)envoy(-[a-z0-9-]+)?$/, 'Envoy proxy'],
  [/(^|\/)proxyv2$/, 'Istio proxy'],
  [/(^|\/)linkerd2?-proxy$|(^|\/)linkerd\/proxy$/, 'Linkerd proxy'],
  [/(^|\/)cloud-sql-proxy$|(^|\/)cloudsql-proxy$/, 'Cloud SQL proxy'],
  [/(^|\/)fluent-bit$/, 'Fluent Bit'],
  [/(^|\/)fluentd(-[a-z0-9-]+)?$/, 'Fluentd'],
  [/(^|\/)vector$/, 'Vector'],
  [/(^|\/)datadog\/agent$|(^|\/)datadog-agent$/, 'Datadog agent'],
  [/(^|\/)opentelemetry-collector(-[a-z0-9-]+)?$|(^|\/)otel-collector$|(^|\/)otelcol(-[a-z0-9-]+)?$/, 'OpenTelemetry collector'],
  [/(^|\/)vault$|(^|\/)vault-agent$/, 'Vault agent'],
];

/** Repository of an image reference: no registry host, tag or digest. */
export function imageRepository(image: string): string {
  let ref = image.split('@')[0];
  const lastSlash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  if (colon > lastSlash) ref = ref.slice(0, colon);
  const parts = ref.split('/');
  if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0])) parts.shift();
  return parts.join('/').toLowerCase();
}

/** Why a container looks long-running, or `undefined` when it does not. */
export function longRunningReason(c: ContainerJson): string | undefined {
  const text = [...arrayOf(c.command), ...arrayOf(c.args)].filter((s) => typeof s === 'string').join(' ');
  for (const [re, what] of LONG_RUNNING_COMMANDS) if (re.test(text)) return `its command runs ${what}`;
  if (typeof c.image === 'string') {
    const repo = imageRepository(c.image);
    for (const [re, what] of LONG_RUNNING_IMAGES) if (re.test(repo)) return `its image ${JSON.stringify(c.image)} is a ${what}`;
  }
  return undefined;
}

/**
 * The "legacy sidecar": a helper declared as a regular container of a Job. A Job completes when
 * all its pod's regular containers have exited, so a helper that never exits keeps the Job
 * running forever (the problem native sidecars solve, KEP-753). An error, not a warning: the Job
 * never completes, and `activeDeadlineSeconds` would only turn that into a failure.
 */
export class LegacySidecarInJobRule extends BaseRule {
  public readonly id = 'SC-JOB-001';
  public readonly name = 'legacy-sidecar-in-job';
  public readonly severity = Severity.ERROR;
  public readonly summary = 'A long-running helper is declared as a regular container of a Job or CronJob.';
  public readonly explanation = 'A Job\'s pod completes only when all its regular containers have exited. A proxy, agent or log shipper declared next to the main container (sleep infinity, tail -F, while true, or a well-known proxy/agent/log-shipper image) never exits, so the Job never completes and the CronJob piles up runs. Native sidecars (init containers with restartPolicy: Always) are stopped automatically once the main containers are done.';
  public readonly fix = 'Move the helper to initContainers with restartPolicy: Always (`cdk8s-sidecars migrate` does this).';
  public readonly source = 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#jobs-with-sidecar-containers';

  public evaluate(context: RuleContext): Finding[] {
    const pod = context._pod;
    if (!pod.runsToCompletion) return [];
    const apps = containersOf(pod).filter((c) => c.role === ContainerRole.APP);
    if (apps.length < 2) return []; // a single container is the job itself
    const out: Finding[] = [];
    const supervised = supervisedSidecars(pod.podMetadata.annotations);
    for (const c of apps) {
      // A LEGACY/UNIVERSAL sidecar wrapped in the completion protocol stops when the app is done.
      if (supervised.has(c.name)) continue;
      const reason = longRunningReason(c.container);
      if (reason === undefined) continue;
      out.push(this.forbidden(c.path,
        `container "${c.name}" looks long-running (${reason}); as a regular container of a ${pod.kind} it keeps the pod running and the ${pod.kind} never completes`,
        `move "${c.name}" to initContainers with restartPolicy: Always to make it a native sidecar (\`cdk8s-sidecars migrate\` does this)`));
    }
    return out;
  }
}

/**
 * Containers that the completion protocol (`cdk8s-sidecars.dev/completion-protocol`, written by the
 * LEGACY and UNIVERSAL sidecar modes) stops once the app containers are done, UNIVERSAL twins included.
 */
function supervisedSidecars(annotations: Record<string, string> | undefined): Set<string> {
  const names = new Set<string>();
  const protocol = readJsonAnnotation(annotations, Annotations.COMPLETION_PROTOCOL);
  if (!isObject(protocol) || !Array.isArray(protocol.sidecars)) return names;
  const twins = readJsonAnnotation(annotations, Annotations.UNIVERSAL_TWINS);
  for (const s of protocol.sidecars) {
    if (typeof s !== 'string') continue;
    names.add(s);
    if (isObject(twins) && typeof twins[s] === 'string') names.add(twins[s]);
  }
  return names;
}
