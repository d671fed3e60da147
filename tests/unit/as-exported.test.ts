// The report beside a redacted image carries no more of a number than the image shows.
import { describe, expect, it } from 'vitest';
import { findingsAsExported } from '../../src/engine/masks/as-exported';
import { masksForFinding } from '../../src/engine/masks/from-findings';
import type { Quad } from '../../src/engine/types';
import { levelNumber } from '../support/shapes';

const card = levelNumber('4111111111111234');

describe('findingsAsExported', () => {
  it('writes the hidden digits as bullets and keeps the last four the image shows', () => {
    const [shown] = findingsAsExported([card], masksForFinding(card, 'last4'));
    expect(shown.text).toBe('••••••••••••1234');
    expect(shown.glyphs).toEqual(card.glyphs);
  });

  it('follows the masks as they are: none kept, and a finding left unmasked', () => {
    expect(findingsAsExported([card], masksForFinding(card, 'none'))[0].text).toBe('•'.repeat(16));
    expect(findingsAsExported([card], [])[0].text).toBe(card.text);
  });

  it('finds glyphs under a turned mask', () => {
    // The card turned 90 degrees clockwise about the origin: (x, y) -> (-y, x).
    const turn = (q: Quad): Quad => q.map((p) => ({ x: -p.y, y: p.x })) as Quad;
    const turned = { ...card, glyphs: card.glyphs.map(turn) };
    expect(findingsAsExported([turned], masksForFinding(turned, 'last4'))[0].text).toBe('••••••••••••1234');
  });
});
