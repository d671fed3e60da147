// A page's text layer (pdf.js getTextContent) as lines of characters, each with its quad in page
// pixels: the same geometry OCR gives, but exact. Items on one baseline are joined into a line
// (a card number drawn group by group is one number); column gaps split lines, so a number is never
// joined to the amount in the next column.
import type { Point, Quad } from '../types';
import { charWidth } from './char-widths';
import type { WidthOf } from './font-widths';

/** The fields of a pdf.js TextItem we use. */
export interface PdfTextItem {
  str: string;
  /** Text space to PDF user space, including the font size. */
  transform: number[];
  /** Advance of the whole string in user space units. */
  width: number;
  fontName: string;
}

export interface PdfTextStyle {
  fontFamily?: string;
  ascent: number;
  descent: number;
  vertical: boolean;
}

/** PDF user space to page pixels (pdf.js viewport.convertToViewportPoint). */
export type ToPixels = (x: number, y: number) => [number, number];

export interface PlacedChar {
  char: string;
  /** Null for the spaces we insert between items. */
  quad: Quad | null;
  /** A space between text items (a real word gap), as opposed to one inside an item. */
  gap?: boolean;
}

export interface TextLine {
  text: string;
  chars: PlacedChar[];
}

interface PlacedItem {
  chars: PlacedChar[];
  /** Along the baseline (u) and across it (v), in pixels, in the line direction's frame. */
  u0: number;
  u1: number;
  v: number;
  angle: number;
  /** Font size in pixels. */
  size: number;
}

function placeItem(
  item: PdfTextItem,
  style: PdfTextStyle | undefined,
  widthOf: WidthOf | undefined,
  toPx: ToPixels,
): PlacedItem | undefined {
  const [a, b, c, d, e, f] = item.transform;
  const size = Math.hypot(c, d);
  const along = Math.hypot(a, b);
  if (!item.str || size === 0 || along === 0 || style?.vertical) return undefined;
  // UTF-16 units, not code points: line indices must match the string indices the detectors see.
  const chars = item.str.split('');
  const weights = chars.map((ch) => widthOf?.(ch) ?? charWidth(ch));
  const total = weights.reduce((s, w) => s + w, 0);
  // Some producers report width 0; fall back to the font's nominal advances.
  const width = item.width > 0 ? item.width : (total / 1000) * along;
  const dir = { x: a / along, y: b / along };
  const up = { x: c / size, y: d / size };
  // Digits reach ~0.72 em above the baseline; a font's declared ascent can be lower than that.
  const ascent = Math.max(style && style.ascent > 0 ? style.ascent : 0.8, 0.75) * size;
  const descent = (style && style.descent < 0 ? style.descent : -0.2) * size;
  const at = (x: number, y: number): Point => {
    const [px, py] = toPx(e + dir.x * x + up.x * y, f + dir.y * x + up.y * y);
    return { x: px, y: py };
  };
  const blank = item.str.trim() === '';
  let cum = 0;
  const placed = chars.map((char, i) => {
    const x0 = (cum / total) * width;
    cum += weights[i];
    const x1 = (cum / total) * width;
    const quad: Quad = [at(x0, ascent), at(x1, ascent), at(x1, descent), at(x0, descent)];
    return blank ? { char, quad, gap: true } : { char, quad };
  });
  const p0 = at(0, 0);
  const p1 = at(width, 0);
  const top = at(0, size);
  const angle = Math.atan2(p1.y - p0.y, p1.x - p0.x);
  const ux = { x: Math.cos(angle), y: Math.sin(angle) };
  const u0 = p0.x * ux.x + p0.y * ux.y;
  return {
    chars: placed,
    u0,
    u1: p1.x * ux.x + p1.y * ux.y,
    v: -p0.x * ux.y + p0.y * ux.x,
    angle,
    size: Math.hypot(top.x - p0.x, top.y - p0.y),
  };
}

const sameAngle = (a: number, b: number) => Math.abs(Math.atan2(Math.sin(a - b), Math.cos(a - b))) < 0.035;

export function layoutText(
  items: readonly PdfTextItem[],
  styles: Record<string, PdfTextStyle>,
  toPx: ToPixels,
  /** Per-font exact widths (font-widths.ts); the Helvetica table otherwise. */
  widthsOf: (fontName: string) => WidthOf | undefined = () => undefined,
): TextLine[] {
  const placed = items
    .map((it) => {
      const style = styles[it.fontName];
      const monospace: WidthOf | undefined = style?.fontFamily === 'monospace' ? () => 600 : undefined;
      return placeItem(it, style, widthsOf(it.fontName) ?? monospace, toPx);
    })
    .filter((p): p is PlacedItem => !!p)
    .sort((p, q) => p.angle - q.angle || p.v - q.v);
  // Rows: same direction, baselines within a third of the font size.
  const rows: PlacedItem[][] = [];
  for (const p of placed) {
    const row = rows.find((r) => sameAngle(r[0].angle, p.angle) && Math.abs(r[0].v - p.v) < 0.35 * r[0].size);
    if (row) row.push(p);
    else rows.push([p]);
  }
  const lines: TextLine[] = [];
  for (const row of rows) {
    row.sort((p, q) => p.u0 - q.u0);
    let cur: PlacedItem[] = [];
    const flush = () => {
      if (!cur.length) return;
      const chars: PlacedChar[] = [];
      cur.forEach((p, i) => {
        if (i > 0 && p.u0 - cur[i - 1].u1 > 0.15 * p.size) chars.push({ char: ' ', quad: null, gap: true });
        chars.push(...p.chars);
      });
      lines.push({ text: chars.map((ch) => ch.char).join(''), chars });
      cur = [];
    };
    for (const p of row) {
      const prev = cur[cur.length - 1];
      // A gap wider than ~2 em is a column break: text on either side belongs to different fields.
      if (prev && p.u0 - prev.u1 > 2 * Math.max(p.size, prev.size)) flush();
      cur.push(p);
    }
    flush();
  }
  return lines;
}

/**
 * Whether a page's text layer can be trusted to find numbers: enough readable characters, and few
 * that betray fonts without a Unicode mapping (U+FFFD, private-use or control characters). A page
 * that fails is read with OCR instead, as a scan would be.
 */
export function textLayerUsable(items: readonly PdfTextItem[], minChars: number): boolean {
  let readable = 0;
  let broken = 0;
  for (const it of items) {
    for (const c of it.str) {
      if (c === '\uFFFD' || /[\p{Co}\p{Cc}]/u.test(c)) broken++;
      else if (/[\p{L}\p{N}\p{P}\p{S}]/u.test(c)) readable++;
    }
  }
  return readable >= minChars && broken <= 0.1 * readable;
}
