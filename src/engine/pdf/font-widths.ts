// Exact advance widths per character from the font pdf.js loaded for a text item. pdf.js reports
// one width per text item; with `fontExtraProperties` its font objects also carry the PDF's
// /Widths by character code and the ToUnicode map, which we invert to look widths up by character.
// Without them (or if pdf.js changes these internals) we fall back to the Helvetica table.

export type WidthOf = (c: string) => number | undefined;

interface LoadedFont {
  widths?: Record<number, number>;
  defaultWidth?: number;
  isMonospace?: boolean;
  /** pdf.js ToUnicodeMap (`_map`: code → string) or IdentityToUnicodeMap (no `_map`). */
  toUnicode?: { _map?: unknown };
}

export function fontWidths(font: unknown): WidthOf | undefined {
  const f = font as LoadedFont | undefined;
  if (!f) return undefined;
  const widths = f.widths ?? {};
  const byChar = new Map<string, number>();
  const map = f.toUnicode?._map;
  if (Array.isArray(map)) {
    map.forEach((u: unknown, code: number) => {
      const w = widths[code];
      if (typeof u === 'string' && w > 0 && !byChar.has(u)) byChar.set(u, w);
    });
  } else {
    for (const [code, w] of Object.entries(widths))
      if (w > 0) byChar.set(String.fromCharCode(Number(code)), w);
  }
  // pdf.js leaves /Widths empty for the non-embedded Courier family: every glyph is 600 units.
  if (!byChar.size) return f.isMonospace ? () => 600 : undefined;
  const fallback = f.defaultWidth && f.defaultWidth > 0 ? f.defaultWidth : undefined;
  return (c) => byChar.get(c) ?? fallback;
}
