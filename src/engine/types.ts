// Plain data shared by every stage of the engine. No DOM types: the engine runs in a Web Worker and in Node.

/** Pixels of the upright image (EXIF orientation applied), RGBA, row-major. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

/** One 8-bit luminance channel; what OCR and the detectors work on. */
export interface GrayImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

export interface Point {
  x: number;
  y: number;
}

/** Axis-aligned box in source pixels: x0,y0 inclusive top-left, x1,y1 exclusive bottom-right. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export type MaskKind =
  | 'card-number'
  | 'security-code'
  | 'account-number'
  | 'iban'
  | 'mrz'
  | 'document-number'
  | 'personal-number'
  | 'date-of-birth'
  | 'barcode'
  | 'transactions'
  | 'manual';

/**
 * A mask, in source pixels of the upright image. (x, y) is the top-left corner before rotation;
 * rotation is in degrees clockwise about that corner (Konva's convention), so a mask can follow a
 * tilted card. Masks are burned opaque and snapped outward to whole pixels.
 */
export interface Mask {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  rotation: number;
  kind: MaskKind;
  source: 'auto' | 'manual';
  /** 0..1: how sure the detector is that this covers sensitive digits. */
  confidence: number;
  /** Human label, e.g. "•••• 1234". */
  label: string;
  /** The detection this mask belongs to (auto masks); lets the UI switch a finding on or off. */
  findingId?: string;
}

/** How much of a number stays readable. */
export type KeepPreset = 'last4' | 'first6last4' | 'none';

export type ProgressStage = 'decode' | 'load-ocr' | 'ocr' | 'detect' | 'burn' | 'encode';

export interface Progress {
  stage: ProgressStage;
  /** 0..1 within the whole analysis. */
  progress: number;
  message?: string;
}

export type ProgressCallback = (p: Progress) => void;

/**
 * A progress report of an engine job (EngineCore.analyze, the worker's analyze): the job it is
 * about, so a caller can tell a replaced or cancelled job's late reports from the current one's.
 */
export interface JobProgress extends Progress {
  jobId: string;
}

export type JobProgressCallback = (p: JobProgress) => void;

export type ImageFormat = 'png' | 'jpeg' | 'webp';

/** Four corners, clockwise from the top-left of the glyph as read (upright text). */
export type Quad = [Point, Point, Point, Point];

/**
 * Who read a finding's characters: the learned recognizer (PP-OCR), Tesseract, or no reader at all
 * ('user': the number tool placed the glyphs along the user's stroke by the print's layout, where no
 * reader read the number whole). The leak check after export re-reads with the reader that did not.
 */
export type FindingReader = 'learned' | 'tesseract' | 'user';

/**
 * Something sensitive the detectors found: a card number, a security code, an IBAN, an MRZ line...
 * Masks are derived from findings and a KeepPreset, so the user can switch presets without re-running OCR.
 */
export interface Finding {
  id: string;
  kind: MaskKind;
  /** The characters as read, one per glyph; '?' where a glyph was located but not read. */
  text: string;
  /** One quad per character of `text`, in reading order, in source pixels of the upright image. */
  glyphs: Quad[];
  /**
   * Card numbers: print read just before the first glyph, on the number's line at its size and
   * pitch, that is not among its digits (a first group read in doubt and dropped as a stray):
   * quads in reading order, source pixels. Masked with the number under every preset, never kept.
   */
  leadingPrint?: Quad[];
  /**
   * For numbers printed over several lines (a vertical card's stacked groups): the printed line of
   * each glyph, 0 first. Masks never span two lines. Absent: one line.
   */
  lines?: number[];
  /** 0..1 */
  confidence: number;
  /** Card numbers, account numbers and IBANs honour the preset; other kinds are masked whole. */
  keepable: boolean;
  /** Suggestions (MRZ, dates of birth...) start switched off: verifiers need a readable ID. */
  enabledByDefault: boolean;
  /** Extra facts for the side list, e.g. brand, Luhn validity. */
  notes?: string[];
  /**
   * The reader that read it (card numbers, the number tool's, statement numbers read from a photo).
   * Absent: not recorded (a PDF's text layer, the small repeat of a number's first four).
   */
  reader?: FindingReader;
}
