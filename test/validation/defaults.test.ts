import { KubernetesVersion } from '../../src/engine/kubernetes-version';
import { PodManifest } from '../../src/engine/pod-manifest';
import { imagePullPolicy, imageTag } from '../../src/validation/defaults';
import { validatePodManifest } from '../../src/validation/validate-manifest';

/**
 * The API server defaults a pod (pkg/apis/core/v1/defaults.go) before it validates it, so a
 * field that a default fills in is never "Required". Each case: a pod that relies on one default
 * is valid as the API server sees it, and the same pod validated without defaulting (what
 * validation.go's own tests do) has exactly the error the default prevents.
 */
const V = KubernetesVersion.of('1.33');
const pod = (spec: any) => PodManifest.from({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec })!;
const errors = (spec: any, applyDefaults: boolean) => validatePodManifest(pod(spec), V, { applyDefaults }).errors.map((e) => `${e.field} ${e.type}`);
const full = { name: 'a', image: 'a:1', imagePullPolicy: 'IfNotPresent', terminationMessagePolicy: 'File' };
const base = { restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', terminationGracePeriodSeconds: 30 };

describe('validation after the API server\'s defaulting', () => {
  test.each([
    ['SetDefaults_Container: imagePullPolicy', { ...base, containers: [{ name: 'a', image: 'a:1', terminationMessagePolicy: 'File' }] }, 'spec.containers[0].imagePullPolicy Required value'],
    ['SetDefaults_Container: terminationMessagePolicy', { ...base, containers: [{ name: 'a', image: 'a:1', imagePullPolicy: 'Always' }] }, 'spec.containers[0].terminationMessagePolicy Required value'],
    ['ContainerPort protocol +default=TCP', { ...base, containers: [{ ...full, ports: [{ containerPort: 80 }] }] }, 'spec.containers[0].ports[0].protocol Required value'],
    ['SetDefaults_PodSpec: restartPolicy', { dnsPolicy: 'ClusterFirst', terminationGracePeriodSeconds: 30, containers: [full] }, 'spec.restartPolicy Required value'],
    ['SetDefaults_PodSpec: dnsPolicy', { restartPolicy: 'Always', terminationGracePeriodSeconds: 30, containers: [full] }, 'spec.dnsPolicy Required value'],
    ['SetDefaults_PodSpec: terminationGracePeriodSeconds', { restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', containers: [full] }, 'spec.terminationGracePeriodSeconds Required value'],
    ['SetDefaults_Probe: successThreshold 1 for a livenessProbe', { ...base, containers: [{ ...full, livenessProbe: { exec: { command: ['true'] } } }] }, 'spec.containers[0].livenessProbe.successThreshold Invalid value'],
    ['SetDefaults_HTTPGetAction: path', { ...base, containers: [{ ...full, readinessProbe: { httpGet: { port: 80, scheme: 'HTTP' } } }] }, 'spec.containers[0].readinessProbe.httpGet.path Required value'],
    ['SetDefaults_HTTPGetAction: scheme', { ...base, containers: [{ ...full, readinessProbe: { httpGet: { port: 80, path: '/' } } }] }, 'spec.containers[0].readinessProbe.httpGet.scheme Unsupported value'],
    ['SetDefaults_ObjectFieldSelector: apiVersion', { ...base, containers: [{ ...full, env: [{ name: 'IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } }] }] }, 'spec.containers[0].env[0].valueFrom.fieldRef.apiVersion Required value'],
    ['SetDefaults_Volume: no source is an emptyDir', { ...base, volumes: [{ name: 'v' }], containers: [{ ...full, volumeMounts: [{ name: 'v', mountPath: '/v' }] }] }, 'spec.volumes[0] Required value'],
    ['defaultHostNetworkPorts: hostPort = containerPort (Pods)', { ...base, hostNetwork: true, containers: [{ ...full, ports: [{ containerPort: 80, protocol: 'TCP' }] }] }, 'spec.containers[0].ports[0].hostPort Invalid value'],
  ])('GIVEN a pod relying on %s THEN valid after defaulting, and the error without it', (_n, spec, without) => {
    expect(errors(spec, true)).toEqual([]);
    expect(errors(spec, false)).toContain(without);
  });

  test('GIVEN a sleep hook and no grace period THEN it is checked against the defaulted 30 seconds', () => {
    const spec = { containers: [{ name: 'a', image: 'a', lifecycle: { preStop: { sleep: { seconds: 31 } } } }] };
    expect(validatePodManifest(pod(spec), V).errors.map((e) => e.detail)).toEqual(['must be non-negative and less than terminationGracePeriodSeconds (30)']);
  });

  test.each([
    ['nginx', 'latest', 'Always'],
    ['nginx:latest', 'latest', 'Always'],
    ['nginx:1.27', '1.27', 'IfNotPresent'],
    ['registry:5000/team/app', 'latest', 'Always'],
    ['registry:5000/team/app:v2', 'v2', 'IfNotPresent'],
    ['nginx@sha256:0123', '', 'IfNotPresent'],
    ['nginx:1.27@sha256:0123', '1.27', 'IfNotPresent'],
  ])('GIVEN image %s THEN the tag is "%s" and imagePullPolicy defaults to %s (parsers.ParseImageName)', (image, tag, policy) => {
    expect(imageTag(image)).toBe(tag);
    expect(imagePullPolicy({ image }, true)).toBe(policy);
    expect(imagePullPolicy({ image, imagePullPolicy: 'Never' }, true)).toBe('Never');
  });
});
