import type { Quad } from '../types';
import { cropQuad, type LineCrop } from './read-line';

/**
 * What the card detector looked at, for a picture of a failure (`lastfour redact --trace DIR`): every
 * candidate line with the stage that proposed it, every line crop read with what was read, and the
 * areas a stage searched on its own. All corners are in source pixels of the upright image.
 */
export interface DetectTrace {
  /**
   * Candidate lines: the whole-photo detector's ('learned'), the blob chainer's, a vertical card's
   * stacked groups, and the lines the detector found in the enlarged strip under a number
   * ('repeat-strip', where the small repeat of its first four is looked for).
   */
  lines: { corners: Quad; from: 'learned' | 'blobs' | 'stack' | 'repeat-strip' }[];
  /**
   * Crops read: the number stage's (`stage` absent) with the run of digits taken from each; the
   * repeat stage's ('repeat') with the digits taken as the repeat of the first four ('????' for print
   * taken as the repeat unread, masked when no other line reads as it); the security code stage's
   * ('code') with the code taken. '' for none.
   */
  reads: {
    corners: Quad;
    reader: 'learned' | 'tesseract';
    text: string;
    run: string;
    stage?: TracedStage;
  }[];
  /** Areas a stage searched with the detector on their own: the strip under a number's first group. */
  areas: { corners: Quad; stage: 'repeat-strip' }[];
}

export const newTrace = (): DetectTrace => ({ lines: [], reads: [], areas: [] });

/** The stages after the number's that trace their reads. */
export type TracedStage = 'repeat' | 'code';

/**
 * Records that `stage` read `crop` (placed by its LineCrop) as `text`, nothing taken yet; returns the
 * entry for the stage to fill in what it took (`run`), or undefined without a trace.
 */
export function traceCropRead(
  trace: DetectTrace | undefined,
  stage: TracedStage,
  crop: LineCrop,
  text: string,
): DetectTrace['reads'][number] | undefined {
  if (!trace) return undefined;
  const read = {
    corners: cropQuad(crop, 0, 0, crop.image.width, crop.image.height),
    reader: 'learned' as const,
    text,
    run: '',
    stage,
  };
  trace.reads.push(read);
  return read;
}

/** The four corners of an oriented box given by its centre, direction (radians), length and height. */
export function boxCorners(cx: number, cy: number, angle: number, length: number, height: number): Quad {
  const ux = Math.cos(angle);
  const uy = Math.sin(angle);
  const at = (u: number, v: number) => ({ x: cx + u * ux - v * uy, y: cy + u * uy + v * ux });
  return [
    at(-length / 2, -height / 2),
    at(length / 2, -height / 2),
    at(length / 2, height / 2),
    at(-length / 2, height / 2),
  ];
}
