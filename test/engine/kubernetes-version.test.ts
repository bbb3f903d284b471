import { KubernetesVersion } from '../../src/engine/kubernetes-version';

describe('KubernetesVersion', () => {
  test.each([['1.29', '1.29'], ['v1.30', '1.30'], ['1.28.4', '1.28'], [' 1.33 ', '1.33']])('parses %j as %s', (text, printed) => {
    expect(KubernetesVersion.of(text).toString()).toBe(printed);
  });

  test.each(['', '1', 'latest', '1.x', '1.29-rc1'])('throws on %j naming the value and the expected form', (text) => {
    expect(() => KubernetesVersion.of(text)).toThrow(`invalid Kubernetes version "${text}": expected MAJOR.MINOR such as "1.29" (a leading "v" and a patch number are accepted)`);
  });

  test('compares by major, then minor (1.100 is after 1.29)', () => {
    expect(KubernetesVersion.of('1.100').isAtLeast(KubernetesVersion.of('1.29'))).toBe(true);
    expect(KubernetesVersion.of('1.27').isBefore(KubernetesVersion.SIDECARS_ALPHA)).toBe(true);
    expect(KubernetesVersion.DEFAULT.toString()).toBe('1.29');
  });
});
