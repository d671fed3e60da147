// The pixel size a HEIC/HEIF file declares, read from its 'ispe' properties without decoding, so a
// decompression bomb is refused before libheif allocates it. ISOBMFF: meta > iprp > ipco > ispe.
// The largest ispe wins (a grid image's own ispe is the full size; its tiles are smaller).

const u32 = (b: Uint8Array, o: number) =>
  ((b[o] << 24) >>> 0) + (b[o + 1] << 16) + (b[o + 2] << 8) + b[o + 3];
const type = (b: Uint8Array, o: number) => String.fromCharCode(b[o + 4], b[o + 5], b[o + 6], b[o + 7]);

function* boxes(
  b: Uint8Array,
  from: number,
  to: number,
): Generator<{ type: string; start: number; end: number }> {
  for (let o = from; o + 8 <= to;) {
    let size = u32(b, o);
    if (size === 0) size = to - o;
    if (size < 8 || o + size > to) return;
    yield { type: type(b, o), start: o, end: o + size };
    o += size;
  }
}

export function readHeicSize(b: Uint8Array): { width: number; height: number } | undefined {
  let best: { width: number; height: number } | undefined;
  for (const meta of boxes(b, 0, b.length)) {
    if (meta.type !== 'meta') continue;
    for (const iprp of boxes(b, meta.start + 12, meta.end)) {
      if (iprp.type !== 'iprp') continue;
      for (const ipco of boxes(b, iprp.start + 8, iprp.end)) {
        if (ipco.type !== 'ipco') continue;
        for (const p of boxes(b, ipco.start + 8, ipco.end)) {
          if (p.type !== 'ispe' || p.end - p.start < 20) continue;
          const width = u32(b, p.start + 12);
          const height = u32(b, p.start + 16);
          if (!best || width * height > best.width * best.height) best = { width, height };
        }
      }
    }
  }
  return best;
}
