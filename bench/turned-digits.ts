// Which digits does the learned recognizer read, sure of them, on a card number turned half round?
// For each annotated card number on one printed line, the line (first digit to last, from the ground
// truth) is cropped as the card detector crops it, upright and turned half round, and read by the
// learned line reader. Prints, over the turned crops, how often each digit was read at a confidence
// of 0.9 or more, and how many upright crops hold `READ_LINE.uprightTellDigits` of the tell digits.
//   node --import tsx bench/turned-digits.ts DIR...
// A measurement behind READ_LINE.uprightTellDigits, not a pass/fail figure.
import fs from 'node:fs';
import path from 'node:path';
import { modelDir, nodeModelSource } from '../src/cli/models-node';
import { cropLine, readCrop } from '../src/engine/detect/read-line';
import { toGray } from '../src/engine/image/gray';
import { learnedLineOcr } from '../src/engine/learned/line-reader';
import { loadTextModels } from '../src/engine/learned/models';
import { decodeImageNode } from '../src/engine/platform/node';
import type { Point } from '../src/engine/types';
import type { GroundTruth, GroundTruthDigit } from './score';

const dirs = process.argv.slice(2);
if (!dirs.length) throw new Error('usage: bench/turned-digits.ts DIR...');
const reader = learnedLineOcr(await loadTextModels(nodeModelSource(modelDir(), 1)));
const SURE = 0.9;
const centre = (d: GroundTruthDigit): Point => ({
  x: (d.bbox[0] + d.bbox[2]) / 2,
  y: (d.bbox[1] + d.bbox[3]) / 2,
});
const turnedSure = new Map<string, number>();
const uprightSure = new Map<string, number>();
const tellsUpright: number[] = [];
const worst: string[] = [];
let crops = 0;
for (const dir of dirs) {
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
    crops++;
    for (const turn of [0, 1]) {
      const crop = cropLine(gray, {
        centre: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 },
        angle: angle + turn * Math.PI,
        length: len + 2.2 * gh,
        height: 1.8 * gh,
        glyphHeight: gh,
        targetHeight: 28,
      });
      const reading = await readCrop(reader, crop);
      const sure = reading.glyphs.filter((g) => /\d/.test(g.char) && g.confidence >= SURE);
      const tally = turn ? turnedSure : uprightSure;
      for (const g of sure) tally.set(g.char, (tally.get(g.char) ?? 0) + 1);
      if (turn === 0) tellsUpright.push(sure.filter((g) => '37'.includes(g.char)).length);
      else if (sure.some((g) => '37'.includes(g.char)))
        worst.push(`${path.join(dir, image)}: "${reading.text}"`);
    }
  }
}
const row = (m: Map<string, number>) => [...'0123456789'].map((d) => `${d}:${m.get(d) ?? 0}`).join(' ');
console.log(`${crops} number lines`);
console.log(`digits read at ${SURE}+ upright:      ${row(uprightSure)}`);
console.log(`digits read at ${SURE}+ turned round: ${row(turnedSure)}`);
for (let k = 1; k <= 4; k++)
  console.log(`upright crops with ${k}+ sure 3s and 7s: ${tellsUpright.filter((n) => n >= k).length}`);
console.log(`turned crops with a sure 3 or 7:\n${worst.join('\n')}`);
