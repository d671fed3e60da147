// Which digits does the learned recognizer read, sure of them, on a card number turned half round?
// For each annotated card number on one printed line, the line (first digit to last, from the ground
// truth) is cropped as the card detector crops it, upright and turned half round, and read by the
// learned line reader. Prints, over the turned crops, how often each digit was read at a confidence
// of 0.9 or more, and how many upright crops hold `READ_LINE.uprightTellDigits` of the tell digits.
//   node --import tsx bench/turned-digits.ts DIR...
// A measurement behind READ_LINE.uprightTellDigits, not a pass/fail figure.
import { modelDir, nodeModelSource } from '../src/cli/models-node';
import { readCrop } from '../src/engine/detect/read-line';
import { learnedLineOcr } from '../src/engine/learned/line-reader';
import { loadTextModels } from '../src/engine/learned/models';
import { numberLineCrops } from './number-lines';

const dirs = process.argv.slice(2);
if (!dirs.length) throw new Error('usage: bench/turned-digits.ts DIR...');
const reader = learnedLineOcr(await loadTextModels(nodeModelSource(modelDir(), 1)));
const SURE = 0.9;
const turnedSure = new Map<string, number>();
const uprightSure = new Map<string, number>();
const tellsUpright: number[] = [];
const worst: string[] = [];
let lines = 0;
for (const dir of dirs) {
  for await (const { image, crops } of numberLineCrops(dir)) {
    lines++;
    for (const turn of [0, 1]) {
      const reading = await readCrop(reader, crops[turn]);
      const sure = reading.glyphs.filter((g) => /\d/.test(g.char) && g.confidence >= SURE);
      const tally = turn ? turnedSure : uprightSure;
      for (const g of sure) tally.set(g.char, (tally.get(g.char) ?? 0) + 1);
      if (turn === 0) tellsUpright.push(sure.filter((g) => '37'.includes(g.char)).length);
      else if (sure.some((g) => '37'.includes(g.char))) worst.push(`${image}: "${reading.text}"`);
    }
  }
}
const row = (m: Map<string, number>) => [...'0123456789'].map((d) => `${d}:${m.get(d) ?? 0}`).join(' ');
console.log(`${lines} number lines`);
console.log(`digits read at ${SURE}+ upright:      ${row(uprightSure)}`);
console.log(`digits read at ${SURE}+ turned round: ${row(turnedSure)}`);
for (let k = 1; k <= 4; k++)
  console.log(`upright crops with ${k}+ sure 3s and 7s: ${tellsUpright.filter((n) => n >= k).length}`);
console.log(`turned crops with a sure 3 or 7:\n${worst.join('\n')}`);
