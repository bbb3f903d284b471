import { AnnotationsWellFormedRule } from '../annotations-well-formed';
import { ApiServerWarningsRule } from '../api-server-warnings';
import { AppContainerRestartPolicyRule } from '../app-container-restart-policy';
import { AutoModeLegacyRule } from '../auto-mode-legacy';
import { ContainerFieldsRule } from '../container-fields';
import { ContainerNameRule } from '../container-name';
import { ContainerNameUniqueRule } from '../container-name-unique';
import { DuplicateContainerPortRule } from '../duplicate-container-port';
import { DuplicatePortNameRule } from '../duplicate-port-name';
import { ForeignDeclarationRule } from '../foreign-declaration';
import { HostPortConflictRule } from '../host-port-conflict';
import { InitContainerProbesLifecycleRule } from '../init-container-probes-lifecycle';
import { InitContainerRestartPolicyRule } from '../init-container-restart-policy';
import { LegacySidecarInJobRule } from '../legacy-sidecar-in-job';
import { LifecycleHandlersRule } from '../lifecycle-handlers';
import { LimitRangeFitRule } from '../limit-range-fit';
import { ModeCommandRequiredRule } from '../mode-command-required';
import { ModeNameConflictRule } from '../mode-name-conflict';
import { ModeNotKeptRule } from '../mode-not-kept';
import { ModeOptionsRule } from '../mode-options';
import { NativeSidecarVersionRule } from '../native-sidecar-version';
import { NeedsReadyOrderRule } from '../needs-ready-order';
import { PodLevelResourcesVersionRule } from '../pod-level-resources-version';
import { PodRestartPolicyRule } from '../pod-restart-policy';
import { PodSecurityBaselineRule } from '../pod-security-baseline';
import { PodSecurityRestrictedRule } from '../pod-security-restricted';
import { PodSpecFieldsRule } from '../pod-spec-fields';
import { ProbeFieldsRule } from '../probe-fields';
import { ProbeHandlerRule } from '../probe-handler';
import { ProbeNamedPortRule } from '../probe-named-port';
import { ProbeSuccessThresholdRule } from '../probe-success-threshold';
import { RequestsWithinLimitsRule } from '../requests-within-limits';
import { ResourceQuotaFitRule } from '../resource-quota-fit';
import { IRule } from '../rule';
import { ServedApiVersionRule } from '../served-api-version';
import { SidecarReadinessProbeRule } from '../sidecar-readiness-probe';
import { SidecarRequestsRule } from '../sidecar-requests';
import { SidecarStartupProbeRule } from '../sidecar-startup-probe';
import { SidecarTerminationOrderRule } from '../sidecar-termination-order';
import { StartAfterOrderRule } from '../start-after-order';
import { StartOrderCycleRule } from '../start-order-cycle';
import { SuppressionAnnotationRule } from '../suppression-annotation';
import { TerminationBudgetRule } from '../termination-budget';
import { VolumeMountNameRule } from '../volume-mount-name';
import { WorkloadFieldsRule } from '../workload-fields';

/**
 * The registry: every rule, in the order of RULES.md (by group, then number). Every id the
 * library prints is one of these, so RULES.md documents it, `SidecarChecks.suppress` and the
 * suppression annotation accept it and `warningsAsErrors` promotes it. Adding a rule: one file
 * under src/rules (extending `BaseRule`, see docs/architecture.md) and one line here.
 * Fresh instances each call.
 */
export function allRules(): IRule[] {
  return [
    new InitContainerRestartPolicyRule(),
    new AppContainerRestartPolicyRule(),
    new InitContainerProbesLifecycleRule(),
    new ProbeSuccessThresholdRule(),
    new ProbeHandlerRule(),
    new ContainerNameRule(),
    new ContainerNameUniqueRule(),
    new VolumeMountNameRule(),
    new ProbeNamedPortRule(),
    new RequestsWithinLimitsRule(),
    new PodRestartPolicyRule(),
    new ContainerFieldsRule(),
    new ProbeFieldsRule(),
    new LifecycleHandlersRule(),
    new PodSpecFieldsRule(),
    new WorkloadFieldsRule(),
    new ApiServerWarningsRule(),
    new NeedsReadyOrderRule(),
    new StartAfterOrderRule(),
    new SidecarTerminationOrderRule(),
    new StartOrderCycleRule(),
    new ForeignDeclarationRule(),
    new SidecarStartupProbeRule(),
    new SidecarReadinessProbeRule(),
    new LegacySidecarInJobRule(),
    new DuplicateContainerPortRule(),
    new DuplicatePortNameRule(),
    new HostPortConflictRule(),
    new TerminationBudgetRule(),
    new NativeSidecarVersionRule(),
    new PodLevelResourcesVersionRule(),
    new ServedApiVersionRule(),
    new AutoModeLegacyRule(),
    new ModeCommandRequiredRule(),
    new ModeNameConflictRule(),
    new ModeOptionsRule(),
    new ModeNotKeptRule(),
    new PodSecurityBaselineRule(),
    new PodSecurityRestrictedRule(),
    new SidecarRequestsRule(),
    new LimitRangeFitRule(),
    new ResourceQuotaFitRule(),
    new AnnotationsWellFormedRule(),
    new SuppressionAnnotationRule(),
  ];
}
