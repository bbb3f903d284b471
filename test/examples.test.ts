import * as path from 'path';
import { essentials } from './support/essentials';
import { exampleNames, readYaml, SEEDS, synthExample } from './support/synth';
// kubernetes-models 4.5.x: OpenAPI-schema validation of each object (loads with require()).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const models = { v1: require('kubernetes-models/v1'), apps: require('kubernetes-models/apps/v1'), batch: require('kubernetes-models/batch/v1') };

/** Every example reproduces one seed manifest (test/fixtures/seeds/README.md lists them). */
const SEED_OF: Record<string, string> = {
  'deployment-sidecar': 'deployment-sidecar.yaml',
  'job-sidecar': 'job-sidecar.yaml',
  'netshoot-sidecar': 'netshoot-sidecar.yaml',
  'order': 'order.yaml',
  'exit': 'exit.yaml',
  'liveness-fail': 'liveness-fail.yaml',
  'readiness-fail': 'readiness-fail.yaml',
  'secret-fetch': 'secret-fetch.yaml',
};

function schemaValidate(manifest: any): void {
  const group = manifest.apiVersion === 'v1' ? models.v1 : manifest.apiVersion === 'apps/v1' ? models.apps : models.batch;
  const Model = group[manifest.kind];
  if (!Model) throw new Error(`no schema model for ${manifest.apiVersion} ${manifest.kind}`);
  new Model(manifest).validate();
}

describe('examples', () => {
  test('GIVEN examples/ THEN every example has a seed and every seed an example', () => {
    expect(exampleNames()).toEqual(Object.keys(SEED_OF).sort());
  });

  describe.each(Object.entries(SEED_OF))('%s', (example, seedFile) => {
    const synthesized = synthExample(example);
    const seed = readYaml(path.join(SEEDS, seedFile));

    test('WHEN synthesized THEN it agrees with the seed on kinds, names, order, restartPolicy, commands, probes, volumes and mounts', () => {
      expect(synthesized.map(essentials)).toEqual(seed.map(essentials));
    });

    test('WHEN synthesized THEN every object passes the Kubernetes OpenAPI schema (kubernetes-models)', () => {
      for (const manifest of synthesized) expect(() => schemaValidate(manifest)).not.toThrow();
    });
  });

  test('the comparison is not vacuous: the order example does not agree with the exit seed (pod restartPolicy, app command)', () => {
    const order = synthExample('order').map(essentials);
    const exitSeed = readYaml(path.join(SEEDS, 'exit.yaml')).map(essentials);
    expect(order).not.toEqual(exitSeed);
    expect({ ...order[0], name: exitSeed[0].name, podRestartPolicy: 'Never', containers: exitSeed[0].containers }).toEqual(exitSeed[0]);
  });

  test('GIVEN the seed Deployment example THEN it carries the effective-resources annotations the README works out by hand', () => {
    const [deployment] = synthExample('deployment-sidecar');
    expect(deployment.spec.template.metadata.annotations).toEqual({
      'cdk8s-sidecars.dev/effective-requests': 'cpu=150m,memory=192Mi',
      'cdk8s-sidecars.dev/effective-limits': 'cpu=unbounded,memory=384Mi',
      'cdk8s-sidecars.dev/qos-class': 'Burstable',
      'cdk8s-sidecars.dev/total-requests': 'cpu=300m,memory=384Mi',
      'cdk8s-sidecars.dev/total-limits': 'cpu=unbounded,memory=768Mi',
    });
  });

  test('the schema validator is not vacuous: it rejects a structurally invalid Pod', () => {
    const bad = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: { containers: [{ name: 'a', image: 'b', ports: [{ containerPort: 'http' }] }] } };
    expect(() => schemaValidate(bad)).toThrow(/containerPort must be integer/);
  });
});
