// The largest canvas the engine may allocate, and a record of the largest it did. iOS Safari refuses
// (blank canvas or an exception) any canvas over 16,777,216 pixels (4096 x 4096), which a 48 MP phone
// photo (8064 x 6048) is 2.9 times; other browsers cap canvases too. So every canvas the engine makes,
// in the browser and in Node alike, stays within this area: big pictures go through in row bands.

/** 4096 x 4096: WebKit's canvas area limit (the smallest of the current browsers'). */
export const MAX_CANVAS_PIXELS = 16_777_216;

let largest = { width: 0, height: 0 };

/**
 * Records a canvas the engine is about to allocate, and throws (a bug, not a user error) if it is
 * over MAX_CANVAS_PIXELS: callers must band big pictures with rowBands.
 */
export function noteCanvas(width: number, height: number): void {
  if (width * height > MAX_CANVAS_PIXELS)
    throw new RangeError(`canvas ${width}x${height} is over ${MAX_CANVAS_PIXELS} pixels`);
  if (width * height > largest.width * largest.height) largest = { width, height };
}

/** The largest canvas noted since the last reset (benchmarks and tests read this). */
export const largestCanvas = (): { width: number; height: number; pixels: number } => ({
  ...largest,
  pixels: largest.width * largest.height,
});

export function resetCanvasRecord(): void {
  largest = { width: 0, height: 0 };
}

/** Whether a picture of this size fits in one canvas. */
export const fitsOneCanvas = (width: number, height: number): boolean => width * height <= MAX_CANVAS_PIXELS;

/**
 * Full-width bands of rows covering a width x height picture, each within MAX_CANVAS_PIXELS, or
 * within `maxPixels` when that is smaller (one band when the picture fits). `y` is its first row.
 */
export function rowBands(
  width: number,
  height: number,
  maxPixels = MAX_CANVAS_PIXELS,
): { y: number; rows: number }[] {
  const per = Math.max(1, Math.floor(Math.min(maxPixels, MAX_CANVAS_PIXELS) / Math.max(1, width)));
  const bands: { y: number; rows: number }[] = [];
  for (let y = 0; y < height; y += per) bands.push({ y, rows: Math.min(per, height - y) });
  return bands;
}
