// The CLI's whole run over a folder of photos against one native Tesseract 5 pass over each of the
// same photos, timed in one run (the comparison issue #11 asks for: the CLI must stay within 3x).
//   node --import tsx bench/cli-vs-native.ts DIR [--out DIR]
// Wall-clock seconds; the CLI run includes its start-up (workers, models), as a user waits for it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: { out: { type: 'string' } },
});
const dir = positionals[0];
if (!dir) throw new Error('usage: bench/cli-vs-native.ts DIR [--out DIR]');
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

const native = seconds(() => {
  for (const f of files) {
    const r = spawnSync('tesseract', [f, 'stdout'], { stdio: ['ignore', 'ignore', 'ignore'] });
    if (r.error || r.status !== 0)
      throw new Error(`native tesseract failed on ${f} (apt-get install tesseract-ocr)`);
  }
});
const cli = seconds(() => {
  const r = spawnSync(process.execPath, ['bin/lastfour.mjs', 'redact', ...files, '--out', out], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`the CLI exited with ${r.status}`);
});
console.log(`${files.length} photos from ${dir}`);
console.log(`native tesseract 5, one pass each: ${native.toFixed(1)} s`);
console.log(`lastfour redact, one run:         ${cli.toFixed(1)} s (outputs in ${out})`);
console.log(`CLI / native: ${(cli / native).toFixed(2)}x`);
