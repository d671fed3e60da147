import { scaleGray } from '../image/transform';
import { median } from '../math';
import { learnedLineOcr } from '../learned/line-reader';
import type { TextModels } from '../learned/models';
import { findStacks } from '../learned/stacks';
import { boxCorners, type DetectTrace } from './trace';
import { asCandidateLine, detectTextLines, type TextLine } from '../learned/text-lines';
import type { OcrEngine } from '../ocr/types';
import type { Finding, GrayImage, Point, Quad, RgbaImage } from '../types';
import { insideQuad } from '../reading-frame';
import { throwIfAborted } from './abort';
import { brandOf, cardRulesBonus, lengthFitsBrand, usualLength, wholeCardNumber } from './brands';
import { locateLines, type CandidateLine } from './locate-lines';
import { classifiedWay, proseWayUp, wordy } from './page-way-up';
import { readsAsPhoneLine, readsCardWord, wayOfKnownWords } from './upright-words';
import { cardLayoutDigits, layoutQuad } from './leak-check';
import { withOwnFragments } from './line-fragments';
import { luhnValid } from './luhn';
import { findMrzBand } from '../documents/mrz-band';
import { cardBandLines, cardReadingAngle } from './card-band';
import { wayOfPageWords, wayOfWordsOnCard, type WordWay } from './card-words-way';
import { findCardOutline, frameAsCard, type CardOutline } from './card-outline';
import { CUT_SHORT_NOTE, PART_SHOWN_NOTE, UNCERTAIN_DIRECTION_NOTE } from './last-four-shown';
import { shownInPart } from './part-shown';
import { LOST_GLYPHS_NOTE, readWithLostGlyphs } from './lost-glyphs';
import { MIDDLE_SHOWN_NOTE, middleOutOfSight } from './middle-shown';
import { fitGlyphsToInk } from './glyph-ink';
import { leadingDigits, leadingGroup, readPlainly, type ReadRun } from './leading-digits';
import { CARD_BAND, FINDINGS, LOCATE, PART_SHOWN, READ_LINE, STACK } from './thresholds';
import { leadingByLayout, leadingPrint } from './leading-print';
import { splitTouchingGlyphs } from './touching-glyphs';
import { twoLineNumber, type DigitLine } from './two-line-number';
import { probedBlank, type PrintAsIs } from './mirrored-relief';
import {
  glyphPitch,
  normalizeSlots,
  numberThenCode,
  numberWithin,
  withoutCrowdedEnds,
  slotsFromInk,
  withoutLoneEnds,
  splitGroups,
  type EndCut,
  laidOutAsCardNumber,
  groupedAsPhone,
  groupsOnInk,
  withMiddleGlyphs,
  withNextGlyph,
} from './group-digits';
import { markedAfterLastFour, panelCodeFinding } from './security-code-learned';
import { holedPair, numberRun, type HoledPair, type NumberRun, type Slot } from './number-run';
import {
  cropLine,
  cropQuad,
  cropTextLine,
  cropToSource,
  inkIsLightIn,
  readCrop,
  wordsOf,
  type LineCrop,
  type LineReading,
  type ReadGlyph,
} from './read-line';

export interface DetectOptions {
  signal?: AbortSignal;
  /** Fraction of the detection done (0..1) and what is happening. */
  onProgress?: (fraction: number, message: string) => void;
  /** Candidate lines to read at most. */
  maxLines?: number;
  /** Receives a line per OCR reading, for diagnostics. */
  debug?: (message: string) => void;
  /** Receives each line crop as read, for diagnostics. */
  debugCrop?: (label: string, crop: GrayImage) => void;
  /** Filled with the candidate lines and readings, for a picture of what the detector saw. */
  trace?: DetectTrace;
  /** The learned detector's lines (source pixels) when they were found already: not detected again. */
  lines?: readonly TextLine[];
  /** The photo as each pixel's darkest channel (see darkestChannel), made only if it is needed. */
  neutral?: () => GrayImage;
  /**
   * The learned text detector and recognizer (PP-OCR). With them, candidate lines come from the DB
   * detector and are read by the CTC recognizer first, Tesseract second; without them (models not
   * loaded), the blob-chaining finder and Tesseract alone.
   */
  models?: TextModels;
  /** The photo in colour for the detector (the grey image otherwise). */
  color?: RgbaImage;
  /**
   * The learned stages given from outside instead of run on `models`: the detector's lines (source
   * pixels) and the line reader. Tests replay recorded outputs through these (tests/support/ocr-replay.ts).
   */
  learnedStages?: { lines: readonly TextLine[]; reader: OcrEngine };
  /** The learned recognizer alone: Tesseract reads no line where it leaves doubt (with `models`). */
  learnedOnly?: boolean;
  /**
   * Filled with every line read that printed like a card number (cardLayoutDigits: LEAK_DIGITS or
   * more digits in groups at one pitch), whether or not a finding came of it: a card whose number the
   * card rules could not make whole (a digit lost, unread glyphs) is still told from a page of none.
   */
  seenNumbers?: SeenNumber[];
  /**
   * Filled with the print this reading showed that a reading of the page mirrored need not read again
   * (mirrored-relief.ts): lines read as the card's words, card band lines whose probe read blank.
   */
  printAsIs?: PrintAsIs;
  /**
   * Lines of `lines` not read as candidates, though ranked with the others (the mirrored page's lines
   * of the card's words: the best ranked lines are read, less these).
   */
  notRead?: readonly TextLine[];
  /** Card band lines not probed: read blank where they lie (the page as is, mirrored onto this one). */
  blankBands?: readonly TextLine[];
  /**
   * The card's outline when already looked for (`outline` undefined: none found), source pixels:
   * the page as is found it, mirrored onto this one (PrintAsIs.card). Else it is looked for here.
   */
  card?: { outline?: CardOutline };
}

/** A line the detector read that printed like a card number (DetectOptions.seenNumbers). */
export interface SeenNumber {
  /** The digits' run, source pixels. */
  corners: Quad;
  /** Digits read in card-number layout. */
  digits: number;
}

export interface ReadNumber {
  line: CandidateLine;
  reading: LineReading;
  run: NumberRun;
  /** 0 when read as found, 1 when read turned half round. */
  flipped: number;
  /** The grey image the line was cropped from (the photo's grey or its darkest channel). */
  source: GrayImage;
  /** Read both ways round about equally well: every digit is masked (see READ_LINE.uncertainDirection). */
  uncertain?: boolean;
  /**
   * Read on a line the card's outline placed (card-band.ts), not one the detector saw: a number
   * there must start with an IIN and have a length its network issues (an ID card has the outline).
   */
  cardBand?: boolean;
}

type ReadNumberParts = ReadRun;

/** The digits of a run when every slot was read as a digit, else undefined. */
const digitsOf = (r: NumberRun) => {
  const t = r.slots.map((s) => s.char).join('');
  return /^\d+$/.test(t) ? t : undefined;
};

/** A run that is a whole number by every rule: brand length and Luhn. A second reader adds nothing. */
const settled = (r: NumberRun | undefined) => {
  const t = r && digitsOf(r);
  return !!t && wholeCardNumber(t);
};

/**
 * The digits of a run without the unread marks at its ends (a crop's margin takes in the card's
 * edge or a shadow, read as '#' or '?'), when every slot between them was read as a digit.
 */
const coreDigitsOf = (r: NumberRun) => {
  const t = r.slots
    .map((s) => s.char)
    .join('')
    .replace(/^\?+|\?+$/g, '');
  return /^\d+$/.test(t) ? t : undefined;
};

/**
 * Quality plus the card rules as evidence between two runs of the same print (two readers, or the
 * two ways round): a length the brand issues, and Luhn (ISO/IEC 7812-1) over 12 digits or more.
 * Unread marks at a run's ends do not hide a whole number between them.
 */
const evidence = (r: NumberRun) => {
  const t = coreDigitsOf(r);
  return quality(r) + (t && lengthFitsBrand(t) ? 2 : 0) + (t && t.length >= 12 && luhnValid(t) ? 4 : 0);
};

/** Digits read plainly. */
const plainDigits = (r: NumberRun) => r.slots.filter(readPlainly).length;

/** Whether `next` holds at least `n` more digits read plainly than `run`. */
const plainlyMore = (next: NumberRun, run: NumberRun, n: number) => plainDigits(next) - plainDigits(run) >= n;

/** Slots read with doubt: unread, or under `READ_LINE.doubtfulGlyph` confidence. */
const doubtful = (r: NumberRun) =>
  r.slots.filter((s) => s.char === '?' || s.confidence < READ_LINE.doubtfulGlyph).length;

/**
 * Whether a read run reaches the start and the end of its crop: its first glyph's left edge, or its
 * last glyph's right edge, within `edge` crop pixels of the crop's border (more of the line may lie
 * past it).
 */
function reachesCropEnds(r: ReadNumberParts, edge: number): { start: boolean; end: boolean } {
  return {
    start: r.run.slots[0].x0 < edge,
    end: r.run.slots[r.run.slots.length - 1].x1 > r.reading.crop.image.width - edge,
  };
}

/**
 * Whether a wider crop's `wider` reading is the number and the tighter crop's `run` that number with
 * one glyph more, read in doubt at the crop's edge (its border, a shadow or print past the number's
 * end taken for a digit): `wider` is whole by the card rules (a length its brand issues, Luhn:
 * ISO/IEC 7812), `run` is not, `run` is `wider` with one glyph more at an end, and `run` holds more
 * glyphs in doubt. Kept, the extra glyph would slide the kept four one digit along.
 */
export function strayAtCropEdge(wider: NumberRun, run: NumberRun): boolean {
  const w = coreDigitsOf(wider);
  const r = coreDigitsOf(run);
  return (
    !!w &&
    !!r &&
    wholeCardNumber(w) &&
    !wholeCardNumber(r) &&
    r.length === w.length + 1 &&
    (r.startsWith(w) || r.endsWith(w)) &&
    doubtful(run) > doubtful(wider)
  );
}

/** A run whose digits (12 or more, unread marks at its ends aside) pass Luhn (ISO/IEC 7812-1). */
const luhnHolds = (r: NumberRun) => {
  const t = coreDigitsOf(r);
  return !!t && t.length >= 12 && luhnValid(t);
};

/** How convincing a run is as digits: upside-down print reads as letters and symbols. */
const quality = (r: NumberRun) =>
  r.trueDigits * (0.5 + r.confidence) +
  0.2 * r.slots.length +
  // A known IIN prefix is evidence of the right way up (never a requirement).
  (brandOf(r.slots.map((s) => s.char).join('')) ? 3 : 0);

interface Ctx {
  gray: GrayImage;
  work: GrayImage;
  scale: number;
  ocr: OcrEngine;
  /** The learned line reader, read first when present; `ocr` (Tesseract) is then the second reader. */
  learned?: OcrEngine;
  debug?: (message: string) => void;
  debugCrop?: (label: string, crop: GrayImage) => void;
  trace?: DetectTrace;
  /** Set once a number has been read: the whole photo shares one orientation. */
  flip?: number;
  /** Lines that read as clean prose. */
  prose: Set<CandidateLine>;
  /** The way round (0 or 1) a line read as clean prose, with no digit run on it. */
  proseWay: Map<CandidateLine, number>;
  /** Lines read both ways round that spelled a word of a card's print one way (upright-words.ts). */
  wordWays: WordWay[];
  /** The lines of those words (DetectOptions.printAsIs). */
  cardWords?: Set<CandidateLine>;
  /** Card band lines read blank (DetectOptions.printAsIs), and those not to probe (blankBands). */
  bandsReadBlank?: TextLine[];
  skipBands?: readonly TextLine[];
  /** The learned detector's lines (source pixels): the words around a number tell its way up. */
  pageLines?: readonly TextLine[];
  /** The text direction classifier (TextModels.classifyDirection): which way to read those words first. */
  classifyDirection?: TextModels['classifyDirection'];
  /** The card the photo shows (cardOnPage), looked for once and only when a rule asks for it. */
  cardOutline: () => CardOutline | undefined;
  signal?: AbortSignal;
  /** DetectOptions.learnedOnly. */
  learnedOnly?: boolean;
  /** DetectOptions.seenNumbers. */
  seenNumbers?: SeenNumber[];
}

async function readOnce(
  ctx: Ctx,
  line: CandidateLine,
  flip: number,
  light: boolean,
  o: {
    /** The line read the other way round: when it leaves no doubt, this way gets no second reader. */
    turnedFrom?: ReadNumber;
    /** Takes the reading kept, number or not, and every reading made (crop by crop, in order). */
    seen?: { reading?: LineReading; readings?: LineReading[] };
  } = {},
): Promise<ReadNumber | undefined> {
  let gh = line.glyphHeight / ctx.scale;
  // The line as found; refined below from the glyphs read on it.
  let geo = {
    cx: line.centre.x / ctx.scale,
    cy: line.centre.y / ctx.scale,
    angle: line.angle + flip * Math.PI,
  };
  let len = line.length / ctx.scale;
  if (ctx.learned && ctx.pageLines) {
    // The lower pieces of the number's own print at its ends (embossed digits the detector broke up).
    const whole = withOwnFragments(
      { centre: { x: geo.cx, y: geo.cy }, angle: geo.angle, length: len, glyphHeight: gh },
      ctx.pageLines,
    );
    geo = { ...geo, cx: whole.centre.x, cy: whole.centre.y };
    len = whole.length;
  }
  // `oneReader`: the learned recognizer alone, no second reader where it leaves doubt.
  const read = async (wantBefore: number, wantAfter: number, oneReader = false) => {
    const { cx, cy, angle } = geo;
    // How far the line may reach each way before leaving the photo: past the frame a crop only
    // repeats the edge pixels, which Tesseract reads as marks.
    const inFrame = (a: number) => Math.max(0, reachInFrame(cx, cy, a, ctx.gray) - len / 2 + 0.5 * gh);
    const before = Math.min(wantBefore, inFrame(angle + Math.PI));
    const after = Math.min(wantAfter, inFrame(angle));
    const shift = (after - before) / 2;
    const crop = cropLine(ctx.gray, {
      centre: { x: cx + shift * Math.cos(angle), y: cy + shift * Math.sin(angle) },
      angle,
      length: len + before + after,
      height: 1.8 * gh,
      glyphHeight: gh,
      targetHeight: 28,
      inkLight: light,
    });
    throwIfAborted(ctx.signal);
    ctx.debugCrop?.(
      `${Math.round(cx)}-${Math.round(cy)}-f${flip}-${light ? 'L' : 'D'}-w${crop.image.width}`,
      crop.image,
    );
    let reading = await readCrop(ctx.learned ?? ctx.ocr, crop);
    let run = numberRun(reading);
    o.seen?.readings?.push(reading);
    // Two readers: where the learned one reads no run and no words, unsurely (embossed relief read
    // as marks), Tesseract reads the same crop, and a run it reads there stands in for nothing.
    // Where the learned one read a run, Tesseract is not asked: of 336 such second reads (the 30
    // backs of seeds 5 to 7, the shared real cards and their 120 dim and small copies turned, 16
    // unseen real photos) 3 replaced it (a whole number by brand length and Luhn where the learned
    // run was not), all with wrong digits: two learned runs were right ("6225 7588 8888 8888"
    // became a 17-digit number), the third was the number upside down, as Tesseract's was.
    const words = reading.text.split(' ').filter((w) => /\p{L}{3,}/u.test(w)).length;
    const doubt = !run && words === 0 && reading.confidence < READ_LINE.secondReaderConfidence;
    if (ctx.learned && doubt && !oneReader && !ctx.learnedOnly && !(o.turnedFrom && upright(o.turnedFrom))) {
      const second = await readCrop(ctx.ocr, crop);
      const alt = numberRun(second);
      if (alt) ({ reading, run } = { reading: { ...second, replaced: reading }, run: alt });
    }
    // A phone line holds a phone number (as readCandidate takes it), not a card's.
    const shown = run && ctx.seenNumbers && !readsAsPhoneLine(reading.text) && cardLayoutDigits(run.slots);
    if (shown) ctx.seenNumbers!.push({ corners: layoutQuad(crop, shown.slots), digits: shown.digits });
    ctx.trace?.reads.push({
      corners: cropQuad(crop, 0, 0, crop.image.width, crop.image.height),
      reader: reading.learned ? 'learned' : 'tesseract',
      text: reading.text,
      run: run ? run.slots.map((s) => s.char).join('') : '',
    });
    ctx.debug?.(
      `line@${Math.round(cx)},${Math.round(cy)} w=${crop.image.width} gh=${gh.toFixed(0)} len=${len.toFixed(0)} angle=${((angle * 180) / Math.PI).toFixed(1)} flip=${flip} light=${light} ` +
        `"${reading.text}" conf=${reading.confidence.toFixed(2)} -> ${run ? run.slots.map((s) => s.char).join('') : '-'}`,
    );
    return { reading, run };
  };
  // A wider or re-aimed read sees more of the line: it wins unless it reads fewer digits, or unless
  // the line already read as a whole number by the card rules and the wider read adds glyphs read
  // with doubt (art or a mark beside the number: "10" before "6225 7688 8888 8888").
  const keepsWhole = (next: NumberRun, run: NumberRun) =>
    !settled(run) || settled(next) || doubtful(next) <= doubtful(run);
  const better = (next: { run?: NumberRun }, run: NumberRun) =>
    !!next.run &&
    keepsWhole(next.run, run) &&
    ((next.run.trueDigits >= run.trueDigits && next.run.slots.length > run.slots.length) ||
      quality(next.run) >= quality(run));
  // A tight crop first (small crops read fast); the finder often sees only part of a number (a
  // group or two), so a run that reaches an end of the crop is read again reaching a whole number's
  // length (about 17 glyph heights) further that way.
  const near = 4 * gh;
  const far = () => Math.max(near, 17 * gh - len);
  // A line of 14+ glyphs is most of a number already; a shorter one may be missing whole groups.
  // A learned line is whole already (the detector sees print, not blobs): reaching further only
  // brings in a logo, a hand or the card's edge, so it is read with a glyph's margin.
  let first = ctx.learned ? 1.2 * gh : line.glyphs >= 14 ? near : far();
  let { reading, run } = await read(first, first);
  // The finder can chain a number with print beside it and get the tilt wrong by several degrees;
  // the glyphs read show the true slope, and the line is read again along it.
  const tilt = run ? slopeOf(run.slots, reading.crop.scale * gh) : 0;
  // The detector's region can take in print beside the number (the small repeat of the first four
  // just under it merges with the first group at the detector's scale): the line's height, and so
  // the crop's scale and centre, are then wrong, and the glyphs read show how tall they really are.
  const inkHeight = run ? glyphInkHeight(run.slots) / reading.crop.scale : gh;
  const tooTall = inkHeight < READ_LINE.reaimGlyphHeightRatio * gh;
  if (run && (Math.abs(tilt) > READ_LINE.reaimTilt || tooTall)) {
    const s0 = run.slots[0];
    const s1 = run.slots[run.slots.length - 1];
    const y = run.slots.reduce((sum, s) => sum + (s.y0 + s.y1) / 2, 0) / run.slots.length;
    const c = cropToSource(reading.crop, (s0.x0 + s1.x1) / 2, y);
    const prev = { geo, len, gh };
    geo = { cx: c.x, cy: c.y, angle: geo.angle + tilt };
    len = (s1.x1 - s0.x0) / reading.crop.scale;
    if (tooTall) gh = inkHeight;
    first = ctx.learned ? 1.2 * gh : far();
    const aimed = await read(first, first);
    if (better(aimed, run)) ({ reading, run } = aimed);
    else ({ geo, len, gh } = prev);
  }
  // A learned line that holds a whole number is not widened (that only adds a logo or a hand to the
  // run); one that holds part of a number (the detector split it at a wide group space) is, both ways.
  // (Reading a 12-digit run on for a group the detector lost was tried: it read a card's art past the
  // number's end as a fifth group as often as it found a lost first group.)
  const partOfNumber = !ctx.learned || run === undefined || run.slots.length < 12;
  if (run && ctx.learned && !partOfNumber) {
    // The detector's box can stop a glyph short of the line's end: a run that touches an end of the
    // crop is read again with room for one more group that way.
    const edge = 0.9 * gh * reading.crop.scale;
    const { start: atStart, end: atEnd } = reachesCropEnds({ reading, run }, edge);
    if (atStart || atEnd) {
      const more = first + 2.5 * gh;
      const wider = await read(atStart ? more : first, atEnd ? more : first);
      const widened =
        !!wider.run &&
        ((wider.run.trueDigits >= run.trueDigits && keepsWhole(wider.run, run)) ||
          strayAtCropEdge(wider.run, run));
      if (widened) ({ reading, run } = wider as ReadNumberParts);
      // A run short of 19 digits, no whole number by the card rules, whose wider read still runs
      // into the end it was widened towards goes on past it: a 19-digit number whose detector box
      // stopped three glyphs short ("4751 7606 6095 7978 1" at the crop's end). It is read on as a
      // part of a number is (`READ_LINE.longerNumberPitches` further), and what it reads there
      // counts when it is two more digits read plainly, or makes the run a whole number by the card
      // rules.
      const still = reachesCropEnds({ reading, run }, edge);
      const stillStart = atStart && still.start;
      const stillEnd = atEnd && still.end;
      if (
        widened &&
        run.slots.length < READ_LINE.wholeNumberDigits &&
        !settled(run) &&
        (stillStart || stillEnd)
      ) {
        const longer = more + READ_LINE.longerNumberPitches * (glyphPitch(run.slots) / reading.crop.scale);
        const again = await read(
          stillStart ? longer : atStart ? more : first,
          stillEnd ? longer : atEnd ? more : first,
        );
        if (
          better(again, run) &&
          (plainlyMore(again.run!, run, READ_LINE.readOnPlainDigits) || settled(again.run!))
        )
          ({ reading, run } = again as ReadNumberParts);
      }
    }
  }
  // A learned line that reads most of a number but not a whole one by the card rules may have lost
  // its first digits: a first group over dark art or beside the chip, print too faint for the
  // detector. It is read on before its start by the pitches a 19-digit number still lacks; the
  // digits read there join the run only as `leadingDigits` allows (the end, and so the last four,
  // stays where it was read).
  // Only a run read as digits: a line read the wrong way round, or prose, reads as letters that pass
  // for digits, and is no number lacking its start.
  if (run && ctx.learned && !partOfNumber && !settled(run) && readAsDigits(run)) {
    const pitch = glyphPitch(run.slots) / reading.crop.scale;
    const more = first + (READ_LINE.wholeNumberDigits + 1 - run.slots.length) * pitch;
    if (more > first) {
      // The learned recognizer alone: the digits before must be read plainly by it, and a second
      // reader's doubt over the rest changes nothing here.
      const wider = await read(more, first, true);
      const lead =
        wider.run &&
        (leadingDigits(wider as ReadNumberParts, { reading, run }, pitch) ??
          leadingGroup(wider as ReadNumberParts, { reading, run }, pitch));
      if (lead) ({ reading, run } = lead);
    }
  }
  if (run && run.trueDigits >= 3 && partOfNumber) {
    const edge = (ctx.learned ? 2 : 1.3) * gh * reading.crop.scale;
    const { start: atStart, end: atEnd } = reachesCropEnds({ reading, run }, edge);
    // Reach past what the first read covered: a long line is read with `far` already. A whole
    // number is 16 glyphs and 3 group spaces, about 19 of its pitches: 17 glyph heights in common
    // fonts, more in widely spaced ones (the run's own pitch tells).
    const pitch = glyphPitch(run.slots) / reading.crop.scale;
    const whole = Math.min(READ_LINE.numberPitches * pitch, READ_LINE.maxNumberLength * gh) - len;
    const further = Math.max(far(), first + 6 * gh, whole);
    if (atStart || atEnd) {
      const wider = await read(atStart ? further : first, atEnd ? further : first);
      // The same run, and past a hole another group: a number's ends with its middle out of sight.
      const holed =
        !!wider.run &&
        wider.run.slots.length === run.slots.length &&
        wider.run.trueDigits >= run.trueDigits &&
        !!holedPair(wider.reading) &&
        !holedPair(reading);
      if (better(wider, run) || holed) ({ reading, run } = wider as ReadNumberParts);
      // A 19-digit number is 19 glyphs and 3 or 4 group spaces: a run shorter than that which still
      // runs into the end it was read towards is read on, `READ_LINE.longerNumberPitches` further.
      // "Still" as the wider read saw it, when it read the run whole: a run that stops short of the
      // wider crop's end has nothing more that way (a signature panel's "8772 515").
      const reaches = (r: ReadNumberParts) => reachesCropEnds(r, edge);
      const kept = reaches({ reading, run });
      const seen =
        wider.run && wider.run.slots.length >= run.slots.length ? reaches(wider as ReadNumberParts) : kept;
      const onStart = atStart && kept.start && seen.start;
      const onEnd = atEnd && kept.end && seen.end;
      if (run.slots.length < 19 && (onStart || onEnd)) {
        const longer = further + READ_LINE.longerNumberPitches * pitch;
        const again = await read(
          onStart ? longer : atStart ? further : first,
          onEnd ? longer : atEnd ? further : first,
        );
        // Past a whole number's reach only print read plainly counts: the card's edge or art reads
        // as a digit or two in doubt.
        if (better(again, run) && plainlyMore(again.run!, run, READ_LINE.readOnPlainDigits))
          ({ reading, run } = again);
      }
    }
  }
  // Clean prose (a name, a bank, terms) read with confidence: no other polarity will make it digits.
  const words = reading.text.split(' ').filter((w) => /[A-Za-z]{2,}/.test(w));
  if (!run && words.length >= 1 && reading.confidence >= 0.9 && reading.text.replace(/\s/g, '').length >= 4) {
    ctx.prose.add(line);
    ctx.proseWay.set(line, flip);
  }
  // The recognizer read words on it ("Customer Service 1 (800) 711 ..."): whatever digits it holds,
  // it is a line of text, and the other polarity is not tried on it.
  const wordy = reading.text.split(' ').filter((w) => /\p{L}{3,}/u.test(w));
  if (reading.learned && wordy.length >= 1 && reading.confidence >= 0.8) ctx.prose.add(line);
  if (o.seen) o.seen.reading = reading;
  return run ? { line, reading, run, flipped: flip, source: ctx.gray } : undefined;
}

/**
 * The glyphs' ink height in crop pixels: the median height of the slots read as digits (at least
 * four of them; otherwise infinity, which never asks for a re-aim).
 */
function glyphInkHeight(slots: readonly Slot[]): number {
  const h = slots.filter((s) => !s.lookalike && s.char !== '?').map((s) => s.y1 - s.y0);
  return h.length >= 4 ? median(h) : Infinity;
}

/** Every glyph of a run read as a digit (no look-alike, none unread). */
const allDigits = (run: NumberRun) => run.trueDigits === run.slots.length;

/**
 * A reading that leaves no doubt of the way up: a whole number by the card rules (length, Luhn),
 * every glyph read as a digit. Read the other way round, the same print reads as letters.
 */
const upright = (r: ReadNumber) => settled(r.run) && allDigits(r.run);

/**
 * A reading of a number's length for its network (brand length; Luhn or not: specimens print numbers
 * that fail it), every glyph a digit, holding `READ_LINE.uprightTellDigits` 3s or 7s read with
 * confidence: digits the recognizer never read that surely turned half round (a 3 reads as E, a 7 as
 * L). The tells speak of the print's way up, not of the number: the other way round cannot read as a
 * number then (readWay), so it is not read.
 */
function uprightBeyondDoubt(r: ReadNumber): boolean {
  const digits = digitsOf(r.run);
  if (!digits || !lengthFitsBrand(digits) || !allDigits(r.run)) return false;
  const tells = r.run.slots.filter(
    (s) => !s.lookalike && '37'.includes(s.char) && s.confidence >= READ_LINE.uprightTellConfidence,
  );
  return tells.length >= READ_LINE.uprightTellDigits;
}

/** A run read as digits, not as letters that pass for them: `READ_LINE.trueDigitShare` of its slots or more. */
const readAsDigits = (run: NumberRun) => run.trueDigits >= READ_LINE.trueDigitShare * run.slots.length;

/** A reading that settles a photo: a run of 12+ glyphs, 8+ of them read as digits. */
const isNumberLike = (r: ReadNumber) => r.run.slots.length >= 12 && r.run.trueDigits >= 8;

/**
 * Learned lines most likely to be a card number first: long for their height (a number is 12 to 19
 * glyphs, about 9 to 16 glyph heights) and printed large (the number is among a card's largest print).
 */
function rankLearnedLines(lines: CandidateLine[]): CandidateLine[] {
  const tallest = Math.max(1, ...lines.map((l) => l.glyphHeight));
  const shape = (l: CandidateLine) => {
    const r = l.length / l.glyphHeight;
    return r < 2.5 ? 0.2 : r < 6 ? 0.6 : r <= 32 ? 1 : 0.5;
  };
  const rank = (l: CandidateLine) => shape(l) * Math.sqrt(l.glyphHeight / tallest);
  return [...lines].sort((a, b) => rank(b) - rank(a));
}

/** Two candidates over the same print: centres within a glyph height, directions within 10 degrees. */
function sameLine(a: CandidateLine, b: CandidateLine): boolean {
  const turn = Math.abs(Math.sin(a.angle - b.angle));
  return Math.hypot(a.centre.x - b.centre.x, a.centre.y - b.centre.y) < a.glyphHeight && turn < 0.17;
}

/**
 * Reads candidate lines, best first, into `found`. While the orientation is unknown, one line at a
 * time (read one way round, then the other); then two at a time (the OCR pool runs two workers). Once
 * a full number is read, the weaker candidates are not worth their OCR time.
 */
async function readLines(
  ctx: Ctx,
  lines: CandidateLine[],
  found: ReadNumber[],
  onRead: (done: number) => void,
): Promise<void> {
  for (let i = 0; i < lines.length;) {
    throwIfAborted(ctx.signal);
    const take = ctx.flip === undefined ? 1 : 2;
    const batch = await Promise.all(lines.slice(i, i + take).map((l) => readCandidate(ctx, l)));
    i += take;
    for (const r of batch) if (r) found.push(r);
    // Only a number-like reading settles the orientation: prose read upside down can look numeric.
    const best = found.filter(isNumberLike).sort((a, b) => quality(b.run) - quality(a.run))[0];
    if (best && ctx.flip === undefined) ctx.flip = best.flipped;
    onRead(Math.min(i, lines.length));
    if (best) {
      // A photo can hold more than one card (front and back side by side, two cards on a table):
      // the rest of the lines shaped like a number, printed at about its size, are read too.
      const gh = best.line.glyphHeight;
      const others = lines
        .slice(i)
        .filter(
          (l) =>
            l.length >= LOCATE.numberShape[0] * l.glyphHeight &&
            l.length <= LOCATE.numberShape[1] * l.glyphHeight &&
            l.glyphHeight >= gh / LOCATE.otherNumberHeightRatio &&
            l.glyphHeight <= gh * LOCATE.otherNumberHeightRatio &&
            !found.some((f) => sameLine(f.line, l)) &&
            !onNumbersCard(ctx, best.line, l),
        );
      for (const l of others) {
        throwIfAborted(ctx.signal);
        // One quick read first: a name, a date or a slogan is let go after it.
        if (!(await holdsDigits(ctx, l))) continue;
        const r = await readCandidate(ctx, l);
        if (r && isNumberLike(r)) found.push(r);
      }
      break;
    }
  }
}

/**
 * Whether `line` is other print on the card that holds the number read on `number` (candidate lines,
 * work pixels): the card's outline (cardOnPage) holds both, and the number spans
 * `LOCATE.numberCardWidth` of the outline's width along it, so the outline is that card's own and
 * not a larger ID-1-shaped thing (a notebook) with two cards on it. A card carries one number (the
 * PAN, ISO/IEC 7812-1): its name, bank and expiry lines need no read for a second card's number.
 */
function onNumbersCard(ctx: Ctx, number: CandidateLine, line: CandidateLine): boolean {
  const outline = ctx.cardOutline();
  if (!outline) return false;
  const inSource = (p: Point) => ({ x: p.x / ctx.scale, y: p.y / ctx.scale });
  const q = outline.corners;
  if (!insideQuad(q, inSource(number.centre)) || !insideQuad(q, inSource(line.centre))) return false;
  // The outline's width along the number: the mean of its two opposite sides nearer its direction.
  const side = (a: Point, b: Point) => ({
    length: Math.hypot(b.x - a.x, b.y - a.y),
    along: Math.abs(Math.cos(Math.atan2(b.y - a.y, b.x - a.x) - number.angle)),
  });
  const [s0, s1, s2, s3] = [side(q[0], q[1]), side(q[1], q[2]), side(q[2], q[3]), side(q[3], q[0])];
  const width =
    s0.along + s2.along >= s1.along + s3.along ? (s0.length + s2.length) / 2 : (s1.length + s3.length) / 2;
  const share = number.length / ctx.scale / width;
  return share >= LOCATE.numberCardWidth[0] && share <= LOCATE.numberCardWidth[1];
}

/** How many glyphs of a reading were read as digits. */
const digitsRead = (reading: LineReading) =>
  reading.glyphs.filter((g) => g.char >= '0' && g.char <= '9').length;

/**
 * The card the photo shows: its outline (card-outline.ts), or the frame itself when the photo is
 * cropped to the card (its frame has the ID-1 shape and the learned detector saw other print on it,
 * `CARD_BAND.frameMinTextLines`). Undefined without either, and on an identity document: it has the
 * same ID-1 outline, and its machine-readable zone, found from the detector's lines alone, says which
 * it is before any read.
 */
function cardOnPage(ctx: Ctx): CardOutline | undefined {
  if (ctx.pageLines && findMrzBand(ctx.pageLines, ctx.gray)) return undefined;
  const framed = (ctx.pageLines?.length ?? 0) >= CARD_BAND.frameMinTextLines;
  return findCardOutline(ctx.gray) ?? (framed ? frameAsCard(ctx.gray) : undefined);
}

/**
 * The number on the band of a card where numbers are printed (card-band.ts), on the card `outline`
 * (cardOnPage): each band line tall enough to read gets a quick read one way round, and the one that
 * reads the most digits (at least `CARD_BAND.probeMinDigits`) is read as any candidate line is (the
 * number found there must meet the card rules' IIN and length, ReadNumber.cardBand, or be the leading
 * groups of a number shown in part). Undefined: no card, or no band line holds a number.
 */
async function cardBandNumber(ctx: Ctx, outline: CardOutline | undefined): Promise<ReadNumber | undefined> {
  if (!outline) return undefined;
  const reader = ctx.learned ?? ctx.ocr;
  let best: { line: CandidateLine; digits: number } | undefined;
  // The card's words read clearly one way round say which way up it is: half the band is read then.
  const words = [...ctx.proseWay].map(([line, flip]) => ({
    centre: { x: line.centre.x / ctx.scale, y: line.centre.y / ctx.scale },
    angle: line.angle,
    flip,
  }));
  const bands = cardBandLines(outline, cardReadingAngle(outline, words));
  const probed = bands.filter(
    (l) => l.glyphHeight >= CARD_BAND.minGlyphHeight && !probedBlank(l, ctx.skipBands ?? []),
  );
  for (const band of probed) {
    throwIfAborted(ctx.signal);
    // One way round: a number read upside down still reads as digits (most as look-alikes of
    // digits), and the line chosen is read both ways round after.
    const reading = await readCrop(reader, cropTextLine(ctx.gray, band, band.angle, 1.2));
    if (!reading.text.trim()) ctx.bandsReadBlank?.push(band);
    const digits = digitsRead(reading);
    ctx.debug?.(`card band@${Math.round(band.centre.x)},${Math.round(band.centre.y)} "${reading.text}"`);
    if (digits >= CARD_BAND.probeMinDigits && (!best || digits > best.digits))
      best = { line: asCandidateLine(band, ctx.scale), digits };
  }
  const read = best && (await readCandidate(ctx, best.line));
  // A shorter run may be the leading groups of a number shown in part, or two groups far apart its
  // ends with the middle out of sight: the findings stage decides.
  const worth =
    read &&
    (isNumberLike(read) || read.run.slots.length >= PART_SHOWN.minGlyphs || !!holedPair(read.reading));
  return worth ? { ...read, cardBand: true } : undefined;
}

/**
 * One read of a line as found, the photo's way up, with a glyph's margin: whether it holds at least
 * `READ_LINE.probeMinDigits` digits (the first step of reading a line that may be another card's
 * number, before the full read with its re-aims and second reader).
 */
async function holdsDigits(ctx: Ctx, line: CandidateLine): Promise<boolean> {
  const reader = ctx.learned ?? ctx.ocr;
  const source = {
    centre: { x: line.centre.x / ctx.scale, y: line.centre.y / ctx.scale },
    length: line.length / ctx.scale,
    glyphHeight: line.glyphHeight / ctx.scale,
  };
  const crop = cropTextLine(ctx.gray, source, line.angle + (ctx.flip ?? 0) * Math.PI, 1.2);
  const reading = await readCrop(reader, crop);
  return digitsRead(reading) >= READ_LINE.probeMinDigits;
}

/**
 * The slope (radians) of a run's digits in its crop: a least-squares line through the centres of
 * the digits read as digits, if at least four span five glyph heights; else 0.
 */
function slopeOf(slots: readonly Slot[], glyphHeight: number): number {
  const pts = slots
    .filter((s) => !s.lookalike && s.char !== '?')
    .map((s) => ({ x: (s.x0 + s.x1) / 2, y: (s.y0 + s.y1) / 2 }));
  if (pts.length < 4 || pts[pts.length - 1].x - pts[0].x < 5 * glyphHeight) return 0;
  const mx = pts.reduce((a, p) => a + p.x, 0) / pts.length;
  const my = pts.reduce((a, p) => a + p.y, 0) / pts.length;
  let sxy = 0;
  let sxx = 0;
  for (const p of pts) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) ** 2;
  }
  return Math.atan(sxy / sxx);
}

/** Distance from (x, y) along the direction `angle` to the edge of the image. */
function reachInFrame(x: number, y: number, angle: number, img: GrayImage): number {
  const dx = Math.cos(angle);
  const dy = Math.sin(angle);
  const tx = dx > 1e-9 ? (img.width - x) / dx : dx < -1e-9 ? -x / dx : Infinity;
  const ty = dy > 1e-9 ? (img.height - y) / dy : dy < -1e-9 ? -y / dy : Infinity;
  return Math.max(0, Math.min(tx, ty));
}

/**
 * Reads one candidate line. Until the photo's orientation is known, a line that reads as digits is
 * also read turned half round and the more convincing reading wins; a line that reads as nothing
 * gets one more try with the other polarity (embossed relief fools the guess).
 */
export async function readCandidate(ctx: Ctx, line: CandidateLine): Promise<ReadNumber | undefined> {
  const light = inkIsLightIn(ctx.work, line.members);
  let best: ReadNumber | undefined;
  // The way round the words on and along the line say it reads, when they do.
  let wordsWay: number | undefined;
  // Before a number sets the photo's way up, the card's words may say which way this line reads: a
  // back's lines around "AUTHORIZED SIGNATURE" and "Customer Service" are then read once, not twice.
  const cardWay = ctx.flip === undefined ? wayOfCardWords(ctx, line) : undefined;
  if (ctx.flip === undefined && cardWay === undefined) {
    // One way round, then the other: the second is not read by the second reader when the first read
    // as a whole number in digits and the second reads as letters (the same digits turned round).
    const seen = [{ readings: [] }, { readings: [] }] as { reading?: LineReading; readings: LineReading[] }[];
    const up = await readOnce(ctx, line, 0, light, { seen: seen[0] });
    const oneWay =
      (!!up && uprightBeyondDoubt(up)) ||
      (await wordsUpright(ctx.classifyDirection, up, seen[0].readings, ctx.debug));
    const down = oneWay ? undefined : await readOnce(ctx, line, 1, light, { turnedFrom: up, seen: seen[1] });
    best = pickDirection(up, down);
    // The two ways round were read on crops of their own, and one may have been re-aimed (a better
    // tilt, the glyphs' true height) where the other was not: the winner's own crop is read turned
    // half round too, so the directions are compared on the same pixels.
    let [rival, winner] = best === up ? [down, up] : [up, down];
    if (best && isNumberLike(best) && !uprightBeyondDoubt(best)) {
      // Where neither read was re-aimed, the rival was read on these very pixels turned round (its
      // last reading, a number or not).
      const reader = ctx.learned ?? ctx.ocr;
      const rivalReading = seen[1 - best.flipped].reading;
      const reading =
        (rivalReading && readOnTurnedCrop(rivalReading, best.reading.crop, !!ctx.learned)) ||
        (await readCrop(reader, turnCrop(best.reading.crop)));
      const run = numberRun(reading);
      if (run && (!rival || quality(run) > quality(rival.run)))
        rival = { line, reading, run, flipped: 1 - best.flipped, source: best.source };
      best = pickDirection(winner, rival);
      [rival, winner] = best === winner ? [rival, winner] : [winner, rival];
    }
    // A line read one way round as clean prose with no digit run ("Customer Service 1-800-711-1011"),
    // or with words of a card's print that only upright text reads as (upright-words.ts), is prose:
    // read the other way, its letters pass for digits ("LL04-412-008- 89IAIBS"), and only a run of
    // true digits there (a number beside upside-down print) is still a number.
    // Every crop read counts: a re-aimed or widened read that was not kept may be the one that took in
    // the line's label ("Customer Service" before "1 (800) 711 5624").
    const textsOf = (k: number) => seen[k].readings.map((r) => r.text);
    const ownWords = wayOfKnownWords(textsOf(0), textsOf(1));
    if (ownWords !== undefined) {
      ctx.wordWays.push({ angle: line.angle, flip: ownWords, centre: line.centre });
      ctx.cardWords?.add(line);
      // A line of the card's words: the other polarity reads no number where neither way did.
      ctx.prose.add(line);
    }
    // A line that reads no words either way (fine print read as nothing upright, as look-alike
    // letters upside down) takes the way the card's words read on lines along it.
    const proseWay = ctx.proseWay.get(line) ?? ownWords ?? wayOfPageWords(ctx.wordWays, line.angle);
    wordsWay = proseWay;
    if (best && proseWay !== undefined && proseWay !== best.flipped && !readAsDigits(best.run))
      best = undefined;
    // A phone line holds a phone number, whatever its digits pass for, unless the card rules call
    // them a whole card number (`isPhoneReading`, checked again below for every way of reading).
    if (best && isPhoneReading(best)) best = undefined;
    // Both ways round read as a number in digits (a number of 0s, 1s, 6s, 8s and 9s reads alike upside
    // down): the words printed around it say which way is up, before the recognizer's confidence
    // (embossed 8s lit from one side read surer upside down). Where neither says, and the card rules
    // do not either, which end holds the last four is unknown.
    if (rival && winner && isNumberLike(rival) && isNumberLike(winner) && best && !readWay(rival, winner)) {
      const confident = surerByConfidence(rival, winner);
      const way = await wordsWayUp(ctx, line);
      ctx.debug?.(`way up from the words around the number: ${way ?? 'unknown'}`);
      const [a, b] = [evidence(rival.run), evidence(winner.run)];
      const byWords = way === undefined ? undefined : [rival, winner].find((r) => r.flipped === way);
      // Luhn holds only the way the words deny: the two cues disagree, and no digit is kept.
      // Luhn speaks only over a whole number: 12 digits in view of a 16-digit card (its last group on a
      // hologram) pass it one time in ten read either way.
      const luhnDenies =
        byWords &&
        byWords !== best &&
        luhnHolds(best.run) &&
        (coreDigitsOf(best.run)?.length ?? 0) >= READ_LINE.luhnWholeDigits &&
        !luhnHolds(byWords.run);
      if (byWords && !luhnDenies) best = byWords;
      else if (luhnDenies || (!confident && Math.abs(a - b) < READ_LINE.uncertainDirection * Math.max(a, b)))
        best.uncertain = true;
    }
  } else {
    best = await readOnce(ctx, line, ctx.flip ?? cardWay!, light);
    wordsWay = cardWay;
  }
  if ((!best && !ctx.prose.has(line)) || (best && best.run.trueDigits < 6)) {
    // The other polarity, read the way the words say when no reading stood (not the way a dropped
    // reading of look-alike letters took).
    const again = await readOnce(ctx, line, best?.flipped ?? ctx.flip ?? wordsWay ?? 0, !light);
    best = pick(best, again);
  }
  // Once the photo's way up is known a line is read one way only, and the other polarity is a reading
  // of its own: a phone line is no number on either.
  return best && isPhoneReading(best) ? undefined : best;
}

/**
 * Whether a line read the photo's way up as no number (`up` no number-like run, or a phone line's:
 * isPhoneReading) and, on one of its crops (`readings`, in the order read), as words of a card's
 * print with `PAGE_WAY.minConfidence` ("Customer Service 0800 711 157" before the re-aimed read of
 * its digits; upright-words.ts readsCardWord: upside-down print never spells "SERVICE") is upright
 * by the text direction classifier too, sure of it on that crop and the crop turned half round
 * (page-way-up.ts classifiedWay): then it is a line of words the right way up, and turned round it
 * holds no card number to read. Both cues: digits upside down can read as confident letters, and the
 * classifier, which learned words, is sure and wrong on some digits; no other number-like reading is
 * let off this way.
 */
export async function wordsUpright(
  classify: TextModels['classifyDirection'],
  up: ReadNumber | undefined,
  readings: readonly LineReading[],
  debug?: (message: string) => void,
): Promise<boolean> {
  const reading = readings.find((r) => wordy(r) && readsCardWord(r.text));
  // A phone line holds no card number either way round (isPhoneReading): its digits do not keep it
  // from being read one way.
  const phoneLine = !!up && !settled(up.run) && readings.some((r) => readsAsPhoneLine(r.text));
  if (!classify || !reading || (up && isNumberLike(up) && !phoneLine)) return false;
  const way = await classifiedWay(reading.crop.image, turnCrop(reading.crop).image, classify);
  debug?.(`words "${reading.text}" read upright: the classifier says ${way ?? 'nothing sure'}`);
  return way === 0;
}

/**
 * A reading of a phone line (labelled as one, or printed as one: upright-words.ts, readsAsPhoneLine)
 * whose digits are no whole card number by the card rules.
 */
const isPhoneReading = (r: ReadNumber) => readsAsPhoneLine(r.reading.text) && !settled(r.run);

/**
 * The way round `line` reads where the card's own words say it, before a number has set the photo's
 * way up (wayOfWordsOnCard): the lines that spelled a card's words one way round (`wordWays`) and
 * those read one way as clean prose (`proseWay`), on the card's outline (cardOnPage). Undefined
 * without two such lines (the outline is not looked for then), without an outline, or where they
 * do not say. A line read this way is read one way only, as once a number has set the way up.
 */
function wayOfCardWords(ctx: Ctx, line: CandidateLine): 0 | 1 | undefined {
  if (ctx.wordWays.length + ctx.proseWay.size < READ_LINE.cardWordLines) return undefined;
  const outline = ctx.cardOutline();
  if (!outline) return undefined;
  const inSource = (p: Point) => ({ x: p.x / ctx.scale, y: p.y / ctx.scale });
  const words = [
    ...ctx.wordWays.map((w) => ({ ...w, centre: inSource(w.centre) })),
    ...[...ctx.proseWay].map(([l, flip]) => ({
      angle: l.angle,
      flip: flip as 0 | 1,
      centre: inSource(l.centre),
    })),
  ];
  return wayOfWordsOnCard(outline.corners, words, { centre: inSource(line.centre), angle: line.angle });
}

/** `proseWayUp` for a candidate line, when the learned detector's lines are at hand. */
function wordsWayUp(ctx: Ctx, line: CandidateLine): Promise<0 | 1 | undefined> {
  if (!ctx.pageLines || !ctx.learned) return Promise.resolve(undefined);
  const number = {
    centre: { x: line.centre.x / ctx.scale, y: line.centre.y / ctx.scale },
    angle: line.angle,
    length: line.length / ctx.scale,
    glyphHeight: line.glyphHeight / ctx.scale,
  };
  return proseWayUp(ctx.gray, ctx.learned, number, ctx.pageLines, ctx.signal, ctx.classifyDirection);
}

/**
 * Reading `r` (or the reading it replaced) when made by the line reader (`learned` or Tesseract) on
 * `crop` turned half round (same size and scale, the opposite direction, its origin at `crop`'s far corner
 * within a crop pixel): reading `turnCrop(crop)` would repeat that read. Else undefined.
 */
function readOnTurnedCrop(r: LineReading, crop: LineCrop, learned: boolean): LineReading | undefined {
  const a = r.crop;
  if (a.image.width !== crop.image.width || a.image.height !== crop.image.height) return undefined;
  if (Math.abs(a.scale / crop.scale - 1) > 0.01 || Math.cos(a.angle - crop.angle) > -0.9999) return undefined;
  const far = cropToSource(crop, crop.image.width, crop.image.height);
  if (Math.hypot(a.origin.x - far.x, a.origin.y - far.y) * crop.scale > 1) return undefined;
  return !!r.learned === learned
    ? r
    : r.replaced && !!r.replaced.learned === learned
      ? r.replaced
      : undefined;
}

/** The same crop turned half round: its pixels in reverse order, read from the other end. */
function turnCrop(crop: LineCrop): LineCrop {
  const { width: w, height: h } = crop.image;
  const reversed = (img: GrayImage): GrayImage => ({ ...img, data: img.data.slice().reverse() });
  return {
    image: reversed(crop.image),
    raw: reversed(crop.raw),
    origin: cropToSource(crop, w, h),
    angle: crop.angle + Math.PI,
    scale: crop.scale,
  };
}

/**
 * Of two readings of one line the two ways round, the one the reader was clearly surer of; undefined
 * when neither is. Two cues, both from readers that learned upright print: what was read (`readWay`),
 * then character confidence (when one reader read both ways).
 */
function surerWay(a: ReadNumber, b: ReadNumber): ReadNumber | undefined {
  return readWay(a, b) ?? surerByConfidence(a, b);
}

/**
 * The reading read wholly as digits when the other read mostly as letters and symbols, at no lower
 * confidence (within one reader). Upright digits read as digits; turned half round, most of them read
 * as letters (2 as Z, 3 as a pound sign, 4 as h, 5 as S, 7 as L), and only a number of 0s, 1s, 6s, 8s
 * and 9s reads as digits both ways.
 */
function readWay(a: ReadNumber, b: ReadNumber): ReadNumber | undefined {
  if (!isNumberLike(a) || !isNumberLike(b)) return undefined;
  const gap = a.run.confidence - b.run.confidence;
  // Confidences compare only within one reader; what was read compares across the two.
  const oneReader = a.reading.learned === b.reading.learned;
  const muchLettered = (r: ReadNumber) => r.run.trueDigits <= READ_LINE.turnedDigitShare * r.run.slots.length;
  if (allDigits(a.run) && muchLettered(b) && (!oneReader || gap >= 0)) return a;
  if (allDigits(b.run) && muchLettered(a) && (!oneReader || gap <= 0)) return b;
  return undefined;
}

/**
 * The reading one reader read both ways with clearly more confidence. A weaker cue than the words
 * around the number: embossed relief lit from one side can read surer upside down. Where one reading
 * holds more glyphs than the other (a wider crop took in a group the other never saw), its confidence
 * is taken over as many of its surest glyphs as the other holds: a small card's 12 digits read upside
 * down at 0.95 outweighed the same line's 16 read the right way at 0.62, the first group faint.
 */
function surerByConfidence(a: ReadNumber, b: ReadNumber): ReadNumber | undefined {
  if (!isNumberLike(a) || !isNumberLike(b) || a.reading.learned !== b.reading.learned) return undefined;
  const read = (r: ReadNumber) => r.run.slots.filter((s) => s.char !== '?');
  const k = Math.min(read(a).length, read(b).length);
  const confidence = (r: ReadNumber) => (read(r).length === k ? r.run.confidence : surestMean(read(r), k));
  const gap = confidence(a) - confidence(b);
  return gap >= READ_LINE.directionConfidenceGap
    ? a
    : -gap >= READ_LINE.directionConfidenceGap
      ? b
      : undefined;
}

/** Mean confidence of the `k` surest of `slots`. */
function surestMean(slots: readonly Slot[], k: number): number {
  const surest = slots
    .map((s) => s.confidence)
    .sort((x, y) => y - x)
    .slice(0, k);
  return surest.reduce((sum, c) => sum + c, 0) / Math.max(1, surest.length);
}

/**
 * The way up of a line: the reading the recognizer was clearly surer of, else the better reading by
 * `evidence` (digits read, their confidence, an IIN prefix, the brand's length and Luhn). A reversed
 * number that happens to pass Luhn or start with an IIN does not outweigh the recognizer's certainty.
 */
function pickDirection(a: ReadNumber | undefined, b: ReadNumber | undefined): ReadNumber | undefined {
  return (a && b && surerWay(a, b)) || pick(a, b);
}

function pick(a: ReadNumber | undefined, b: ReadNumber | undefined): ReadNumber | undefined {
  if (!a) return b;
  if (!b) return a;
  return evidence(b.run) > evidence(a.run) ? b : a;
}

/** Confidence that a run is a card number: geometry and OCR first, Luhn and brand as bonuses. */
function numberConfidence(text: string, run: NumberRun): number {
  const read = 0.35 + 0.3 * (run.trueDigits / text.length) * run.confidence;
  return Math.min(1, read + cardRulesBonus(text));
}

/**
 * Card numbers in a grey image: locate candidate lines cheaply on a downscaled copy, read each as a
 * level full-resolution crop, and keep number-shaped runs of 12 to 19 glyphs. Luhn and brand rules
 * only raise confidence: specimen numbers fail Luhn.
 */
export async function detectCardNumbers(
  gray: GrayImage,
  ocr: OcrEngine,
  options: DetectOptions = {},
): Promise<Finding[]> {
  return (await detectCardNumbersDetailed(gray, ocr, options)).map((d) => d.finding);
}

export interface CardNumberDetection {
  finding: Finding;
  crop: LineCrop;
  /** Glyph height in source pixels. */
  glyphHeight: number;
  /** Every line the learned detector found on the page (source pixels), for the panel reader. */
  textLines?: readonly TextLine[];
  /** The security code printed after the number on the same line (a back's signature panel). */
  code?: Finding;
}

export async function detectCardNumbersDetailed(
  gray: GrayImage,
  ocr: OcrEngine,
  options: DetectOptions = {},
): Promise<CardNumberDetection[]> {
  const { signal, onProgress } = options;
  const scale = Math.min(1, LOCATE.workSide / Math.max(gray.width, gray.height));
  const work = scale < 1 ? scaleGray(gray, scale) : gray;
  // The card, looked for once and only when a rule asks for it (and told to a mirrored reading).
  let card = options.card;
  const cardOutline = () => {
    card ??= { outline: cardOnPage(lctx ?? ctx) };
    if (options.printAsIs) options.printAsIs.card = card;
    return card.outline;
  };
  const ctx: Ctx = {
    gray,
    work,
    scale,
    ocr,
    cardOutline,
    debug: options.debug,
    debugCrop: options.debugCrop,
    trace: options.trace,
    seenNumbers: options.seenNumbers,
    prose: new Set(),
    proseWay: new Map(),
    wordWays: [],
    cardWords: new Set(),
    bandsReadBlank: options.printAsIs?.blankBands,
    skipBands: options.blankBands,
    signal,
    learnedOnly: options.learnedOnly,
  };
  ctxDebug = options.debug;
  const found: ReadNumber[] = [];
  // Stage 1, learned: the DB detector's lines, read by the CTC recognizer (Tesseract second).
  const learnedLines: CandidateLine[] = [];
  let textLines: TextLine[] | undefined;
  const stacked: CardNumberDetection[] = [];
  const learnedRun = !!options.models || !!options.learnedStages;
  let lctx: Ctx | undefined;
  if (learnedRun) {
    onProgress?.(0.02, 'Finding text lines');
    textLines = options.learnedStages
      ? [...options.learnedStages.lines]
      : options.lines
        ? [...options.lines]
        : await detectTextLines(options.models!, options.color ?? gray);
    for (const l of textLines)
      options.trace?.lines.push({
        corners: boxCorners(l.centre.x, l.centre.y, l.angle, l.length, l.glyphHeight),
        from: 'learned',
      });
    // Vertical cards: groups stacked one above another, read as one number before the lines.
    const learned = options.learnedStages?.reader ?? learnedLineOcr(options.models!);
    for (const stack of findStacks(textLines).slice(0, 2)) {
      const number = await readStack({ ...ctx, learned }, stack);
      if (number) {
        stacked.push(number);
        break;
      }
    }
    // A stacked number is the card's number: its lines need no reading as lines.
    const candidates = new Map(textLines.map((l) => [asCandidateLine(l, scale), l]));
    // Lines not to read keep their rank: the best ranked of the rest are not read in their place.
    if (!stacked.length)
      learnedLines.push(
        ...rankLearnedLines([...candidates.keys()])
          .slice(0, options.maxLines ?? LOCATE.maxLearnedLines)
          .filter((l) => !options.notRead?.includes(candidates.get(l)!)),
      );
    options.debug?.(`learned lines: ${learnedLines.length} of ${textLines.length}`);
    // Recorded reads replayed (learnedStages) hold no classifier runs: the words are read both ways.
    const classifyDirection = options.learnedStages ? undefined : options.models?.classifyDirection;
    lctx = { ...ctx, learned, pageLines: textLines, classifyDirection };
    await readLines(lctx, learnedLines, found, (done) =>
      onProgress?.(
        0.05 + 0.6 * (done / learnedLines.length),
        `Read ${done} of ${learnedLines.length} line(s)`,
      ),
    );
    ctx.flip = lctx.flip;
    for (const line of ctx.cardWords ?? []) {
      const own = candidates.get(line);
      if (own) options.printAsIs?.wordLines.push(own);
    }
    // No line read as a number: one printed over two lines is read as two short runs of digits.
    if (!found.some(isNumberLike) && !stacked.length) {
      const twoLines = twoLineDetection(found);
      if (twoLines) stacked.push(twoLines);
    }
  }
  // Stage 1, geometric: blob chaining and the darkest-channel pass, only without the learned models.
  // With them these added nothing measurable (the same findings on the 15 real, 48 synthetic and 60
  // held-out card photos and 16 unseen real ones) and cost a quarter of the time.
  const lines =
    found.some(isNumberLike) || stacked.length || learnedRun
      ? []
      : locateLines(work)
          .filter((l) => l.glyphs >= 6)
          .slice(0, options.maxLines ?? LOCATE.maxChainedLines);
  for (const l of lines)
    options.trace?.lines.push({
      corners: boxCorners(
        l.centre.x / scale,
        l.centre.y / scale,
        l.angle,
        l.length / scale,
        l.glyphHeight / scale,
      ),
      from: 'blobs',
    });
  if (lines.length) onProgress?.(0.65, `Reading ${lines.length} candidate line(s)`);
  await readLines(ctx, lines, found, (done) =>
    onProgress?.(0.65 + 0.25 * (done / lines.length), `Read ${done} of ${lines.length} line(s)`),
  );
  // Grey print on a colourful photo can vanish into the grey image's texture; in the image of each
  // pixel's darkest channel, neutral print stands out from coloured art. Tried only when the grey
  // image gave no number, on lines it did not already offer.
  if (options.neutral && !found.some(isNumberLike) && !learnedRun) {
    const neutral = options.neutral();
    const neutralWork = scale < 1 ? scaleGray(neutral, scale) : neutral;
    const more = locateLines(neutralWork)
      .filter((l) => l.glyphs >= 6 && !lines.some((o) => sameLine(o, l)))
      .slice(0, 4);
    onProgress?.(0.9, `Reading ${more.length} more candidate line(s)`);
    const alt: Ctx = {
      ...ctx,
      gray: neutral,
      work: neutralWork,
      prose: new Set(),
      proseWay: new Map(),
      wordWays: [],
    };
    await readLines(alt, more, found, () => undefined);
  }
  const out: CardNumberDetection[] = [...stacked];
  // Numbers laid out unlike a card's (a group of one or two glyphs) and not whole by the card rules.
  const looseLayout = new Set<CardNumberDetection>();
  takeFindings(found, out, looseLayout, options, cardOutline);
  // None stands: the card's outline (or a photo cropped to the card) says where its number is printed
  // (card-band.ts). Readings that look numeric but make no card number (dates and a name read as
  // digits) do not stop it.
  if (lctx && !out.length) {
    const banded = await cardBandNumber(lctx, cardOutline());
    if (banded) takeFindings([banded], out, looseLayout, options, cardOutline);
  }
  // Still none: a long run of digits read plainly across the card is its number read with glyphs
  // lost (lost-glyphs.ts), masked but for its last group.
  if (lctx && !out.length)
    takeFindings(found, out, looseLayout, options, cardOutline, {
      identityPage: !!lctx.pageLines && !!findMrzBand(lctx.pageLines, lctx.gray),
    });
  // The same rule for a smaller number read better than the card's own (found first): a branch line
  // read clean beside embossed digits read with a doubt.
  const kept = withoutSmallerLooseNumbers(out, (d) => looseLayout.has(d));
  for (const o of kept) o.textLines = textLines;
  return kept;
}

const textOf = (slots: readonly Slot[]) => slots.map((s) => s.char).join('');

/**
 * The number's own print before its first glyph read (leading-print.ts): what the reader's boxes show
 * there, or the places the card layout leaves for lost glyphs, whichever reaches further back.
 */
function leadBefore(run: readonly Slot[], kept: readonly Slot[], missing: number): Slot[] {
  const boxes = leadingPrint(run, kept, missing);
  const layout = leadingByLayout(kept);
  return layout.length > boxes.length ? layout : boxes;
}

/** `slots` without the unread glyphs ('?') at either end. */
function withoutUnreadEnds(slots: readonly Slot[]): readonly Slot[] {
  let a = 0;
  let b = slots.length;
  while (a < b && slots[a].char === '?') a++;
  while (b > a && slots[b - 1].char === '?') b--;
  return slots.slice(a, b);
}

/** A number read on a card band line is long enough and read nearly whole (CARD_BAND). */
const bandNumberShaped = (text: string) =>
  text.length >= CARD_BAND.minNumberLength &&
  [...text].filter((c) => c === '?').length <= CARD_BAND.maxUnread;

/**
 * Stage "findings": each reading, best first, as a card-number finding in `out` when its normalized
 * digits make a card number laid out as one (or whole by the card rules) and it overlaps none found;
 * numbers laid out loosely are noted in `looseLayout`.
 */
function takeFindings(
  found: ReadNumber[],
  out: CardNumberDetection[],
  looseLayout: Set<CardNumberDetection>,
  options: DetectOptions,
  cardOutline: () => CardOutline | undefined,
  // The last resort: a run neither the card rules nor the layout vouch for may pass as a number read
  // with glyphs lost (readWithLostGlyphs), told whether the page is an identity document.
  lostGlyphs?: { identityPage: boolean },
): void {
  for (const r of found.sort((a, b) => quality(b.run) - quality(a.run))) {
    const crop = r.reading.crop;
    const settled = r.run.slots;
    // The number within a longer run is found before the run is cut to the longest number issued.
    const normalize = (from: readonly Slot[]) =>
      numberWithin(
        withoutLoneEnds(
          withoutCrowdedEnds(
            normalizeSlots(from, {
              ink: r.run.ink,
              cutAtEnd: (last, pitch) => cutAtEnd(r.source, crop, r.run.slots, last, pitch),
            }),
          ),
        ),
      ).slice(0, 19);
    const quadsOf = (from: readonly Slot[]): Quad[] =>
      splitTouchingGlyphs(from, crop.image).map((s) => cropQuad(crop, s.x0, s.y0, s.x1, s.y1));
    // The leading groups of a number whose other digits are out of sight on the card (an owner's
    // cover over its end, glare): every digit in view is one to hide. Unread glyphs at the run's ends
    // (the edges of a cover, the card's art) are masked with it but say nothing of its layout.
    const shownPart = (from: readonly Slot[]) => {
      const known = withoutUnreadEnds(from);
      // The cheap tests first: the card's outline and the glyphs' quads only for an IIN-led run.
      return (
        from.length < 12 &&
        known.length >= PART_SHOWN.minGlyphs &&
        !!brandOf(textOf(known)) &&
        shownInPart(
          {
            text: textOf(known),
            groups: splitGroups(known).map((g) => g.length),
            glyphs: quadsOf(known),
            confidence: known.map((s) => s.confidence),
          },
          cardOutline(),
        )
      );
    };
    // The first and last groups of a number whose middle is out of sight (a cover, glare): how many
    // glyphs lie between. The readers' boxes can stop short of the print across the line: the height
    // weighed is the print's.
    const middleMissing = ({ slots: from, first }: HoledPair) =>
      brandOf(textOf(from))
        ? middleOutOfSight(
            {
              text: textOf(from),
              groups: [first, from.length - first],
              glyphs: fitGlyphsToInk(r.source, quadsOf(from)),
              confidence: from.map((s) => s.confidence),
            },
            cardOutline(),
          )
        : undefined;
    let slots = normalize(settled);
    // The first and last groups of a number whose middle is out of sight, read as two words far
    // apart: the run read stops at the hole; the middle's glyphs are laid unread between the two.
    const pair = slots.length < 12 ? holedPair(r.reading) : undefined;
    const missing = pair && middleMissing(pair);
    const middleShown = missing !== undefined;
    // Each group's boxes as its ink lies (the first group's outer end bounds the mask).
    if (pair && missing !== undefined) {
      const [head, tail] = groupsOnInk(
        [pair.slots.slice(0, pair.first), pair.slots.slice(pair.first)],
        r.run.ink,
      );
      slots = withMiddleGlyphs([...head, ...tail], head.length, missing);
    }
    // Too short for a number as read: OCR may have garbled a group's boxes; count the glyphs by ink.
    // (Not a number's leading groups read cleanly up to a cover: the cover's edges make ink pieces.)
    if (slots.length < 12 && !shownPart(slots)) {
      const fromInk = slotsFromInk(settled, r.run.ink);
      const alt = fromInk && normalize(fromInk);
      options.debug?.(
        `from ink: ${fromInk ? fromInk.map((s) => s.char).join('') : '-'} -> ${alt ? alt.map((s) => s.char).join('') : '-'}`,
      );
      if (alt && alt.length > slots.length) slots = alt;
    }
    options.debug?.(
      `normalized ${r.run.slots.map((s) => `${s.char}:${Math.round(s.x0)}-${Math.round(s.x1)}:${s.confidence.toFixed(2)}`).join(' ')} -> ${slots.map((s) => s.char).join('')} ink=${r.run.ink.map((p) => `${Math.round(p.x0)}-${Math.round(p.x1)}`).join(' ')}`,
    );
    slots = numberWithin(withoutLoneEnds(slots));
    // The number and then the code on one signature-panel line: the code is masked whole, apart.
    const panel = numberThenCode(slots);
    if (panel) slots = panel.number;
    // A number the frame cuts before its last four (a visible 4-4-3 that starts with an issuer's
    // IIN, running into the frame's edge): every digit in view is one to hide.
    const short = slots.length < 12;
    const cutShort =
      short &&
      slots.length >= FINDINGS.cutMinGlyphs &&
      !!brandOf(textOf(slots)) &&
      cutAtEnd(r.source, crop, r.run.slots, slots[slots.length - 1], glyphPitch(slots)) === 'frame';
    if (short && !cutShort && slots.length < PART_SHOWN.minGlyphs) continue;
    // Most of a card number is read as digits (embossed look-alikes count); a line of '?' filled in
    // from ink alone is more likely prose or a pattern.
    const read = r.run.slots.filter((s) => s.char !== '?').length;
    if (!middleShown && (r.run.trueDigits < 6 || read < 0.6 * r.run.slots.length)) continue;
    const partShown = short && !cutShort && shownPart(slots);
    if (short && !cutShort && !partShown) continue;
    // A number shown in part has its IIN and layout checked on the glyphs read (shownPart).
    const brand = brandOf(partShown ? textOf(withoutUnreadEnds(slots)) : textOf(slots));
    if (partShown) slots = withNextGlyph(slots);
    const text = textOf(slots);
    const glyphs = quadsOf(slots);
    const groups = splitGroups(slots);
    const lost =
      lostGlyphs &&
      !brand &&
      !r.cardBand &&
      !r.uncertain &&
      readWithLostGlyphs(groups, glyphs, { outline: cardOutline(), identityPage: lostGlyphs.identityPage });
    if (!brand && !laidOutAsCardNumber(groups) && !lost) continue;
    // An IIN and a phone's grouping: the card rules alone say whether it is a number.
    if (groupedAsPhone(groups) && !(brand && lengthFitsBrand(text) && luhnValid(text))) continue;
    // A line the card's outline placed holds a number only by the card rules, a front's number long
    // and nearly all read: an ID card has the same outline and its own numbers across the same band,
    // and a back its phone line, where a read with gaps can pass for an issuer's short number.
    if (
      r.cardBand &&
      !partShown &&
      !middleShown &&
      !(brand && lengthFitsBrand(text) && bandNumberShaped(text))
    )
      continue;
    // A number printed smaller than one already found is laid out as a card number (a second card
    // beside the first): no group of one or two glyphs, unless the card rules say it is whole. A
    // bank's branch and account line under the number ("8603/7771 Z 76001819") is not one, and its
    // own "last four" would mislead. (A larger one is never dropped this way: it may be the number.)
    const height = median(slots.map((s) => s.y1 - s.y0)) / r.reading.crop.scale;
    const loose = groups.some((g) => g.length <= 2) && !(brand && luhnValid(text));
    const smaller = out.some((o) => height < FINDINGS.smallerNumber * o.glyphHeight);
    if (smaller && loose) continue;
    // The number's own print before its first digit read, left out by the normalization: masked with
    // it (only at the start: the last four stay where they were read), up to the usual length of a
    // number. An uncertain direction masks every digit already; a whole number has lost nothing.
    const whole = !!brand && lengthFitsBrand(text) && luhnValid(text);
    const lead =
      r.uncertain || whole ? [] : leadBefore(r.run.slots, slots, usualLength(brand) - slots.length);
    const finding: Finding = {
      id: `card-${out.length + 1}`,
      kind: 'card-number',
      text,
      glyphs,
      ...(lead.length ? { leadingPrint: quadsOf(lead) } : {}),
      confidence: numberConfidence(text, r.run),
      keepable: !r.uncertain && !cutShort && !partShown,
      enabledByDefault: true,
      reader: r.reading.learned ? 'learned' : 'tesseract',
      notes: [
        brand ? `brand: ${brand.name}` : 'brand: unknown',
        // Luhn (ISO/IEC 7812-1) speaks of a whole number only: a number cut by the frame or shown in
        // part has no verdict.
        ...(text.includes('?')
          ? ['some digits unread']
          : cutShort || partShown
            ? []
            : [luhnValid(text) ? 'Luhn: valid' : 'Luhn: fails']),
        ...(cutShort ? [CUT_SHORT_NOTE] : []),
        ...(partShown ? [PART_SHOWN_NOTE] : []),
        ...(middleShown ? [MIDDLE_SHOWN_NOTE] : []),
        ...(r.uncertain ? [UNCERTAIN_DIRECTION_NOTE] : []),
        ...(lost ? [LOST_GLYPHS_NOTE] : []),
      ],
    };
    if (out.some((o) => overlaps(o.finding, finding))) continue;
    const code =
      panel &&
      markedAfterLastFour({
        ...panelCodeFinding(
          panel.code,
          r.reading.crop,
          'security code after the number on the signature panel',
        ),
        reader: finding.reader,
      });
    const detection = { finding, crop: r.reading.crop, glyphHeight: height, ...(code ? { code } : {}) };
    if (loose) looseLayout.add(detection);
    out.push(detection);
  }
}

/**
 * `found` without the numbers printed smaller (glyphs under `FINDINGS.smallerNumber` of another's
 * height, source pixels) that are `loose`: laid out unlike a card number (a group of one or two
 * glyphs) and not whole by the card rules. A bank's branch and account line under the number is not
 * one, whichever of the two was read better; a larger one is never dropped this way.
 */
export function withoutSmallerLooseNumbers<T extends { glyphHeight: number }>(
  found: readonly T[],
  loose: (d: T) => boolean,
): T[] {
  return found.filter(
    (d) => !loose(d) || !found.some((o) => o !== d && d.glyphHeight < FINDINGS.smallerNumber * o.glyphHeight),
  );
}

let ctxDebug: ((m: string) => void) | undefined;

/**
 * Whether something cuts the number just past its last glyph (crop coordinates, `pitch` in crop
 * pixels): the frame's edge when print runs into it, or less than `FINDINGS.groundBeforeFrame`
 * half-pitch windows of ground lie between the last glyph and it (even ground up to the edge is a
 * scan cropped to the card: the number ends in view); or the card's edge (the ground right after the
 * last glyph is far brighter or darker than the card between groups, to the end).
 */
export function cutAtEnd(
  source: GrayImage,
  crop: LineCrop,
  slots: readonly Slot[],
  last: Slot,
  pitch: number,
): EndCut {
  const cy = (last.y0 + last.y1) / 2;
  const beyond = cropToSource(crop, last.x1 + 1.2 * pitch, cy);
  if (beyond.x < 0 || beyond.y < 0 || beyond.x >= source.width || beyond.y >= source.height) return 'frame';
  // Mean grey of the source under a stretch of the glyph band (crop coordinates); the crop itself may
  // end a glyph after the number, so the source is sampled. NaN when it lies outside the frame.
  const band = (a: number, b: number) => {
    let sum = 0;
    let n = 0;
    for (let y = Math.floor(last.y0); y < Math.ceil(last.y1); y++) {
      for (let x = Math.floor(a); x < Math.ceil(b); x++) {
        const p = cropToSource(crop, x + 0.5, y + 0.5);
        const sx = Math.floor(p.x);
        const sy = Math.floor(p.y);
        if (sx < 0 || sy < 0 || sx >= source.width || sy >= source.height) continue;
        sum += source.data[sy * source.width + sx];
        n++;
      }
    }
    return n ? sum / n : NaN;
  };
  // The card's own surface: the gaps between the slots.
  const gaps: number[] = [];
  for (let i = 1; i < slots.length; i++) {
    if (slots[i].x0 - slots[i - 1].x1 > 0.5 * pitch) gaps.push(band(slots[i - 1].x1 + 2, slots[i].x0 - 2));
  }
  const surface = gaps.filter((g) => !Number.isNaN(g)).sort((a, b) => a - b)[gaps.length >> 1];
  if (surface === undefined) return false;
  // Past the last glyph, half-pitch windows out to three pitches: a card edge shows as a change
  // that lasts to the end (the table beyond), not as a patch of print.
  const windows: number[] = [];
  for (let k = 0; k < 6; k++)
    windows.push(band(last.x1 + (0.3 + 0.5 * k) * pitch, last.x1 + (0.8 + 0.5 * k) * pitch));
  // The frame's edge a little way past the last glyph: a number cut by it runs into the edge, where
  // one that ends shows the card's own ground up to the edge (a scan cropped to the card).
  const seen = windows.findIndex((v) => Number.isNaN(v));
  const inFrame = seen < 0 ? windows : windows.slice(0, seen);
  if (inFrame.length < FINDINGS.groundBeforeFrame) return 'frame';
  ctxDebug?.(`cutAtEnd surface=${surface.toFixed(0)} windows=${windows.map((v) => v.toFixed(0)).join(',')}`);
  // Even ground (no glyph's ink) from the last glyph to the edge: the number ends in view.
  if (seen >= 0) return Math.max(...inFrame) - Math.min(...inFrame) <= 30 ? false : 'frame';
  // The change must start right after the last glyph (within about a pitch and a half).
  for (let k = 0; k < 3; k++) {
    const rest = windows.slice(k);
    if (rest.every((v) => v - surface > 30) || rest.every((v) => surface - v > 30)) return 'card';
  }
  return false;
}

/** Two findings over the same glyphs (one line found twice). */
function overlaps(a: Finding, b: Finding): boolean {
  const c = (q: Quad) => ({ x: (q[0].x + q[2].x) / 2, y: (q[0].y + q[2].y) / 2 });
  const ca = a.glyphs.map(c);
  const cb = b.glyphs.map(c);
  let hits = 0;
  for (const p of cb) if (ca.some((q) => Math.hypot(p.x - q.x, p.y - q.y) < 10)) hits++;
  return hits >= cb.length / 2;
}

/**
 * Reads a stack of group lines (a vertical card) as one number. Each group is read both ways round;
 * the way that reads more digits with more confidence wins for the whole stack, and the groups are
 * then taken in reading order: top first, in the frame of upright text. Each glyph's `line` says which
 * printed line it is on, so masks follow each group rather than spanning the card.
 */
async function readStack(ctx: Ctx, stack: readonly TextLine[]): Promise<CardNumberDetection | undefined> {
  const { gray } = ctx;
  const reader = ctx.learned ?? ctx.ocr;
  // The detector's quads of short upright-on-end lines start at either end: one line of a stack can
  // come at angle +90 degrees and its neighbour at -90. All groups are read in the first one's way.
  const base = stack[0].angle;
  const wayOf = (l: TextLine) => (Math.cos(l.angle - base) < 0 ? l.angle + Math.PI : l.angle);
  // The groups of one number are printed at one size: no group is cropped taller than the stack's
  // median glyph height, so a group whose detector box took in a neighbouring group's print (a
  // taller box) is not read with that group's ink, which would stretch its glyphs' boxes over the
  // neighbour. A box shorter than the median is tight on its group already and is kept.
  const gh = median(stack.map((l) => l.glyphHeight));
  const readGroup = async (l: TextLine, flip: number) => {
    const height = Math.min(l.glyphHeight, gh);
    const crop = cropTextLine(gray, { ...l, glyphHeight: height }, wayOf(l) + flip * Math.PI, 1.2);
    const read = await readCrop(reader, crop);
    // Bracket marks round a group ('[4184]') are print, not digits ('[' passes for a 1).
    const reading = { ...read, glyphs: stripBrackets(read.glyphs) };
    const run = numberRun(reading);
    // Unread ink at a group's ends is the bracket again, not a digit: a group is read whole.
    while (run?.slots.length && run.slots[0].char === '?') run.slots.shift();
    while (run?.slots.length && run.slots[run.slots.length - 1].char === '?') run.slots.pop();
    ctx.debug?.(
      `stack group flip=${flip} "${reading.text}" -> ${run ? run.slots.map((s) => s.char).join('') : '-'}`,
    );
    return { crop, run };
  };
  type Group = { line: TextLine; crop: LineCrop; run: NumberRun | undefined };
  const ways: Group[][] = [];
  for (const flip of [0, 1]) {
    const groups: Group[] = [];
    for (const l of stack) groups.push({ line: l, ...(await readGroup(l, flip)) });
    ways.push(groups);
  }
  const score = (gs: Group[]) =>
    gs.reduce((sum, g) => sum + (g.run ? g.run.trueDigits * (0.5 + g.run.confidence) : 0), 0);
  const flip = score(ways[1]) > score(ways[0]) ? 1 : 0;
  // Top first in the reading frame: along +v of the reading direction ("down" for upright text).
  const a = stack[0].angle + flip * Math.PI;
  const down = (g: Group) => -g.line.centre.x * Math.sin(a) + g.line.centre.y * Math.cos(a);
  const groups = [...ways[flip]].sort((p, q) => down(p) - down(q));
  const isGroup = (g: Group) =>
    !!g.run && g.run.slots.length >= 3 && g.run.trueDigits >= 0.75 * g.run.slots.length;
  // A line printed in line with the groups above or below them (the expiry date, the bank's name)
  // joins the stack by its geometry; read as anything but a group of digits, it is let go.
  while (groups.length > STACK.minGroups && !isGroup(groups[0])) groups.shift();
  while (groups.length > STACK.minGroups && !isGroup(groups[groups.length - 1])) groups.pop();
  if (!groups.every(isGroup)) return undefined;
  const glyphs: Quad[] = [];
  const lines: number[] = [];
  let text = '';
  groups.forEach((g, k) => {
    for (const s of g.run?.slots ?? []) {
      glyphs.push(cropQuad(g.crop, s.x0, s.y0, s.x1, s.y1));
      lines.push(k);
      text += s.char;
    }
  });
  if (text.length < 12 || text.length > 19) return undefined;
  const brand = brandOf(text);
  const last = groups[groups.length - 1];
  return {
    finding: {
      id: 'card-stacked-1',
      kind: 'card-number',
      text,
      glyphs,
      lines,
      confidence: Math.min(1, 0.45 + cardRulesBonus(text)),
      keepable: true,
      enabledByDefault: true,
      // Stacks are found by the learned detector and read by its recognizer alone.
      reader: ctx.learned ? 'learned' : 'tesseract',
      notes: [
        brand ? `brand: ${brand.name}` : 'brand: unknown',
        text.includes('?') ? 'some digits unread' : luhnValid(text) ? 'Luhn: valid' : 'Luhn: fails',
        `printed in ${groups.length} stacked groups`,
      ],
    },
    crop: last.crop,
    glyphHeight: last.line.glyphHeight,
  };
}

/**
 * The number printed over two lines (two-line-number.ts) among the runs read, as one finding whose
 * glyphs keep their printed line (masks never span the two), or undefined.
 */
function twoLineDetection(found: readonly ReadNumber[]): CardNumberDetection | undefined {
  const runs = new Map<DigitLine, ReadNumber>();
  for (const r of found) {
    if (!allDigits(r.run)) continue;
    const crop = r.reading.crop;
    const glyphs = r.run.slots.map((s) => cropQuad(crop, s.x0, s.y0, s.x1, s.y1));
    runs.set(
      {
        digits: r.run.slots.map((s) => s.char).join(''),
        glyphs,
        // Each glyph's height in source pixels (its quad's left side), the median of them.
        glyphHeight: median(glyphs.map((q) => Math.hypot(q[3].x - q[0].x, q[3].y - q[0].y))),
      },
      r,
    );
  }
  const pair = twoLineNumber([...runs.keys()]);
  if (!pair) return undefined;
  const text = pair[0].digits + pair[1].digits;
  const lower = runs.get(pair[1])!;
  const brand = brandOf(text);
  const luhn = luhnValid(text);
  return {
    finding: {
      id: 'card-two-lines-1',
      kind: 'card-number',
      text,
      glyphs: [...pair[0].glyphs, ...pair[1].glyphs],
      lines: [...pair[0].glyphs.map(() => 0), ...pair[1].glyphs.map(() => 1)],
      // As a stacked number's: 0.45, with Luhn and the brand's length.
      confidence: luhn ? 0.75 : 0.55,
      keepable: true,
      enabledByDefault: true,
      reader: lower.reading.learned ? 'learned' : 'tesseract',
      notes: [
        `brand: ${brand?.name ?? 'unknown'}`,
        luhn ? 'Luhn: valid' : 'Luhn: fails',
        'printed over two lines',
      ],
    },
    crop: lower.reading.crop,
    glyphHeight: pair[1].glyphHeight,
  };
}

const BRACKETS = new Set(['[', ']', '(', ')', '{', '}', '|', 'I', 'l']);

/** Drops bracket-like glyphs at the ends of each word of a reading. */
function stripBrackets(glyphs: readonly ReadGlyph[]): ReadGlyph[] {
  const out: ReadGlyph[] = [];
  for (const word of wordsOf(glyphs)) {
    let a = 0;
    let b = word.length;
    while (a < b && BRACKETS.has(word[a].char)) a++;
    while (b > a && BRACKETS.has(word[b - 1].char)) b--;
    if (b > a) out.push(...word.slice(a, b), { ...word[b - 1], char: ' ' });
  }
  return out;
}
