import * as fs from 'fs';
import * as YAML from 'yaml';
import { checkResources, CheckedResource, PluginFinding } from './engine-adapter';
import { SidecarValidationProps } from './sidecar-validation-props';
import { IValidationContext, ValidationViolatingResource, ValidationViolation } from './validation-context';
import { ErrorType } from '../engine/error-type';
import { KubernetesVersion } from '../engine/kubernetes-version';
import { Severity } from '../engine/severity';
import { PodSecurityLevel } from '../rules/pod-security-level';
import { SidecarRulesOptions } from '../rules/sidecar-rules-options';

/** How a problem with the plugin's own options is located for the user. */
const PROPERTIES = 'cdk8s.yaml validations[class: SidecarValidation].properties';
const KNOWN_PROPERTIES = ['targetVersion', 'podSecurity', 'promoteWarnings', 'suppressions'];

/**
 * A cdk8s validation plugin: runs this library's rules (RULES.md) on every manifest `cdk8s synth`
 * writes, whatever wrote it (cdk8s-plus of any version, plain `ApiObject`s, `Include`d YAML, Helm
 * charts), and fails synth when a rule reports an error. Each violation names the rule, the
 * resource, its manifest file and the field path; cdk8s adds the construct path.
 *
 * Configure it in cdk8s.yaml (the `properties` are `SidecarValidationProps`):
 *
 * ```yaml
 * validations:
 *   - package: cdk8s-sidecars        # or ./node_modules/cdk8s-sidecars, the copy your app installed
 *     version: 0.1.0                 # the exact version (cdk8s refuses ranges)
 *     class: SidecarValidation
 *     properties:
 *       targetVersion: "1.30"
 *       podSecurity: restricted
 * ```
 *
 * Errors fail synth; warnings are reported and do not (unless `promoteWarnings`). Every finding
 * is also logged on one line in the grammar the constructs print:
 * `[construct/path] RULE-ID field.path: Type: detail. Fix: hint`.
 *
 * @see https://github.com/cdk8s-team/cdk8s-validation-plugin-example
 */
export class SidecarValidation {
  private readonly props: SidecarValidationProps;

  /**
   * @param props the `properties` of the plugin's entry in cdk8s.yaml. They are checked when
   * `validate()` runs, so that a mistake is reported in the validation report, not as a crash.
   */
  constructor(props: SidecarValidationProps = {}) {
    this.props = props;
  }

  /**
   * Checks the manifests of `context` and fills in its report (cdk8s calls this after synth).
   * Never throws: any problem, including bad options or an unreadable manifest, is reported as a
   * failed validation with a message naming the file or the cdk8s.yaml field and the fix.
   */
  public async validate(context: IValidationContext): Promise<void> {
    try {
      this.run(context);
    } catch (e) {
      // A bug of ours must not crash cdk8s with a stack trace: report it and fail.
      const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      context.logger.log(`cdk8s-sidecars: Internal error: ${detail}. Fix: report this at https://github.com/cdk8s-sidecars/cdk8s-sidecars/issues with the manifests`);
      context.report.submit('failure', { Error: 'internal error, see the log above' });
    }
  }

  private run(context: IValidationContext): void {
    const { options, problems } = readOptions(this.props);
    if (problems.length > 0) return fail(context, 'invalid properties in cdk8s.yaml', problems);

    const { resources, origins, problems: readProblems } = readManifests(context.manifests ?? []);
    if (readProblems.length > 0) return fail(context, 'unreadable manifest', readProblems);

    const checked = checkResources(resources, options);
    const metadata = context.metadata ?? {};
    const violations = new Map<string, { finding: PluginFinding; resources: ValidationViolatingResource[] }>();
    let errors = 0;
    let warnings = 0;
    for (const resource of checked) {
      const file = origins[resource.index];
      const where = describe(resource, metadata[resource.name]?.path);
      for (const f of resource.findings) {
        if (f.severity === Severity.ERROR) errors++; else warnings++;
        context.logger.log(`${where} ${f.line}`);
        // One violation per distinct finding; resources with the very same finding share it.
        const key = JSON.stringify([f.ruleId, f.severity, f.path, f.message, f.fix]);
        const entry = violations.get(key) ?? { finding: f, resources: [] };
        entry.resources.push({ resourceName: resource.name, locations: [f.path === '' ? '(the whole resource)' : f.path], manifestPath: file });
        violations.set(key, entry);
      }
      for (const s of resource.suppressed) {
        context.logger.log(`${where} suppressed ${s.ruleId} (${s.path || 'the whole resource'}): ${s.reason}`);
      }
    }
    for (const { finding, resources: violating } of violations.values()) {
      context.report.addViolation(toViolation(finding, violating));
    }
    const suppressed = checked.reduce((n, r) => n + r.suppressed.length, 0);
    context.report.submit(errors > 0 ? 'failure' : 'success', {
      'Target version': options.targetVersion ?? KubernetesVersion.DEFAULT.toString(),
      'Pod security': options.podSecurity ?? PodSecurityLevel.BASELINE,
      'Resources checked': `${checked.length} pod-bearing of ${resources.length} in ${(context.manifests ?? []).length} manifest file(s)`,
      'Findings': `${errors} error(s), ${warnings} warning(s), ${suppressed} suppressed`,
    });
  }
}

function toViolation(f: PluginFinding, resources: ValidationViolatingResource[]): ValidationViolation {
  return {
    ruleName: `${f.rule} (${f.severity})`,
    recommendation: f.path === '' ? f.message : `${f.path}: ${f.message}`,
    fix: f.fix,
    violatingResources: resources,
  };
}

function describe(resource: CheckedResource, constructPath: string | undefined): string {
  const name = `${resource.kind}/${resource.name || '(no name)'}`;
  return constructPath ? `[${constructPath}] ${name}:` : `${name}:`;
}

function fail(context: IValidationContext, summary: string, problems: string[]): void {
  for (const p of problems) context.logger.log(`cdk8s-sidecars: ${p}`);
  context.report.submit('failure', { Error: `${summary}, see the log above` });
}

/** The plugin's properties, checked as they come from YAML (any value may be of any type). */
function readOptions(raw: unknown): { options: SidecarRulesOptions; problems: string[] } {
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { options: {}, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { options: {}, problems: [`${PROPERTIES}: ${ErrorType.INVALID}: ${JSON.stringify(raw)}: must be a mapping. Fix: give properties such as targetVersion: "1.30"`] };
  }
  const props = raw as { [key: string]: unknown };
  for (const key of Object.keys(props).filter((k) => !KNOWN_PROPERTIES.includes(k))) {
    problems.push(`${PROPERTIES}.${key}: ${ErrorType.NOT_SUPPORTED}: ${JSON.stringify(key)}: supported properties: ${KNOWN_PROPERTIES.join(', ')}. Fix: remove it or correct its spelling`);
  }
  const { targetVersion, podSecurity, promoteWarnings, suppressions } = props;
  if (typeof targetVersion === 'number') {
    problems.push(`${PROPERTIES}.targetVersion: ${ErrorType.INVALID}: ${targetVersion}: YAML reads an unquoted version as a number (1.30 is 1.3). Fix: quote it, e.g. targetVersion: "1.30"`);
  } else if (targetVersion !== undefined && typeof targetVersion !== 'string') {
    problems.push(`${PROPERTIES}.targetVersion: ${ErrorType.INVALID}: ${JSON.stringify(targetVersion)}: must be a Kubernetes minor version. Fix: e.g. targetVersion: "1.30"`);
  }
  const levels = Object.values(PodSecurityLevel) as string[];
  if (podSecurity !== undefined && !levels.includes(podSecurity as string)) {
    problems.push(`${PROPERTIES}.podSecurity: ${ErrorType.NOT_SUPPORTED}: ${JSON.stringify(podSecurity)}: supported values: ${levels.map((l) => `"${l}"`).join(', ')}`);
  }
  if (promoteWarnings !== undefined && typeof promoteWarnings !== 'boolean') {
    problems.push(`${PROPERTIES}.promoteWarnings: ${ErrorType.INVALID}: ${JSON.stringify(promoteWarnings)}: must be true or false`);
  }
  if (suppressions !== undefined && !Array.isArray(suppressions)) {
    problems.push(`${PROPERTIES}.suppressions: ${ErrorType.INVALID}: ${JSON.stringify(suppressions)}: must be a list of { ruleId, reason }`);
  }
  const options: SidecarRulesOptions = {
    targetVersion: targetVersion as string | undefined,
    podSecurity: podSecurity as PodSecurityLevel | undefined,
    promoteWarnings: promoteWarnings as boolean | undefined,
    suppressions: suppressions as SidecarRulesOptions['suppressions'],
  };
  if (problems.length > 0) return { options, problems };
  try {
    // The engine checks the values themselves (version syntax, rule ids, reasons) and lists them all.
    checkResources([], options);
  } catch (e) {
    const lines = (e as Error).message.split('\n').filter((l) => l.startsWith('  - ')).map((l) => `${PROPERTIES}.${l.slice(4)}`);
    problems.push(...(lines.length > 0 ? lines : [`${PROPERTIES}: ${(e as Error).message}`]));
  }
  return { options, problems };
}

/** Every YAML document of the manifests, with the file each came from. */
function readManifests(files: string[]): { resources: any[]; origins: string[]; problems: string[] } {
  const resources: any[] = [];
  const origins: string[] = [];
  const problems: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf-8');
    } catch (e) {
      problems.push(`${file}: cannot read the manifest: ${(e as Error).message}`);
      continue;
    }
    const lines = new YAML.LineCounter();
    for (const doc of YAML.parseAllDocuments(text, { lineCounter: lines })) {
      if (!('errors' in doc)) continue; // an empty stream's trailing comments
      if (doc.errors.length > 0) {
        const { line, col } = lines.linePos(doc.errors[0].pos[0]);
        problems.push(`${file}:${line}:${col}: ${doc.errors[0].message.split('\n')[0]}`);
        continue;
      }
      const value = doc.toJS();
      if (value === null || value === undefined) continue;
      resources.push(value);
      origins.push(file);
    }
  }
  return { resources, origins, problems };
}
