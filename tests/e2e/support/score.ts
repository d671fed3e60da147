// Scores a downloaded export from its pixels with the benchmark's scorer (the same rules as
// ../shared/tools/score.mjs), so the browser tests and `npm run bench` judge redaction alike.
import { scoreImage, type GroundTruth, type ImageScore } from '../../../bench/score';
import { decodeImageNode } from '../../../src/engine/platform/node';

export type { GroundTruth };

/** Card-number digits only (security codes are not counted): hidden, leaked and lost digits. */
export async function scoreExport(
  gt: GroundTruth,
  original: Buffer | Uint8Array,
  redacted: Buffer | Uint8Array,
): Promise<ImageScore> {
  return scoreImage(gt, await decodeImageNode(original), await decodeImageNode(redacted), false);
}
