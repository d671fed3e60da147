import { describe, expect, it } from 'vitest';
import { masksForFindings } from '../../src/engine/analyze';
import { keptIndices, masksForFinding } from '../../src/engine/masks/from-findings';
import { maskCorners } from '../../src/engine/masks/geometry';
import type { Finding, Quad } from '../../src/engine/types';
import { insideMask } from '../support/mask-geometry';

function finding(text: string, kind: Finding['kind'] = 'card-number', id = 'card-1'): Finding {
  const glyphs: Quad[] = [...text].map((_, i) => {
    const x = 100 + i * 30 + Math.floor(i / 4) * 20;
    return [
      { x, y: 200 },
      { x: x + 20, y: 200 },
      { x: x + 20, y: 240 },
      { x, y: 240 },
    ];
  });
  return {
    id,
    kind,
    text,
    glyphs,
    confidence: 0.9,
    keepable: kind === 'card-number',
    enabledByDefault: true,
  };
}

describe('keptIndices', () => {
  it('keeps the last four by default', () => {
    expect([...keptIndices(16, 'last4')]).toEqual([12, 13, 14, 15]);
  });
  it('keeps the first six and the last four', () => {
    expect([...keptIndices(16, 'first6last4')].sort((a, b) => a - b)).toEqual([
      0, 1, 2, 3, 4, 5, 12, 13, 14, 15,
    ]);
  });
  it('keeps nothing for none', () => {
    expect(keptIndices(16, 'none').size).toBe(0);
  });
  it('never keeps more than half of a short run', () => {
    expect([...keptIndices(4, 'last4')]).toEqual([2, 3]);
    expect(keptIndices(12, 'first6last4').has(0)).toBe(false);
  });
});

/** Glyph indices whose centre lies inside some mask. */
function covered(f: Finding, masks: ReturnType<typeof masksForFinding>): number[] {
  const inside = (q: Quad, m: (typeof masks)[number]) =>
    insideMask({ x: (q[0].x + q[2].x) / 2, y: (q[0].y + q[2].y) / 2 }, m);
  return f.glyphs.map((q, i) => (masks.some((m) => inside(q, m)) ? i : -1)).filter((i) => i >= 0);
}

describe('masksForFinding', () => {
  const f = finding('4111111111111111');

  it('last4 hides the first twelve glyphs and no kept one', () => {
    const masks = masksForFinding(f, 'last4');
    expect(covered(f, masks)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    // The mask stops before the first kept glyph's box.
    const right = Math.max(...masks.flatMap((m) => maskCorners(m).map((p) => p.x)));
    expect(right).toBeLessThan(f.glyphs[12][0].x);
  });

  it('covers the whole box of a hidden glyph that touches or overlaps the first kept one', () => {
    // 19 digits with no gap before the last four: glyph 14 (hidden) runs 2 px into glyph 15 (kept).
    const g = finding('6217000000000000000');
    const glyphs = g.glyphs.map((_, i): Quad => {
      const x = 100 + i * 24;
      const w = i === 14 ? 26 : 24;
      return [
        { x, y: 200 },
        { x: x + w, y: 200 },
        { x: x + w, y: 240 },
        { x, y: 240 },
      ];
    });
    const masks = masksForFinding({ ...g, glyphs }, 'last4');
    const right = Math.max(...masks.flatMap((m) => maskCorners(m).map((p) => p.x)));
    expect(right).toBeGreaterThanOrEqual(glyphs[14][1].x);
    // ...and no further into the kept glyph than the overlap.
    expect(right).toBeLessThanOrEqual(glyphs[14][1].x + 0.5);
  });

  it('first6last4 hides only the middle', () => {
    expect(covered(f, masksForFinding(f, 'first6last4'))).toEqual([6, 7, 8, 9, 10, 11]);
  });

  it('none hides everything', () => {
    expect(covered(f, masksForFinding(f, 'none'))).toHaveLength(16);
  });

  it('pads masks vertically past the glyph boxes (emboss shadow)', () => {
    const [m] = masksForFinding(f, 'last4');
    expect(m.y).toBeLessThan(200 - 5);
    expect(m.y + m.height).toBeGreaterThan(240 + 5);
  });

  it('masks a security code whole, whatever the preset', () => {
    const code = finding('123', 'security-code', 'code-1');
    expect(covered(code, masksForFinding(code, 'last4'))).toEqual([0, 1, 2]);
  });

  it('links masks to findings and honours presets and switches per finding', () => {
    const a = finding('4111111111111111', 'card-number', 'a');
    const b = finding('5555555555554444', 'card-number', 'b');
    const masks = masksForFindings([a, b], { b: 'none' }, { a: false });
    expect(masks.every((m) => m.findingId === 'b')).toBe(true);
    expect(covered(b, masks)).toHaveLength(16);
    expect(masks.every((m) => m.source === 'auto' && m.kind === 'card-number')).toBe(true);
  });

  it('labels masks with the kept digits only', () => {
    expect(masksForFinding(f, 'last4')[0].label).toBe('••••••••••••1111');
  });

  it("masks the print before a number's first digit (leadingPrint) with it, under every preset", () => {
    // Two glyphs' worth of print read in doubt before "709443231055", 30 px before the first digit.
    const g = finding('709443231055');
    const leadingPrint: Quad[] = [40, 70].map((x) => [
      { x, y: 200 },
      { x: x + 24, y: 200 },
      { x: x + 24, y: 240 },
      { x, y: 240 },
    ]);
    const withLead = { ...g, leadingPrint };
    const centres = leadingPrint.map((q) => ({ x: (q[0].x + q[2].x) / 2, y: (q[0].y + q[2].y) / 2 }));
    for (const preset of ['last4', 'first6last4', 'none'] as const) {
      const masks = masksForFinding(withLead, preset);
      expect(centres.every((p) => masks.some((m) => insideMask(p, m)))).toBe(true);
      // The number's own glyphs hidden and kept as before.
      expect(covered(g, masks)).toEqual(covered(g, masksForFinding(g, preset)));
    }
    // One mask from the print before to the last hidden digit; the label is the number's.
    const [mask] = masksForFinding(withLead, 'last4');
    expect(masksForFinding(withLead, 'last4')).toHaveLength(1);
    expect(mask.label).toBe('••••••••1055');
  });
});
