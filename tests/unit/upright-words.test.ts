import { describe, expect, it } from 'vitest';
import {
  labelsPhoneLine,
  readsAsPhoneLine,
  readsCardWord,
  wayOfKnownWords,
} from '../../src/engine/detect/upright-words';

describe('upright words', () => {
  it("reads a card's words in any case, between digits and symbols", () => {
    expect(readsCardWord('Customer Service 1 (800) 711-4713')).toBe(true);
    expect(readsCardWord('AUTHORIZED SIGNATURE')).toBe(true);
    expect(readsCardWord('orcall1(800)711')).toBe(false);
    expect(readsCardWord('call1(800)711')).toBe(true);
    expect(readsCardWord('Custom er Servic e')).toBe(false);
  });

  it('reads none in the same print upside down', () => {
    expect(readsCardWord('€12v-11£ (008) | 8dIAIBS JBwoIsND')).toBe(false);
    expect(readsCardWord('LL04-412-008- 89IAIBS')).toBe(false);
  });

  it('gives the way round whose readings alone hold a word', () => {
    const upright = 'Customer Service 1 (800) 711-4713';
    const turned = '€1Zp-112 (008) | @2IAIBG J8WOISND';
    expect(wayOfKnownWords([upright], [turned])).toBe(0);
    expect(wayOfKnownWords([turned], [upright])).toBe(1);
    expect(wayOfKnownWords([turned], [])).toBeUndefined();
    expect(wayOfKnownWords([upright], [upright])).toBeUndefined();
  });

  it('counts every crop read one way round, not only the last', () => {
    // The read kept was a re-aimed crop that left the label out; the first crop read it.
    const turnedReads = ['295-112 (008) | 80IAI8S J8WolsND', '¥295-1 12 (008) | 82IA1eS Jswo)sn)'];
    const uprightReads = ['Customer Service 1 (800) 7115624', 'ce 1 (800) 7115624'];
    expect(wayOfKnownWords(turnedReads, uprightReads)).toBe(1);
    expect(wayOfKnownWords(turnedReads, uprightReads.slice(1))).toBeUndefined();
  });
});

describe('phone lines', () => {
  it('takes a line labelled as a phone line, in any case and run into its digits', () => {
    expect(labelsPhoneLine('Customer Service 1 (800) 7113229')).toBe(true);
    expect(labelsPhoneLine('CALL1(800)711')).toBe(true);
    expect(labelsPhoneLine('Tel: +44 20 7946 0958')).toBe(true);
  });

  it('leaves a card number and its other print', () => {
    expect(labelsPhoneLine('4111 1111 1111 1111')).toBe(false);
    expect(labelsPhoneLine('Card number 4111 1111 1111 1111')).toBe(false);
    expect(labelsPhoneLine('VALID THRU 12/29')).toBe(false);
    // Letters of a word, not the word: "SERVICE" upside down, "Telford".
    expect(labelsPhoneLine('30IAIBS Telford')).toBe(false);
  });

  it('takes a line printed as a phone number, its label cut off: an area code in parentheses', () => {
    expect(readsAsPhoneLine('ce 1 (800) 7114787')).toBe(true);
    expect(readsAsPhoneLine('1（800) 711 4787')).toBe(true);
    expect(readsAsPhoneLine('( 800 )711-4787')).toBe(true);
    expect(readsAsPhoneLine('1-800-711-6859')).toBe(true);
    expect(readsAsPhoneLine('800.711.6859 ')).toBe(true);
    expect(readsAsPhoneLine('call 800-711-6859.')).toBe(true);
    expect(readsAsPhoneLine('Customer Service 0800 711 142')).toBe(true);
  });

  it('reads phone numbers written in international notation, or with their "1" cut off', () => {
    // Held-out backs' phone lines, as Tesseract read them on the exports (false "readable number"
    // warnings before): the terms' "call +1 800 711 102 432" with "call" misread, and "1-800-711-8740"
    // with the crop's edge through its "1".
    expect(readsAsPhoneLine('Jo any branch or cal +1 800711 102 432. Outside')).toBe(true);
    expect(readsAsPhoneLine('-800-711-8749')).toBe(true);
    expect(readsAsPhoneLine('+49-30-1234567')).toBe(true);
    expect(readsAsPhoneLine('+1 212 555 0123')).toBe(true);
  });

  it('leaves card numbers read with a "+", a leading 0 or a hyphen (helper-56)', () => {
    // A card number's first digit read as "+", with or without a digit lost: groups of four.
    for (const text of [
      '+412 7512 3456 7890',
      '+532 0151 1283 0366',
      '+ 532 0151 1283 0366',
      '+782 822463 10005',
      '+41 1111 1111 1111',
      '+412 7512 345 7890',
      '+3782 822463 10005',
      '+4111 1111 1111 1111',
      '+1 4111 1111 1111 1111',
      '4532 +0151 128 0366',
    ])
      expect(readsAsPhoneLine(text), text).toBe(false);
    // The trunk prefix 0 is no phone number by itself: a number whose first group is masked or
    // unread, or read with a glyph lost, reads so.
    for (const text of [
      '0151 128 0366',
      '4532  0151 128 0366',
      '4532|0151 128 0366',
      '453Z 0151 128 0366',
      '217 0904 4323 1055',
      '0009 9013 9424',
      '-751-234-5678 9010',
    ])
      expect(readsAsPhoneLine(text), text).toBe(false);
  });

  it('leaves a card number, a date and a reading with a stray bracket', () => {
    expect(readsAsPhoneLine('4111 1111 1111 1111')).toBe(false);
    expect(readsAsPhoneLine('4111-1111-1111-1111')).toBe(false);
    expect(readsAsPhoneLine('1-800-711-68591')).toBe(false);
    // A card number misread with two marks taken for hyphens: more digits than a phone number has.
    expect(readsAsPhoneLine('5412 751-234-5678 9010')).toBe(false);
    expect(readsAsPhoneLine('5412 7512 3456 7890 (')).toBe(false);
    expect(readsAsPhoneLine('VALID THRU 12/29')).toBe(false);
    expect(readsAsPhoneLine('(12345) 6789')).toBe(false);
    // Brackets read around a group of a real number (the card's edge, a thumb, emboss shadows).
    expect(readsAsPhoneLine('(5412) 7512 3456 789?')).toBe(false);
    expect(readsAsPhoneLine('5412 (751) 2345 6789')).toBe(false);
    expect(readsAsPhoneLine('(541) 27512345678')).toBe(false);
  });
});
