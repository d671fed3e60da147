// The CLI's whole run over a folder of photos against one native Tesseract 5 pass over each of the
// same photos, timed in one run (the comparison issue #11 asks for: the CLI must stay within 3x).
//   node --import tsx bench/cli-vs-native.ts DIR [--out DIR] [--rounds N] [--wasm]
// Wall-clock seconds; the CLI run includes its start-up (workers, models), as a user waits for it.
// A shared machine's speed drifts by a third from one minute to the next: with --rounds N the two are
// timed N times, alternating which goes first, and the median of the N ratios is the figure. With
// --wasm the CLI runs its text models on onnxruntime-web's WebAssembly (--model-runtime wasm).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: { out: { type: 'string' }, rounds: { type: 'string' }, wasm: { type: 'boolean' } },
});
const dir = positionals[0];
if (!dir) throw new Error('usage: bench/cli-vs-native.ts DIR [--out DIR] [--rounds N] [--wasm]');
const rounds = Math.max(1, Number(values.rounds ?? 1));
const files = fs
  .readdirSync(dir)
  .filter((f) => /\.(jpe?g|png)$/i.test(f))
  .sort()
  .map((f) => path.join(dir, f));
const out = values.out ?? fs.mkdtempSync(path.join(os.tmpdir(), 'lastfour-cli-bench-'));

const seconds = (run: () => void) => {
  const t = performance.now();
  run();
  return (performance.now() - t) / 1000;
};

const native = () =>
  seconds(() => {
    for (const f of files) {
      const r = spawnSync('tesseract', [f, 'stdout'], { stdio: ['ignore', 'ignore', 'ignore'] });
      if (r.error || r.status !== 0)
        throw new Error(`native tesseract failed on ${f} (apt-get install tesseract-ocr)`);
    }
  });
const cli = () =>
  seconds(() => {
    const runtime = values.wasm ? ['--model-runtime', 'wasm'] : [];
    const r = spawnSync(
      process.execPath,
      ['bin/lastfour.mjs', 'redact', ...files, '--out', out, ...runtime],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    if (r.status !== 0 && r.status !== 1) throw new Error(`the CLI exited with ${r.status}`);
  });
console.log(
  `${files.length} photos from ${dir}, ${rounds} round(s), text models on ${values.wasm ? 'onnxruntime-web (WebAssembly)' : 'onnxruntime-node'}; load average ${os.loadavg()[0].toFixed(2)}`,
);
const ratios: number[] = [];
for (let k = 0; k < rounds; k++) {
  // Odd rounds time the CLI first, so a machine slowing down or speeding up favours neither.
  let n = 0;
  let c = 0;
  if (k % 2 === 0) [n, c] = [native(), cli()];
  else [c, n] = [cli(), native()];
  ratios.push(c / n);
  console.log(
    `round ${k + 1}: native tesseract 5, one pass each: ${n.toFixed(1)} s; lastfour redact, one run: ${c.toFixed(1)} s; CLI / native: ${(c / n).toFixed(2)}x`,
  );
}
const sorted = [...ratios].sort((a, b) => a - b);
const median =
  sorted.length % 2
    ? sorted[sorted.length >> 1]
    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
console.log(`outputs in ${out}`);
console.log(`CLI / native: ${median.toFixed(2)}x${rounds > 1 ? ` (median of ${rounds})` : ''}`);
