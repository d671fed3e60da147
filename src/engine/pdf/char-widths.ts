// Relative advance widths (1/1000 em, Helvetica AFM) used to split a text item into per-character
// boxes. pdf.js reports one width per text item, not per glyph; digits share one width in nearly
// every font, so proportions inside a number are exact and only mixed words carry a small error,
// which the mask padding absorbs.
const WIDTHS: Record<string, number> = {
  ' ': 278,
  '.': 278,
  ',': 278,
  ':': 278,
  ';': 278,
  '/': 278,
  '-': 333,
  '(': 333,
  ')': 333,
  '*': 389,
  '#': 556,
  $: 556,
  '€': 556,
  '£': 556,
  '%': 889,
  '&': 667,
  "'": 191,
  '"': 355,
};
const UPPER = [
  667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722,
  667, 944, 667, 667, 611,
];
const LOWER = [
  556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556,
  500, 722, 500, 500, 500,
];

export function charWidth(c: string): number {
  if (c >= '0' && c <= '9') return 556;
  if (c >= 'A' && c <= 'Z') return UPPER[c.charCodeAt(0) - 65];
  if (c >= 'a' && c <= 'z') return LOWER[c.charCodeAt(0) - 97];
  return WIDTHS[c] ?? 556;
}
