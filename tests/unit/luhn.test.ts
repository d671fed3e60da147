import { describe, expect, it } from 'vitest';
import { brandOf, lengthFitsBrand } from '../../src/engine/detect/brands';
import { luhnValid } from '../../src/engine/detect/luhn';

describe('luhnValid', () => {
  it('accepts well-known test numbers', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('5555555555554444')).toBe(true);
    expect(luhnValid('378282246310005')).toBe(true);
    expect(luhnValid('6011111111111117')).toBe(true);
  });

  it('rejects a changed digit and a specimen number', () => {
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('4000123456789010')).toBe(false);
  });

  it('rejects anything that is not all digits', () => {
    expect(luhnValid('4111 1111 1111 1111')).toBe(false);
    expect(luhnValid('41111111111?1111')).toBe(false);
    expect(luhnValid('')).toBe(false);
  });
});

describe('brands', () => {
  it('recognises IIN prefixes', () => {
    expect(brandOf('4111111111111111')?.name).toBe('visa');
    expect(brandOf('5425233430109903')?.name).toBe('mastercard');
    expect(brandOf('2221000000000009')?.name).toBe('mastercard');
    expect(brandOf('371449635398431')?.name).toBe('amex');
    expect(brandOf('6011000990139424')?.name).toBe('discover');
    expect(brandOf('6250941006528599')?.name).toBe('unionpay');
    expect(brandOf('9999')).toBeUndefined();
    // National schemes under MII 9: Vietnam's NAPAS, Turkey's Troy.
    expect(brandOf('9704366815706695019')?.name).toBe('napas');
    expect(lengthFitsBrand('9704366815706695019')).toBe(true);
    expect(brandOf('9792000000000000')?.name).toBe('troy');
    expect(brandOf('9559983968085648017')).toBeUndefined();
  });

  it('stops the prefix at the first unread glyph', () => {
    expect(brandOf('37??')?.name).toBe('amex');
    expect(brandOf('?4111')).toBeUndefined();
  });

  it('checks lengths per brand without gating anything', () => {
    expect(lengthFitsBrand('371449635398431')).toBe(true);
    expect(lengthFitsBrand('3714496353984311')).toBe(false);
    expect(lengthFitsBrand('4111111111111111')).toBe(true);
  });
});
