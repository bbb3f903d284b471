import { Quantity } from '../../src/resources/quantity';

describe('Quantity parse cache', () => {
  test('GIVEN the same text parsed twice THEN arithmetic on one never changes the other (quantities are immutable)', () => {
    const a = Quantity.parse('1536Mi');
    const sum = a.add(Quantity.parse('1536Mi'));
    expect(sum.toString()).toBe('3Gi');
    expect(Quantity.parse('1536Mi').toString()).toBe('1536Mi');
    expect(a.mul(3).toString()).toBe('4608Mi');
    expect(Quantity.parse('1536Mi').toString()).toBe('1536Mi');
  });

  test('GIVEN more distinct texts than the cache holds THEN every one still parses to its own value', () => {
    // 5,000 distinct texts, more than the cache keeps; each compared by value, not by its printed form.
    for (let i = 0; i < 5000; i++) expect(Quantity.parse(`${i}m`).cmp(Quantity.parse(`${i}000u`))).toBe(0);
    expect(Quantity.parse('1000m').toString()).toBe('1');
    expect(() => Quantity.parse('1.5.5Gi')).toThrow('invalid quantity "1.5.5Gi"');
    expect(() => Quantity.parse('1.5.5Gi')).toThrow('invalid quantity "1.5.5Gi"');
  });
});
