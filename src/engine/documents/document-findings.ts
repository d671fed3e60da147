// Documents (ID cards, passports, licences, statements, screenshots): the one entry point analyze.ts
// calls after card detection. Card photos pay only for a layout check and a quick barcode scan (tens of
// ms); an image that looks like a document gets one page-level OCR pass at most 1600 px on its long
// side (read-page.ts), an MRZ that does not check out one targeted re-read, and a page that reads as
// noise one more pass turned over. The result is merged with the card engine's findings.
import { throwIfAborted } from '../detect/abort';
import { rotateGray90 } from '../image/transform';
import type { OcrEngine } from '../ocr/types';
import type { Finding, GrayImage } from '../types';
import { barcodeFindings, type BarcodeHit, type BarcodeReader } from './barcode';
import { boxDownsample, downsampleFactor } from './downsample';
import { dedupe, glyphOverlap } from './findings-util';
import { assessLayout, WORK_SIDE, type LayoutVerdict } from './layout-gate';
import type { LocatedMrz } from './mrz-finding';
import { rotateBoxes, unrotateFindings } from './orientation';
import { PAGE_LONG_SIDE, readUpright, scaled, type PageReading } from './read-page';

export interface DocumentOptions {
  signal?: AbortSignal;
  /** Locates PDF417/QR codes; without one, barcodes are not looked for. */
  barcodes?: BarcodeReader;
  /** Run the document pass even when the layout check says "card photo". */
  force?: boolean;
  /** Skip document detection entirely (benchmarks of the card pipeline alone). */
  skip?: boolean;
  onProgress?: (fraction: number, message: string) => void;
}

export interface DocumentReport {
  findings: Finding[];
  verdict: LayoutVerdict;
  /** OCR passes this stage ran (0 for card photos): what the performance budget is about. */
  ocrPasses: number;
  /** Ids of earlier findings that a document finding explains better (see supersededBy). */
  superseded: string[];
  /** Quarter turns clockwise the page was read at (0 upright; 1 or 3 sideways; 2 upside down). */
  turns: number;
  /** The MRZ as read; its line boxes are in the pixels of the page as read (turned by `turns`). */
  mrz?: LocatedMrz;
}

/** Quick scan of the reduced copy; documents also get a thorough scan at page resolution. */
async function findBarcodes(
  gray: GrayImage,
  work: GrayImage,
  k: number,
  reader: BarcodeReader,
  document: boolean,
): Promise<BarcodeHit[]> {
  let hits = await reader.read(work);
  let scale = 1 / k;
  if (hits.length === 0 && document) {
    const page = scaled(gray, PAGE_LONG_SIDE, false);
    hits = await reader.read(page.img, { thorough: true });
    scale = page.scale;
  }
  return hits.map((h) => ({
    ...h,
    corners: h.corners.map((p) => ({ x: p.x / scale, y: p.y / scale })) as BarcodeHit['corners'],
  }));
}

export async function analyzeDocument(
  gray: GrayImage,
  ocr: OcrEngine,
  existing: readonly Finding[],
  options: DocumentOptions = {},
): Promise<DocumentReport> {
  const { signal } = options;
  if (options.skip) {
    return {
      findings: [],
      verdict: { textLines: 0, mrzLikeLines: 0, mrzBoxes: [], mrzAngle: 0, documentLike: false },
      ocrPasses: 0,
      superseded: [],
      turns: 0,
    };
  }
  // One reduced copy serves the layout check and the quick barcode scan.
  const k = downsampleFactor(gray, WORK_SIDE);
  const work = boxDownsample(gray, k);
  let verdict = assessLayout(work, 1 / k);
  // A page photographed sideways has its text running vertically (the layout check counts both ways
  // from one labelling, so card photos pay nothing extra for this).
  let turns: number[] = [0];
  const side = verdict.sideways;
  if (!verdict.documentLike && side?.documentLike && side.textLines >= 2 * Math.max(3, verdict.textLines)) {
    verdict = { ...verdict, ...side, mrzBoxes: [] };
    // Which way round is unknown until OCR reads it: clockwise first, then counter-clockwise.
    turns = [1, 3];
  }
  const report: DocumentReport = { findings: [], verdict, ocrPasses: 0, superseded: [], turns: 0 };
  const barcodes = options.barcodes
    ? await findBarcodes(gray, work, k, options.barcodes, verdict.documentLike)
    : [];
  throwIfAborted(signal);
  if (!verdict.documentLike && barcodes.length === 0 && !options.force) {
    report.findings = barcodeFindings(barcodes);
    return report;
  }

  options.onProgress?.(0.1, 'Reading the document');
  let best: (PageReading & { turns: number }) | undefined;
  const attempt = async (t: number) => {
    const upright = rotateGray90(gray, t);
    // The layout check's MRZ rows, in the turned page's pixels (sideways pages have none).
    const boxes =
      t === 0 ? verdict.mrzBoxes : t === 2 ? rotateBoxes(verdict.mrzBoxes, 2, gray.width, gray.height) : [];
    // A half turn keeps the rows' tilt; a sideways page was measured the other way round.
    const reading = await readUpright(
      upright,
      ocr,
      boxes,
      t === 0 || t === 2 ? verdict.mrzAngle : 0,
      options,
    );
    report.ocrPasses += reading.ocrPasses;
    if (!best || reading.confidence > best.confidence + 0.1 || (reading.mrz && !best.mrz))
      best = { ...reading, turns: t };
  };
  for (const t of turns) {
    await attempt(t);
    if (best && best.confidence >= 0.6) break;
  }
  // MRZ-like rows that would not read, or a page that reads as noise: it may be upside down. One more
  // try, only then.
  const poor = (b: PageReading | undefined) =>
    !b ||
    (!b.mrz?.reading.checkDigitsValid &&
      !b.findings.some((f) => f.enabledByDefault) &&
      (b.confidence < 0.5 || (verdict.mrzLikeLines >= 2 && !b.mrz)));
  if (turns[0] === 0 && poor(best)) await attempt(2);
  const chosen = best as PageReading & { turns: number };
  report.turns = chosen.turns;
  report.mrz = chosen.mrz;
  const findings = unrotateFindings(chosen.findings, chosen.turns, gray.width, gray.height);
  const authoritative = unrotateFindings(chosen.authoritative, chosen.turns, gray.width, gray.height);
  report.superseded = supersededBy(existing, authoritative);
  const others = findings.filter((f) => f.kind !== 'transactions');
  report.findings = dedupe(
    [...others, ...barcodeFindings(barcodes)],
    existing.filter((e) => !report.superseded.includes(e.id)),
  );
  report.findings.push(...findings.filter((f) => f.kind === 'transactions'));
  options.onProgress?.(1, `${report.findings.length} document finding(s)`);
  return report;
}

/**
 * Card-number readings that are really part of an MRZ line or of a valid IBAN: digit runs in a passport's
 * MRZ or an IBAN's BBAN look like card numbers to a card detector. The document finding wins: the MRZ is a
 * suggestion (off by default), and an IBAN is masked as a whole number keeping its own last four.
 */
function supersededBy(existing: readonly Finding[], documentFindings: readonly Finding[]): string[] {
  return existing
    .filter((e) => e.kind === 'card-number' && documentFindings.some((d) => glyphOverlap(e, d) > 0.5))
    .map((e) => e.id);
}

/**
 * The call analyze.ts makes: `existing` (the card engine's findings) merged with the document findings.
 * Document findings that repeat an existing one are dropped; existing card-number readings that lie
 * inside an MRZ line or a valid IBAN are replaced by it.
 */
export async function detectDocumentFindings(
  gray: GrayImage,
  ocr: OcrEngine,
  existing: readonly Finding[],
  options: DocumentOptions = {},
): Promise<Finding[]> {
  const report = await analyzeDocument(gray, ocr, existing, options);
  return [...existing.filter((e) => !report.superseded.includes(e.id)), ...report.findings];
}
