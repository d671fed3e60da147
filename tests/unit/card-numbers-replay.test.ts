// The card detector's read stages (crop -> read -> lay out glyphs -> findings) on recorded OCR: the
// learned detector's lines and every reading of the learned recognizer and of Tesseract were
// recorded on these cards (tests/fixtures/replay/record.ts) and are replayed, so the stages run in
// milliseconds without models or workers. The findings are held to the cards' per-digit ground
// truth: every digit to hide under a mask, every one of the last four outside all masks.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectCardNumbersDetailed, type SeenNumber } from '../../src/engine/detect/card-numbers';
import { LOST_GLYPHS_NOTE } from '../../src/engine/detect/lost-glyphs';
import type { PrintAsIs } from '../../src/engine/detect/mirrored-relief';
import { findStacks } from '../../src/engine/learned/stacks';
import type { TextLine } from '../../src/engine/learned/text-lines';
import { toGray } from '../../src/engine/image/gray';
import { masksForFinding } from '../../src/engine/masks/from-findings';
import { maskCorners } from '../../src/engine/masks/geometry';
import { decodeImageNode } from '../../src/engine/platform/node';
import type { Point, Quad } from '../../src/engine/types';
import { REPLAY_CARDS } from '../fixtures/replay/cards';
import { replayOcr, UnrecordedCropError, type Recording } from '../support/ocr-replay';

interface Truth {
  number: string;
  digits: { char: string; role: string; bbox: [number, number, number, number] }[];
}

function inQuad(p: Point, q: Quad): boolean {
  let sign = 0;
  for (let i = 0; i < 4; i++) {
    const a = q[i];
    const b = q[(i + 1) % 4];
    const cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
    if (cross !== 0) {
      if (sign && Math.sign(cross) !== sign) return false;
      sign = Math.sign(cross);
    }
  }
  return true;
}

async function replay(card: (typeof REPLAY_CARDS)[number]) {
  const image = await decodeImageNode(new Uint8Array(readFileSync(card.image)));
  const rec = JSON.parse(new TextDecoder().decode(gunzipSync(readFileSync(card.recording)))) as {
    lines: TextLine[];
    learned: Recording;
    tesseract: Recording;
  };
  const reader = replayOcr(rec.learned);
  const tesseract = replayOcr(rec.tesseract);
  const seenNumbers: SeenNumber[] = [];
  const found = await detectCardNumbersDetailed(toGray(image), tesseract, {
    learnedStages: { lines: rec.lines, reader },
    seenNumbers,
  });
  return { found, rec, reader, tesseract, seenNumbers };
}

describe('card detector on replayed OCR', () => {
  for (const card of REPLAY_CARDS.filter((c) => c.noNumber)) {
    it(`${card.image.split('/').pop()}: finds no card number`, async () => {
      const { found, reader } = await replay(card);
      expect(reader.asked).toBeGreaterThan(0);
      expect(found.map((f) => f.finding.text)).toEqual([]);
    });
  }

  for (const card of REPLAY_CARDS.filter((c) => !c.noNumber)) {
    it(`${card.image.split('/').pop()}: hides every digit but the last four`, async () => {
      const truth = JSON.parse(readFileSync(card.truth, 'utf8')) as Truth;
      const { found, reader } = await replay(card);
      expect(reader.asked).toBeGreaterThan(0);
      const number = found.map((f) => f.finding).find((f) => f.text.length >= 12);
      // The glyph count is what the masks need; the digits as read may differ in one place.
      const digits = truth.number.replace(/\s/g, '');
      expect(number?.text.length).toBe(digits.length - (card.lostGlyphs ?? 0));
      if (card.lostGlyphs) {
        expect(number!.notes).toContain(LOST_GLYPHS_NOTE);
        expect(number!.text.slice(-4)).toBe(digits.slice(-4));
      } else
        expect([...digits].filter((c, i) => number!.text[i] !== c).length).toBeLessThanOrEqual(
          card.misreadDigits ?? 1,
        );
      const masks = masksForFinding(number!, 'last4').map(maskCorners);
      // The number's own digits: the small repeat of the first four is its own stage's finding.
      const height = (d: Truth['digits'][number]) => d.bbox[3] - d.bbox[1];
      const kept = truth.digits.filter((d) => d.role === 'keep').map(height);
      const gh = kept.sort((a, b) => a - b)[kept.length >> 1];
      for (const d of truth.digits.filter((d) => height(d) > 0.65 * gh)) {
        const [x0, y0, x1, y1] = d.bbox;
        const centre = { x: (x0 + x1) / 2, y: (y0 + y1) / 2 };
        const covered = masks.some((q) => inQuad(centre, q));
        expect(covered, `${d.role} digit ${d.char} at ${centre.x},${centre.y}`).toBe(d.role === 'hide');
      }
    });
  }

  it('reads a vertical card as one stack of groups from the recorded lines', async () => {
    const card = REPLAY_CARDS.find((c) => c.image.includes('vertical'))!;
    const { rec } = await replay(card);
    const [stack] = findStacks(rec.lines);
    expect(stack?.length).toBe(4);
  });

  it("reports a back's lines of card words and blank band lines, and skips them when told", async () => {
    // What the pass over the page mirrored is handed (analyze.ts): lines read as the card's words
    // and the card band's lines whose probe read blank need no reading there.
    const card = REPLAY_CARDS.find((c) => c.image.includes('hx3-042-back'))!;
    const image = toGray(await decodeImageNode(new Uint8Array(readFileSync(card.image))));
    const rec = JSON.parse(new TextDecoder().decode(gunzipSync(readFileSync(card.recording)))) as {
      lines: TextLine[];
      learned: Recording;
      tesseract: Recording;
    };
    const run = async (o: Partial<Parameters<typeof detectCardNumbersDetailed>[2]>) => {
      const reader = replayOcr(rec.learned);
      const found = await detectCardNumbersDetailed(image, replayOcr(rec.tesseract), {
        learnedStages: { lines: rec.lines, reader },
        ...o,
      });
      return { reader, found };
    };
    const printAsIs: PrintAsIs = { wordLines: [], blankBands: [] };
    const asIs = await run({ printAsIs });
    expect(printAsIs.wordLines.length).toBeGreaterThan(0);
    expect(printAsIs.wordLines.every((l) => rec.lines.includes(l))).toBe(true);
    expect(printAsIs.blankBands.length).toBeGreaterThan(0);
    const skipped = await run({ notRead: printAsIs.wordLines, blankBands: printAsIs.blankBands });
    expect(skipped.reader.asked).toBeLessThan(asIs.reader.asked);
    expect(skipped.found).toEqual([]);
  });

  it('fails loudly on a crop that was not recorded', async () => {
    const empty = replayOcr({});
    const crop = { width: 4, height: 2, data: new Uint8Array(8) };
    await expect(empty.recognize(crop, { psm: 7 })).rejects.toBeInstanceOf(UnrecordedCropError);
  });
});
