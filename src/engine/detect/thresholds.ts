// Every tuned number of the card detector, stage by stage, in one place: locate lines (the learned DB
// detector, or blob chaining without models) -> crop -> read -> lay out glyphs -> findings. Lengths
// are in glyph heights of the line in question unless a name says otherwise; angles in radians.
// Where a value comes from outside (a paper, PaddleOCR's configuration), the comment says so.

/** DB post-processing, as PaddleOCR configures its PP-OCR det models (det_db_thresh, det_db_box_thresh...). */
export const DB = {
  /** A pixel is text when its probability exceeds this. */
  pixelThreshold: 0.3,
  /** A region is kept when the mean probability inside it reaches this. */
  boxThreshold: 0.5,
  /** How far a region is grown: area * ratio / perimeter (the inverse of the training shrink). */
  unclipRatio: 1.6,
  /** Regions shorter than this (map pixels) on their short side are noise. */
  minSide: 3,
  /**
   * A line with print attached (db-postprocess.ts, fitLineRegions): slices this many map pixels
   * wide across the region's principal axis, at least `minSlices` of them; the region is split when
   * its whole extent across is `extentRatio` times the median slice's (a line of text is about as
   * tall everywhere along it), and only a line `lineLength` times as long as that median (a card
   * number is over ten). The band follows the middles of the slices at most `lineSlice` times the
   * median tall, and is found again along its own axis `refits` times.
   */
  lineCore: { slice: 4, minSlices: 8, extentRatio: 2, lineLength: 6, lineSlice: 1.5, refits: 2 },
} as const;

/** Stage "locate lines", learned: the detector's regions merged into lines. */
export const LINE_STAGE = {
  /** Long side of the image the detector runs on (source pixels beyond are averaged). */
  detectorSide: 960,
  /** A DB region (after unclip) is this many times its glyphs' height. */
  regionPerGlyphHeight: 1.55,
  /**
   * Print under this many of the detector's pixels tall is found but placed too roughly to mask by:
   * the small repeat of the first four is then found again in its strip, enlarged.
   */
  minPlacedGlyphHeight: 6,
  /** Pieces of one line: directions within this (sine of the angle between them)... */
  mergeMaxTurn: 0.14,
  /** ...heights within this ratio... */
  mergeMaxHeightRatio: 1.45,
  /** ...centre lines within this share of a glyph height... */
  mergeMaxOffset: 0.45,
  /** ...and an end-to-end gap of at most this many glyph heights... */
  mergeMaxGap: 2.6,
  /**
   * ...or, between two pieces at least a group long with the same glyph height, this many: wide-set
   * card numbers leave three glyph heights between groups.
   */
  mergeMaxGroupGap: 4.2,
  mergeGroupHeightRatio: 1.2,
  /**
   * A number's line is read over lower pieces of its own print (embossed digits broken up by the
   * detector, see detect/line-fragments.ts) whose extent across lies within this share of its glyph
   * height from its centre line...
   */
  fragmentBand: 0.6,
  /** ...down to this share of its glyph height. */
  fragmentMinHeight: 0.35,
} as const;

/** Stage "locate lines", stacks: vertical cards print the groups one above another. */
export const STACK = {
  /** A group line is 3 to 6 glyphs: this many glyph heights long... */
  minGroupLength: 1.6,
  maxGroupLength: 6.5,
  /** ...its neighbours in the stack have glyphs within this height ratio... */
  maxHeightRatio: 1.3,
  /** ...run within this (sine of the angle between them)... */
  maxTurn: 0.17,
  /** ...sit this far apart across the line (centre to centre)... */
  minSpacing: 1.05,
  maxSpacing: 3.6,
  /** ...and line up along it to within this (left, centre or right edges). */
  maxShift: 1.2,
  /** A stack holds 3 to 5 groups (Amex stacked 4-6-5 is three)... */
  minGroups: 3,
  maxGroups: 5,
  /**
   * ...of which at least minGroups found by the detector: a step across the stack of twice its
   * spacing, give or take this share of one spacing, is a group the detector's box missed.
   */
  holeTolerance: 0.3,
} as const;

/** A number printed over two lines (see two-line-number.ts), placed like a stack's groups (STACK). */
export const TWO_LINE = {
  /** Digits a line holds: one group of 6 (Amex's middle group) up to two groups (5 + 5). */
  digits: [6, 10],
} as const;

/** Where touching glyphs inside a group part (see touching-glyphs.ts), in glyph pitches. */
export const TOUCHING = {
  /** Neighbours in one group: centres at most this far apart... */
  maxCentres: 1.4,
  /** ...and boxes apart by at most this (they touch or overlap). */
  maxGap: 0.15,
  /** The parting column is looked for this far either side of the boundary as read... */
  search: 0.3,
  /** ...and at least this far from either glyph's centre (a 0's hollow is not a gap)... */
  clear: 0.3,
  /** ...and holds at most this share of the ink of the fullest column between the two centres. */
  maxInk: 0.2,
  /** The card's ground under the print: this quantile of the band's grey levels (light end). */
  groundQuantile: 0.9,
} as const;

/** A security code printed with its label (CVV2 on Iranian fronts), in the number's glyph heights. */
export const LABELLED_CODE = {
  /** Lines this far above or below the number's line (centre to centre), not on it... */
  clear: 0.6,
  reach: 6,
  /** ...overlapping the number's extent widened by this much at each end... */
  along: 3,
  /** ...printed this tall relative to the number... */
  glyphHeight: [0.3, 1.3],
  /**
   * ...and as long as a label ("CVV2", about 3.5 of its glyph heights) up to a label and its code
   * ("CVV2 : 5106", about 9; "SECURITY CODE 010" about 12 on Capital One's back), in their own glyph
   * heights: a line of terms is longer.
   */
  lineGlyphHeights: [2.5, 14],
  /** Lines read at most, nearest first (each read costs the recognizer a run). */
  maxLines: 4,
  /** A label's code alone on the next line: centres at most this many glyph heights apart across. */
  labelGap: 2.5,
} as const;

/** Stage "locate lines", geometric (no models): blob chaining on a reduced copy. */
export const LOCATE = {
  /** Longest side of the image the line finder works on: digits stay 15+ px tall in phone photos. */
  workSide: 1400,
  /** Learned lines read at most, best ranked first. */
  maxLearnedLines: 8,
  /** Blob-chained lines read at most. */
  maxChainedLines: 6,
  /**
   * Once a number is read, other lines this many glyph heights long (12 to 19 glyphs with their
   * spaces) are read too, for a second card in the photo...
   */
  numberShape: [7, 24],
  /** ...when their glyphs are within this ratio of the number's height. */
  otherNumberHeightRatio: 1.6,
  /**
   * ...and when they do not lie on the number's own card: the card's outline holds both, and the
   * number spans this share of its width (a card's number spans about 0.6 to 0.85 of an ID-1 card's
   * 85.6 mm; two cards side by side make an outline at least twice a card wide, where a number spans
   * under 0.45).
   */
  numberCardWidth: [0.45, 1],
} as const;

/** Stages "crop" and "read": one candidate line read into a run of glyph slots. */
export const READ_LINE = {
  /** A learned reading with no run and no words under this confidence is read by Tesseract too. */
  secondReaderConfidence: 0.8,
  /** The glyphs read lean by more than this (radians) against the crop: the line is read again along them. */
  reaimTilt: (1.5 * Math.PI) / 180,
  /**
   * Lines of a card's words read one way round (known card words, or clean prose), on the card and
   * along a line, that make the line read that way only before a number has set the photo's way up
   * (card-words-way.ts wayOfWordsOnCard). Two: one line's words can be read by chance.
   */
  cardWordLines: 2,
  /**
   * The glyphs read are shorter than this share of the line's height: the detector's region took in
   * print beside the number, and the line is read again at the glyphs' own height.
   */
  reaimGlyphHeightRatio: 0.65,
  /**
   * When the two readings of a line (as found and turned half round) differ in quality by less than
   * this share, the reading direction is uncertain and no digit is kept visible.
   */
  uncertainDirection: 0.08,
  /**
   * Luhn outweighs the words around a number on which way up it reads only over this many digits (a
   * whole number: 15 to 19 digits nearly always); fewer are most often part of a number cut short.
   */
  luhnWholeDigits: 15,
  /**
   * One reader's mean character confidence this much higher one way round than the other decides
   * the way up, whatever the card rules say of either reading (a reversed specimen can pass Luhn).
   */
  directionConfidenceGap: 0.08,
  /**
   * Of two readings of one line the two ways round, one read wholly as digits is the way up when the
   * other read at most this share of its glyphs as digits (the rest as letters and symbols) and the
   * recognizer was no less sure of it: turned half round, digits other than 0, 1, 6, 8 and 9 read as
   * letters. A number of those five reads as digits both ways and leaves the words around it to say.
   */
  turnedDigitShare: 0.7,
  /**
   * A line read the photo's way up as a number of its network's length (brand length; Luhn is not
   * asked: specimens print numbers that fail it), every glyph a digit, with at least this many 3s and
   * 7s read at `uprightTellConfidence` or more, is upright beyond doubt, and is not read turned half
   * round (two to three recognizer runs fewer on most fronts). Turned round, the learned recognizer
   * read no 3 and no 7 that sure over 247 number lines of five fixture folders (`bench/turned-digits.ts`:
   * 3s read E or a pound sign, 7s L), nor over 390 lines of seven (the shared real and synthetic cards,
   * held-out seeds 77, 91 and 2027, the real cards turned, and turned dim and small), while it read
   * turned 2s, 5s, 0s, 8s, 6s and 9s as digits often (204 sure 2s, 267 sure 8s). Not 4s: none that sure
   * in either measurement, but a Barclaycard specimen upside down read "2545 9286 8292 9245".
   */
  uprightTellDigits: 2,
  /** ...see uprightTellDigits. */
  uprightTellConfidence: 0.9,
  /** A line that may be a second card's number is read in full only when a quick read finds this many digits. */
  probeMinDigits: 8,
  /** A whole number's length in its glyph pitches (16 glyphs and 3 group spaces, with a margin)... */
  numberPitches: 20,
  /** ...but never read further than this many glyph heights (a pitch misjudged from a few glyphs). */
  maxNumberLength: 26,
  /** The longest card number issued (ISO/IEC 7812: 19 digits): a learned run short of a whole number is read on towards it. */
  wholeNumberDigits: 19,
  /**
   * A group of four read before a learned run of three whole groups (leading-digits.ts leadingGroup)
   * is the number's first when its steps are within this share of a pitch of the run's own: glyph to
   * glyph within the group, and its last glyph to the run's first as the run's group spaces.
   */
  leadingGroupStep: 0.3,
  /** A run that still reaches the crop's end is read on this many of its pitches more (19 digits). */
  longerNumberPitches: 5,
  /** ...and that read wins only with this many more digits read plainly (not the card's edge in doubt). */
  readOnPlainDigits: 2,
  /**
   * A run read the other way round from a line of clean prose is a number only when this share of its
   * slots was read as true digits (upside-down letters pass for look-alikes: L for 7, S for 5, B for 8).
   */
  trueDigitShare: 0.85,
  /**
   * A glyph read under this confidence is in doubt: a wider read that adds such glyphs to a line
   * already read as a whole number (brand length and Luhn) does not replace it.
   */
  doubtfulGlyph: 0.7,
} as const;

/**
 * The way up from the words around a number (detect/page-way-up.ts), asked only when a number reads
 * as digits both ways round and the recognizer is not clearly surer of one.
 */
export const PAGE_WAY = {
  /** Lines of words read, largest print first. */
  maxLines: 3,
  /** Lines printed along the number: their directions differ by at most this sine (15 degrees). */
  maxTurn: Math.sin((15 * Math.PI) / 180),
  /** Lines on the same card: centres within this share of the number's length of its centre. */
  reach: 1.2,
  /** A line of at least a word: this many of its own glyph heights long. */
  minWordLength: 3,
  /** Print from a third to one and a half of the number's height. */
  glyphHeightRatio: [0.3, 1.5],
  /** A reading counts as words at this mean character confidence... */
  minConfidence: 0.8,
  /** ...when it is this much surer than the same line turned half round. */
  confidenceGap: 0.15,
  /** A line's middle this many of its glyph heights long is read (a word or two). */
  readLength: 8,
  /** Lines that agree, with none against, settle it without reading the rest. */
  agreeingLines: 2,
  /**
   * The direction classifier is sure of a line's way round when it gives that way this probability
   * on the crop, and the crop turned half round the other way as surely; the line is then read that
   * way first (page-way-up.ts).
   */
  classifierSure: 0.9,
} as const;

/** A number's glyphs counted by its ink where the boxes count them wrong (ink-layout.ts). */
export const INK_LAYOUT = {
  /**
   * Every piece of ink over the run within this share of their median width: a glyph each. (A piece
   * of two touching glyphs, or a glyph's stroke cut off from the rest, would miscount the layout.)
   */
  pieceWidth: [0.6, 1.5],
  /** No digit read moves further than this many in-group pitches to the piece it is laid on. */
  maxShift: 0.75,
} as const;

/** Stage "lay out glyphs": printed groups (detect/group-digits.ts), in glyph pitches between centres. */
export const GROUPS = {
  /**
   * A piece of ink this many times the group's median piece width, under two glyphs read, is two
   * touching glyphs: the group is not re-cut to its ink (group-digits.ts recutGroup).
   */
  mergedInkWidth: 1.5,
  /** A step this wide parts two printed groups... */
  space: 1.45,
  /** ...or this wide where the reader read a space there (fonts set with narrow group spaces). */
  spaceAfterRead: 1.2,
  /** A group of three after the number is its code when set apart by this many of its widest group spaces. */
  codeApart: 1.5,
  /** The last glyph of a run is stray (not the number's) when its step from the one before is over... */
  strayGap: 1.3,
  /** ...or under this many pitches... */
  strayCrowd: 0.6,
  /** ...or its height is outside this share of the median height of the glyphs just before it... */
  strayHeight: [0.75, 1.33],
  /** ...this many of them. */
  rhythmNeighbours: 4,
  /**
   * A height counts only where the run's boxes agree on one: their interquartile range at most this
   * share of their median (a recognizer's boxes over embossed relief on a patterned ground ran from 4
   * to 38 px tall on one line, and said nothing of a glyph).
   */
  heightsAgree: 0.3,
  /**
   * The glyph pitch is taken from the boxes' heights unless fewer than this share of the steps
   * between neighbouring glyphs fit it (a 4-4-4-4 number has 12 steps within groups in 15): then
   * from the steps alone (see glyphPitch).
   */
  pitchStepShare: 0.4,
  /** A box this narrow (share of the run's median glyph width) crowding its neighbour is a sliver. */
  crowdedWidth: 0.35,
  /** A sliver box with no ink under it takes the ink piece within this many glyph widths of it. */
  sliverReach: 0.5,
} as const;

/** Stage "findings": runs that become card numbers. */
export const FINDINGS = {
  /** Fewest glyphs of a number cut by the frame's edge that are masked as one (two groups and more). */
  cutMinGlyphs: 9,
  /**
   * Half-pitch windows of the card's own ground seen between a number's last glyph and the frame's
   * edge (sampled from 0.3 pitch on) for the number to end there rather than run out of the frame.
   */
  groundBeforeFrame: 3,
  /** A number printed under this share of an earlier number's height must be laid out like a card number. */
  smallerNumber: 0.9,
  /**
   * Print read before a number's first glyph and left out of its digits is masked with it
   * (leading-print.ts) when each glyph lies at most this many pitches (edge to edge: a group's space
   * is about one) before the next...
   */
  leadGap: 1.6,
  /** ...centred within this share of the number's glyph height of its band... */
  leadBand: 0.5,
  /** ...this share of its height tall... */
  leadHeight: [0.6, 1.6],
  /** ...and a group at most. */
  leadMax: 4,
} as const;

/**
 * Stage "findings", the last resort on a card where no number stood (lost-glyphs.ts): a long run of
 * digits read plainly across the card, the reader having lost a glyph or two and garbled the boxes
 * of the groups, so neither the card rules nor the layout vouch for it.
 */
export const LOST_GLYPHS = {
  /** At least this many glyphs read as digits: most of a 16-digit number (a date or a code is far less). */
  minDigits: 13,
  /** At most this many glyphs seen but left unread ('?') among them (not in the last group). */
  maxUnread: 2,
  /** The run's digits read with at least this mean confidence: print, not art read as digits. */
  minMeanConfidence: 0.85,
  /** Each digit of the last group read with at least this confidence: the four kept are the four read. */
  lastGroupConfidence: 0.8,
  /**
   * With no card outline found: the glyphs before the last group at least this many times its
   * advance apart (boxesShowLoss; whole groups of four with their spaces come to about 1.2).
   */
  lossAdvance: 1.4,
} as const;

/**
 * Stage "findings", a number shown in part (part-shown.ts): the leading groups of a card number on a
 * card whose other digits are out of sight (covered by its owner, washed out by glare).
 */
export const PART_SHOWN = {
  /** Fewest glyphs in view: two whole groups of four (one group alone is a code, a year, a branch). */
  minGlyphs: 8,
  /**
   * Glyphs at least this share of the card's short side tall: a number's size (embossed numbers
   * measure about 0.08, printed ones 0.05 to 0.07; dates and the small repeat of the first four less).
   */
  minHeightShare: 0.045,
  /** The first glyph within this share of the card's long side from its leading edge. */
  maxLeadShare: 0.3,
  /** Room past the last glyph for at least this share of the digits still to come, at the run's pitch. */
  roomShare: 0.8,
  /** A last glyph read with less confidence than this may be the edge of the cover (a box, a scribble). */
  coverEdgeConfidence: 0.3,
} as const;

/**
 * Stage "findings": a card number with its middle groups out of sight (middle-shown.ts), its first
 * and last group in view; the card's other measures are PART_SHOWN's.
 */
export const MIDDLE_SHOWN = {
  /**
   * The hole between the two groups, centre to centre, at least this share of the missing glyphs'
   * pitches (plus one): narrower, the two groups are side by side, not the ends of one number.
   */
  minFill: 0.85,
  /** ...and at most that many pitches plus this many for each group boundary of the layout. */
  maxGroupSpace: 1.5,
} as const;

/** Stage "fit glyphs to their print" (glyph-ink.ts): a glyph box grown across its line to its print. */
export const GLYPH_INK = {
  /**
   * Print under this many source pixels tall is left as placed: a pixel row is then a tenth of a
   * glyph or more, too coarse to tell the glyph's own rows from the next line's (a small repeat of
   * the first four over the name).
   */
  minGlyphHeight: 12,
  /** Rows sampled per glyph height (a step of at least one source pixel). */
  rowsPerGlyph: 24,
  /**
   * A box grows at most this many of the number's glyph heights (its boxes' median) above it and
   * below it: a box that holds half its digit grows by its own height.
   */
  maxGrow: 1,
  /**
   * Rows are looked at this many glyph heights beyond the box: print still running there is not
   * the glyph's own (a logo, a hand), and that glyph's run is left out of the band's fit.
   */
  searchReach: 1.4,
  /** The share of the box's width, about its middle, whose columns are sampled... */
  innerShare: 0.7,
  /** ...and at least this many glyph heights either side of the middle (a squeezed box). */
  minHalfWidth: 0.2,
  /** The ground's edge energy: this quantile of the rows sampled (most rows of the band are ground). */
  groundQuantile: 0.2,
  /** A box whose rows peak under this many times the ground's energy shows no print to follow. */
  minContrast: 1.5,
  /** A row is print when its energy is this share of the way from the ground's to the box's typical (median) row. */
  rowShare: 0.35,
  /** Blank rows (sampled) a glyph's print may have between rows that carry it. */
  gapRows: 1,
} as const;

/**
 * The gap between two glyphs' prints: its middle, and where the next print starts (glyph-gaps.ts), in
 * glyph pitches.
 */
export const GLYPH_GAP = {
  /**
   * Neighbours whose centres are at most this many pitches apart, a group gap included, have a gap
   * to look at; farther apart, a glyph between them may be missing.
   */
  maxCentres: 2.6,
  /** The gap's floor is looked for at least this far from either centre (a 0's hollow is not a gap)... */
  clear: 0.25,
  /** The print's strength: this quantile of the columns between the two centres (most cross a stroke). */
  printQuantile: 0.75,
  /** The emptiest column between them is a gap only when at most this share as strong as the print... */
  maxFloor: 0.6,
  /** ...and the gap runs on while a column is within this share of the way from that floor to the print. */
  inkShare: 0.35,
  /** Columns are sampled this far apart (source pixels): a cell's edge is a pixel or two wide. */
  columnStep: 0.5,
  /** A box short of its print's end is grown at most this many pitches. */
  maxGrowth: 0.25,
} as const;

/**
 * Stage "locate lines" by card geometry (card-band.ts), tried only when no line read as a number.
 * Measured on photos whose numbers the detector missed (embossed relief as pale as the card): the
 * number's centre lay 0.55 to 0.62 of the card's height from its top edge, its glyphs about 0.06 of
 * the card's height tall.
 */
export const CARD_BAND = {
  /** Heights of the lines tried, shares of the card's height from an edge, the usual first. */
  heights: [0.58, 0.54, 0.62, 0.66],
  /** Each line's glyph height, a share of the card's height. */
  glyphHeight: 0.06,
  /** Each line's length, a share of the card's width. */
  length: 0.92,
  /**
   * A line is read in full only when a quick read of it finds this many digits: two groups of four,
   * a number's leading groups (part-shown.ts) or its two ends with the middle covered (middle-shown.ts).
   */
  probeMinDigits: 8,
  /** Lines whose glyphs would be under this many source pixels tall are not read (nothing to read). */
  minGlyphHeight: 8,
  /**
   * The frame is taken for a card cropped to its edges only when the learned detector saw at least
   * this much other print on it (a bank's name, the brand, dates): a blank or pictorial image of the
   * card's shape costs no reads.
   */
  frameMinTextLines: 2,
  /**
   * Lines of words within this turn (radians) of the card's long sides say which way up the card is
   * (`cardReadingAngle`), and then only the band below its middle is read; and of a candidate line,
   * which way round it reads (`wayOfPageWords`). 20 degrees: a card photographed at a slant draws its
   * lines up to 11 degrees apart (a back tilted 17 degrees: its phone line at 42, its fine print at
   * 31), and print across the card is 90 away.
   */
  wordsMaxTurn: 0.35,
  /** ...when this many lines of words agree, and none disagrees. */
  wordsAgreeing: 2,
  /**
   * A number found on a band line is at least this long (a front's number is 15 to 19 digits; a
   * back's phone line, read with gaps, passed for a 12-digit Maestro number)...
   */
  minNumberLength: 15,
  /** ...with at most this many glyphs left unread (pale relief reads with a gap or two). */
  maxUnread: 2,
} as const;

/** The small repeat of the first four: where it may be, in the number's glyph heights from its first glyph. */
export const REPEAT_BAND = {
  below: [0.5, 3],
  /** Some issuers print it above the first group instead (centre to centre, the number's glyph heights). */
  above: [0.5, 2.5],
  /** Some issuers print it out to the left, starting before the number (a Korean Visa). */
  before: 4,
  after: 7,
  /** A line read short (three of the four) is the repeat only when no longer than this many of its glyph heights. */
  maxWordLength: 4.5,
  /** ...and an unread line only when at least this long (four glyphs, not a mark; by its box, or by its ink when two digits or more read in it are the first four's)... */
  minWordLength: 2.2,
  /** ...and starting within this many of the number's glyph heights of its first digit. */
  unreadStart: 1.5,
  /**
   * A line the whole-photo detector saw starting under the number's first digit says the strip holds
   * no repeat it missed only when no line fits between it and the number: its top at most this many
   * of the number's glyph heights below the number's lower edge. Over the shared real cards and seeds
   * 1 and 18, repeats lay 0.05 to 0.72 below it, names and "MEMBER SINCE" lines 1.21 to 2.04 (seed
   * 18's hx-034: a faint repeat above such a line, unseen at the photo's working size).
   */
  seenLineGap: 1,
  /**
   * Lines the detector finds on the enlarged strip count from this many of the number's glyph
   * heights tall: the strip is enlarged for print of 0.2 of them; a white repeat on a grey card came
   * out 0.31 (seed 10's hx-019), a speck of a dark card's grain about 0.07 (seed 10's hx-002, once a
   * line seen further down no longer kept the strip from being looked at).
   */
  stripMinHeight: 0.15,
  /**
   * A repeat masked without its four glyphs placed (read short or unread) is masked at least this many
   * of its glyph heights wide from its start: four digits advance 0.75 to 1 glyph height each in the
   * fonts seen, and the detector's box of print in glare can end at the second.
   */
  minMaskLength: 4,
  /** Glyph heights of the repeat's line added to its crop (the detector's box of 5 px print can fall a glyph short). */
  cropMargin: 3,
  /** Digits read at this mean confidence are read plainly: a line holding them is no unread repeat. */
  plainConfidence: 0.8,
  /**
   * The repeat's tail (the IIN's fifth and sixth digits printed apart over the number's second
   * group): across, within this many of the repeat's glyph heights of its line; as tall as the repeat
   * within these ratios; no more than this many glyphs long.
   */
  tail: { across: 0.6, height: [0.7, 1.4], maxGlyphs: 3 },
  /**
   * The window (in strip glyph heights, a fifth of the number's) over which the enlarged strip's
   * ground is measured and, in glare, flattened before the detector looks for the repeat: about the
   * height of its glyphs (0.3 to 0.45 of the number's), narrower than a glare spot.
   */
  stripGround: 2.3,
  /**
   * Glare over the strip: its ground spans more than this many times the detail on it (normalize.ts,
   * groundDominates). 10 on a silver emboss with its repeat in a glare spot (seed 17's hx-008); 1.0 to
   * 3.0 on the 15 shared real cards, 2.3 on a small degraded copy whose blurred repeat the flattening
   * lost: those keep the strip as it is.
   */
  glareSpread: 5,
} as const;

/** The security code's band: above the number, along its length (the number's glyph heights). */
export const CODE_BAND = {
  above: [0.8, 14],
  before: 3,
  after: 10,
  /**
   * Panel print may be smaller than the number's or, in italic script, twice as tall: the detector's
   * box of slanted script is taller again by the slant (2.5 times the number's on a seed-6 back).
   */
  glyphHeight: [0.3, 3],
  /** A panel or code line is at most this many of its own glyph heights long. */
  maxGlyphHeights: 12,
  /** Lines read at most (nearest the number first). */
  maxLines: 6,
  /** Lines the panel reader reads at most when no number anchors the search (a back without one). */
  panelMaxLines: 10,
  /** A lone last four on a panel is read again this many glyph heights further on, for the code after it. */
  panelCodeReach: 5,
  /**
   * A back that prints the number above the panel has the code below it, at the panel's end under the
   * number's last glyph: this many of the number's glyph heights below it (centre to centre), within
   * `along` of its last glyph along it, as tall as these shares of its glyphs, no longer than a
   * word (its own glyph heights); nearest first, `maxLines` read at most.
   */
  belowEnd: { down: [1.5, 10], along: 2, glyphHeight: [0.5, 1.5], maxGlyphHeights: 4.5, maxLines: 2 },
  /** Long lines read at most beside a lone 3-digit code box, for the signature strip. */
  signatureStripLines: 2,
  /** The panel's "signature" label is on the box's panel: within this many glyph heights across it... */
  panelAcross: 5,
  /** ...and this many along it (a card is about 30 of the code's glyph heights wide). */
  panelAlong: 40,
} as const;
