import { Quantity } from '../../src/resources/quantity';

/**
 * Comparing quantities of equal value written in different forms. The printed form follows the
 * operand that is kept, so a tie is visible in the output: `1Ki` (binary SI) and `1024` (decimal)
 * are the same amount but print differently.
 */
describe('Quantity.max', () => {
  describe('survivor "Quantity.max returns the other operand on a tie" (issue 14)', () => {
    test('GIVEN 1Ki and 1024 (equal values, different formats) WHEN taking the max THEN the receiver is kept, as apimachinery keeps the existing entry', () => {
      expect(Quantity.parse('1Ki').max(Quantity.parse('1024')).toString()).toBe('1Ki');
      expect(Quantity.parse('1024').max(Quantity.parse('1Ki')).toString()).toBe('1024');
    });

    test('GIVEN 0.5 and 500m (equal, one decimal exponent form) WHEN taking the max THEN the receiver is kept', () => {
      expect(Quantity.parse('5e-1').max(Quantity.parse('500m')).toString()).toBe('500e-3');
      expect(Quantity.parse('500m').max(Quantity.parse('5e-1')).toString()).toBe('500m');
    });
  });

  test('GIVEN two different values WHEN taking the max THEN the larger one, whichever side it is on', () => {
    expect(Quantity.parse('1Gi').max(Quantity.parse('1G')).toString()).toBe('1Gi');
    expect(Quantity.parse('1G').max(Quantity.parse('1Gi')).toString()).toBe('1Gi');
    expect(Quantity.parse('-1').max(Quantity.parse('0')).toString()).toBe('0');
  });
});
