// How much memory one file's pictures may take in a `lastfour redact` run, and the check made from
// the file's header before it is decoded. A photo that cannot fit is refused as 'out-of-memory' and
// the other files carry on: without the check, Node dies of the allocation (a V8 fatal out-of-memory
// or the kernel's OOM killer, as measured under `ulimit -d`) and every file of the run is lost.
import os from 'node:os';
import { assertImageSize } from '../engine/errors';
import { readHeicSize } from '../engine/heic/heic-size';
import { readImageSize, sniffImageType } from '../engine/image/sniff';
import { assertFitsMemory as assertPictureFits } from '../engine/memory-budget';

/**
 * Bytes a photo's pixels cost the CLI, per pixel: measured peak RSS of `bench/big-photo.ts` (48.8 MP:
 * 1283 MB) less a small card's run (678 MB) is 12.4 bytes a pixel, three RGBA copies (the decoded
 * picture, the burned export read back for the leak check, encoder and band buffers).
 */
export const BYTES_PER_PIXEL = 12;

/** What a run's engine takes before any photo (Tesseract, the text models): a small card's peak RSS. */
export const ENGINE_BYTES = 700 * 2 ** 20;

/**
 * The default budget of one file: the memory this process may use (its cgroup limit when it has one,
 * else the machine's RAM) shared among `jobs` engines, less each engine's own. Bytes, at least 0.
 */
export function defaultMemoryBudget(jobs: number): number {
  const total = os.totalmem();
  const constrained = process.constrainedMemory?.() ?? 0;
  const limit = constrained > 0 && constrained < total ? constrained : total;
  return Math.max(0, Math.floor(limit / Math.max(1, jobs)) - ENGINE_BYTES);
}

/**
 * Throws InputError 'out-of-memory' (with the photo's size) when the photo in `bytes`, by its header,
 * needs more than `budget` bytes; the input limits (too-large, too-small) are said first. Files whose
 * header gives no size (PDFs, damaged files) pass: their own checks apply.
 */
export function assertFitsMemory(bytes: Uint8Array, budget: number): void {
  const size = sniffImageType(bytes) === 'heic' ? readHeicSize(bytes) : readImageSize(bytes);
  if (!size) return;
  assertImageSize(size.width, size.height);
  assertPictureFits(size.width, size.height, BYTES_PER_PIXEL, budget);
}
