/**
 * Characters Tesseract commonly outputs for card-font digits it does not know (OCR-A, Farrington,
 * embossed relief): treated as misread digits, so a number-shaped run still counts as a number.
 */
const LOOKALIKE: Record<string, string> = {
  O: '0',
  o: '0',
  D: '0',
  Q: '0',
  U: '0',
  '°': '0',
  I: '1',
  l: '1',
  i: '1',
  '|': '1',
  '!': '1',
  ']': '1',
  '[': '1',
  j: '1',
  J: '1',
  // OCR-A's 6 (a 'b' with a flat top) comes out as 'L' or 'k'.
  L: '6',
  k: '6',
  t: '1',
  '/': '1',
  Z: '2',
  z: '2',
  '£': '3',
  E: '3',
  A: '4',
  h: '4',
  H: '4',
  y: '4',
  Y: '4',
  S: '5',
  s: '5',
  $: '5',
  G: '6',
  b: '6',
  '€': '6',
  T: '7',
  '?': '7',
  B: '8',
  '&': '8',
  R: '8',
  g: '9',
  q: '9',
  P: '9',
};

/** The digit a character stands for: itself, a look-alike's digit, or undefined for other text. */
export function digitOf(ch: string): string | undefined {
  if (ch >= '0' && ch <= '9') return ch;
  return LOOKALIKE[ch];
}
