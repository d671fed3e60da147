// Inputs that must be refused or handled with a clear message, generated at test time so nothing
// large is committed. Used by the Node decode tests and the browser intake test alike.
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { createCanvas } from '@napi-rs/canvas';
import type { EngineErrorCode } from '../../src/engine/error-codes';

export interface NamedInput {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/**
 * A real, valid greyscale PNG of width x height whose pixels are all white: a few hundred KB on disk
 * that decodes to width*height*4 bytes — the decompression bomb a careless app would try to open.
 */
export function hugeBlankPng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const row = Buffer.alloc(width + 1, 0xff);
  row[0] = 0; // filter: none
  const raw = Buffer.alloc(row.length * height);
  for (let y = 0; y < height; y++) row.copy(raw, y * row.length);
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    sig,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A lossless WebP (VP8L) whose header declares width x height and whose image data is garbage: no
 * decoder can draw a single pixel of it.
 */
export function damagedWebp(width: number, height: number): Buffer {
  const data = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251));
  const head = Buffer.alloc(5);
  head[0] = 0x2f; // VP8L signature
  // 14 bits width - 1, 14 bits height - 1, alpha 0, version 0 (little-endian bit order).
  head.writeUInt32LE(((width - 1) | ((height - 1) << 14)) >>> 0, 1);
  const body = Buffer.concat([head, data]);
  const vp8l = Buffer.concat([Buffer.from('VP8L', 'ascii'), Buffer.alloc(4), body]);
  vp8l.writeUInt32LE(body.length, 4);
  const riff = Buffer.concat([
    Buffer.from('RIFF', 'ascii'),
    Buffer.alloc(4),
    Buffer.from('WEBP', 'ascii'),
    vp8l,
  ]);
  riff.writeUInt32LE(riff.length - 8, 4);
  return riff;
}

function solid(width: number, height: number, format: 'png' | 'webp' | 'avif' | 'jpeg'): Buffer {
  const c = createCanvas(width, height);
  const g = c.getContext('2d');
  g.fillStyle = '#dfe7ef';
  g.fillRect(0, 0, width, height);
  g.fillStyle = '#223';
  g.font = '28px sans-serif';
  g.fillText('LastFour test', 10, height / 2);
  return format === 'png' ? c.encodeSync('png') : c.encodeSync(format as 'webp');
}

/** A minimal one-frame GIF (GIF89a) with a 2-colour palette. */
function smallGif(width: number, height: number): Buffer {
  const header = Buffer.from('GIF89a', 'ascii');
  const lsd = Buffer.from([width & 0xff, width >> 8, height & 0xff, height >> 8, 0x80, 0, 0]);
  const palette = Buffer.from([0xff, 0xff, 0xff, 0x20, 0x20, 0x30]);
  const desc = Buffer.from([0x2c, 0, 0, 0, 0, width & 0xff, width >> 8, height & 0xff, height >> 8, 0]);
  // LZW with min code size 2; emit CLEAR then colour-0 codes in 3-bit width via a tiny encoder.
  const codes: number[] = [4];
  const total = width * height;
  const bits: number[] = [];
  let codeSize = 3;
  let next = 6;
  for (let i = 0; i < total; i++) {
    codes.push(0);
    next++;
    if (next === 1 << codeSize && codeSize < 12) codeSize++;
    if (next >= 4000) {
      codes.push(4);
      next = 6;
      codeSize = 3;
    }
  }
  codes.push(5);
  // Re-pack with the same code-size schedule the decoder follows.
  codeSize = 3;
  next = 6;
  let first = true;
  for (const code of codes) {
    for (let b = 0; b < codeSize; b++) bits.push((code >> b) & 1);
    if (code === 4) {
      codeSize = 3;
      next = 6;
      first = true;
      continue;
    }
    if (first) {
      first = false;
      continue;
    }
    next++;
    if (next === 1 << codeSize && codeSize < 12) codeSize++;
  }
  const bytes: number[] = [];
  for (let i = 0; i < bits.length; i += 8) {
    let v = 0;
    for (let b = 0; b < 8 && i + b < bits.length; b++) v |= bits[i + b] << b;
    bytes.push(v);
  }
  const blocks: number[] = [2];
  for (let i = 0; i < bytes.length; i += 255) {
    const part = bytes.slice(i, i + 255);
    blocks.push(part.length, ...part);
  }
  blocks.push(0);
  return Buffer.concat([header, lsd, palette, desc, Buffer.from(blocks), Buffer.from([0x3b])]);
}

/**
 * What phones append after a photo's end marker: an MP4 "motion photo" (ftyp box, then data), as
 * Google and Samsung cameras write it. `bytes` long, with 0xFF bytes in it like real video data.
 */
export function motionTrailer(bytes: number): Buffer {
  const b = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i++) b[i] = (i * 131 + (i >> 7)) & 0xff;
  b.writeUInt32BE(24, 0);
  b.write('ftypmp42', 4, 'ascii');
  return b;
}

export function cardJpeg(): Buffer {
  return readFileSync('tests/fixtures/ocr/easy-front.jpg');
}

export interface BadInput {
  input: NamedInput;
  /** Words the message must contain. */
  expect: RegExp;
  /** The engine's failure code (engine/error-codes.ts). */
  code: EngineErrorCode;
}

/** The bad inputs of issue 5, each with the words its message must contain and its code. */
export function badInputs(): BadInput[] {
  const jpeg = cardJpeg();
  return [
    {
      input: { name: 'empty.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(0) },
      expect: /empty/i,
      code: 'file-empty',
    },
    {
      input: {
        name: 'notes.jpg',
        mimeType: 'image/jpeg',
        buffer: Buffer.from('Shopping list: milk, eggs\n'),
      },
      expect: /not a supported (image|file)/i,
      code: 'not-an-image',
    },
    {
      input: {
        name: 'truncated.jpg',
        mimeType: 'image/jpeg',
        buffer: jpeg.subarray(0, Math.floor(jpeg.length * 0.3)),
      },
      expect: /damaged or truncated/i,
      code: 'truncated',
    },
    {
      input: { name: 'pixel.png', mimeType: 'image/png', buffer: solid(1, 1, 'png') },
      expect: /too small/i,
      code: 'too-small',
    },
    {
      input: { name: 'bomb-100mp.png', mimeType: 'image/png', buffer: hugeBlankPng(10_000, 10_000) },
      expect: /100 megapixels.*limit/i,
      code: 'too-large',
    },
    {
      input: {
        name: 'drawing.svg',
        mimeType: 'image/svg+xml',
        buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      },
      expect: /SVG files are refused/i,
      code: 'svg-refused',
    },
  ];
}

const fixture = (path: string) => readFileSync(`tests/fixtures/${path}`);

/** A PDF file of these numbered objects (1 is the catalog), with a correct cross-reference table. */
export function pdfOf(objects: string[]): Buffer {
  let out = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const pdfStream = (dict: string, body: string) =>
  `<< ${dict} /Length ${body.length} >>\nstream\n${body}\nendstream`;

/** A well-formed PDF whose page tree is empty (/Count 0): what a tool that dropped every page writes. */
export function pdfWithoutPages(): Buffer {
  return pdfOf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>']);
}

/**
 * A one-page PDF whose page cannot be drawn: it paints a 2x2 image mask through a matrix that
 * blows it up to 10^8 points a side, so drawing it needs a canvas of about 6x10^8 pixels a side,
 * which no browser (nor Skia) can make. The page itself (size, text layer) reads fine.
 */
export function pdfWithUndrawablePage(): Buffer {
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>',
    pdfStream('', 'q 100000000 0 0 100000000 0 0 cm /Im1 Do Q'),
    pdfStream('/Type /XObject /Subtype /Image /Width 2 /Height 2 /ImageMask true', '\x40\x80'),
  ]);
}

/**
 * Every bad file the engine has a code for: badInputs() plus a WebP whose data is garbage, a cut
 * HEIC and the PDFs (protected, damaged, too many pages, no pages, a page that cannot be drawn).
 * Each reaches its code through the real decoders, in the CLI and in the app.
 */
export function codedBadFiles(): BadInput[] {
  const webp = Buffer.concat([
    Buffer.from('RIFF', 'ascii'),
    Buffer.from([30, 0, 0, 0]),
    Buffer.from('WEBPVP8 ', 'ascii'),
    Buffer.alloc(22, 7),
  ]);
  return [
    ...badInputs(),
    {
      input: { name: 'garbage.webp', mimeType: 'image/webp', buffer: webp },
      expect: /WEBP file is damaged/,
      code: 'image-damaged',
    },
    {
      // Over the canvas limit (20 MP): still damaged, not "out of memory", in the app as in the CLI.
      input: { name: 'damaged-20mp.webp', mimeType: 'image/webp', buffer: damagedWebp(5000, 4000) },
      expect: /WEBP file is damaged/,
      code: 'image-damaged',
    },
    {
      input: {
        name: 'cut.heic',
        mimeType: 'image/heic',
        buffer: fixture('heic/card-irot.heic').subarray(0, 4000),
      },
      expect: /HEIC photo is damaged/,
      code: 'heic-damaged',
    },
    {
      input: {
        name: 'locked.pdf',
        mimeType: 'application/pdf',
        buffer: fixture('pdf/statement-encrypted.pdf'),
      },
      expect: /protected by a password/,
      code: 'pdf-password',
    },
    {
      input: { name: 'damaged.pdf', mimeType: 'application/pdf', buffer: fixture('pdf/damaged.pdf') },
      expect: /PDF is damaged/,
      code: 'pdf-damaged',
    },
    {
      input: { name: 'many-pages.pdf', mimeType: 'application/pdf', buffer: fixture('pdf/many-pages.pdf') },
      expect: /240 pages; LastFour opens at most \d+ pages/,
      code: 'pdf-too-many-pages',
    },
    {
      input: { name: 'no-pages.pdf', mimeType: 'application/pdf', buffer: pdfWithoutPages() },
      expect: /The PDF has no pages/,
      code: 'pdf-no-pages',
    },
    {
      input: { name: 'undrawable.pdf', mimeType: 'application/pdf', buffer: pdfWithUndrawablePage() },
      expect: /Page 1 of the PDF could not be drawn \(.*canvas/,
      code: 'pdf-page-unreadable',
    },
  ];
}

/** Formats that must be handled like any photo. */
export function otherFormats(): NamedInput[] {
  return [
    { name: 'still.gif', mimeType: 'image/gif', buffer: smallGif(64, 48) },
    { name: 'photo.webp', mimeType: 'image/webp', buffer: solid(320, 200, 'webp') },
    { name: 'photo.avif', mimeType: 'image/avif', buffer: solid(320, 200, 'avif') },
  ];
}
