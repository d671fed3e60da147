// The number tool's held-out check, engine level: for each annotated card, a stroke from the first
// digit's centre to the last one's (as a judge drags it through window.__lastfour), the stroke's
// findings masked with "last 4", burned, and scored from pixels.
//   node --import tsx bench/number-stroke.ts [dir] [--out dir] [--with-auto] [--no-learned] [--jitter px]
// Without --with-auto only the stroke's own findings are burned (the hard case: detection found
// nothing); with it, the automatic findings are burned too, with the card numbers the stroke covers
// switched off as the app does.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeImage } from '../src/engine/analyze';
import { burnMasks } from '../src/engine/burn/burn';
import { findingsFromStroke } from '../src/engine/detect/number-stroke';
import { replacedByStroke } from '../src/engine/detect/stroke-overlap';
import { toGray } from '../src/engine/image/gray';
import { loadTextModels } from '../src/engine/learned/models';
import { masksForFinding } from '../src/engine/masks/from-findings';
import { decodeImageNode, encodeImageNode } from '../src/engine/platform/node';
import { nodeModelSource } from '../src/cli/models-node';
import { createNodeOcr } from '../src/cli/ocr-node';
import { scoreImage, type GroundTruth } from './score';
import { strokeOf } from './stroke-of';

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: {
    out: { type: 'string' },
    'with-auto': { type: 'boolean', default: false },
    'no-learned': { type: 'boolean', default: false },
    jitter: { type: 'string', default: '0' },
  },
});
const dir = positionals[0] ?? 'tests/fixtures/real-cards';
const outDir = values.out;
if (outDir) fs.mkdirSync(outDir, { recursive: true });
const jitter = Number(values.jitter);

const ocr = await createNodeOcr(2);
const models = values['no-learned'] ? undefined : await loadTextModels(nodeModelSource());
let ok = 0;
let total = 0;
let skipped = 0;
try {
  for (const name of fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const gt = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as GroundTruth;
    const stroke = strokeOf(gt, jitter);
    if (!stroke) {
      skipped++;
      console.log(`n/a  ${gt.file}: no card number printed, nothing to mark`);
      continue;
    }
    const image = await decodeImageNode(new Uint8Array(fs.readFileSync(path.join(dir, gt.file))));
    const t0 = performance.now();
    const { findings, method } = await findingsFromStroke(toGray(image), stroke, {
      ocr,
      models,
      color: image,
    });
    const secs = (performance.now() - t0) / 1000;
    let burned = findings;
    if (values['with-auto']) {
      const auto = (await analyzeImage(image, ocr, { models })).findings;
      const off = new Set(replacedByStroke(findings[0], auto).map((f) => f.id));
      burned = [...auto.filter((f) => !off.has(f.id)), ...findings];
    }
    const masks = burned.flatMap((f) => masksForFinding(f, 'last4'));
    const out = burnMasks(image, masks);
    const s = scoreImage(gt, image, out, false);
    total++;
    if (s.ok) ok++;
    console.log(
      `${s.ok ? 'ok  ' : 'FAIL'} ${gt.file}: ${method} "${findings[0].text}" ${findings.length > 1 ? '+prefix ' : ''}` +
        `hidden ${s.hidden}/${s.toHide} kept ${s.kept}/${s.toKeep} over ${s.overMaskPct.toFixed(1)}% ${secs.toFixed(2)} s` +
        (s.leaked.length ? ` leaked ${s.leaked.join(' ')}` : '') +
        (s.lost.length ? ` lost ${s.lost.join(' ')}` : ''),
    );
    if (outDir)
      fs.writeFileSync(
        path.join(outDir, gt.file.replace(/\.[^.]+$/, '.png')),
        await encodeImageNode(out, 'png'),
      );
  }
} finally {
  await ocr.terminate();
}
console.log(
  `${ok} of ${total} fully redacted with the last four kept` +
    (skipped ? `; ${skipped} without a printed number skipped` : ''),
);
