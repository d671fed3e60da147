// Documents (ID cards, passports, licences, statements, screenshots): the one entry point analyze.ts
// calls after card detection. Card photos pay only for a layout check and a quick barcode scan (tens of
// ms); an image that looks like a document gets one page-level OCR pass at most 1600 px on its long
// side (read-page.ts), an MRZ that does not check out one targeted re-read, and a page that reads as
// noise one more pass turned over. The page is then classified (page-kind.ts: card, passport, ID card,
// licence, statement...) and only its kind's finders report (page-finders.ts): no card number on an
// ID. A number found on a page with more text lines than a card has gets one page read to tell a card
// from an ID. The result is merged with the card engine's findings.
import { throwIfAborted } from '../detect/abort';
import { LABELLED_CODE_NOTE } from '../detect/labelled-code';
import { MIRRORED_NOTE } from '../detect/mirrored-relief';
import { CUT_SHORT_NOTE, shownInPartFinding } from '../detect/last-four-shown';
import { rotateGray90 } from '../image/transform';
import type { OcrEngine } from '../ocr/types';
import type { Finding, GrayImage } from '../types';
import { aamvaSubfile, barcodeFindings, type BarcodeHit, type BarcodeReader } from './barcode';
import { boxDownsample, downsampleFactor } from './downsample';
import { dedupe, glyphOverlap } from './findings-util';
import { assessLayout, WORK_SIDE, type LayoutVerdict } from './layout-gate';
import type { LocatedMrz } from './mrz-finding';
import { rotateBoxes, unrotateFindings } from './orientation';
import { allowedCardFindings, allowedDocumentFindings, findersFor } from './page-finders';
import {
  chosenKind,
  classifyPage,
  type PageClassification,
  type PageEvidence,
  type PageKind,
} from './page-kind';
import { findLayoutMrz, layoutMrzEvidence, mergeLayoutMrz, type LayoutMrz } from './mrz-layout';
import type { TextModels } from '../learned/models';
import type { TextLine } from '../learned/text-lines';
import { PAGE_LONG_SIDE, readUpright, scaled, type PageReading } from './read-page';

export interface DocumentOptions {
  signal?: AbortSignal;
  /** Locates PDF417/QR codes; without one, barcodes are not looked for. */
  barcodes?: BarcodeReader;
  /** Run the document pass even when the layout check says "card photo". */
  force?: boolean;
  /** Skip document detection entirely (benchmarks of the card pipeline alone). */
  skip?: boolean;
  /**
   * The card engine read a whole card number (brand, length, Luhn), printed prominently, on a page of
   * no more lines than a card shows: a page that does not look like a document is not read to tell a
   * card from a licence (see worthAPageRead).
   */
  cardShown?: boolean;
  /** The page's kind as the user chose it: the classifier is skipped and that kind's finders run. */
  kind?: PageKind;
  /** The learned text models: the MRZ is also found by its layout (mrz-layout.ts) and read with them. */
  models?: TextModels;
  /** The learned detector's lines of the page, when the card engine already found them. */
  textLines?: readonly TextLine[];
  /**
   * The MRZ found by its layout and read before the card engine ran (identity-first.ts), from the same
   * `textLines`: not read again. Undefined: looked for here.
   */
  layoutRead?: LayoutMrz;
  onProgress?: (fraction: number, message: string) => void;
}

/**
 * Layout lines from which a card-engine number on a page that is not document-like is worth one page
 * read to tell a card (a handful of lines) from a licence or an ID card without an MRZ.
 */
export const EVIDENCE_TEXT_LINES = 10;

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
  /** What the page is (classified, or as chosen in options.kind), and why. */
  page: PageClassification;
  /** Ids of earlier (card-engine) findings the page's kind does not allow (see page-finders.ts). */
  notAllowed: string[];
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
      page: options.kind ? chosenKind(options.kind) : classifyPage(evidenceOf(gray, undefined, existing, [])),
      notAllowed: [],
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
  const barcodes = options.barcodes
    ? await findBarcodes(gray, work, k, options.barcodes, verdict.documentLike)
    : [];
  throwIfAborted(signal);
  // The MRZ by its layout (learned lines), however it reads: a page that shows one is a document.
  const layout = options.layoutRead ?? (await findLayoutMrz(gray, options, verdict.documentLike));
  throwIfAborted(signal);
  const evidence = evidenceOf(gray, verdict, existing, barcodes);
  if (layout) evidence.mrzRows = Math.max(evidence.mrzRows, layout.quads.length);
  const report: DocumentReport = {
    findings: [],
    verdict,
    ocrPasses: 0,
    superseded: [],
    turns: 0,
    page: options.kind ? chosenKind(options.kind) : classifyPage(evidence),
    notAllowed: [],
  };
  // The page is read when it looks like a document, carries a barcode, or the user says it is not a
  // card; and once, to tell a card from an ID, when the card engine read a number among many lines.
  const wantsText = options.kind !== undefined && !findersFor(options.kind).cardEngine;
  const thorough = verdict.documentLike || barcodes.length > 0 || !!options.force || wantsText || !!layout;
  // A card the card engine read whole is not read again to tell it from a licence; a page that looks
  // like a document (a card back's terms, a labelled "CVV 123") still is.
  const cardOnly = !!options.cardShown && !thorough;
  if (!thorough && (cardOnly || !worthAPageRead(existing, verdict))) {
    keepAllowed(report, existing, barcodeFindings(barcodes), []);
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
  if (turns[0] === 0 && thorough && poor(best)) await attempt(2);
  const chosen = best as PageReading & { turns: number };
  report.turns = chosen.turns;
  report.mrz = chosen.mrz;
  if (!options.kind) {
    const reading = chosen.mrz?.reading;
    report.page = classifyPage({
      ...evidence,
      text: chosen.text,
      mrz:
        (reading && {
          format: reading.format,
          documentCode: reading.lines[0][0],
          checkDigitsValid: reading.checkDigitsValid,
        }) ||
        layoutMrzEvidence(layout),
      pageFindings: chosen.findings.map((f) => f.kind),
    });
  }
  const findings = mergeLayoutMrz(
    unrotateFindings(chosen.findings, chosen.turns, gray.width, gray.height),
    layout,
    report.page.kind,
  );
  const authoritative = mergeLayoutMrz(
    unrotateFindings(chosen.authoritative, chosen.turns, gray.width, gray.height),
    layout?.readAsMrz ? layout : undefined,
    report.page.kind,
  );
  keepAllowed(report, existing, [...findings, ...barcodeFindings(barcodes)], authoritative);
  options.onProgress?.(1, `${report.findings.length} document finding(s)`);
  return report;
}

/**
 * The findings the page's kind allows (page-finders.ts), merged: what the kind rules out goes first,
 * so a finding it hid (a national ID number read as a card number) cannot shadow the one it allows.
 * Card-engine readings inside an allowed MRZ line or IBAN are superseded by it; transactions (a mask
 * over a whole table) never compete with the numbers inside.
 */
function keepAllowed(
  report: DocumentReport,
  existing: readonly Finding[],
  found: readonly Finding[],
  authoritative: readonly Finding[],
): void {
  const finders = findersFor(report.page.kind);
  const card = report.page.kind === 'card-front' || report.page.kind === 'card-back';
  const overMrz = card ? [] : onMrzRows(existing, report.verdict);
  const allowed = allowedCardFindings(existing, finders).filter((e) => !overMrz.includes(e));
  report.notAllowed = existing.filter((e) => !allowed.includes(e)).map((e) => e.id);
  const mine = allowedDocumentFindings(found, finders);
  report.superseded = supersededBy(allowed, allowedDocumentFindings(authoritative, finders));
  report.findings = dedupe(
    mine.filter((f) => f.kind !== 'transactions'),
    allowed.filter((e) => !report.superseded.includes(e.id)),
  );
  report.findings.push(...mine.filter((f) => f.kind === 'transactions'));
}

/**
 * Card-engine readings lying on the layout check's MRZ-like rows (two or more: a zone), whatever the
 * page was classified as, unless it is a card: an MRZ the page pass could not read is still an MRZ,
 * never a card number.
 */
function onMrzRows(existing: readonly Finding[], verdict: LayoutVerdict): Finding[] {
  if (verdict.mrzBoxes.length < 2) return [];
  const inZone = (p: { x: number; y: number }) =>
    verdict.mrzBoxes.some((b) => {
      const pad = 0.5 * (b.y1 - b.y0);
      return p.x >= b.x0 - pad && p.x <= b.x1 + pad && p.y >= b.y0 - pad && p.y <= b.y1 + pad;
    });
  return existing.filter((f) => {
    const centres = f.glyphs.map((q) => ({
      x: (q[0].x + q[1].x + q[2].x + q[3].x) / 4,
      y: (q[0].y + q[1].y + q[2].y + q[3].y) / 4,
    }));
    return centres.length > 0 && centres.filter(inZone).length > 0.5 * centres.length;
  });
}

/**
 * Whether `code` is the 4-digit code (CID) American Express prints on a card's front, above the number:
 * four digits, on a page whose card number is an American Express one (IIN 34 or 37, ISO/IEC 7812).
 * Other networks print their 3-digit code on the back's signature panel (as does American Express,
 * where it prints one there), so such a code tells a back and this one does not.
 */
function amexFrontCode(code: Finding, findings: readonly Finding[]): boolean {
  return (
    /^\d{4}$/.test(code.text) &&
    // The number as read (unread glyphs as '?', a part shown), not its small repeat of the first four.
    findings.some((f) => f.kind === 'card-number' && /^3[47]/.test(f.text) && f.text.length >= 12)
  );
}

/** The classifier's evidence before any page read (a card photo gets no more than this). */
function evidenceOf(
  gray: GrayImage,
  verdict: LayoutVerdict | undefined,
  existing: readonly Finding[],
  barcodes: readonly BarcodeHit[],
): PageEvidence {
  return {
    width: gray.width,
    height: gray.height,
    textLines: verdict?.textLines ?? 0,
    mrzRows: verdict?.mrzLikeLines ?? 0,
    // A number read on an MRZ band is no evidence of a card.
    cardNumbers: cardNumberReadings(existing)
      .filter((f) => verdict === undefined || onMrzRows([f], verdict).length === 0)
      .map((f) => f.text),
    // A code on the signature panel tells a back; a code printed with its label may be on a front, and
    // so is an American Express number's 4-digit code (`amexFrontCode`).
    securityCode: existing.some(
      (f) =>
        f.kind === 'security-code' && !f.notes?.includes(LABELLED_CODE_NOTE) && !amexFrontCode(f, existing),
    ),
    numberReadMirrored: existing.some((f) => f.kind === 'card-number' && f.notes?.includes(MIRRORED_NOTE)),
    barcodes: barcodes.map((b) => ({ format: b.format, aamva: aamvaSubfile(b.text) })),
    pageFindings: [],
  };
}

/**
 * The card engine's number readings, leading groups shown in part and numbers cut by the frame before
 * their last four among them (not the 4-digit repeat of the first four): 11 digits of a card number
 * at the photo's edge tell a card front as well as 16 do.
 */
const cardNumberReadings = (existing: readonly Finding[]) =>
  existing.filter(
    (f) =>
      f.kind === 'card-number' &&
      (f.text.length >= 12 || shownInPartFinding(f) || !!f.notes?.includes(CUT_SHORT_NOTE)),
  );

/**
 * Whether the card engine's number could be an identity document's digits: found on a page with more
 * lines of text than a card has (a licence or an ID card without an MRZ band, below the layout check's
 * document threshold). Card photos (at most 9 such lines in the fixtures) pay nothing more; a doubtful
 * reading alone does not trigger a read, since card photos read with gaps are common.
 */
function worthAPageRead(existing: readonly Finding[], verdict: LayoutVerdict): boolean {
  return cardNumberReadings(existing).length > 0 && verdict.textLines >= EVIDENCE_TEXT_LINES;
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
 * `existing` (the card engine's findings) merged with the document findings. Document findings that
 * repeat an existing one are dropped; existing card-number readings that lie inside an MRZ line or a
 * valid IBAN are replaced by it; those the page's kind rules out (page-finders.ts) are dropped.
 */
export async function detectDocumentFindings(
  gray: GrayImage,
  ocr: OcrEngine,
  existing: readonly Finding[],
  options: DocumentOptions = {},
): Promise<Finding[]> {
  return mergedFindings(existing, await analyzeDocument(gray, ocr, existing, options));
}

/** `existing` without what the page's kind rules out or a document finding supersedes, then the report's. */
export function mergedFindings(existing: readonly Finding[], report: DocumentReport): Finding[] {
  const gone = new Set([...report.superseded, ...report.notAllowed]);
  return [...existing.filter((e) => !gone.has(e.id)), ...report.findings];
}
