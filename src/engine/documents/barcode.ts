// Barcodes on licences and ID cards (PDF417 on US/Canadian licences, QR codes on newer IDs) carry the
// holder's name, birth date and address in plain text. We locate them with an injected reader and
// suggest a mask over the whole symbol (off by default, like the other ID suggestions).
import type { Finding, GrayImage, Point, Quad } from '../types';

export interface BarcodeHit {
  /** Symbology as the reader names it, e.g. "PDF417", "QRCode". */
  format: string;
  /** Decoded content (used only to describe the finding; never stored or sent anywhere). */
  text: string;
  /** Corners in the pixels of the image handed to the reader, clockwise from top-left. */
  corners: Quad;
}

/** Locates 2D barcodes. Injected (zxing-wasm in the app and the CLI), so this module stays pure. */
export interface BarcodeReader {
  read(image: GrayImage, options?: BarcodeReadOptions): Promise<BarcodeHit[]>;
}

export interface BarcodeReadOptions {
  /** Spend longer (rotations, harder binarization): for images already known to be documents. */
  thorough?: boolean;
}

/** Formats that carry personal data on identity documents; 1D product codes are left alone. */
export const ID_BARCODE_FORMATS = ['PDF417', 'QRCode', 'DataMatrix', 'Aztec'] as const;

/** Grows a quad about its centre: the quiet zone and a few modules of slack (a partly covered PDF417 still decodes). */
function grow(q: Quad, by: number): Quad {
  const cx = (q[0].x + q[1].x + q[2].x + q[3].x) / 4;
  const cy = (q[0].y + q[1].y + q[2].y + q[3].y) / 4;
  const g = (p: Point): Point => ({ x: cx + (p.x - cx) * (1 + by), y: cy + (p.y - cy) * (1 + by) });
  return [g(q[0]), g(q[1]), g(q[2]), g(q[3])];
}

/** Barcode findings: one per symbol, its quad split in two glyphs so the mask keeps the symbol's tilt. */
export function barcodeFindings(hits: readonly BarcodeHit[]): Finding[] {
  return hits.map((hit, i) => {
    const q = grow(hit.corners, 0.06);
    // Two half-quads along the reading direction give masksForFinding a frame aligned with the symbol.
    const mid = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
    const top = mid(q[0], q[1]);
    const bottom = mid(q[3], q[2]);
    const left: Quad = [q[0], top, bottom, q[3]];
    const right: Quad = [top, q[1], q[2], bottom];
    const fields = describeContent(hit.text);
    return {
      id: `doc-barcode-${i}`,
      kind: 'barcode',
      text: '▮▮',
      glyphs: [left, right],
      confidence: 0.95,
      keepable: false,
      enabledByDefault: false,
      notes: [`${hit.format} barcode`, ...(fields.length ? [`encodes ${fields.join(', ')}`] : [])],
    } satisfies Finding;
  });
}

/**
 * The AAMVA subfile of a US/Canadian licence or ID barcode: "DL" (driving licence) or "ID" (identity
 * card), from the header "ANSI <IIN><versions><entries>DL..." (its length varies with the version).
 * Undefined when the payload is not AAMVA.
 */
export function aamvaSubfile(text: string): 'DL' | 'ID' | undefined {
  const m = /ANSI ?\d{10,12}?(DL|ID)/.exec(text);
  if (m) return m[1] as 'DL' | 'ID';
  return /\nDAQ|\nDCS/.test(text) ? 'DL' : undefined;
}

/** What kinds of personal data a decoded payload holds (AAMVA licence element ids), for the side list. */
function describeContent(text: string): string[] {
  const out: string[] = [];
  if (/\bANSI \d{6}/.test(text) || /\nDAQ/.test(text)) {
    if (/\nDCS|\nDAC/.test(text)) out.push('name');
    if (/\nDBB/.test(text)) out.push('date of birth');
    if (/\nDAG/.test(text)) out.push('address');
    if (/DAQ/.test(text)) out.push('licence number');
  } else if (/\d{6,}/.test(text)) out.push('numbers');
  return out;
}
