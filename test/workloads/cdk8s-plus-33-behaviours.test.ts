import * as kplus33 from 'cdk8s-plus-33';
import { describeMajor, SHARED_DEFAULTS } from './cdk8s-plus-major-behaviours';

// The two extra fields show up in every manifest of the cdk8s-sidecars-plus-33 build (see the
// *.plus-33.snapshot files); both are the Kubernetes defaults, so the cluster sees the same pods.
describeMajor({
  label: 'cdk8s-plus-33@2.5.57',
  kplus: kplus33,
  defaultResources: SHARED_DEFAULTS.resources,
  defaultSecurityContext: SHARED_DEFAULTS.securityContext,
  writesShareProcessNamespace: true,
  deploymentRevisionHistoryLimit: 10,
  hasGrpcProbes: true,
});
