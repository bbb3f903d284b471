// 'cdk8s-plus-28/lib/index', not 'cdk8s-plus-28': the cdk8s-plus-33 run maps the package name to
// cdk8s-plus-33 (test/plus-33/jest.config.js), and this file pins cdk8s-plus-28 itself in both runs.
import * as kplus28 from 'cdk8s-plus-28/lib/index';
import { describeMajor, SHARED_DEFAULTS } from './cdk8s-plus-major-behaviours';

describeMajor({
  label: 'cdk8s-plus-28@2.5.6',
  kplus: kplus28 as any,
  defaultResources: SHARED_DEFAULTS.resources,
  defaultSecurityContext: SHARED_DEFAULTS.securityContext,
  writesShareProcessNamespace: false,
  deploymentRevisionHistoryLimit: undefined,
  hasGrpcProbes: false,
});
