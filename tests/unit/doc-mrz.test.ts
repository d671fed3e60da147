import { describe, expect, it } from 'vitest';
import { fitMrzLine, looksLikeMrzLine, normalizeMrzLine, readMrz } from '../../src/engine/documents/mrz';
import { mrzCheckDigit, mrzField } from '../../src/engine/documents/mrz-check';
import { td1, td2, td3 } from '../fixtures/documents/mrz-samples';

// ICAO 9303 part 3 specimen values.
const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const TD1 = [
  'I<UTOD231458907<<<<<<<<<<<<<<<',
  '7408122F1204159UTO<<<<<<<<<<<6',
  'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
];

describe('ICAO check digits', () => {
  it('weights 7-3-1 with A=10..Z=35 and < = 0', () => {
    expect(mrzCheckDigit('L898902C3')).toBe(6);
    expect(mrzCheckDigit('740812')).toBe(2);
    expect(mrzCheckDigit('120415')).toBe(9);
    expect(mrzCheckDigit('D23145890')).toBe(7);
    expect(mrzCheckDigit('ZE184226B<<<<<')).toBe(1);
    expect(mrzCheckDigit('L89#')).toBe(-1);
  });
  it('pads fields with fillers', () => {
    expect(mrzField('ab 1', 6)).toBe('AB<1<<');
    expect(mrzField('1234567890', 9)).toBe('123456789');
  });
});

describe('readMrz', () => {
  it('parses the ICAO TD3 and TD1 specimens with valid check digits', () => {
    const p = readMrz(TD3)!;
    expect(p.format).toBe('TD3');
    expect(p.checkDigitsValid).toBe(true);
    expect(p).toMatchObject({
      documentNumber: 'L898902C3',
      personalNumber: 'ZE184226B',
      birthDate: '740812',
    });
    const i = readMrz(['Some header text', ...TD1])!;
    expect(i.format).toBe('TD1');
    expect(i.sourceLines).toEqual([1, 2, 3]);
    expect(i.documentNumber).toBe('D23145890');
  });

  it('reports a wrong check digit instead of throwing', () => {
    const bad = readMrz([TD3[0], TD3[1].replace('C36', 'C35')])!;
    expect(bad.checkDigitsValid).toBe(false);
    expect(bad.failedChecks.join()).toMatch(/Document number check digit/);
  });

  it('repairs typical OCR damage: spaced and misread fillers, dropped fillers, O/D for 0, an extra glyph', () => {
    const noisy = [
      'P<UTOERIKSSON<K<KANNA<KMARIA<LLLLLL LLL',
      'L898902C36UT07408122F1204159ZE184226B<<<<<K10', // one glyph too many
    ];
    const r = readMrz(noisy)!;
    expect(r.checkDigitsValid).toBe(true);
    expect(r.lines[1]).toBe('L898902C36UT07408122F1204159ZE184226B<<<<<10');
    const d = readMrz(['P<FRAMARTIN<<LUCAS<PAUL<<<<<<<<<<', '18AB345671FRAD106072M2906209<<<<<<<<<<<<<<06'])!;
    expect(d.checkDigitsValid).toBe(true);
    expect(d.birthDate).toBe('010607');
  });

  it('reads zones built by the fixture generator in all three formats', () => {
    const person = {
      surname: 'DE VRIES',
      given: 'SANNE',
      state: 'NLD',
      docNo: 'NX7K1P2R4',
      birth: '921130',
      sex: 'F' as const,
      expiry: '330102',
      personal: '123456782',
    };
    for (const [lines, fmt] of [
      [td1(person), 'TD1'],
      [td2(person), 'TD2'],
      [td3(person), 'TD3'],
    ] as const) {
      const r = readMrz(lines)!;
      expect(r.format).toBe(fmt);
      expect(r.checkDigitsValid).toBe(true);
      expect(r.documentNumber).toBe('NX7K1P2R4');
    }
  });

  it('ignores text that is not an MRZ', () => {
    expect(readMrz(['IBAN DE89 3704 0044 0532 0130 00', 'Card number 4111 1111 1111 1111'])).toBeUndefined();
    expect(looksLikeMrzLine(normalizeMrzLine('IBAN DE89 3704 0044 0532 0130 00'))).toBe(false);
    expect(looksLikeMrzLine(normalizeMrzLine(TD1[0]))).toBe(true);
  });

  it('fits lines to the format width only when the difference is fillers', () => {
    expect(fitMrzLine('ABC<<', 8)).toBe('ABC<<<<<');
    expect(fitMrzLine('ABCDE<<<<<<<', 8)).toBe('ABCDE<<<');
    expect(fitMrzLine('ABCDEFGHIJKL', 8)).toBeUndefined();
  });
});
