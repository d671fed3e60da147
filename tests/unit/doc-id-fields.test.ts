import { describe, expect, it } from 'vitest';
import { dateRegex, findIdFields, findValue, fromYymmdd } from '../../src/engine/documents/id-fields';
import { line } from './doc-lines';

describe('printed ID fields', () => {
  it('finds a value regardless of spaces and O/0, I/1 confusions', () => {
    const lines = [
      line('Personal No. Z E 184226 B', 0),
      line('Passport No L898902C3', 40),
      line('NO L8989O2C3X', 80),
    ];
    expect(findValue(lines, 'ZE184226B')).toHaveLength(1);
    const doc = findValue(lines, 'L898902C3');
    // The third line holds it glued to another character: a different number, not a repeat.
    expect(doc).toHaveLength(1);
    expect(doc[0].line).toBe(lines[1]);
  });

  it('matches dates of birth in the usual printed forms', () => {
    const d = fromYymmdd('740812', 2026)!;
    expect(d).toEqual({ year: 1974, month: 8, day: 12 });
    const re = dateRegex(d);
    for (const s of [
      '12 AUG 1974',
      '12 AUGUST/AOUT 74',
      '12.08.1974',
      '12/08/74',
      '08/12/1974',
      '1974-08-12',
      'Aug 12, 1974',
    ]) {
      expect(s.match(re), s).not.toBeNull();
    }
    for (const s of ['12.08.1975', '13 AUG 1974', '112.08.1974']) expect(s.match(dateRegex(d)), s).toBeNull();
    expect(fromYymmdd('050301', 2026)!.year).toBe(2005);
  });

  it('turns MRZ values into switched-off suggestions of the right kind', () => {
    const lines = [
      line('Passport No. / No. du passeport', 0),
      line('L898902C3', 24),
      line('Date of birth  12 AUG 1974   Personal No. ZE 184226 B', 60),
    ];
    const found = findIdFields(lines, {
      documentNumber: 'L898902C3',
      personalNumber: 'ZE184226B',
      birthDate: fromYymmdd('740812'),
    });
    expect(found.map((f) => f.kind).sort()).toEqual(['date-of-birth', 'document-number', 'personal-number']);
    for (const f of found) {
      expect(f.enabledByDefault).toBe(false);
      expect(f.keepable).toBe(false);
    }
  });

  it('falls back to labels without an MRZ (licences), and catches a repeated date of birth', () => {
    const lines = [line('DL X7731024', 0), line('DOB 04/17/1986', 40), line('04171986', 80)];
    const found = findIdFields(lines, {}, { usOrder: true });
    expect(found.map((f) => [f.kind, f.text])).toEqual([
      ['date-of-birth', '04/17/1986'],
      ['date-of-birth', '04171986'],
      ['document-number', 'X7731024'],
    ]);
  });
});
