import { C0, ctr, e, INVALID, NOT_SUPPORTED, podSpec, REQUIRED, SkippedCase, UpstreamCase, withCtr } from './upstream-case';

/**
 * TestValidatePodSpec (ResourceIsPod), TestValidateRestartPolicy, TestValidateDNSPolicy,
 * TestValidatePullPolicy, TestValidateResourceRequirements. Pods are podtest.MakePod's: one
 * container "ctr" (image, IfNotPresent, File), restartPolicy Always, dnsPolicy ClusterFirst,
 * terminationGracePeriodSeconds 30.
 */
const TS = 'TestValidatePodSpec';
const POD = { resourceIsPod: true };
const ok = (name: string, spec: any): UpstreamCase => ({ test: TS, name, spec, options: POD, errors: [] });
const bad = (name: string, spec: any, includes: any[]): UpstreamCase => ({ test: TS, name, spec, options: POD, includes });
const MAX_INT32 = 2147483647;

export const POD_SPEC_CASES: UpstreamCase[] = [
  ok('populate basic fields, leave defaults for most', podSpec()),
  ok('populate all fields', podSpec({
    initContainers: [ctr({ name: 'ictr' })],
    volumes: [{ name: 'vol', emptyDir: {} }],
    nodeSelector: { key: 'value' },
    nodeName: 'foobar',
    activeDeadlineSeconds: MAX_INT32,
    serviceAccountName: 'acct',
  })),
  ok('populate HostNetwork', podSpec({ containers: [ctr({ ports: [{ hostPort: 8080, containerPort: 8080, protocol: 'TCP' }] })], hostNetwork: true })),
  ok('populate RunAsUser SupplementalGroups FSGroup with minID 0', podSpec({ securityContext: { supplementalGroups: [0], runAsUser: 0, fsGroup: 0 } })),
  ok('populate RunAsUser SupplementalGroups FSGroup with maxID 2147483647', podSpec({ securityContext: { supplementalGroups: [MAX_INT32], runAsUser: MAX_INT32, fsGroup: MAX_INT32 } })),
  ok('populate HostIPC', podSpec({ hostIPC: true })),
  ok('populate HostPID', podSpec({ hostPID: true })),
  ok('populate Affinity', podSpec({
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{
            matchExpressions: [{ key: 'key2', operator: 'In', values: ['value1', 'value2'] }],
            matchFields: [{ key: 'metadata.name', operator: 'In', values: ['host1'] }],
          }],
        },
        preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, preference: { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] } }],
      },
    },
  })),
  ok('populate HostAliases', podSpec({ hostAliases: [{ ip: '12.34.56.78', hostnames: ['host1', 'host2'] }] })),
  ok('populate HostAliases with `foo.bar` hostnames', podSpec({ hostAliases: [{ ip: '12.34.56.78', hostnames: ['host1.foo', 'host2.bar'] }] })),
  ok('populate HostAliases with HostNetwork', podSpec({ hostAliases: [{ ip: '12.34.56.78', hostnames: ['host1.foo', 'host2.bar'] }], hostNetwork: true })),
  ok('populate PriorityClassName', podSpec({ priorityClassName: 'valid-name' })),
  ok('populate ShareProcessNamespace', podSpec({ shareProcessNamespace: true })),
  ok('populate RuntimeClassName', podSpec({ runtimeClassName: 'valid-sandbox' })),
  ok('populate Overhead', podSpec({ overhead: {} })),
  ok('populate FSGroupChangePolicy', podSpec({ securityContext: { fsGroupChangePolicy: 'Always' } })),
  ok('resources resize policy for containers', podSpec({ containers: [ctr({ resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }] })] })),

  bad('bad volume', podSpec({ volumes: [{}] }), [e(REQUIRED, 'spec.volumes[0]', 'must specify a volume type'), e(REQUIRED, 'spec.volumes[0].name')]),
  bad('no containers', podSpec({ containers: [] }), [e(REQUIRED, 'spec.containers')]),
  bad('bad container', podSpec({ containers: [{}] }), [e(REQUIRED, `${C0}.name`), e(REQUIRED, `${C0}.image`)]),
  bad('bad init container', podSpec({ initContainers: [{}] }), [e(REQUIRED, 'spec.initContainers[0].name'), e(REQUIRED, 'spec.initContainers[0].image')]),
  bad('bad DNS policy', podSpec({ dnsPolicy: 'invalid' }), [e(NOT_SUPPORTED, 'spec.dnsPolicy')]),
  bad('bad service account name', podSpec({ serviceAccountName: 'invalidName' }), [e(INVALID, 'spec.serviceAccountName')]),
  bad('bad restart policy', podSpec({ restartPolicy: 'UnknowPolicy' }), [e(NOT_SUPPORTED, 'spec.restartPolicy')]),
  bad('with hostNetwork hostPort unspecified', podSpec({ containers: [ctr({ ports: [{ hostPort: 0, containerPort: 2600, protocol: 'TCP' }] })], hostNetwork: true }),
    [e(INVALID, `${C0}.ports[0].hostPort`, 'must match `containerPort` when `hostNetwork` is true')]),
  bad('with hostNetwork hostPort not equal to containerPort', podSpec({ containers: [ctr({ ports: [{ hostPort: 8080, containerPort: 2600, protocol: 'TCP' }] })], hostNetwork: true }),
    [e(INVALID, `${C0}.ports[0].hostPort`, 'must match `containerPort` when `hostNetwork` is true')]),
  bad('with hostAliases with invalid IP', podSpec({ hostNetwork: false, hostAliases: [{ ip: '999.999.999.999', hostnames: ['host1', 'host2'] }] }), [e(INVALID, 'spec.hostAliases[0].ip')]),
  bad('with hostAliases with invalid hostname', podSpec({ hostNetwork: false, hostAliases: [{ ip: '12.34.56.78', hostnames: ['@#$^#@#$'] }] }), [e(INVALID, 'spec.hostAliases[0].hostnames[0]')]),
  bad('bad-active-deadline-seconds', podSpec({ activeDeadlineSeconds: 0 }), [e(INVALID, 'spec.activeDeadlineSeconds', 'must be between 1 and 2147483647, inclusive')]),
  bad('active-deadline-seconds-too-large', podSpec({ activeDeadlineSeconds: MAX_INT32 + 1 }), [e(INVALID, 'spec.activeDeadlineSeconds')]),
  bad('bad nodeName', podSpec({ nodeName: 'node name' }), [e(INVALID, 'spec.nodeName')]),
  bad('bad PriorityClassName', podSpec({ priorityClassName: 'InvalidName' }), [e(INVALID, 'spec.priorityClassName')]),
  bad('bad RuntimeClassName', podSpec({ runtimeClassName: 'invalid/sandbox' }), [e(INVALID, 'spec.runtimeClassName')]),

  ...['Always', 'OnFailure', 'Never'].map((p): UpstreamCase => ({ test: 'TestValidateRestartPolicy', name: `successCases: ${p}`, spec: podSpec({ restartPolicy: p }), errors: [] })),
  { test: 'TestValidateRestartPolicy', name: 'errorCases: ""', spec: podSpec({ restartPolicy: '' }), errors: [e(REQUIRED, 'spec.restartPolicy')] },
  { test: 'TestValidateRestartPolicy', name: 'errorCases: "newpolicy"', spec: podSpec({ restartPolicy: 'newpolicy' }), errors: [e(NOT_SUPPORTED, 'spec.restartPolicy', 'supported values: "Always", "OnFailure", "Never"')] },
  ...['ClusterFirst', 'Default', 'ClusterFirstWithHostNet', 'None'].map((p): UpstreamCase => ({
    test: 'TestValidateDNSPolicy',
    name: `successCases: ${p}`,
    // dnsPolicy None needs a dnsConfig with a nameserver (validatePodDNSConfig); upstream tests validateDNSPolicy alone.
    spec: podSpec({ dnsPolicy: p, ...(p === 'None' ? { dnsConfig: { nameservers: ['1.2.3.4'] } } : {}) }),
    errors: [],
  })),
  { test: 'TestValidateDNSPolicy', name: 'errorCases: "invalid"', spec: podSpec({ dnsPolicy: 'invalid' }), errors: [e(NOT_SUPPORTED, 'spec.dnsPolicy')] },
  { test: 'TestValidateDNSPolicy', name: 'errorCases: ""', spec: podSpec({ dnsPolicy: '' }), errors: [e(REQUIRED, 'spec.dnsPolicy')] },
  ...([['NotPresent1', 'image:latest', 'IfNotPresent'], ['NotPresent2', 'image', 'IfNotPresent'], ['Always1', 'image:latest', 'Always'], ['Always2', 'image', 'Always'],
    ['Never1', 'image:latest', 'Never'], ['Never2', 'image', 'Never']] as Array<[string, string, string]>).map(([name, image, policy]): UpstreamCase => ({
    test: 'TestValidatePullPolicy', name, spec: withCtr({ image, imagePullPolicy: policy }), errors: [],
  })),
];

export const POD_SPEC_SKIPPED: SkippedCase[] = [
  ...['bad supplementalGroups large than math.MaxInt32', 'bad supplementalGroups less than 0', 'bad runAsUser large than math.MaxInt32', 'bad runAsUser less than 0',
    'bad fsGroup large than math.MaxInt32', 'bad fsGroup less than 0', 'ShareProcessNamespace and HostPID both set', 'bad empty fsGroupchangepolicy',
    'bad invalid fsgroupchangepolicy'].map((name) => ({
    test: TS,
    name,
    reason: 'pod securityContext validation (IDs, fsGroupChangePolicy, shareProcessNamespace with hostPID) is not ported; Pod Security (SC-PSS-001/002) judges the security context',
  })),
];

const TR = 'TestValidateResourceRequirements';
const res = (limits: Record<string, string>, requests: Record<string, string>) => ({ limits, requests });
const LEVEL = { podLevelResources: true };
export const RESOURCE_CASES: UpstreamCase[] = [
  { test: TR, name: 'limits and requests of hugepage resource are equal', spec: withCtr({ resources: res({ 'cpu': '10', 'hugepages-2Mi': '2Mi' }, { 'cpu': '10', 'hugepages-2Mi': '2Mi' }) }), errors: [] },
  { test: TR, name: 'limits and requests of memory resource are equal', spec: withCtr({ resources: res({ memory: '2Mi' }, { memory: '2Mi' }) }), errors: [] },
  { test: TR, name: 'limits and requests of cpu resource are equal', spec: withCtr({ resources: res({ cpu: '10' }, { cpu: '10' }) }), errors: [] },
  { test: TR, name: 'limits and requests of memory resource are equal (pod-level)', spec: podSpec({ resources: res({ memory: '2Mi' }, { memory: '2Mi' }) }), options: LEVEL, errors: [] },
  { test: TR, name: 'limits and requests of cpu resource are equal (pod-level)', spec: podSpec({ resources: res({ cpu: '10' }, { cpu: '10' }) }), options: LEVEL, errors: [] },
  {
    test: TR,
    name: 'hugepage resource without cpu or memory',
    spec: withCtr({ resources: res({ 'hugepages-2Mi': '2Mi' }, { 'hugepages-2Mi': '2Mi' }) }),
    includes: [e('Forbidden', `${C0}.resources`, 'HugePages require cpu or memory')],
  },
  { test: TR, name: 'pod resource with hugepages', spec: podSpec({ resources: res({ 'hugepages-2Mi': '2Mi' }, { 'hugepages-2Mi': '2Mi' }) }), options: LEVEL, includes: [e(NOT_SUPPORTED, 'spec.resources.limits[hugepages-2Mi]')] },
  { test: TR, name: 'pod resource with ephemeral-storage', spec: podSpec({ resources: res({ 'ephemeral-storage': '2Mi' }, { 'ephemeral-storage2Mi': '2Mi' }) }), options: LEVEL, includes: [e(NOT_SUPPORTED, 'spec.resources.limits[ephemeral-storage]')] },
  { test: TR, name: 'pod resource with unsupported prefixed resources', spec: podSpec({ resources: res({ 'kubernetesio/cpu': '2' }, { 'kubernetesio/memory': '2' }) }), options: LEVEL, includes: [e(NOT_SUPPORTED, 'spec.resources.limits[kubernetesio/cpu]')] },
  {
    test: TR,
    name: 'pod resource with unsupported native resources',
    spec: podSpec({ resources: res({ [`kubernetes.io/${'a'.repeat(63)}`]: '2' }, { [`kubernetes.io/${'a'.repeat(63)}`]: '2' }) }),
    options: LEVEL,
    includes: [e(NOT_SUPPORTED, `spec.resources.limits[kubernetes.io/${'a'.repeat(63)}]`)],
  },
  { test: TR, name: 'pod resource with unsupported empty native resource name', spec: podSpec({ resources: res({ 'kubernetes.io/': '2' }, { 'kubernetes.io': '2' }) }), options: LEVEL, includes: [e(NOT_SUPPORTED, 'spec.resources.limits[kubernetes.io/]')] },
];
