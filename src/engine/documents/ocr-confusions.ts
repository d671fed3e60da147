/**
 * Letters OCR reads where a digit was printed (O for 0, I for 1, S for 5...). Positions that must hold
 * a digit map through this table before a checksum or a search, so one misread glyph does not hide a
 * value from us.
 */
export const LETTER_TO_DIGIT: Readonly<Record<string, string>> = {
  O: '0',
  Q: '0',
  D: '0',
  I: '1',
  L: '1',
  Z: '2',
  S: '5',
  B: '8',
  G: '6',
};
