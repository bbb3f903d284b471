import { parseFieldPath, SourceLocator } from '../../src/cli/source-locator';
import { FieldPath } from '../../src/engine/field-path';

function locatorOf(text: string): SourceLocator {
  return new SourceLocator(text, 1, 1);
}

const DEPLOYMENT = [
  'apiVersion: apps/v1', //                                       1
  'kind: Deployment', //                                          2
  'spec:', //                                                     3
  '  template:', //                                               4
  '    metadata:', //                                             5
  '      annotations:', //                                        6
  '        cdk8s-sidecars.dev/suppress: "{}"', //                 7
  '    spec:', //                                                 8
  '      initContainers:', //                                     9
  '        - name: a', //                                         10
  '        - name: b', //                                         11
  '          livenessProbe:', //                                  12
  '            exec: { command: [true] }', //                     13
  '          resources: {limits: {cpu: 1}}', //                   14
  '',
].join('\n');

describe('parseFieldPath', () => {
  test.each([
    ['', []],
    ['spec', [{ kind: 'child', name: 'spec' }]],
    ['spec.initContainers[1].livenessProbe', [
      { kind: 'child', name: 'spec' }, { kind: 'child', name: 'initContainers' }, { kind: 'index', name: '1' }, { kind: 'child', name: 'livenessProbe' },
    ]],
    ['metadata.annotations[cdk8s-sidecars.dev/suppress]', [
      { kind: 'child', name: 'metadata' }, { kind: 'child', name: 'annotations' }, { kind: 'index', name: 'cdk8s-sidecars.dev/suppress' },
    ]],
    ['resources.limits[cpu]', [{ kind: 'child', name: 'resources' }, { kind: 'child', name: 'limits' }, { kind: 'index', name: 'cpu' }]],
  ])('GIVEN %j WHEN parsed THEN the steps are %j', (text, steps) => {
    expect(parseFieldPath(text)).toEqual(steps);
  });

  test('GIVEN any path built with FieldPath WHEN printed and parsed back THEN the steps are those it was built from', () => {
    const built = FieldPath.of('spec.template.spec').child('initContainers').index(3).child('resources', 'limits').key('example.com/gpu');
    expect(parseFieldPath(built.toString())).toEqual([
      { kind: 'child', name: 'spec' }, { kind: 'child', name: 'template' }, { kind: 'child', name: 'spec' },
      { kind: 'child', name: 'initContainers' }, { kind: 'index', name: '3' },
      { kind: 'child', name: 'resources' }, { kind: 'child', name: 'limits' }, { kind: 'index', name: 'example.com/gpu' },
    ]);
  });
});

describe('SourceLocator', () => {
  const locator = locatorOf(DEPLOYMENT);

  test.each([
    ['', 1, 1],
    ['spec.template.spec.initContainers', 9, 7],
    ['spec.template.spec.initContainers[0]', 10, 11],
    ['spec.template.spec.initContainers[1].livenessProbe', 12, 11],
    ['spec.template.spec.initContainers[1].livenessProbe.exec.command[0]', 13, 31],
    ['spec.template.spec.initContainers[1].resources.limits[cpu]', 14, 32],
    ['spec.template.metadata.annotations[cdk8s-sidecars.dev/suppress]', 7, 9],
  ])('GIVEN an existing field %s WHEN located THEN it points at line %i column %i', (p, line, column) => {
    expect(locator.locate(p)).toEqual({ line, column });
  });

  test.each([
    ['spec.template.spec.initContainers[1].readinessProbe', 11, 11, 'the container (closest existing node)'],
    ['spec.template.spec.initContainers[7]', 9, 7, 'the list'],
    ['spec.template.spec.containers', 8, 5, 'the pod spec'],
    ['spec.template.spec.initContainers[1].livenessProbe.exec.command[0].x', 13, 31, 'the scalar'],
  ])('GIVEN a missing field %s WHEN located THEN it points at line %i column %i, %s', (p, line, column) => {
    expect(locator.locate(p)).toEqual({ line, column });
  });

  test('GIVEN a field reached through a YAML alias WHEN located THEN the path is followed through the anchor', () => {
    const l = locatorOf(['probe: &p', '  exec: {}', 'spec:', '  initContainers:', '  - name: a', '    livenessProbe: *p', ''].join('\n'));
    expect(l.locate('spec.initContainers[0].livenessProbe.exec')).toEqual({ line: 2, column: 3 });
  });

  test('GIVEN a field merged from an anchor WHEN located THEN it points into the anchor, where the value is written (as kubectl reads merges)', () => {
    const l = locatorOf(['base: &b', '  image: x', '  name: a', 'spec:', '  containers:', '  - <<: *b', '    name: c', ''].join('\n'));
    expect(l.locate('spec.containers[0].image')).toEqual({ line: 2, column: 3 });
    expect(l.locate('spec.containers[0].name')).toEqual({ line: 7, column: 5 });
  });

  test('GIVEN keys kubectl converts (y is true, 017 is 15) WHEN located THEN the converted path finds them', () => {
    const l = locatorOf(['data:', '  y: 1', '  017: 2', ''].join('\n'));
    expect(l.locate('data[true]')).toEqual({ line: 2, column: 3 });
    expect(l.locate('data[15]')).toEqual({ line: 3, column: 3 });
  });

  test('GIVEN a document that starts mid-file and a List item WHEN located THEN positions are the file\'s', () => {
    const item = new SourceLocator(['kind: List', 'items:', '- kind: Pod', '  spec: {containers: [{name: a}]}', ''].join('\n'), 10, 1, 'items[0]');
    expect(item.start()).toEqual({ line: 12, column: 3 });
    expect(item.locate('spec.containers[0].name')).toEqual({ line: 13, column: 24 });
  });

  test('GIVEN a JSON value that starts mid-line WHEN located THEN the first line\'s columns count from where it starts', () => {
    const l = new SourceLocator('{"spec": {"containers": [{"name": "a"}]}}', 3, 41);
    expect(l.start()).toEqual({ line: 3, column: 41 });
    expect(l.locate('spec.containers[0].name')).toEqual({ line: 3, column: 67 });
  });

  test('GIVEN CR-only line ends WHEN located THEN each CR ends a line', () => {
    const l = locatorOf('kind: Pod\rspec:\r  hostNetwork: yes\r');
    expect(l.locate('spec.hostNetwork')).toEqual({ line: 3, column: 3 });
  });
});
