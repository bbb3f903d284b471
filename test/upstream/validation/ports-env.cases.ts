import { C0, DUPLICATE, e, INVALID, NOT_SUPPORTED, REQUIRED, UpstreamCase, withCtr } from './upstream-case';

/**
 * TestValidatePorts, TestValidateEnv, TestRelaxedValidateEnv, TestValidateEnvFrom,
 * TestRelaxedValidateEnvFrom, TestLocalStorageEnvWithFeatureGate, TestHugePagesEnv. The lists
 * upstream passes to validateContainerPorts / ValidateEnv / ValidateEnvFrom are the container's.
 */
const P = `${C0}.ports`;
const ports = (list: any[]) => withCtr({ ports: list });
const TP = 'TestValidatePorts';

export const PORT_CASES: UpstreamCase[] = [
  {
    test: TP,
    name: 'successCase',
    spec: ports([
      { name: 'abc', containerPort: 80, hostPort: 80, protocol: 'TCP' },
      { name: 'easy', containerPort: 82, protocol: 'TCP' },
      { name: 'as', containerPort: 83, protocol: 'UDP' },
      { name: 'do-re-me', containerPort: 84, protocol: 'SCTP' },
      { containerPort: 85, protocol: 'TCP' },
    ]),
    errors: [],
  },
  { test: TP, name: 'nonCanonicalCase', spec: ports([{ containerPort: 80, protocol: 'TCP' }]), errors: [] },
  { test: TP, name: 'name > 15 characters', spec: ports([{ name: 'a'.repeat(16), containerPort: 80, protocol: 'TCP' }]), errors: [e(INVALID, `${P}[0].name`, '15')] },
  { test: TP, name: 'name contains invalid characters', spec: ports([{ name: 'a.b.c', containerPort: 80, protocol: 'TCP' }]), errors: [e(INVALID, `${P}[0].name`, 'alpha-numeric')] },
  { test: TP, name: 'name is a number', spec: ports([{ name: '80', containerPort: 80, protocol: 'TCP' }]), errors: [e(INVALID, `${P}[0].name`, 'at least one letter')] },
  { test: TP, name: 'name not unique', spec: ports([{ name: 'abc', containerPort: 80, protocol: 'TCP' }, { name: 'abc', containerPort: 81, protocol: 'TCP' }]), errors: [e(DUPLICATE, `${P}[1].name`)] },
  { test: TP, name: 'zero container port', spec: ports([{ containerPort: 0, protocol: 'TCP' }]), errors: [e(REQUIRED, `${P}[0].containerPort`)] },
  { test: TP, name: 'invalid container port', spec: ports([{ containerPort: 65536, protocol: 'TCP' }]), errors: [e(INVALID, `${P}[0].containerPort`, 'between')] },
  { test: TP, name: 'invalid host port', spec: ports([{ containerPort: 80, hostPort: 65536, protocol: 'TCP' }]), errors: [e(INVALID, `${P}[0].hostPort`, 'between')] },
  { test: TP, name: 'invalid protocol case', spec: ports([{ containerPort: 80, protocol: 'tcp' }]), errors: [e(NOT_SUPPORTED, `${P}[0].protocol`, 'supported values: "SCTP", "TCP", "UDP"')] },
  { test: TP, name: 'invalid protocol', spec: ports([{ containerPort: 80, protocol: 'ICMP' }]), errors: [e(NOT_SUPPORTED, `${P}[0].protocol`, 'supported values: "SCTP", "TCP", "UDP"')] },
  { test: TP, name: 'protocol required', spec: ports([{ name: 'abc', containerPort: 80 }]), errors: [e(REQUIRED, `${P}[0].protocol`)], note: 'unreachable through the API: the API server defaults protocol to TCP first (see the defaulting tests)' },
];

const E = `${C0}.env`;
const env = (list: any[], options?: any): Pick<UpstreamCase, 'spec' | 'options'> => ({ spec: withCtr({ env: list }), ...(options ? { options } : {}) });
const RELAXED = { allowRelaxedEnvironmentVariableValidation: true };
const fieldRef = (fieldPath: string, apiVersion = 'v1') => ({ valueFrom: { fieldRef: { apiVersion, fieldPath } } });
const ENV_FIELDS = '"metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"';
const secretRef = (name: string, key: string) => ({ secretKeyRef: { name, key } });
const configMapRef = (name: string, key: string) => ({ configMapKeyRef: { name, key } });
const STRICT_MSG = 'a valid environment variable name must consist of alphabetic characters, digits, \'_\', \'-\', or \'.\', and must not start with a digit';
const RELAXED_MSG = 'a valid environment variable name must consist only of printable ASCII characters other than \'=\'';
const ODD_NAMES = ['!"#$%&\'()', '* +,-./0123456789', ':;<>?@', 'ABCDEFG', 'abcdefghijklmn', '[\\]^_`{}|~'];

const successEnv = [
  { name: 'abc', value: 'value' }, { name: 'ABC', value: 'value' }, { name: 'AbC_123', value: 'value' }, { name: 'abc', value: '' },
  { name: 'a.b.c', value: 'value' }, { name: 'a-b-c', value: 'value' },
  ...['metadata.annotations[\'key\']', 'metadata.labels[\'key\']', 'metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName',
    'spec.serviceAccountName', 'status.hostIP', 'status.podIP', 'status.podIPs'].map((p) => ({ name: 'abc', ...fieldRef(p) })),
  { name: 'secret_value', valueFrom: secretRef('some-secret', 'secret-key') },
  { name: 'ENV_VAR_1', valueFrom: configMapRef('some-config-map', 'some-key') },
];

/** The error cases TestValidateEnv and TestRelaxedValidateEnv share (names valid in both modes). */
function envErrorCases(test: string, options?: any): UpstreamCase[] {
  const c = (name: string, list: any[], ex: Pick<UpstreamCase, 'errors' | 'includes'>): UpstreamCase => ({ test, name, ...env(list, options), ...ex });
  return [
    c('zero-length name', [{ name: '' }], { errors: [e(REQUIRED, `${E}[0].name`)] }),
    c('value and valueFrom specified', [{ name: 'abc', value: 'foo', ...fieldRef('metadata.name') }], { errors: [e(INVALID, `${E}[0].valueFrom`, 'may not be specified when `value` is not empty')] }),
    c('valueFrom without a source', [{ name: 'abc', valueFrom: {} }], { errors: [e(INVALID, `${E}[0].valueFrom`, 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`')] }),
    c('valueFrom.fieldRef and valueFrom.secretKeyRef specified', [{ name: 'abc', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' }, ...secretRef('a-secret', 'a-key') } }],
      { errors: [e(INVALID, `${E}[0].valueFrom`, 'may not have more than one field specified at a time')] }),
    c('valueFrom.fieldRef and valueFrom.configMapKeyRef set', [{ name: 'some_var_name', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' }, ...configMapRef('some-config-map', 'some-key') } }],
      { errors: [e(INVALID, `${E}[0].valueFrom`, 'may not have more than one field specified at a time')] }),
    c('valueFrom.fieldRef and valueFrom.secretKeyRef specified (and configMapKeyRef)',
      [{ name: 'abc', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' }, ...secretRef('a-secret', 'a-key'), ...configMapRef('some-config-map', 'some-key') } }],
      { errors: [e(INVALID, `${E}[0].valueFrom`, 'may not have more than one field specified at a time')] }),
    c('valueFrom.secretKeyRef.name invalid', [{ name: 'abc', valueFrom: secretRef('$%^&*#', 'a-key') }], { includes: [e(INVALID, `${E}[0].valueFrom.secretKeyRef.name`)] }),
    c('valueFrom.configMapKeyRef.name invalid', [{ name: 'abc', valueFrom: configMapRef('$%^&*#', 'some-key') }], { includes: [e(INVALID, `${E}[0].valueFrom.configMapKeyRef.name`)] }),
    c('missing FieldPath on ObjectFieldSelector', [{ name: 'abc', valueFrom: { fieldRef: { apiVersion: 'v1' } } }], { errors: [e(REQUIRED, `${E}[0].valueFrom.fieldRef.fieldPath`)] }),
    c('missing APIVersion on ObjectFieldSelector', [{ name: 'abc', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }], { errors: [e(REQUIRED, `${E}[0].valueFrom.fieldRef.apiVersion`)] }),
    c('invalid fieldPath', [{ name: 'abc', ...fieldRef('metadata.whoops') }], { errors: [e(INVALID, `${E}[0].valueFrom.fieldRef.fieldPath`, 'error converting fieldPath')] }),
    c('metadata.name with subscript', [{ name: 'labels', ...fieldRef('metadata.name[\'key\']') }], { errors: [e(INVALID, `${E}[0].valueFrom.fieldRef.fieldPath`, 'error converting fieldPath: field label does not support subscript')] }),
    c('metadata.labels without subscript', [{ name: 'labels', ...fieldRef('metadata.labels') }], { errors: [e(NOT_SUPPORTED, `${E}[0].valueFrom.fieldRef.fieldPath`, `supported values: ${ENV_FIELDS}`)] }),
    c('metadata.annotations without subscript', [{ name: 'abc', ...fieldRef('metadata.annotations') }], { errors: [e(NOT_SUPPORTED, `${E}[0].valueFrom.fieldRef.fieldPath`, `supported values: ${ENV_FIELDS}`)] }),
    c('metadata.annotations with invalid key', [{ name: 'abc', ...fieldRef('metadata.annotations[\'invalid~key\']') }], { includes: [e(INVALID, `${E}[0].valueFrom.fieldRef`)] }),
    c('metadata.labels with invalid key', [{ name: 'abc', ...fieldRef('metadata.labels[\'Www.k8s.io/test\']') }], { includes: [e(INVALID, `${E}[0].valueFrom.fieldRef`)] }),
    c('unsupported fieldPath', [{ name: 'abc', ...fieldRef('status.phase') }], { errors: [e(NOT_SUPPORTED, `${E}[0].valueFrom.fieldRef.fieldPath`, `supported values: ${ENV_FIELDS}`)] }),
  ];
}

export const ENV_CASES: UpstreamCase[] = [
  { test: 'TestValidateEnv', name: 'successCase', ...env(successEnv), errors: [] },
  { test: 'TestValidateEnv', name: 'updateSuccessCase (relaxed names)', ...env(ODD_NAMES.map((name) => ({ name, value: 'value' })), RELAXED), errors: [] },
  ...['!"#$%&\'()', '* +,-./0123456789', ':;<>?@', '[\\]^_{}|~'].map((name, i): UpstreamCase => ({
    test: 'TestValidateEnv', name: `updateErrorCase: invalid name ${'abcd'[i]}`, ...env([{ name, value: 'value' }]), errors: [e(INVALID, `${E}[0].name`, STRICT_MSG)],
  })),
  ...envErrorCases('TestValidateEnv'),

  {
    test: 'TestRelaxedValidateEnv',
    name: 'successCase',
    ...env([...ODD_NAMES.map((name) => ({ name, value: 'value' })),
      { name: '!"#$%&\'()', ...fieldRef('metadata.annotations[\'key\']') }, { name: '!"#$%&\'()', ...fieldRef('metadata.labels[\'key\']') },
      { name: '* +,-./0123456789', ...fieldRef('metadata.name') }, { name: '* +,-./0123456789', ...fieldRef('metadata.namespace') },
      { name: '* +,-./0123456789', ...fieldRef('metadata.uid') }, { name: ':;<>?@', ...fieldRef('spec.nodeName') },
      { name: ':;<>?@', ...fieldRef('spec.serviceAccountName') }, { name: ':;<>?@', ...fieldRef('status.hostIP') },
      { name: ':;<>?@', ...fieldRef('status.podIP') }, { name: 'abcdefghijklmn', ...fieldRef('status.podIPs') },
      { name: 'abcdefghijklmn', valueFrom: secretRef('some-secret', 'secret-key') }, { name: '!"#$%&\'()', valueFrom: configMapRef('some-config-map', 'some-key') }], RELAXED),
    errors: [],
  },
  { test: 'TestRelaxedValidateEnv', name: 'illegal character', ...env([{ name: '=abc' }], RELAXED), errors: [e(INVALID, `${E}[0].name`, RELAXED_MSG)] },
  ...envErrorCases('TestRelaxedValidateEnv', RELAXED),

  {
    test: 'TestLocalStorageEnvWithFeatureGate',
    name: 'ephemeral-storage limits and requests',
    ...env([{ name: 'ephemeral-storage-limits', valueFrom: { resourceFieldRef: { containerName: 'test-container', resource: 'limits.ephemeral-storage' } } },
      { name: 'ephemeral-storage-requests', valueFrom: { resourceFieldRef: { containerName: 'test-container', resource: 'requests.ephemeral-storage' } } }]),
    errors: [],
  },
  {
    test: 'TestHugePagesEnv',
    name: 'hugepages limits and requests',
    ...env([{ name: 'hugepages-limits', valueFrom: { resourceFieldRef: { containerName: 'test-container', resource: 'limits.hugepages-2Mi' } } },
      { name: 'hugepages-requests', valueFrom: { resourceFieldRef: { containerName: 'test-container', resource: 'requests.hugepages-2Mi' } } }]),
    errors: [],
  },
];

const F = `${C0}.envFrom`;
const envFrom = (list: any[], options?: any): Pick<UpstreamCase, 'spec' | 'options'> => ({ spec: withCtr({ envFrom: list }), ...(options ? { options } : {}) });
const DNS_SUBDOMAIN_MSG = 'a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character';

function envFromErrorCases(test: string, options?: any): UpstreamCase[] {
  const c = (name: string, list: any[], ex: Pick<UpstreamCase, 'errors' | 'includes'>): UpstreamCase => ({ test, name, ...envFrom(list, options), ...ex });
  return [
    c('zero-length name (configMapRef)', [{ configMapRef: { name: '' } }], { errors: [e(REQUIRED, `${F}[0].configMapRef.name`)] }),
    ...(options ? [] : [c('invalid name (configMapRef "$")', [{ configMapRef: { name: '$' } }], { errors: [e(INVALID, `${F}[0].configMapRef.name`)] })]),
    c('zero-length name (secretRef)', [{ secretRef: { name: '' } }], { errors: [e(REQUIRED, `${F}[0].secretRef.name`)] }),
    c('invalid name (secretRef "&")', [{ secretRef: { name: '&' } }], { errors: [e(INVALID, `${F}[0].secretRef.name`)] }),
    c('no refs', [{}], { errors: [e(INVALID, F, 'must specify one of: `configMapRef` or `secretRef`')] }),
    c('multiple refs', [{ secretRef: { name: 'abc' }, configMapRef: { name: 'abc' } }], { errors: [e(INVALID, F, 'may not have more than one field specified at a time')] }),
    c('invalid secret ref name', [{ secretRef: { name: '$%^&*#' } }], { errors: [e(INVALID, `${F}[0].secretRef.name`, DNS_SUBDOMAIN_MSG)] }),
    c('invalid config ref name', [{ configMapRef: { name: '$%^&*#' } }], { errors: [e(INVALID, `${F}[0].configMapRef.name`, DNS_SUBDOMAIN_MSG)] }),
  ];
}

const abc = (kind: string, prefix?: string) => ({ ...(prefix === undefined ? {} : { prefix }), [kind]: { name: 'abc' } });

export const ENV_FROM_CASES: UpstreamCase[] = [
  {
    test: 'TestValidateEnvFrom',
    name: 'successCase',
    ...envFrom([abc('configMapRef'), abc('configMapRef', 'pre_'), abc('configMapRef', 'a.b'), abc('secretRef'), abc('secretRef', 'pre_'), abc('secretRef', 'a.b')]),
    errors: [],
  },
  {
    test: 'TestValidateEnvFrom',
    name: 'updateSuccessCase (relaxed prefixes)',
    ...envFrom([abc('configMapRef'), abc('configMapRef', '* +,-./0123456789'), abc('configMapRef', ':;<>?@'), abc('secretRef'), abc('secretRef', 'abcdefghijklmn'), abc('secretRef', '[\\]^_`{}|~')], RELAXED),
    errors: [],
  },
  ...['!"#$%&\'()', '* +,-./0123456789', ':;<>?@', '[\\]^_{}|~'].map((prefix, i): UpstreamCase => ({
    test: 'TestValidateEnvFrom', name: `updateErrorCase: invalid name ${'abcd'[i]}`, ...envFrom([abc('secretRef', prefix)]), errors: [e(INVALID, `${F}[0].prefix`, STRICT_MSG)],
  })),
  ...envFromErrorCases('TestValidateEnvFrom'),
  {
    test: 'TestRelaxedValidateEnvFrom',
    name: 'successCase',
    ...envFrom([abc('configMapRef'), abc('configMapRef', '!"#$%&\'()'), abc('configMapRef', '* +,-./0123456789'), abc('secretRef'), abc('secretRef', ':;<>?@'), abc('secretRef', '[\\]^_`{}|~')], RELAXED),
    errors: [],
  },
  { test: 'TestRelaxedValidateEnvFrom', name: 'invalid prefix', ...envFrom([{ prefix: '=abc', configMapRef: { name: 'abc' } }], RELAXED), errors: [e(INVALID, `${F}[0].prefix`, RELAXED_MSG)] },
  ...envFromErrorCases('TestRelaxedValidateEnvFrom', RELAXED),
];
