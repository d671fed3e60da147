import { describe, expect, it } from 'vitest';
import { ibanCheckDigits, isValidIban, mod97 } from '../../src/engine/documents/iban';

describe('IBAN mod-97', () => {
  it('accepts registry examples', () => {
    for (const iban of [
      'DE89370400440532013000',
      'GB29NWBK60161331926819',
      'NL91ABNA0417164300',
      'FR1420041010050500013M02606',
      'BE68539007547034',
      'IE29AIBK93115212345678',
      'CH9300762011623852957',
    ]) {
      expect(isValidIban(iban), iban).toBe(true);
    }
  });
  it('rejects a changed digit, a swapped pair, a wrong length and junk', () => {
    expect(isValidIban('DE89370400440532013001')).toBe(false);
    expect(isValidIban('DE89370400440532031000')).toBe(false);
    expect(isValidIban('DE8937040044053201300')).toBe(false);
    expect(isValidIban('1234567890123456')).toBe(false);
  });
  it('computes check digits and long remainders', () => {
    expect(ibanCheckDigits('DE', '370400440532013000')).toBe('89');
    expect(ibanCheckDigits('GB', 'NWBK60161331926819')).toBe('29');
    expect(mod97('3214282912345698765432161182')).toBe(1);
  });
});
