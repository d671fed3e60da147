// findCardNumbers (src/engine/documents/card-numbers-in-text.ts): card numbers in a page's text, not
// the phone numbers printed beside them.
import { describe, expect, it } from 'vitest';
import { findCardNumbers } from '../../src/engine/documents/card-numbers-in-text';
import type { TextLine } from '../../src/engine/documents/page-text';

/** A line of text, one 10 px box a character. */
function line(text: string): TextLine {
  const boxes = [...text].map((c, i) =>
    c === ' ' ? undefined : { x0: 10 * i, y0: 0, x1: 10 * i + 9, y1: 12 },
  );
  return { text, boxes, box: { x0: 0, y0: 0, x1: 10 * text.length, y1: 12 }, confidence: 90 };
}
const numbers = (text: string) =>
  findCardNumbers(line(text))
    .filter((m) => m.kind === 'card-number')
    .map((m) => m.indices.length);

describe('findCardNumbers', () => {
  it('finds a number in card groups, Luhn-valid or not', () => {
    expect(numbers('Card 4111 1111 1111 1111 ending')).toEqual([16]);
    expect(numbers('1800 711 470 468')).toEqual([13]);
  });

  it('leaves a phone number after a "+" or a phone label word', () => {
    expect(numbers('Customer Service +1800 711 470 468')).toEqual([]);
    expect(numbers('or call 1800 711 470 468. Outside the country')).toEqual([]);
    expect(numbers('Tel: 1800 711 470 468')).toEqual([]);
    // Read with a group space lost: no card network issues numbers starting with 1.
    expect(numbers('all +1800 711470 468, 0')).toEqual([]);
  });

  it('still finds a number in card groups after such a word, Luhn-valid or misread', () => {
    expect(numbers('Service 4111 1111 1111 1111')).toEqual([16]);
    expect(numbers('Service 4111 1111 1111 1112')).toEqual([16]);
    expect(numbers('+4111 1111 1111 1112')).toEqual([16]);
    expect(numbers('call 4111 111111 1112')).toEqual([14]);
    // Phone-grouped but passing Luhn: masked as a card number would be.
    expect(numbers('call 1800 711 470 460')).toEqual([13]);
  });
});
