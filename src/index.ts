// Re-exports only. Internal modules (wire types, helpers, src/**/private) are not exported.

// engine
export * from './engine/severity';
export * from './engine/finding';
export * from './engine/container-role';
export * from './engine/kubernetes-version';

// workloads
export * from './workloads/init-step';
export * from './workloads/sidecar';
export * from './workloads/sidecar-workload';
export * from './workloads/sidecar-pod';
export * from './workloads/sidecar-deployment';
export * from './workloads/sidecar-job';
export * from './workloads/sidecar-stateful-set';
export * from './workloads/sidecar-daemon-set';
export * from './workloads/sidecar-cron-job';
