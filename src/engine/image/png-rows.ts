// PNG for pictures over the canvas limit, written row by row: each row is filtered (Sub) and pushed
// through fflate's streaming zlib, so memory holds one row and the compressed output, never a second
// full-size copy (fast-png builds the whole filtered image in a growing buffer first: ~3 copies of a
// 48 MP photo). The container is the PNG specification's: signature, IHDR, IDAT chunks, IEND; no
// text, time or colour-profile chunks, so nothing about the photo travels in the file.
import { Zlib } from 'fflate';
import type { RgbaImage } from '../types';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(parts: readonly Uint8Array[]): number {
  let c = 0xffffffff;
  for (const p of parts) for (let i = 0; i < p.length; i++) c = CRC_TABLE[(c ^ p[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  const name = Uint8Array.from(type, (ch) => ch.charCodeAt(0));
  out.set(name, 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32([name, data]));
  return out;
}

/** An 8-bit RGBA PNG of `img`, deflated at `level` (0-9), rows filtered with Sub. */
export function encodePngRows(img: RgbaImage, level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 6): Uint8Array {
  const { width, height, data } = img;
  const parts: Uint8Array[] = [Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)];
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit, RGBA, deflate, adaptive filtering, no interlace
  parts.push(chunk('IHDR', ihdr));
  const z = new Zlib({ level });
  z.ondata = (bytes) => {
    if (bytes.length > 0) parts.push(chunk('IDAT', bytes));
  };
  const stride = width * 4;
  const row = new Uint8Array(stride + 1);
  row[0] = 1; // Sub: each byte minus the byte one pixel to its left
  for (let y = 0; y < height; y++) {
    const at = y * stride;
    for (let i = 0; i < 4; i++) row[1 + i] = data[at + i];
    for (let i = 4; i < stride; i++) row[1 + i] = (data[at + i] - data[at + i - 4]) & 0xff;
    z.push(row.slice(), y === height - 1);
  }
  parts.push(chunk('IEND', new Uint8Array(0)));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
