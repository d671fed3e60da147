// Memory budgets: a photo whose pixels cannot fit in the memory a face may use is refused from its
// header, before it is decoded, as 'out-of-memory' (the other photos and the user's edits stay),
// instead of letting the allocation fail: a phone's browser then kills the tab, and Node dies of a
// fatal out-of-memory (measured under `ulimit -d`), losing every other file with it.
import { InputError } from './errors';

/**
 * Bytes a photo costs the app per pixel, summed over the browser's processes: bench/big-photo.ts's
 * browser path peaked at 2019 MB against 1231 MB before the drop for 48.8 MP, 16 bytes a pixel (the
 * worker's picture, the editor's bitmap, the export's burned copy and its encoding).
 */
export const APP_BYTES_PER_PIXEL = 16;

/**
 * What one photo may take in the app: half of the device's memory as the browser reports it
 * (navigator.deviceMemory, GB, rounded down to 0.25 ... 8; Chromium only), in bytes. It only bites
 * on devices reporting 1 GB or less (2 GB allows 67 MP, over the 64 MP input limit). Undefined when
 * the browser does not say: no budget.
 */
export function deviceMemoryBudget(memoryGb: number | undefined): number | undefined {
  if (memoryGb === undefined || !(memoryGb > 0)) return undefined;
  return (memoryGb * 2 ** 30) / 2;
}

/**
 * Throws InputError 'out-of-memory' (with the picture's size) when a width x height picture costing
 * `bytesPerPixel` needs more than `budget` bytes; no budget, no check.
 */
export function assertFitsMemory(
  width: number,
  height: number,
  bytesPerPixel: number,
  budget: number | undefined,
): void {
  if (budget !== undefined && width * height * bytesPerPixel > budget)
    throw new InputError('out-of-memory', { width, height });
}
