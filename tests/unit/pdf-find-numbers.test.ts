import { describe, expect, it } from 'vitest';
import { collapseLetterSpacing, findSensitiveNumbers } from '../../src/engine/pdf/find-numbers';
import { looksLikePdf } from '../../src/engine/pdf/sniff-pdf';

const found = (line: string) =>
  findSensitiveNumbers(line).map((m) => ({ kind: m.kind, text: m.indices.map((i) => line[i]).join('') }));

describe('findSensitiveNumbers', () => {
  it('finds card numbers in any grouping, Luhn-valid or not', () => {
    expect(found('CARD 4111 1111 1111 1111 TESCO')).toEqual([
      { kind: 'card-number', text: '4111111111111111' },
    ]);
    expect(found('AMEX 3782 822463 10005')).toEqual([{ kind: 'card-number', text: '378282246310005' }]);
    expect(found('CARD 4000-1234-5678-9011')).toEqual([{ kind: 'card-number', text: '4000123456789011' }]);
    const [bad] = findSensitiveNumbers('4000123456789011');
    const [good] = findSensitiveNumbers('4111111111111111');
    // Luhn raises confidence but never gates.
    expect(bad.confidence).toBeLessThan(good.confidence);
    expect(bad.notes).toContain('Fails the Luhn check');
  });

  it('splits off a security code printed after the card number', () => {
    expect(found('4024 0071 5336 1885 123')).toEqual([
      { kind: 'card-number', text: '4024007153361885' },
      { kind: 'security-code', text: '123' },
    ]);
  });

  it('picks the card out of a date and card joined by spaces', () => {
    expect(found('2024-03-02 4111 1111 1111 1111')).toEqual([
      { kind: 'card-number', text: '4111111111111111' },
    ]);
  });

  it('validates IBANs with mod-97 and keeps following words out', () => {
    expect(found('IBAN GB82 WEST 1234 5698 7654 32 EUR')).toEqual([
      { kind: 'iban', text: 'GB82WEST12345698765432' },
    ]);
    const [typo] = findSensitiveNumbers('GB83 WEST 1234 5698 7654 32');
    expect(typo.kind).toBe('iban');
    expect(typo.confidence).toBeLessThan(0.9);
  });

  it('finds account numbers after a label, and long bare numbers', () => {
    expect(found('Account number 12345678')).toEqual([{ kind: 'account-number', text: '12345678' }]);
    expect(found('Sort code 20-00-00')).toEqual([{ kind: 'account-number', text: '200000' }]);
    expect(found('Transfer to 87654321')).toEqual([{ kind: 'account-number', text: '87654321' }]);
  });

  it('reads letter-spaced text (character spacing that pdf.js turns into spaces)', () => {
    expect(found('A c c t :   1 2 3 4 5 6 7 8   o k')).toEqual([
      { kind: 'account-number', text: '12345678' },
    ]);
    expect(found('4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1')).toEqual([
      { kind: 'card-number', text: '4111111111111111' },
    ]);
    expect(collapseLetterSpacing('a b  cd e')).toEqual({ text: 'ab  cd e', map: [0, 2, 3, 4, 5, 6, 7, 8] });
    expect(found('Total 1 2 3 . 4 5')).toEqual([]);
    // Word gaps between PDF text items stay, so words do not run together.
    const line = 'A c c t : 1 2 3 4 5 6 7 8 o k';
    const m = findSensitiveNumbers(line, new Set([9, 25]));
    expect(m.map((x) => x.indices.map((i) => line[i]).join(''))).toEqual(['12345678']);
  });

  it('leaves amounts, dates, times, short references and last-four mentions alone', () => {
    for (const line of [
      'Opening balance 2,450.00',
      'Balance 10,000.00 on 2024-03-31',
      'Betrag 1.234.567,89 EUR',
      'Total 1 234 567,89',
      '01/03/2024 - 31/03/2024',
      '2024-03-01 12:30',
      'REF 884213 AUTH 0412',
      'Card ending 1111',
      'INV-2024-0001',
      'AB12345678901234',
    ]) {
      expect(found(line), line).toEqual([]);
    }
  });
});

describe('looksLikePdf', () => {
  const bytes = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));
  it('accepts a PDF header at the start or after a little junk, never inside an image', () => {
    expect(looksLikePdf(bytes('%PDF-1.7\n'))).toBe(true);
    expect(looksLikePdf(bytes('From: scanner\r\n\r\n%PDF-1.4\n'))).toBe(true);
    expect(looksLikePdf(bytes('\x89PNG\r\n\x1a\n....%PDF-'))).toBe(false);
    expect(looksLikePdf(bytes('hello'))).toBe(false);
  });
});
