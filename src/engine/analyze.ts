// The single entry point of the engine: the browser worker and the CLI both call analyzeImage, then
// re-derive masks with masksForFindings when the user changes a preset or switches a finding off.
import { cardEvidence, type CardEvidence } from './detect/card-evidence';
import type { Reader } from './detect/leak-check';
import { detectCardNumbersDetailed, type CardNumberDetection, type SeenNumber } from './detect/card-numbers';
import {
  detectRepeatedPrefix,
  detectRepeatedPrefixLearned,
  repeatBandLines,
  repeatStripLines,
} from './detect/repeated-prefix';
import { wholeCardNumber } from './detect/brands';
import { detectSecurityCode } from './detect/security-code';
import {
  detectPanelCode,
  detectSecurityCodeLearned,
  readAfterLastFour,
} from './detect/security-code-learned';
import { detectLabelledCode } from './detect/labelled-code';
import { forgetRecentReads, learnedLineOcr } from './learned/line-reader';
import { detectTextLines, LINE_STAGE, type TextLine } from './learned/text-lines';
import { throwIfAborted } from './detect/abort';
import { newTrace, type DetectTrace } from './detect/trace';
import { analyzeDocument, mergedFindings, type DocumentOptions } from './documents/document-findings';
import { identityZoneFirst } from './documents/identity-first';
import { findersFor } from './documents/page-finders';
import type { PageClassification, PageKind } from './documents/page-kind';
import { darkestChannel, toGray } from './image/gray';
import { masksForFinding } from './masks/from-findings';
import { fitFindingGlyphsToInk } from './detect/glyph-ink';
import { laidMiddleGlyphs } from './detect/middle-shown';
import {
  MIRRORED_NOTE,
  MIRRORED_RELIEF,
  mirrorFinding,
  mirrorImage,
  mirrorOutline,
  mirrorQuad,
  mirrorTextLine,
  mirroredReadsBetter,
  onSamePrint,
  worthReadingMirrored,
  type PrintAsIs,
} from './detect/mirrored-relief';
import { median } from './math';
import { insideQuad, readingFrame } from './reading-frame';
import { findCardOutline, type CardOutline } from './detect/card-outline';
import type { TextModels } from './learned/models';
import type { OcrEngine } from './ocr/types';
import type { Finding, GrayImage, KeepPreset, Mask, Point, ProgressCallback, RgbaImage } from './types';

export interface AnalyzeOptions {
  keep?: KeepPreset;
  signal?: AbortSignal;
  /** Diagnostics: one line per OCR reading. */
  debug?: (message: string) => void;
  /** Diagnostics: each card-number line crop as read. */
  debugCrop?: (label: string, crop: GrayImage) => void;
  /** Diagnostics: filled with the card detector's candidate lines and readings (see DetectTrace). */
  trace?: DetectTrace;
  /** The learned text detector and recognizer (PP-OCR); without them, Tesseract alone. */
  models?: TextModels;
  /** ID/passport/licence/statement detection (documents/): barcode reader, forcing the document pass. */
  documents?: Omit<DocumentOptions, 'signal' | 'onProgress' | 'kind'>;
  /**
   * What the page is, when the user says so: the classifier is skipped and only that kind's finders
   * run (no card engine on a passport, say). Undefined: the page is classified.
   */
  kind?: PageKind;
}

export interface AnalyzeResult {
  width: number;
  height: number;
  findings: Finding[];
  masks: Mask[];
  /** What the page is (card front, passport data page, statement...), how sure, and why. */
  pageKind?: PageClassification;
  /** Why the page looks like a payment card (outline, kind, a number read); undefined: no card. */
  card?: CardEvidence;
  /**
   * The reader behind the card numbers: the learned recognizer when the text models were loaded
   * (Tesseract reads there only where it doubts), else Tesseract. The leak check uses the other one.
   */
  reader?: Reader;
  /**
   * The learned text detector's lines on the page, in source pixels (empty without the models): the
   * leak check after export reads them again rather than detecting them a second time.
   */
  textLines?: TextLine[];
}

/** The most lines the learned detector finds on a card back (stripe, panel, terms, phone, logos). */
const CARD_BACK_MAX_LINES = 30;

/** A card's number is printed at least this many times as tall as the median line on the card. */
const CARD_NUMBER_PROMINENCE = 1.3;

/** The code on a back: from the learned detector's lines when there are any, else Tesseract's reads. */
async function securityCode(
  gray: GrayImage,
  ocr: OcrEngine,
  number: CardNumberDetection,
  options: AnalyzeOptions,
): Promise<Finding | undefined> {
  let bandLines = 0;
  if (options.models && number.textLines) {
    // The card's outline, looked for only when a line reads as a lone code: a line off the card is
    // other print (a receipt beside it), and gives none.
    let card: { outline?: CardOutline } | undefined;
    const onCard = (p: Point) => {
      card ??= { outline: findCardOutline(gray) };
      return !card.outline || insideQuad(card.outline.corners, p);
    };
    const code = await detectSecurityCodeLearned(gray, options.models, number, number.textLines, {
      signal: options.signal,
      debug: options.debug,
      onBand: (n) => (bandLines = n),
      onCard,
      other: ocr,
      trace: options.trace,
    });
    if (code) return code;
    // A code printed with its label, on a front (CVV2 on Iranian cards) or beside a back's panel.
    const labelled = await detectLabelledCode(
      gray,
      learnedLineOcr(options.models),
      number,
      number.textLines,
      options.signal,
      options.debug,
    );
    if (labelled) return labelled;
  }
  // Tesseract's band reads (several passes) only where the detector saw no line to read there.
  if (bandLines > 0) return undefined;
  // A lone word there is read again by the learned recognizer (detectSecurityCode's `confirm`).
  const confirm = options.models && learnedLineOcr(options.models);
  return detectSecurityCode(gray, ocr, number, options.debug, undefined, options.signal, confirm);
}

/** The small repeat of the first four: under the number among the learned lines, else Tesseract's strip. */
async function repeatedPrefix(
  gray: GrayImage,
  ocr: OcrEngine,
  number: CardNumberDetection,
  options: AnalyzeOptions,
): Promise<Finding | undefined> {
  if (options.models && number.textLines) {
    const learned = learnedLineOcr(options.models);
    let otherPrint = 0;
    // Lines the whole-photo detector saw below a few of its own pixels tall are placed too roughly
    // to mask by (half of a 5 px repeat, say): the enlarged strip below finds them again.
    // (The detector sees the photo with its long side at LINE_STAGE.detectorSide, shrunk or enlarged.)
    const detectorScale = LINE_STAGE.detectorSide / Math.max(gray.width, gray.height);
    const resolved = number.textLines.filter(
      (l) => l.glyphHeight * detectorScale >= LINE_STAGE.minPlacedGlyphHeight,
    );
    const found = await detectRepeatedPrefixLearned(
      gray,
      learned,
      number,
      resolved,
      options.signal,
      (n) => (otherPrint = n),
      options.trace,
    );
    if (found) return found;
    // Print too small for the detector at the photo's working size (5 to 8 px): the strip alone,
    // enlarged, through the detector. Where it sees no print there is nothing to read. Where a line
    // it placed where the repeat is printed read plainly as other print, and it saw no line there too
    // small to place (a repeat on a letter grid, beside the expiry's label), there is none; a line
    // there read in doubt may be the repeat blurred, and is looked at enlarged.
    const unplaced = number.textLines.filter((l) => !resolved.includes(l));
    if (otherPrint > 0 && repeatBandLines(number, unplaced).length === 0) return undefined;
    const zoomed = await repeatStripLines(gray, options.models, number, options.trace);
    return detectRepeatedPrefixLearned(
      gray,
      learned,
      number,
      zoomed,
      options.signal,
      undefined,
      options.trace,
    );
  }
  return detectRepeatedPrefix(gray, ocr, number, options.signal);
}

/**
 * The card numbers of the photo read mirrored left to right, placed back on the photo (source pixels)
 * with their glyphs fitted to the print on the mirrored photo. The detector's lines are mirrored, not
 * found again, and read by the learned recognizer alone: a page read mirrored is mostly doubt, and
 * Tesseract's second readings of it were most of the pass's cost (on five pages with no number
 * backed by the card rules, the pass added 0.5 to 1.0 s each in Node with them, 0.1 to 0.3 s
 * without). Their crops are the mirrored photo's: no code or small repeat is looked for from them.
 */
async function readMirrored(
  image: RgbaImage,
  ocr: OcrEngine,
  textLines: readonly TextLine[],
  options: AnalyzeOptions,
  asIs: PrintAsIs,
): Promise<CardNumberDetection[]> {
  const { width } = image;
  const mirrored = mirrorImage(image);
  const lines = textLines.map((l) => mirrorTextLine(l, width));
  const gray = toGray(mirrored);
  options.debug?.('reading the page mirrored (an embossed number seen from the back)');
  const trace = options.trace && newTrace();
  const found = await detectCardNumbersDetailed(gray, ocr, {
    lines,
    // The page as is read these as the card's words, or its probe of these read blank: upright
    // print, or nothing glyph-like (mirrored-relief.ts, PrintAsIs).
    notRead: lines.filter((_, i) => asIs.wordLines.includes(textLines[i])),
    blankBands: asIs.blankBands.map((l) => mirrorTextLine(l, width)),
    card: asIs.card && { outline: asIs.card.outline && mirrorOutline(asIs.card.outline, width) },
    maxLines: MIRRORED_RELIEF.maxLines,
    learnedOnly: true,
    signal: options.signal,
    debug: options.debug,
    trace,
    neutral: () => darkestChannel(mirrored),
    models: options.models,
    color: mirrored,
  });
  // Its readings join the picture of what the detector saw, placed back on the photo, each crop's
  // corners in the photo's order again (top-left first), so its label sits under its left end.
  for (const r of trace?.reads ?? []) {
    const [a, b, c, d] = mirrorQuad(r.corners, width);
    options.trace!.reads.push({ ...r, corners: [b, a, d, c], text: `mirrored: ${r.text}` });
  }
  // Only the best reading is weighed against the page as is (mirroredReadsBetter), so only it is fitted.
  return found.slice(0, 1).map((n) => {
    const fitted = fitFindingGlyphsToInk(
      gray,
      n.finding.glyphs,
      n.finding.lines,
      laidMiddleGlyphs(n.finding),
    );
    const { code: _onMirroredPanel, ...rest } = n;
    return {
      ...rest,
      finding: mirrorFinding({ ...n.finding, glyphs: fitted }, width),
      textLines: [...textLines],
    };
  });
}

/**
 * Whether a detector line lies on a number's print: its centre within the number's glyph height of
 * the number's line, and along it no further than a glyph height past either end.
 */
function onNumberPrint(l: TextLine, n: CardNumberDetection): boolean {
  const { place, length } = readingFrame(n.finding);
  const { u, down } = place(l.centre);
  const gh = n.glyphHeight;
  return Math.abs(down) <= gh && u >= -gh - l.length / 2 && u <= length + gh + l.length / 2;
}

/** The card engine switched off: a page the user says is not a card. */
const noCardNumbers: typeof detectCardNumbersDetailed = async () => [];

export async function analyzeImage(
  image: RgbaImage,
  ocr: OcrEngine,
  options: AnalyzeOptions = {},
  onProgress?: ProgressCallback,
): Promise<AnalyzeResult> {
  try {
    return await analyzeOnce(image, ocr, options, onProgress);
  } finally {
    // The recognizer's memory of this photo's crops goes with the analysis (learned/recent-reads.ts).
    forgetRecentReads(options.models);
  }
}

async function analyzeOnce(
  image: RgbaImage,
  ocr: OcrEngine,
  options: AnalyzeOptions,
  onProgress?: ProgressCallback,
): Promise<AnalyzeResult> {
  const { signal } = options;
  throwIfAborted(signal);
  onProgress?.({ stage: 'detect', progress: 0, message: 'Looking for number lines' });
  const gray = toGray(image);
  // A kind the user chose runs only its finders; otherwise the card engine runs and the document
  // stage decides afterwards what the page is and which findings stand.
  const finders = options.kind ? findersFor(options.kind) : undefined;
  const models = options.models;
  // The learned detector's lines, found once for every stage below.
  if (models) onProgress?.({ stage: 'ocr', progress: 0.02, message: 'Finding text lines' });
  const textLines: TextLine[] = models ? await detectTextLines(models, image) : [];
  throwIfAborted(signal);
  // An MRZ read with its check digits holding makes the page an identity document before the card
  // engine reads a line of it (documents/identity-first.ts): its finders do not run there.
  const classify = !options.kind && !!models && !options.documents?.skip;
  const early = classify
    ? await identityZoneFirst(gray, models, textLines)
    : { zone: undefined, identity: false };
  const cardEngine = (finders?.cardEngine ?? true) && !early.identity;
  const detectNumbers = cardEngine ? detectCardNumbersDetailed : noCardNumbers;
  const seenNumbers: SeenNumber[] = [];
  const printAsIs: PrintAsIs = { wordLines: [], blankBands: [] };
  let numbers = await detectNumbers(gray, ocr, {
    lines: textLines,
    seenNumbers,
    printAsIs,
    signal,
    debug: options.debug,
    debugCrop: options.debugCrop,
    trace: options.trace,
    neutral: () => darkestChannel(image),
    models,
    color: image,
    onProgress: (fraction, message) =>
      onProgress?.({ stage: 'ocr', progress: Math.min(0.85, fraction * 0.85), message }),
  });
  // The back of an embossed card shows the number's relief mirrored: where nothing the card rules back
  // was read, the page is read again mirrored (detect/mirrored-relief.ts). A page of many lines (a
  // statement, a passport) is no card back.
  // The best number read mirrored replaces what was read as is on its print; numbers elsewhere on the
  // page stay as read.
  let readAsMirrored = false;
  if (
    cardEngine &&
    models &&
    textLines.length <= CARD_BACK_MAX_LINES &&
    worthReadingMirrored(numbers.map((n) => n.finding))
  ) {
    onProgress?.({ stage: 'ocr', progress: 0.85, message: 'Reading the page mirrored' });
    const [best] = await readMirrored(image, ocr, textLines, options, printAsIs);
    const under = best ? numbers.filter((n) => onSamePrint(n.finding, best.finding)) : [];
    if (best && mirroredReadsBetter(under[0]?.finding, best.finding)) {
      numbers = [best, ...numbers.filter((n) => !under.includes(n))];
      readAsMirrored = true;
    }
  }
  throwIfAborted(signal);
  const cardFindings: Finding[] = numbers.map((n) => n.finding);
  if (numbers.length > 0 && !readAsMirrored) {
    onProgress?.({ stage: 'ocr', progress: 0.86, message: 'Looking for a security code' });
    // The code on a back, then the small repeat of the first four on a front. A code read after the
    // number's last four is on a signature panel: the number is a back's, and nothing under it is
    // the repeat (a front prints it under the number's first group), so its strip is not searched.
    const code =
      (finders?.securityCode ?? true)
        ? (numbers[0].code ?? (await securityCode(gray, ocr, numbers[0], options)))
        : undefined;
    const prefix =
      code && readAfterLastFour(code) ? undefined : await repeatedPrefix(gray, ocr, numbers[0], options);
    if (prefix) cardFindings.push(prefix);
    if (code) cardFindings.push(code);
  }
  // The code by the panel's own shape, where no number's last four can find the panel (no number
  // was found, or every one lacks its read last four): a back that prints no full number, the back
  // of an embossed card whose number was read mirrored (its panel is printed the right way round),
  // or fine print or a phone line read as a number with unread digits (a last four no panel shows).
  // The lines of such numbers are not looked at (a split number's "1234 5678" is no panel). A page
  // of many lines (a statement, a passport) is no card back: its short lines are not read for a code.
  const withoutLastFour = numbers.filter((n) => n.finding.text.slice(-4).includes('?'));
  if (
    (readAsMirrored || withoutLastFour.length === numbers.length) &&
    !cardFindings.some((f) => f.kind === 'security-code') &&
    options.models &&
    (finders?.securityCode ?? true) &&
    !early.identity &&
    textLines.length <= CARD_BACK_MAX_LINES
  ) {
    const lines = textLines.filter((l) => !withoutLastFour.some((n) => onNumberPrint(l, n)));
    const code = await detectPanelCode(
      gray,
      options.models,
      lines,
      signal,
      options.debug,
      undefined,
      options.trace,
    );
    if (code) cardFindings.push(code);
  }
  throwIfAborted(signal);
  // Documents: a cheap layout check first, so card photos skip the page OCR pass (see documents/).
  // The merged list: card readings inside an MRZ or an IBAN give way to the document finding, and
  // those the page's kind rules out (a "card number" on a passport) are dropped.
  const cardPhoto = numbers.some((n) => wholeCardNumber(n.finding.text));
  // A whole number printed larger than most of the page's print, on a page of no more lines than a
  // card back shows, is a card: the page OCR pass (a second of Tesseract) would only tell what the
  // card rules already did. On a statement the card number is body text, as tall as the rest.
  const cardShown =
    cardPhoto &&
    !!options.models &&
    textLines.length <= CARD_BACK_MAX_LINES &&
    numbers[0].glyphHeight >= CARD_NUMBER_PROMINENCE * median(textLines.map((l) => l.glyphHeight));
  const report = await analyzeDocument(gray, ocr, cardFindings, {
    ...options.documents,
    kind: options.kind,
    cardShown,
    // The learned lines and models: the MRZ is also found by its layout (documents/mrz-layout.ts).
    // A photo whose card number reads whole by every card rule (brand, length, Luhn) is a card: no
    // MRZ is looked for by layout there (a card's small print can look like one until it is read).
    models: cardPhoto ? undefined : options.models,
    // The detector's lines, and the zone read from them before the card engine ran.
    textLines: options.models && !cardPhoto ? textLines : undefined,
    layoutRead: cardPhoto ? undefined : early.zone,
    signal,
    onProgress: (fraction, message) =>
      onProgress?.({ stage: 'ocr', progress: 0.9 + fraction * 0.09, message }),
  });
  // The numbers' glyph boxes, as the line readers placed them, grown to their print before masks are
  // drawn (detect/glyph-ink.ts). The small repeat's boxes are placed wider than its print already.
  // A number read mirrored was fitted on the mirrored photo already.
  const placedByReaders = new Set(
    numbers.filter((n) => !n.finding.notes?.includes(MIRRORED_NOTE)).map((n) => n.finding.id),
  );
  const findings = mergedFindings(cardFindings, report).map((f) =>
    f.kind === 'card-number' && placedByReaders.has(f.id)
      ? { ...f, glyphs: fitFindingGlyphsToInk(gray, f.glyphs, f.lines, laidMiddleGlyphs(f)) }
      : f,
  );
  throwIfAborted(signal);
  const masks = masksForFindings(findings, {}, {}, options.keep ?? 'last4');
  onProgress?.({ stage: 'detect', progress: 1, message: `${findings.length} finding(s)` });
  const card = cardEvidence(gray, findings, report.page, seenNumbers);
  const reader: Reader = options.models ? 'learned' : 'tesseract';
  return {
    width: image.width,
    height: image.height,
    findings,
    masks,
    pageKind: report.page,
    card,
    reader,
    textLines,
  };
}

/**
 * Auto masks for the findings under their presets. A finding missing from `enabled` follows its
 * enabledByDefault; one missing from `presets` gets `defaultPreset`. Every mask carries findingId.
 */
export function masksForFindings(
  findings: Finding[],
  presets: Record<string, KeepPreset>,
  enabled: Record<string, boolean>,
  defaultPreset: KeepPreset = 'last4',
): Mask[] {
  const masks: Mask[] = [];
  for (const f of findings) {
    if (!(enabled[f.id] ?? f.enabledByDefault)) continue;
    masks.push(...masksForFinding(f, presets[f.id] ?? defaultPreset));
  }
  return masks;
}
