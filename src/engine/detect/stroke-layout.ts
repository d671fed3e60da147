// Where a number's glyphs lie along a level line crop when its two ends are known: the user's stroke
// (number tool) runs from the first digit's centre to the last one's. The column ink profile is matched
// against the layouts cards print, which pins the glyph count and so the last four even where no
// reader can tell the digits apart.
import { inkSegments } from './ink-profile';

/**
 * Digit groupings printed on payment cards: 4-4-4-4 (Visa, Mastercard, Discover, JCB, most others),
 * 4-6-5 (American Express), 4-6-4 (Diners Club), 4-4-4-4-3 (19-digit UnionPay/Maestro).
 */
export const CARD_LAYOUTS: readonly (readonly number[])[] = [
  [4, 4, 4, 4],
  [4, 6, 5],
  [4, 6, 4],
  [4, 4, 4, 4, 3],
];

export interface LayoutFit {
  layout: readonly number[];
  /** Glyph centres along the crop (crop pixels), first to last. */
  centres: number[];
  /** Centre-to-centre distance within a group (crop pixels). */
  pitch: number;
  /** Index of each glyph's group. */
  groupOf: number[];
  /** Pearson correlation of the ink profile with the layout's glyph cells: -1..1. */
  score: number;
}

/** Half the width of a glyph's cell in the template, as a share of the pitch. */
const CELL = 0.36;

/** Score lost per pitch an end of the stroke is moved. */
const END_SHIFT_COST = 0.4;

function centresOf(layout: readonly number[], a: number, pitch: number, extra: number) {
  const centres: number[] = [];
  const groupOf: number[] = [];
  let x = a;
  layout.forEach((n, g) => {
    for (let k = 0; k < n; k++) {
      centres.push(x);
      groupOf.push(g);
      x += pitch;
    }
    x += extra;
  });
  return { centres, groupOf };
}

/** Pearson correlation between `energy` on [x0, x1) and the 0/1 template of glyph cells. */
function correlation(energy: Float32Array, x0: number, x1: number, centres: number[], half: number) {
  let n = 0;
  let se = 0;
  let st = 0;
  let see = 0;
  let stt = 0;
  let set = 0;
  let k = 0;
  for (let x = Math.max(0, x0); x < Math.min(energy.length, x1); x++) {
    while (k < centres.length - 1 && centres[k + 1] - x < x - centres[k]) k++;
    const t = Math.abs(x - centres[k]) <= half ? 1 : 0;
    const e = energy[x];
    n++;
    se += e;
    st += t;
    see += e * e;
    stt += t * t;
    set += e * t;
  }
  const cov = set - (se * st) / n;
  const ve = see - (se * se) / n;
  const vt = stt - (st * st) / n;
  return ve > 0 && vt > 0 ? cov / Math.sqrt(ve * vt) : 0;
}

/**
 * Fits every card layout between the first glyph's centre `a` and the last one's `b` (crop pixels,
 * each allowed to move by a quarter pitch: a finger is not exact), over group spaces of 0 to 2.5
 * pitches and pitches within `pitchRange`. Returns the fits, best first (the best per layout).
 */
export function fitLayouts(
  energy: Float32Array,
  a: number,
  b: number,
  pitchRange: readonly [number, number],
  layouts: readonly (readonly number[])[] = CARD_LAYOUTS,
): LayoutFit[] {
  const best = new Map<readonly number[], LayoutFit>();
  const reach = 0.6 * pitchRange[1];
  const x0 = Math.floor(a - reach);
  const x1 = Math.ceil(b + reach);
  for (const layout of layouts) {
    const n = layout.reduce((s, g) => s + g, 0);
    const rough = (b - a) / (n - 1 + 0.8 * (layout.length - 1));
    for (let da = -0.25; da <= 0.251; da += 0.125) {
      for (let db = -0.25; db <= 0.251; db += 0.125) {
        const aa = a + da * rough;
        const span = b + db * rough - aa;
        for (let r = 0; r <= 2.501; r += 0.1) {
          const pitch = span / (n - 1 + r * (layout.length - 1));
          if (pitch < pitchRange[0] || pitch > pitchRange[1]) continue;
          const { centres, groupOf } = centresOf(layout, aa, pitch, r * pitch);
          // The stroke's ends are the user's word: moving them costs (a profile's peaks can sit off
          // the glyph's middle, as an emboss shadow on one side puts them).
          const score =
            correlation(energy, x0, x1, centres, CELL * pitch) -
            END_SHIFT_COST * (Math.abs(da) + Math.abs(db));
          const prev = best.get(layout);
          if (!prev || score > prev.score) best.set(layout, { layout, centres, pitch, groupOf, score });
        }
      }
    }
  }
  return [...best.values()].sort((p, q) => q.score - p.score);
}

/**
 * The fallback when no layout fits the ink (glyphs run together, glare): the printed groups as the
 * profile shows them between `a` and `b`, each cut into glyphs of about `pitch`. Glyph centres and
 * each one's group; the caller marks the result for the user to check.
 */
export function glyphsFromGroupGaps(
  energy: Float32Array,
  a: number,
  b: number,
  pitch: number,
): { centres: number[]; groupOf: number[] } {
  const inside = Array.from(energy.slice(Math.max(0, Math.floor(a)), Math.ceil(b) + 1)).sort((p, q) => p - q);
  const ground = inside[Math.floor(inside.length * 0.1)] ?? 0;
  const ink = inside[Math.floor(inside.length * 0.7)] ?? 0;
  // Gaps narrower than most of a pitch are inside a group; a group space is wider.
  const segs = inkSegments(energy, ground + 0.35 * (ink - ground), 0.9 * pitch, 0.3 * pitch).filter(
    (s) => s.x1 > a - 0.6 * pitch && s.x0 < b + 0.6 * pitch,
  );
  const groups = segs.length ? segs : [{ x0: a - 0.4 * pitch, x1: b + 0.4 * pitch }];
  // The stroke's ends are glyph centres: the groups reach at least that far.
  groups[0] = { ...groups[0], x0: Math.min(groups[0].x0, a - 0.4 * pitch) };
  const last = groups.length - 1;
  groups[last] = { ...groups[last], x1: Math.max(groups[last].x1, b + 0.4 * pitch) };
  const centres: number[] = [];
  const groupOf: number[] = [];
  groups.forEach((g, i) => {
    const k = Math.max(1, Math.round((g.x1 - g.x0) / pitch));
    const w = (g.x1 - g.x0) / k;
    for (let j = 0; j < k; j++) {
      centres.push(g.x0 + (j + 0.5) * w);
      groupOf.push(i);
    }
  });
  return { centres, groupOf };
}
