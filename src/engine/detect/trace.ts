import type { Quad } from '../types';

/**
 * What the card detector looked at, for a picture of a failure (`lastfour redact --trace DIR`): every
 * candidate line with the stage that proposed it, and every line crop read with what was read. All
 * corners are in source pixels of the upright image.
 */
export interface DetectTrace {
  lines: { corners: Quad; from: 'learned' | 'blobs' | 'stack' }[];
  reads: { corners: Quad; reader: 'learned' | 'tesseract'; text: string; run: string }[];
}

export const newTrace = (): DetectTrace => ({ lines: [], reads: [] });

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
