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

describe('Quantity.add keeps the left operand\'s format (apimachinery Quantity.Add), so the order of a sum decides how it prints', () => {
  test.each([
    ['128Mi', '64M', '193572Ki'], // BinarySI: a whole multiple of 1024, in the largest suffix that divides it
    ['64M', '128Mi', '198217728'], // DecimalSI: the same amount
    ['0', '64Mi', '64Mi'], // a zero left operand takes the right one's format
    ['0Mi', '64M', '64M'],
    ['1Ki', '500m', '1024500m'], // BinarySI with a fraction prints in decimal (CanonicalizeBytes)
    ['512', '256', '768'],
    ['512Ki', '512', '524800'], // 524800 = 512.5Ki: not a multiple of 1024 -> decimal
    ['1Mi', '1Mi', '2Mi'],
  ])('GIVEN %s + %s THEN it prints %s', (a, b, sum) => {
    expect(Quantity.parse(a).add(Quantity.parse(b)).toString()).toBe(sum);
  });
});
