/**
 * The part of cdk8s-cli's validation plugin interface (`cdk8s-cli/plugins`: `ValidationContext`,
 * `ValidationReport`, `ValidationLogger`) that `SidecarValidation` uses, declared here so that the
 * library does not depend on the CLI at run time (cdk8s-cli hands the plugin its own objects).
 * test/plugin/sidecar-validation.test.ts checks that cdk8s-cli's classes fit these interfaces.
 *
 * @see https://github.com/cdk8s-team/cdk8s-validation-plugin-example
 */
export interface IValidationContext {
  /** Paths of the manifests `cdk8s synth` wrote. */
  readonly manifests: string[];
  /** The report the plugin fills in. */
  readonly report: IValidationReport;
  /** Where the plugin logs (cdk8s prints it). */
  readonly logger: IValidationLogger;
  /**
   * Construct metadata of the resources, by `metadata.name`: cdk8s records it during synth when
   * validation plugins are configured.
   * @default - none recorded
   */
  readonly metadata?: { [resourceName: string]: ResourceConstructMetadata };
}

/** Where a resource was defined in the cdk8s app. */
export interface ResourceConstructMetadata {
  /** The construct path, e.g. `web/deployment/Resource`. */
  readonly path: string;
}

/** The report of one plugin: violations, then one `submit()`. */
export interface IValidationReport {
  /**
   * Adds a violation. cdk8s adds the construct path of each violating resource from the
   * construct metadata it records during synth.
   */
  addViolation(violation: ValidationViolation): void;

  /**
   * Completes the report.
   * @param status `success` or `failure` (a failure fails `cdk8s synth`)
   * @param metadata lines of the report's summary table
   */
  submit(status: string, metadata?: { [key: string]: string }): void;
}

/** cdk8s's logger for plugins. */
export interface IValidationLogger {
  /** Logs one message. */
  log(message: string): void;
}

/** A rule violated by one or more resources, as cdk8s-cli reports it. */
export interface ValidationViolation {
  /** The rule, e.g. `SC-API-003 init-container-probes (error)`. */
  readonly ruleName: string;
  /** What is wrong, in the API server's field-error grammar. */
  readonly recommendation: string;
  /** How to fix it. */
  readonly fix: string;
  /** The resources that violate it. */
  readonly violatingResources: ValidationViolatingResource[];
}

/** One resource violating a rule. */
export interface ValidationViolatingResource {
  /** `metadata.name`: cdk8s finds the construct path by it. */
  readonly resourceName: string;
  /** Field paths of the violation in the resource, e.g. `spec.template.spec.initContainers[0].startupProbe`. */
  readonly locations: string[];
  /** The manifest file the resource is in. */
  readonly manifestPath: string;
}
