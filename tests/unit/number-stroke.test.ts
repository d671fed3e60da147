// The number tool's geometry without any reader: glyph-like marks on a turned line, a stroke from the
// first mark's centre to the last one's, and the masks that come out hide all but the last four.
import { describe, expect, it } from 'vitest';
import { burnMasks } from '../../src/engine/burn/burn';
import { findCardOutline } from '../../src/engine/detect/card-outline';
import { cardWithoutNumber } from '../../src/engine/detect/card-evidence';
import { cutByFrame, findingsFromStroke, MIN_STROKE_PX } from '../../src/engine/detect/number-stroke';
import { replacedByStroke } from '../../src/engine/detect/stroke-overlap';
import { fitLayouts } from '../../src/engine/detect/stroke-layout';
import { grayToRgba, toGray } from '../../src/engine/image/gray';
import { decodeImageNode } from '../../src/engine/platform/node';
import { masksForFinding } from '../../src/engine/masks/from-findings';
import { syntheticPng } from '../support/scenes';
import type { Finding, GrayImage, Mask, Point } from '../../src/engine/types';

interface Drawn {
  image: GrayImage;
  /** Glyph centres in image pixels, first to last. */
  centres: Point[];
  /** Corners of each glyph's ink, for coverage checks. */
  glyphs: Point[][];
}

/**
 * A light card with dark barred boxes for glyphs (h tall, 0.6 h wide, pitch 0.8 h, group spaces of
 * `space` pitches) along a line turned `deg` degrees clockwise; `solid` fills each group into one bar
 * (glyphs that run together).
 */
function drawNumber(layout: number[], deg: number, h = 30, space = 1, solid = false): Drawn {
  const W = 900;
  const H = 700;
  const data = new Uint8Array(W * H).fill(215);
  const a = (deg * Math.PI) / 180;
  const ux = { x: Math.cos(a), y: Math.sin(a) };
  const vy = { x: -ux.y, y: ux.x };
  const pitch = 0.8 * h;
  const n = layout.reduce((s, g) => s + g, 0);
  const length = (n - 1) * pitch + (layout.length - 1) * space * pitch;
  const origin = { x: W / 2 - (length / 2) * ux.x, y: H / 2 - (length / 2) * ux.y };
  const at = (u: number, v: number) => ({
    x: origin.x + u * ux.x + v * vy.x,
    y: origin.y + u * ux.y + v * vy.y,
  });
  const us: number[] = [];
  const groupSpans: [number, number][] = [];
  let u = 0;
  for (const g of layout) {
    const start = u;
    for (let k = 0; k < g; k++, u += pitch) us.push(u);
    groupSpans.push([start, u - pitch]);
    u += space * pitch;
  }
  const gw = 0.6 * h;
  const inGlyph = (pu: number, pv: number) =>
    solid
      ? groupSpans.some(([s, e]) => pu >= s - gw / 2 && pu <= e + gw / 2) && Math.abs(pv) <= h / 2
      : us.some((c) => {
          const du = Math.abs(pu - c);
          const dv = Math.abs(pv);
          // A box with a bar down its middle: ink across the glyph, as digits have.
          return du <= gw / 2 && dv <= h / 2 && (du >= gw / 2 - 4 || dv >= h / 2 - 4 || du <= 2);
        });
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const dx = x + 0.5 - origin.x;
      const dy = y + 0.5 - origin.y;
      if (inGlyph(dx * ux.x + dy * ux.y, dx * vy.x + dy * vy.y)) data[y * W + x] = 30;
    }
  return {
    image: { width: W, height: H, data },
    centres: us.map((c) => at(c, 0)),
    glyphs: us.map((c) => [
      at(c - gw / 2, -h / 2),
      at(c + gw / 2, -h / 2),
      at(c + gw / 2, h / 2),
      at(c - gw / 2, h / 2),
    ]),
  };
}

/** Share of the glyph's box (sampled on a grid) the masks turned black. */
function covered(
  burned: { width: number; data: Uint8ClampedArray },
  corners: Point[],
  original: GrayImage,
): number {
  let n = 0;
  let changed = 0;
  for (let s = 0.02; s < 1; s += 0.08)
    for (let t = 0.02; t < 1; t += 0.08) {
      const x = corners[0].x + s * (corners[1].x - corners[0].x) + t * (corners[3].x - corners[0].x);
      const y = corners[0].y + s * (corners[1].y - corners[0].y) + t * (corners[3].y - corners[0].y);
      const i = Math.floor(y) * burned.width + Math.floor(x);
      n++;
      if (burned.data[i * 4] !== original.data[i]) changed++;
    }
  return changed / n;
}

function burn(d: Drawn, masks: Mask[]) {
  return burnMasks(grayToRgba(d.image), masks);
}

describe('number tool without readers', () => {
  for (const [layout, deg] of [
    [[4, 4, 4, 4], 27],
    [[4, 6, 5], -14],
    [[4, 4, 4, 4, 3], 123],
  ] as [number[], number][]) {
    it(`places ${layout.join('-')} turned ${deg} degrees by the card layout and keeps the last four`, async () => {
      const d = drawNumber(layout, deg);
      const stroke = { from: d.centres[0], to: d.centres[d.centres.length - 1] };
      const { findings, method } = await findingsFromStroke(d.image, stroke);
      expect(method).toBe('layout');
      const f = findings[0];
      expect(f.kind).toBe('card-number');
      expect(f.keepable).toBe(true);
      // No reader read it: the glyphs are where the stroke and the print put them.
      expect(f.reader).toBe('user');
      expect(f.glyphs).toHaveLength(d.centres.length);
      const burned = burn(d, masksForFinding(f, 'last4'));
      const n = d.glyphs.length;
      d.glyphs.forEach((g, i) => {
        const share = covered(burned, g, d.image);
        if (i < n - 4) expect(share, `glyph ${i} hidden`).toBe(1);
        else expect(share, `glyph ${i} kept`).toBe(0);
      });
      // Masks follow the stroke's angle (Konva rotation, degrees clockwise).
      const m = masksForFinding(f, 'last4')[0];
      expect(Math.abs(((m.rotation - deg + 540) % 360) - 180)).toBeLessThan(2);
    });
  }

  it('first six and last four, and none, apply to a marked number', async () => {
    const d = drawNumber([4, 4, 4, 4], 8);
    const { findings } = await findingsFromStroke(d.image, { from: d.centres[0], to: d.centres[15] });
    const six = burn(d, masksForFinding(findings[0], 'first6last4'));
    expect(d.glyphs.map((g) => covered(six, g, d.image) === 1)).toEqual([
      ...Array(6).fill(false),
      ...Array(6).fill(true),
      ...Array(4).fill(false),
    ]);
    const none = burn(d, masksForFinding(findings[0], 'none'));
    expect(d.glyphs.every((g) => covered(none, g, d.image) === 1)).toBe(true);
  });

  it('cuts glyphs that run together at the group gaps and asks for a check of the last four', async () => {
    const d = drawNumber([4, 4, 4, 4], 0, 30, 1.2, true);
    const { findings, method } = await findingsFromStroke(d.image, { from: d.centres[0], to: d.centres[15] });
    expect(method).toBe('gaps');
    expect(findings[0].notes?.join(' ')).toMatch(/check the last four/);
    const burned = burn(d, masksForFinding(findings[0], 'last4'));
    for (let i = 0; i < 12; i++) expect(covered(burned, d.glyphs[i], d.image), `glyph ${i}`).toBe(1);
  });

  it('masks every digit in view of a number the frame cuts, and keeps the last four of one it does not', async () => {
    const d = drawNumber([4, 4, 4, 4], 0);
    // The photo ends half a pitch after the 11th glyph's centre: 4-4-3 in view, the last five cut off.
    const pitch = d.centres[1].x - d.centres[0].x;
    const width = Math.floor(d.centres[10].x + 0.5 * pitch);
    const cut: GrayImage = {
      width,
      height: d.image.height,
      data: new Uint8Array(width * d.image.height),
    };
    for (let y = 0; y < cut.height; y++)
      cut.data.set(d.image.data.subarray(y * d.image.width, y * d.image.width + width), y * width);
    const { findings } = await findingsFromStroke(cut, { from: d.centres[0], to: d.centres[10] });
    expect(findings[0].keepable).toBe(false);
    expect(findings[0].notes?.join(' ')).toMatch(/cut by the frame before its last four/);
    const burned = burnMasks(grayToRgba(cut), masksForFinding(findings[0], 'last4'));
    for (let i = 0; i < 11; i++) expect(covered(burned, d.glyphs[i], cut), `glyph ${i}`).toBe(1);
    // The whole number, with the card beyond its last glyph: its last four stay.
    const whole = await findingsFromStroke(d.image, { from: d.centres[0], to: d.centres[15] });
    expect(whole.findings[0].keepable).toBe(true);
  });

  it('tells a number the frame cuts by the room left past the stroke, at any angle', () => {
    // 100 x 100 photo, pitch 10: a next glyph needs 13 px past the last centre.
    expect(cutByFrame({ x: 90, y: 50 }, 0, 10, 100, 100)).toBe(true);
    expect(cutByFrame({ x: 80, y: 50 }, 0, 10, 100, 100)).toBe(false);
    expect(cutByFrame({ x: 10, y: 50 }, Math.PI, 10, 100, 100)).toBe(true);
    expect(cutByFrame({ x: 50, y: 92 }, Math.PI / 2, 10, 100, 100)).toBe(true);
    expect(cutByFrame({ x: 80, y: 80 }, Math.PI / 4, 10, 100, 100)).toBe(false);
    expect(cutByFrame({ x: 92, y: 92 }, Math.PI / 4, 10, 100, 100)).toBe(true);
    // The stroke ends outside the photo.
    expect(cutByFrame({ x: 104, y: 50 }, Math.PI, 10, 100, 100)).toBe(true);
  });

  it('refuses a tap', async () => {
    const d = drawNumber([4, 4, 4, 4], 0);
    const p = d.centres[0];
    await expect(
      findingsFromStroke(d.image, { from: p, to: { x: p.x + MIN_STROKE_PX - 1, y: p.y } }),
    ).rejects.toThrow(RangeError);
  });

  it('replaces a detected number over the same print, not one elsewhere', async () => {
    const d = drawNumber([4, 4, 4, 4], 10);
    const { findings } = await findingsFromStroke(d.image, { from: d.centres[0], to: d.centres[15] });
    const same: Finding = { ...findings[0], id: 'card-1', glyphs: findings[0].glyphs.slice(0, 15) };
    const moved = (q: Point[]) => q.map((p) => ({ x: p.x, y: p.y + 200 }));
    const elsewhere: Finding = { ...same, id: 'card-2', glyphs: same.glyphs.map(moved) as Finding['glyphs'] };
    const prefix: Finding = { ...same, id: 'card-prefix-1', keepable: false };
    expect(replacedByStroke(findings[0], [same, elsewhere, prefix]).map((f) => f.id)).toEqual(['card-1']);
  });
});

describe('layout fit', () => {
  it('tells 16 digits in fours from 15 in 4-6-5 by the group spaces', () => {
    const profile = (layout: number[]) => {
      const e = new Float32Array(600);
      let x = 50;
      for (const g of layout) {
        for (let k = 0; k < g; k++, x += 24) for (let i = x - 8; i <= x + 8; i++) e[i] = 10;
        x += 24;
      }
      return { e, b: x - 48 };
    };
    for (const layout of [
      [4, 4, 4, 4],
      [4, 6, 5],
    ]) {
      const { e, b } = profile(layout);
      expect(fitLayouts(e, 50, b, [12, 40])[0].layout).toEqual(layout);
    }
  });
});

describe('card outline', () => {
  it('finds a turned ID-1 card on a darker ground, and nothing on a blank page', () => {
    const W = 640;
    const H = 480;
    const data = new Uint8Array(W * H).fill(70);
    const a = (-12 * Math.PI) / 180;
    const [cw, ch] = [340, 340 / 1.586];
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        const dx = x - W / 2;
        const dy = y - H / 2;
        const u = dx * Math.cos(a) + dy * Math.sin(a);
        const v = -dx * Math.sin(a) + dy * Math.cos(a);
        if (Math.abs(u) <= cw / 2 && Math.abs(v) <= ch / 2) data[y * W + x] = 200;
      }
    const found = findCardOutline({ width: W, height: H, data });
    expect(found).toBeDefined();
    const cx = found!.corners.reduce((s, p) => s + p.x, 0) / 4;
    const cy = found!.corners.reduce((s, p) => s + p.y, 0) / 4;
    expect(Math.hypot(cx - W / 2, cy - H / 2)).toBeLessThan(6);
    expect(findCardOutline({ width: W, height: H, data: new Uint8Array(W * H).fill(200) })).toBeUndefined();
  });

  it('takes no rectangle from round shapes that happen to touch four lines', async () => {
    // The browser tests' photo-like scene (tests/e2e/support/app.ts syntheticPng): discs on a gradient.
    const image = await decodeImageNode(new Uint8Array(syntheticPng()));
    expect(findCardOutline(toGray(image))).toBeUndefined();
  });

  it('a card without a card-number mask is flagged; with one it is not', () => {
    const card = { reasons: ['a card-shaped outline (ID-1)'] };
    const mask = { kind: 'card-number' } as Mask;
    expect(cardWithoutNumber(card, [])).toBe(true);
    expect(cardWithoutNumber(card, [{ ...mask, kind: 'manual' }])).toBe(true);
    expect(cardWithoutNumber(card, [mask])).toBe(false);
    expect(cardWithoutNumber(undefined, [])).toBe(false);
  });
});
