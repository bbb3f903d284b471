// Re-exports only. Internal modules (wire types, helpers, src/**/private) are not exported.

// engine
export * from './engine/severity';
export * from './engine/error-type';
export * from './engine/finding';
export * from './engine/container-role';
export * from './engine/kubernetes-version';

// effective resources and QoS
export * from './resources/quantity-format';
export { Quantity } from './resources/quantity';
export * from './resources/qos-class';
export * from './resources/resource-explanation';
export * from './resources/effective-resources';
export * from './resources/resource-report';

// rules
export * from './rules/rule';
export * from './rules/rule-context';
export * from './rules/pod-security-level';
export * from './rules/rule-suppression';
export * from './rules/suppressed-finding';
export * from './rules/check-result';
export * from './rules/manifest-findings';
export * from './rules/sidecar-rules-options';
export * from './rules/sidecar-rules';

// lifecycle plan
export * from './lifecycle/start-condition';
export * from './lifecycle/startup-step';
export * from './lifecycle/steady-state';
export * from './lifecycle/shutdown-step';
export * from './lifecycle/completion-plan';
export * from './lifecycle/lifecycle-plan-options';
export * from './lifecycle/lifecycle-plan';

// workloads
export * from './workloads/init-step';
export * from './workloads/sidecar';
export * from './workloads/sidecar-workload';
export * from './workloads/sidecar-checks-options';
export * from './workloads/sidecar-checks';
export * from './workloads/resource-reports';
export * from './modes/sidecar-mode';
export * from './workloads/sidecar-mode';
export * from './workloads/sidecar-settings';
export * from './workloads/sidecar-pod';
export * from './workloads/sidecar-deployment';
export * from './workloads/sidecar-job';
export * from './workloads/sidecar-stateful-set';
export * from './workloads/sidecar-daemon-set';
export * from './workloads/sidecar-cron-job';

// ready-made sidecars, authoring, injection
export * from './sidecars/sidecar-context';
export * from './sidecars/sidecar-definition';
export * from './sidecars/tail-command-style';
export * from './sidecars/fluent-bit-output';
export * from './sidecars/fluent-bit-parser';
export * from './sidecars/log-shipper-props';
export * from './sidecars/log-shipper-sidecar';
export * from './sidecars/proxy-sidecar';
export * from './sidecars/injection-target';
export * from './sidecars/sidecar-injection-options';
export * from './sidecars/sidecar-injector';

// cdk8s validation plugin (`validations:` in cdk8s.yaml)
export * from './plugin/validation-context';
export * from './plugin/sidecar-validation-props';
export * from './plugin/sidecar-validation';
