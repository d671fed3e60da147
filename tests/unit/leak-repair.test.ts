// A whole card number the check of the export reads where the detector found none comes back as a
// card-number finding over its glyphs, to be masked before the file is written; a number the check
// reads in part, or one that fails the card rules, stays a warning. A stand-in reader reads the line.
import { describe, expect, it } from 'vitest';
import { checkExport, REPAIRED_NOTE, type Line } from '../../src/engine/detect/leak-check';
import { masksForFinding } from '../../src/engine/masks/from-findings';
import { centre } from '../../src/engine/reading-frame';
import type { Quad, RgbaImage } from '../../src/engine/types';
import { insideMask } from '../support/mask-geometry';
import { spreadReader } from '../support/spread-reader';

const image: RgbaImage = { width: 900, height: 600, data: new Uint8ClampedArray(900 * 600 * 4).fill(230) };
const line: Line = { centre: { x: 450, y: 300 }, angle: 0, length: 400, glyphHeight: 30 };

/** Reads every crop as `text`, a symbol per character spread along it. */
const reader = spreadReader;

const check = (text: string) =>
  checkExport(image, [], { ocr: reader(text), primary: 'learned', lines: [line], wayUp: 0 });

describe('the check of an export repairs what it reads whole', () => {
  it('gives a whole number read in a typed field as a finding over its sixteen glyphs', async () => {
    const { leaks, repairs } = await check('5391232061279498');
    expect(leaks).toHaveLength(1);
    expect(repairs).toHaveLength(1);
    const { finding } = repairs[0];
    expect(finding.kind).toBe('card-number');
    expect(finding.text).toBe('5391232061279498');
    expect(finding.glyphs).toHaveLength(16);
    expect(finding.notes).toContain(REPAIRED_NOTE);
    // Its glyphs lie along the line, in the export's pixels, and the last four stay out of the masks.
    for (const q of finding.glyphs) for (const p of q) expect(Math.abs(p.y - 300)).toBeLessThan(30);
    const masks = masksForFinding(finding, 'last4');
    const covered = (i: number) => masks.some((m) => insideMask(centre(finding.glyphs[i]), m));
    expect([...Array(16).keys()].map(covered)).toEqual([...Array(16).keys()].map((i) => i < 12));
  });

  it('leaves as a warning a whole number where the page has a finding (switched off, say)', async () => {
    const glyphs = Array.from({ length: 16 }, (_, i) => {
      const x = 280 + 21 * i;
      return [
        { x, y: 290 },
        { x: x + 14, y: 290 },
        { x: x + 14, y: 310 },
        { x, y: 310 },
      ] as Quad;
    });
    const { leaks, repairs } = await checkExport(
      image,
      [{ kind: 'card-number', reader: 'learned', glyphs }],
      {
        ocr: reader('5391232061279498'),
        primary: 'learned',
        lines: [line],
        wayUp: 0,
      },
    );
    expect(leaks).toHaveLength(1);
    expect(repairs).toEqual([]);
  });

  it('leaves as warnings a number that fails Luhn, and one read with a group unread', async () => {
    const failsLuhn = await check('5391232061279490');
    expect(failsLuhn.leaks).toHaveLength(1);
    expect(failsLuhn.repairs).toEqual([]);
    const part = await check('5391 2320 61?? 9498');
    expect(part.repairs).toEqual([]);
  });
});

describe('the CLI burns what the check repaired before it writes the output', () => {
  it('masks all but the last four of the repaired number on the encoded export, and clears its leak', async () => {
    const { burnRepairs } = await import('../../src/cli/redact-file');
    const { createNodeCore } = await import('../../src/cli/core-node');
    const { decodeImageNode, encodeImageNode } = await import('../../src/engine/platform/node');
    const check = await checkExport(image, [], {
      ocr: reader('5391232061279498'),
      primary: 'learned',
      lines: [line],
      wayUp: 0,
    });
    const core = createNodeCore(reader(''));
    const encoded = await encodeImageNode(image, 'png');
    const out = await burnRepairs(core, 'repair', encoded, check, 'last4', 'png');
    expect(out.findings.map((f) => f.text)).toEqual(['5391232061279498']);
    expect(out.masks.every((m) => m.findingId === 'card-check-1')).toBe(true);
    expect(check.leaks).toEqual([]);
    const burned = await decodeImageNode(out.encoded);
    const grey = (p: { x: number; y: number }) =>
      burned.data[4 * (Math.round(p.y) * burned.width + Math.round(p.x))];
    const glyphs = out.findings[0].glyphs;
    expect(glyphs.slice(0, 12).every((q) => grey(centre(q)) === 0)).toBe(true);
    expect(glyphs.slice(12).every((q) => grey(centre(q)) === 230)).toBe(true);
  });
});
