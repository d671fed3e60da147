// The page-level OCR pass and the detectors that read its text: MRZ (with a targeted re-read when its
// check digits do not agree), printed ID fields, account numbers and the transaction table. Works on an
// upright page; document-findings.ts decides the orientation and maps the findings back.
import { throwIfAborted } from '../detect/abort';
import { resizeGray } from '../image/transform';
import type { OcrEngine } from '../ocr/types';
import type { Box, Finding, FindingReader, GrayImage } from '../types';
import { findIdFields, fromYymmdd } from './id-fields';
import { looksLikeMrzLine, normalizeMrzLine } from './mrz';
import { betterMrz, mrzFindings, mrzFromLines, rereadMrz, type LocatedMrz } from './mrz-finding';
import { findNationalIds } from './national-ids';
import { pageLines, unionBox, type TextLine } from './page-text';
import { findStatementNumbers } from './statement';
import { findTransactions } from './transactions';
import { median } from '../math';

export const PAGE_LONG_SIDE = 1600;
const MIN_PAGE_LONG_SIDE = 1100;

export function scaled(
  gray: GrayImage,
  longSide: number,
  allowUp: boolean,
): { img: GrayImage; scale: number } {
  const long = Math.max(gray.width, gray.height);
  let scale = Math.min(1, longSide / long);
  // Small scans (a 250 px ID back) are upscaled so their MRZ glyphs reach a readable height.
  if (allowUp && long < MIN_PAGE_LONG_SIDE) scale = Math.min(4, MIN_PAGE_LONG_SIDE / long);
  if (Math.abs(scale - 1) < 0.02) return { img: gray, scale: 1 };
  return { img: resizeGray(gray, Math.round(gray.width * scale), Math.round(gray.height * scale)), scale };
}

/** Where to re-read the MRZ: OCR lines that look like zone lines, else the layout check's MRZ rows. */
function mrzRegion(lines: readonly TextLine[], mrzBoxes: Box[]): { box: Box; glyphH: number } | undefined {
  const cand = lines.filter((l) => looksLikeMrzLine(normalizeMrzLine(l.text)));
  const boxes = cand.length ? cand.map((l) => l.box) : mrzBoxes;
  if (boxes.length === 0) return undefined;
  // Keep the rows that sit together at the bottom-most cluster (a zone is 2-3 adjacent rows).
  const sorted = [...boxes].sort((a, b) => a.y0 - b.y0);
  const h = median(sorted.map((b) => b.y1 - b.y0));
  const zone = [sorted[sorted.length - 1]];
  for (let i = sorted.length - 2; i >= 0 && zone.length < 3; i--) {
    if (zone[0].y0 - sorted[i].y1 < 2.5 * h) zone.unshift(sorted[i]);
    else break;
  }
  return { box: unionBox(zone), glyphH: h };
}

export interface PageReading {
  findings: Finding[];
  /** Findings that explain a card-number reading better (MRZ lines, valid IBANs). */
  authoritative: Finding[];
  mrz?: LocatedMrz;
  ocrPasses: number;
  /** Mean OCR confidence of the page pass: how well this orientation reads. */
  confidence: number;
  /** The page pass's lines as text, top to bottom: keywords for the page classifier. */
  text: string[];
}

/**
 * The page pass and the detectors, on an upright page. `mrzBoxes` and `mrzAngle` are the layout check's
 * MRZ-like rows in this page's pixels (a hint for the targeted re-read).
 */
export async function readUpright(
  gray: GrayImage,
  ocr: OcrEngine,
  mrzBoxes: Box[],
  mrzAngle: number,
  options: { signal?: AbortSignal; onProgress?: (fraction: number, message: string) => void },
): Promise<PageReading> {
  const { signal } = options;
  let ocrPasses = 0;
  const { img, scale } = scaled(gray, PAGE_LONG_SIDE, true);
  const page = await ocr.recognize(img, { psm: 3 });
  ocrPasses++;
  throwIfAborted(signal);
  const lines = pageLines(page, { scale, offsetX: 0, offsetY: 0 });
  const chars = lines.reduce((n, l) => n + l.text.length, 0);
  const confidence = chars ? lines.reduce((n, l) => n + l.confidence * l.text.length, 0) / chars : 0;

  let mrz = mrzFromLines(lines);
  const region = mrzRegion(lines, mrzBoxes);
  if ((!mrz || !mrz.reading.checkDigitsValid) && region) {
    options.onProgress?.(0.6, 'Reading the machine-readable zone');
    mrz = betterMrz(mrz, await rereadMrz(gray, ocr, region.box, region.glyphH, mrzAngle));
    ocrPasses++;
    throwIfAborted(signal);
  }

  // Lines of the zone itself hold the same numbers: searching them for printed fields would double up.
  const mrzList = mrz ? mrzFindings(mrz) : [];
  const zonePoints = mrzList.flatMap((f) => f.glyphs.flat());
  const zoneY0 = Math.min(...zonePoints.map((p) => p.y));
  const zoneY1 = Math.max(...zonePoints.map((p) => p.y));
  const inZone = (l: TextLine) =>
    zonePoints.length > 0 && (l.box.y0 + l.box.y1) / 2 > zoneY0 - 2 && (l.box.y0 + l.box.y1) / 2 < zoneY1 + 2;
  const textLines = lines.filter((l) => !inZone(l) && !looksLikeMrzLine(normalizeMrzLine(l.text)));

  const r = mrz?.reading;
  // Read by the page pass's reader (Tesseract): the leak check after export re-reads with the other.
  const reader: FindingReader = page.engine === 'learned' ? 'learned' : 'tesseract';
  const numbers = findStatementNumbers(textLines).map((f) => ({ ...f, reader }));
  const transactions = mrz ? undefined : findTransactions(textLines);
  const idFields = findIdFields(textLines, {
    documentNumber: r?.documentNumber,
    personalNumber: r?.personalNumber,
    birthDate: r?.birthDate ? fromYymmdd(r.birthDate) : undefined,
  });
  // A national identity number (Chinese resident ID, Romanian CNP) is a personal number on an ID card.
  idFields.push(...findNationalIds(textLines));
  // Priority on overlap: the MRZ, then account numbers (masked by default), then ID suggestions. Which
  // of them the page's kind keeps is decided later (page-finders.ts), before overlaps are resolved.
  return {
    findings: [...mrzList, ...numbers, ...idFields, ...(transactions ? [transactions] : [])],
    authoritative: [...mrzList, ...numbers.filter((f) => f.kind === 'iban')],
    mrz,
    ocrPasses,
    confidence,
    text: lines.map((l) => l.text),
  };
}
