import { describe, expect, it } from 'vitest';
import { luhnValid } from '../../src/engine/detect/luhn';
import { findStatementNumbers } from '../../src/engine/documents/statement';
import { line } from './doc-lines';

describe('statement numbers', () => {
  it('finds IBANs (repairing an extra glyph) and card numbers, masked but the last four by default', () => {
    const found = findStatementNumbers([
      line('IBAN DEB89 3704 0044 0532 0130 00', 0),
      line('Card number 4539 1488 0343 6467', 40),
      line('Amex 3714 496353 98431', 80),
    ]);
    expect(found.map((f) => [f.kind, f.text])).toEqual([
      ['iban', 'DEB89370400440532013000'],
      ['card-number', '4539148803436467'],
      ['card-number', '371449635398431'],
    ]);
    for (const f of found) {
      expect(f.keepable).toBe(true);
      expect(f.enabledByDefault).toBe(true);
      expect(f.glyphs).toHaveLength(f.text.length);
    }
    expect(found[0].notes).toContain('mod-97 checksum valid');
  });

  it('leaves amounts, balances, dates, phone numbers and references alone', () => {
    const found = findStatementNumbers([
      line('01.10.2025  COFFEE HOUSE  -158.73  1,045.82', 0),
      line('Opening balance 1,204.55   Closing balance 987.10', 40),
      line('Statement period 2003-10-09 to 2003-11-08', 80),
      line('Call 1-800-555-5555 or 0800 123 4567 for help', 120),
      line('Ref 483GE7382  9685  3990', 160),
      line('Total 12,345,678.90', 200),
    ]);
    expect(found).toEqual([]);
  });

  it('finds labelled account numbers on the same line and under a table header', () => {
    const found = findStatementNumbers([
      line('Account number 31926819   Sort code 60-16-13', 0),
      line('NAME        ACCOUNT NUMBER', 40),
      line('John Doe    4125-239-412', 62),
    ]);
    expect(found.map((f) => f.text)).toEqual(['31926819', '4125239412']);
  });

  it('splits an account number wrapped over two lines: head hidden whole, tail keeps its last four', () => {
    const found = findStatementNumbers([
      line('Statement period | Account No.', 0, 0),
      line('2003-10-09 to 2003-11-08 00005-', 24, 0),
      line('                         123-456-7', 48, 0),
    ]);
    expect(found.map((f) => [f.text, f.keepable])).toEqual([
      ['00005', false],
      ['1234567', true],
    ]);
  });

  it('Luhn raises confidence but does not gate', () => {
    expect(luhnValid('4539148803436467')).toBe(true);
    expect(luhnValid('4000123456789010')).toBe(false);
    const [f] = findStatementNumbers([line('Card 4000 1234 5678 9010')]);
    expect(f.kind).toBe('card-number');
    expect(f.confidence).toBeLessThan(0.9);
  });
});

describe('card backs', () => {
  it('does not read the security code after the number as part of a 19-digit number', () => {
    const found = findStatementNumbers([line('4024 0071 5336 1885 123')]);
    expect(found.map((f) => [f.kind, f.text, f.keepable])).toEqual([
      ['security-code', '123', false],
      ['card-number', '4024007153361885', true],
    ]);
  });
  it('keeps a real 19-digit number whole', () => {
    const [f] = findStatementNumbers([line('6250 9410 0652 8599 123')]);
    expect(f.text).toHaveLength(19);
  });
});
