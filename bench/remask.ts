// Mask geometry alone, re-scored in seconds: re-derives the card-number masks of a CLI run from the
// findings it wrote (<name>.masks.json) with this checkout's masks code (src/engine/masks), burns them
// into the originals and writes <name>.redacted.png, for ../shared/tools/score.mjs. A change to how
// findings become masks (padding, where a mask stops before the last four) is measured on every set
// already run, without reading a single photo again.
//   node --import tsx bench/remask.ts GT_DIR CLI_OUT_DIR NEW_OUT_DIR
//   node ../shared/tools/score.mjs GT_DIR NEW_OUT_DIR --cvv
// Masks of other kinds (documents, security codes, hand-drawn) are burned as the run wrote them.
import fs from 'node:fs';
import path from 'node:path';
import { burnMasks } from '../src/engine/burn/burn';
import { masksForFinding } from '../src/engine/masks/from-findings';
import { decodeImageNode, encodePngNode } from '../src/engine/platform/node';
import type { Finding, Mask } from '../src/engine/types';

const [gtDir, runDir, outDir] = process.argv.slice(2);
if (!gtDir || !runDir || !outDir) {
  console.error('usage: node --import tsx bench/remask.ts GT_DIR CLI_OUT_DIR NEW_OUT_DIR');
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });
let count = 0;
for (const name of fs.readdirSync(runDir).filter((n) => n.endsWith('.masks.json'))) {
  const run = JSON.parse(fs.readFileSync(path.join(runDir, name), 'utf8')) as {
    file: string;
    findings: Finding[];
    masks: Mask[];
  };
  const image = await decodeImageNode(new Uint8Array(fs.readFileSync(path.join(gtDir, run.file))));
  const byId = new Map(run.findings.map((f) => [f.id, f]));
  // Only findings that had masks (enabled) are re-derived, each under the default preset.
  const redo = new Set(
    run.masks.flatMap((m) =>
      m.findingId && byId.get(m.findingId)?.kind === 'card-number' ? [m.findingId] : [],
    ),
  );
  const masks = [
    ...run.masks.filter((m) => !m.findingId || !redo.has(m.findingId)),
    ...[...redo].flatMap((id) => masksForFinding(byId.get(id)!, 'last4')),
  ];
  const out = name.replace(/\.masks\.json$/, '.redacted.png');
  fs.writeFileSync(path.join(outDir, out), encodePngNode(burnMasks(image, masks)));
  count++;
}
console.log(`remask: ${count} image(s) written to ${outDir}`);
