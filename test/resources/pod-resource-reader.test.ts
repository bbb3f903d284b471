import { EffectiveResources } from '../../src/resources/effective-resources';

/**
 * The API server's defaulting (`SetDefaults_Pod`, pkg/apis/core/v1/defaults.go): a container limit
 * without a request becomes the request too, for every container of the pod, init containers and
 * sidecars included. The effective figures must be those the scheduler sees after `kubectl apply`.
 */
const app = (resources: any) => ({ name: 'app', image: 'app:1', resources });
const sidecar = (resources: any) => ({ name: 'proxy', image: 'proxy:1', restartPolicy: 'Always', resources });
const init = (resources: any) => ({ name: 'setup', image: 'setup:1', resources });

describe('readPodResources: API-server defaulting of requests from limits', () => {
  describe('survivor "defaulting applied to app containers only, so a limit-only sidecar is under-counted" (issue 14)', () => {
    test('GIVEN a sidecar with limits only WHEN computing effective requests THEN its limits count as its requests', () => {
      const e = EffectiveResources.of({
        initContainers: [sidecar({ limits: { cpu: '100m', memory: '64Mi' } })],
        containers: [app({ requests: { cpu: '100m', memory: '128Mi' } })],
      });
      expect(e.requests).toEqual({ cpu: '200m', memory: '192Mi' });
    });

    test('GIVEN a regular init container with a limit only WHEN computing effective requests THEN its limit is its request, so it can be the peak', () => {
      const e = EffectiveResources.of({
        initContainers: [init({ limits: { cpu: '2' } })],
        containers: [app({ requests: { cpu: '100m' } })],
      });
      expect(e.requests).toEqual({ cpu: '2' });
    });
  });

  test('GIVEN a request and a larger limit THEN the request is kept (defaulting only fills what is missing)', () => {
    const e = EffectiveResources.of({ initContainers: [sidecar({ requests: { cpu: '10m' }, limits: { cpu: '100m' } })], containers: [app({})] });
    expect(e.requests).toEqual({ cpu: '10m' });
  });

  test('GIVEN apiServerDefaults false THEN a limit-only sidecar adds no request (the manifest as written)', () => {
    const e = EffectiveResources.of({
      initContainers: [sidecar({ limits: { cpu: '100m' } })],
      containers: [app({ requests: { cpu: '100m' } })],
    }, { apiServerDefaults: false });
    expect(e.requests).toEqual({ cpu: '100m' });
  });
});
