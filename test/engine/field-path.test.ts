import { FieldPath } from '../../src/engine/field-path';

describe('FieldPath', () => {
  test('prints children, indexes and map keys the way the API server does', () => {
    const p = FieldPath.of('spec.template.spec').child('initContainers').index(1).child('resources', 'limits').key('cpu');
    expect(p.toString()).toBe('spec.template.spec.initContainers[1].resources.limits[cpu]');
  });

  test('the root prints as the empty string and a child of the root has no leading dot', () => {
    expect(FieldPath.root().toString()).toBe('');
    expect(FieldPath.root().child('spec').toString()).toBe('spec');
    expect(FieldPath.of('').child('spec').toString()).toBe('spec');
  });

  test('paths are immutable', () => {
    const base = FieldPath.of('spec');
    base.child('containers');
    expect(base.toString()).toBe('spec');
    expect(base.concat(FieldPath.of('a.b')).toString()).toBe('spec.a.b');
  });
});
