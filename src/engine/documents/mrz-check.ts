// ICAO 9303 check digits. The `mrz` package validates whole zones; we also need the bare algorithm to
// score OCR candidates (which reading of an ambiguous glyph makes the digits agree) and to build fixtures.

const WEIGHTS = [7, 3, 1];

/** Value of one MRZ character: digits 0-9, A-Z 10-35, the filler '<' 0. Anything else is not MRZ. */
export function mrzCharValue(c: string): number {
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  if (c === '<') return 0;
  return -1;
}

/** The check digit (0-9) of a field, or -1 when the field holds a non-MRZ character. */
export function mrzCheckDigit(field: string): number {
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    const v = mrzCharValue(field[i]);
    if (v < 0) return -1;
    sum += v * WEIGHTS[i % 3];
  }
  return sum % 10;
}

/** Pads with '<' or truncates to an exact width, as MRZ fields are written. */
export function mrzField(value: string, width: number): string {
  const v = value.toUpperCase().replace(/[^A-Z0-9<]/g, '<');
  return v.length >= width ? v.slice(0, width) : v + '<'.repeat(width - v.length);
}
