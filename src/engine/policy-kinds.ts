/**
 * Kinds whose objects carry no pod but that rules read across the manifests of one app: the
 * namespace policies LimitRange and ResourceQuota (admission applies them to every pod of their
 * namespace). `SidecarChecks` collects these under its scope; the CLI keeps only these between
 * documents.
 */
export const POLICY_KINDS: ReadonlySet<string> = new Set(['LimitRange', 'ResourceQuota']);
