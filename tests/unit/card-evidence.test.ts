// Whether a page shows a payment card when no card-number finding stands (detect/card-evidence.ts):
// a line read in card-number layout that the card rules could not make whole is evidence of a card,
// unless the page is an identity document or a statement.
import { describe, expect, it } from 'vitest';
import { cardEvidence, cardWithoutNumber } from '../../src/engine/detect/card-evidence';
import type { PageClassification } from '../../src/engine/documents/page-kinds';
import type { Finding, GrayImage } from '../../src/engine/types';

/** A plain grey page: no card outline to find. */
const blank: GrayImage = { width: 64, height: 40, data: new Uint8Array(64 * 40).fill(128) };
const other = {
  kind: 'other',
  label: 'Other',
  confidence: 0.3,
  reasons: [],
} as unknown as PageClassification;

describe('cardEvidence', () => {
  it('finds nothing on a blank page with nothing read', () => {
    expect(cardEvidence(blank, [], other)).toBeUndefined();
  });

  it('counts a line seen in card-number layout when no number was made of it', () => {
    const card = cardEvidence(blank, [], other, [{ digits: 9 }, { digits: 14 }]);
    expect(card?.reasons).toEqual(['14 digits read in card-number layout, not made into a whole number']);
    expect(cardWithoutNumber(card, [])).toBe(true);
  });

  it('says a card number was read, not that one was seen, when a finding stands', () => {
    const finding = { kind: 'card-number' } as Finding;
    const card = cardEvidence(blank, [finding], other, [{ digits: 16 }]);
    expect(card?.reasons).toEqual(['a card number was read on it']);
  });

  it.each(['passport', 'statement'])('ignores lines seen on a %s', (kind) => {
    const page = { ...other, kind } as PageClassification;
    expect(cardEvidence(blank, [], page, [{ digits: 16 }])).toBeUndefined();
  });
});
