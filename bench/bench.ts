// Benchmark: runs the engine over a folder of ground-truth fixtures and scores the redacted pixels,
// timing each image next to one plain tesseract.js recognize() pass over the same file.
//   npm run bench -- [dir] [--out dir] [--no-cvv] [--no-learned] [--wasm] [--native]
// --no-learned runs the engine on Tesseract alone (as before the learned text stage); --wasm runs the
// text models on onnxruntime-web's WebAssembly (the app's build) instead of onnxruntime-node's native
// library (the CLI's); --native also times one pass of the system's native Tesseract 5
// (`tesseract FILE stdout`) over each file.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createWorker, OEM } from 'tesseract.js';
import { analyzeImage } from '../src/engine/analyze';
import { burnMasks } from '../src/engine/burn/burn';
import { decodeImageNode, encodeImageNode } from '../src/engine/platform/node';
import { createNodeOcr, nodeLangPath } from '../src/cli/ocr-node';
import { nodeModelSource } from '../src/cli/models-node';
import { loadTextModels } from '../src/engine/learned/models';
import { spawnSync } from 'node:child_process';
import { scoreImage, type GroundTruth, type ImageScore } from './score';

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: {
    out: { type: 'string' },
    'no-cvv': { type: 'boolean', default: false },
    'no-learned': { type: 'boolean', default: false },
    wasm: { type: 'boolean', default: false },
    native: { type: 'boolean', default: false },
  },
});
const dir = positionals[0] ?? 'tests/fixtures/cards';
const outDir = values.out ?? '.bench-out';
const countCodes = !values['no-cvv'];
fs.mkdirSync(outDir, { recursive: true });

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};

const files = fs
  .readdirSync(dir)
  .filter((n) => n.endsWith('.json'))
  .sort();
if (files.length === 0) {
  console.error(`bench: no ground-truth .json files in ${dir}`);
  process.exit(2);
}

const engineOcr = await createNodeOcr(2);
const models = values['no-learned']
  ? undefined
  : await loadTextModels(nodeModelSource(undefined, undefined, values.wasm ? 'wasm' : 'native'));
// The baseline is tesseract.js as a user would call it: one worker, whole file, default settings.
const plain = await createWorker('eng', OEM.LSTM_ONLY, {
  langPath: nodeLangPath(),
  gzip: true,
  cacheMethod: 'none',
  errorHandler: (e: unknown) => console.error('bench: plain worker error', e),
});
// Warm both up so neither pays start-up costs inside the timings.
const first = JSON.parse(fs.readFileSync(path.join(dir, files[0]), 'utf8')) as GroundTruth;
const warmBytes = fs.readFileSync(path.join(dir, first.file));
await plain.recognize(warmBytes);
await analyzeImage(await decodeImageNode(new Uint8Array(warmBytes)), engineOcr, { models });

/** One native Tesseract 5 pass (default page segmentation) over a file, in seconds. */
function nativeSeconds(file: string): number {
  const t = performance.now();
  const r = spawnSync('tesseract', [file, 'stdout'], { stdio: ['ignore', 'ignore', 'ignore'] });
  if (r.error || r.status !== 0) throw new Error(`bench: native tesseract failed on ${file}`);
  return (performance.now() - t) / 1000;
}
const nativeSecs: number[] = [];

const scores: ImageScore[] = [];
const engineSecs: number[] = [];
const plainSecs: number[] = [];
for (const [i, f] of files.entries()) {
  const gt = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as GroundTruth;
  const bytes = fs.readFileSync(path.join(dir, gt.file));
  // Interleaved, so both see the same machine load.
  let t = performance.now();
  await plain.recognize(bytes);
  plainSecs.push((performance.now() - t) / 1000);
  t = performance.now();
  const image = await decodeImageNode(new Uint8Array(bytes));
  const result = await analyzeImage(image, engineOcr, { models });
  engineSecs.push((performance.now() - t) / 1000);
  if (values.native) nativeSecs.push(nativeSeconds(path.join(dir, gt.file)));
  const redacted = burnMasks(image, result.masks);
  const score = scoreImage(gt, image, redacted, countCodes);
  scores.push(score);
  const name = gt.file.replace(/\.[^.]+$/, '');
  fs.writeFileSync(path.join(outDir, `${name}.redacted.png`), await encodeImageNode(redacted, 'png'));
  const status = score.ok ? 'ok  ' : 'FAIL';
  process.stderr.write(
    `[${i + 1}/${files.length}] ${status} ${gt.file} hidden ${score.hidden}/${score.toHide} kept ${score.kept}/${score.toKeep} ` +
      `over ${score.overMaskPct.toFixed(2)}% ${engineSecs[i].toFixed(2)} s (plain ${plainSecs[i].toFixed(2)} s)\n`,
  );
}
await plain.terminate();
await engineOcr.terminate();

const sum = (k: keyof ImageScore) => scores.reduce((s, r) => s + Number(r[k]), 0);
const backs = scores.filter((s) => s.codeDigits > 0);
const med = quantile(engineSecs, 0.5);
const medPlain = quantile(plainSecs, 0.5);
console.log(`images succeeded:        ${scores.filter((s) => s.ok).length}/${scores.length}`);
console.log(
  `digits hidden:           ${sum('hidden')}/${sum('toHide')}${countCodes ? ' (security codes included)' : ''}`,
);
console.log(`last-four digits kept:   ${sum('kept')}/${sum('toKeep')}`);
console.log(
  `security codes hidden:   ${backs.filter((s) => s.codeHidden === s.codeDigits).length}/${backs.length}`,
);
console.log(`over-masking (mean):     ${(sum('overMaskPct') / scores.length).toFixed(3)}% of the image`);
console.log(
  `seconds per image:       median ${med.toFixed(2)}, p90 ${quantile(engineSecs, 0.9).toFixed(2)} (engine: decode + analyze, 2 OCR workers)`,
);
console.log(
  `plain recognize():       median ${medPlain.toFixed(2)}, p90 ${quantile(plainSecs, 0.9).toFixed(2)} (1 worker, whole file)`,
);
console.log(`ratio (median):          ${(med / medPlain).toFixed(2)}x`);
console.log(
  `engine:                  ${models ? `learned text models (onnxruntime ${models.runtime}) + Tesseract` : 'Tesseract alone'}`,
);
if (nativeSecs.length) {
  const medNative = quantile(nativeSecs, 0.5);
  const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  console.log(
    `native tesseract 5:      median ${medNative.toFixed(2)}, p90 ${quantile(nativeSecs, 0.9).toFixed(2)}; ` +
      `engine / native: median ${(med / medNative).toFixed(2)}x, total ${(total(engineSecs) / total(nativeSecs)).toFixed(2)}x`,
  );
}
