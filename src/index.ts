// Re-exports only. Internal modules (wire types, helpers, src/**/private) are not exported.
export * from './engine/severity';
export * from './engine/finding';
export * from './engine/container-role';
export * from './engine/kubernetes-version';
