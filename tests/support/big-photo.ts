// A big phone photo made at test time: a fixture card (per-digit ground truth) enlarged onto a scene
// of the given size, its ground truth scaled along. Used by the big-photo tests and bench/big-photo.ts.
import { readFileSync } from 'node:fs';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { GroundTruth } from '../../bench/score';

export const BIG_PHOTO_CARD = 'tests/fixtures/cards/s7-012-easy-front';

/** The card fills `cardShare` of the frame's width, as in a photo taken at arm's length. */
export async function bigCardPhoto(
  width: number,
  height: number,
  cardShare = 0.57,
): Promise<{ jpeg: Buffer; gt: GroundTruth }> {
  const gt = JSON.parse(readFileSync(`${BIG_PHOTO_CARD}.json`, 'utf8')) as GroundTruth;
  const card = await loadImage(readFileSync(`${BIG_PHOTO_CARD}.jpg`));
  const k = (width * cardShare) / card.width;
  const ox = Math.round(width * 0.2);
  const oy = Math.round(height * 0.22);
  const c = createCanvas(width, height);
  const g = c.getContext('2d');
  const bg = g.createLinearGradient(0, 0, width, height);
  bg.addColorStop(0, '#6d6256');
  bg.addColorStop(1, '#a89c8c');
  g.fillStyle = bg;
  g.fillRect(0, 0, width, height);
  g.drawImage(card, ox, oy, card.width * k, card.height * k);
  const at = (p: readonly number[]): [number, number] => [p[0] * k + ox, p[1] * k + oy];
  const digits = gt.digits.map((d) => {
    const [x0, y0] = at([d.bbox[0], d.bbox[1]]);
    const [x1, y1] = at([d.bbox[2], d.bbox[3]]);
    return { ...d, poly: d.poly.map(at), bbox: [x0, y0, x1, y1] as [number, number, number, number] };
  });
  return {
    jpeg: c.toBuffer('image/jpeg', 92),
    gt: { ...gt, file: `photo-${width}x${height}.jpg`, width, height, digits },
  };
}
