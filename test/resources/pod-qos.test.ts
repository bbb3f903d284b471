import { KubernetesVersion } from '../../src/engine/kubernetes-version';
import { EffectiveResources } from '../../src/resources/effective-resources';
import { QosClass } from '../../src/resources/qos-class';

/**
 * The QoS class as `ComputePodQOS` (pkg/apis/core/v1/helper/qos/qos.go) decides it: only cpu and
 * memory count (`supportedQoSComputeResources`), and pod-level `spec.resources` decides alone when
 * the PodLevelResources feature is on.
 */
const guaranteedContainer = (extra: any = {}) => ({
  name: 'app',
  image: 'app:1',
  resources: {
    requests: { cpu: '500m', memory: '256Mi', ...extra.requests },
    limits: { cpu: '500m', memory: '256Mi', ...extra.limits },
  },
});

describe('QoS class', () => {
  describe('survivor "ephemeral-storage deciding QoS" (issue 14)', () => {
    test('GIVEN cpu and memory requests equal to limits and an ephemeral-storage request without a limit THEN Guaranteed (ephemeral-storage does not count)', () => {
      const e = EffectiveResources.of({ containers: [guaranteedContainer({ requests: { 'ephemeral-storage': '1Gi' } })] });
      expect(e.qosClass).toBe(QosClass.GUARANTEED);
    });

    test('GIVEN no cpu or memory at all, only ephemeral-storage THEN BestEffort', () => {
      const e = EffectiveResources.of({ containers: [{ name: 'app', image: 'app:1', resources: { requests: { 'ephemeral-storage': '1Gi' }, limits: { 'ephemeral-storage': '2Gi' } } }] });
      expect(e.qosClass).toBe(QosClass.BEST_EFFORT);
    });
  });

  describe('survivor "podLevelResources: false ignored by the QoS class" (issue 14)', () => {
    // Pod-level resources say Guaranteed; the containers alone say BestEffort.
    const spec = {
      resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } },
      containers: [{ name: 'app', image: 'app:1' }],
    };

    test('GIVEN pod-level resources and podLevelResources false (feature gate off) THEN the containers decide: BestEffort', () => {
      const e = EffectiveResources.of(spec, { podLevelResources: false });
      expect(e.qosClass).toBe(QosClass.BEST_EFFORT);
      expect(e.requests).toEqual({});
    });

    test('GIVEN the same pod on 1.34 (PodLevelResources on by default) THEN pod-level resources decide: Guaranteed', () => {
      const e = EffectiveResources.of(spec, { targetVersion: KubernetesVersion.of('1.34') });
      expect(e.qosClass).toBe(QosClass.GUARANTEED);
      expect(e.requests).toEqual({ cpu: '1', memory: '1Gi' });
    });
  });
});
