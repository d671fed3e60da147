// The annotated card numbers of a fixtures folder (../shared/fixtures/README.md), each on one printed
// line, cropped as the card detector crops a line: for the benches that ask how the models see a
// number upright and turned half round (direction-classifier.ts, turned-digits.ts).
import fs from 'node:fs';
import path from 'node:path';
import { cropLine, type LineCrop } from '../src/engine/detect/read-line';
import { toGray } from '../src/engine/image/gray';
import { decodeImageNode } from '../src/engine/platform/node';
import type { Point } from '../src/engine/types';
import type { GroundTruth, GroundTruthDigit } from './score';

const centre = (d: GroundTruthDigit): Point => ({
  x: (d.bbox[0] + d.bbox[2]) / 2,
  y: (d.bbox[1] + d.bbox[3]) / 2,
});

/**
 * For each photo of `dir` whose number (its first four groups: the shared real cards annotate the
 * small repeat of the first four as group 4, and a back's panel print is no number) holds 12 or more
 * digits on one printed line (a vertical card's stacked groups have no one reading direction): the
 * line from its first digit to its last, a glyph height past each end, cropped upright (`turn` 0) and
 * turned half round (1), 28 px per glyph height.
 */
export async function* numberLineCrops(
  dir: string,
): AsyncGenerator<{ image: string; crops: [LineCrop, LineCrop] }> {
  const files = fs.readdirSync(dir);
  for (const json of files.filter((f) => f.endsWith('.json'))) {
    const gt = JSON.parse(fs.readFileSync(path.join(dir, json), 'utf8')) as GroundTruth;
    const image = files.find((f) => f.startsWith(json.replace(/json$/, '')) && !f.endsWith('.json'));
    const digits = gt.digits.filter(
      (d) =>
        (d.role === 'hide' || d.role === 'keep') && d.group !== undefined && d.group >= 0 && d.group <= 3,
    );
    if (!image || digits.length < 12) continue;
    const a = centre(digits[0]);
    const b = centre(digits[digits.length - 1]);
    const heights = digits
      .map((d) => Math.hypot(d.poly[3][0] - d.poly[0][0], d.poly[3][1] - d.poly[0][1]))
      .sort((x, y) => x - y);
    const gh = heights[heights.length >> 1];
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    const off = (p: Point) => Math.abs((b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)) / len;
    if (digits.some((d) => off(centre(d)) > 0.6 * gh)) continue;
    const gray = toGray(await decodeImageNode(new Uint8Array(fs.readFileSync(path.join(dir, image)))));
    const angle = Math.atan2(b.y - a.y, b.x - a.x);
    const crop = (turn: number) =>
      cropLine(gray, {
        centre: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 },
        angle: angle + turn * Math.PI,
        length: len + 2.2 * gh,
        height: 1.8 * gh,
        glyphHeight: gh,
        targetHeight: 28,
      });
    yield { image: path.join(dir, image), crops: [crop(0), crop(1)] };
  }
}
