// Where a photo's time goes in the CLI: each file through the CLI's own redactFile (one engine, as
// `--jobs 1` runs it), with every model and OCR call timed and summed by the code that made it.
//   node --import tsx bench/stage-profile.ts [--threads N] [--wasm] PHOTO...
// Wall-clock milliseconds on this machine; a profile to look at, never a pass/fail figure. Threads:
// onnxruntime's (default 1, what each worker of a parallel run gets on two cores). --wasm runs the
// text models on onnxruntime-web's WebAssembly instead of onnxruntime-node.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { documentFlags } from '../src/cli/document-flags';
import { redactFile, startCliEngine } from '../src/cli/redact-file';
import type { RedactSettings } from '../src/cli/run-settings';
import { isEngineFailure } from '../src/engine/error-codes';

const { values, positionals: files } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: { threads: { type: 'string' }, wasm: { type: 'boolean' } },
});
if (!files.length) throw new Error('usage: bench/stage-profile.ts [--threads N] [--wasm] PHOTO...');

const totals = new Map<string, { calls: number; ms: number }>();
const add = (key: string, ms: number) => {
  const t = totals.get(key) ?? { calls: 0, ms: 0 };
  totals.set(key, { calls: t.calls + 1, ms: t.ms + ms });
};

/** The first engine frame that is not a reader's own plumbing: who asked for the read. */
function caller(): string {
  const frames = (new Error().stack ?? '').split('\n').slice(3);
  const own = frames.find(
    (f) => f.includes('/src/') && !/line-reader|read-line|recent-reads|tesseract|\/ocr\//.test(f),
  );
  return own ? own.replace(/.*\/src\//, '').replace(/:\d+\)?$/, '') : '?';
}

/** Replaces `o[name]` (an async method) with one that times each call under `key(args)`. */
function timed<T extends object>(o: T, name: keyof T & string, key: (args: unknown[]) => string): void {
  const f = (o[name] as (...a: unknown[]) => Promise<unknown>).bind(o);
  (o as Record<string, unknown>)[name] = async (...args: unknown[]) => {
    const t = performance.now();
    try {
      return await f(...args);
    } finally {
      add(key(args), performance.now() - t);
    }
  };
}

const t0 = performance.now();
const engine = await startCliEngine({
  ocrWorkers: 1,
  ortThreads: Number(values.threads ?? 1),
  modelRuntime: values.wasm ? 'wasm' : 'native',
});
if (isEngineFailure(engine)) throw new Error(engine.message);
add('start-up (Tesseract, models, barcodes)', performance.now() - t0);
const psm = (a: unknown[]) => (a[1] as { psm?: number } | undefined)?.psm ?? 3;
timed(engine.ocr, 'recognize', (a) => `tesseract psm ${psm(a)} <- ${caller()}`);
if (engine.models) {
  timed(engine.models, 'detect', (a) => `text detector, long side ${a[1]}`);
  timed(engine.models, 'recognize', () => `learned recognizer <- ${caller()}`);
  if (engine.models.classifyDirection)
    timed(engine.models, 'classifyDirection', () => `direction classifier <- ${caller()}`);
}
timed(engine.barcodes, 'read', () => 'barcodes');
timed(engine.core, 'analyze', () => 'analyze (all of the above inside)');
timed(engine.core, 'exportImage', () => 'burn and encode the export');

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'lastfour-stage-profile-'));
const docs = documentFlags({});
if (typeof docs === 'string') throw new Error(docs);
const settings: RedactSettings = {
  files,
  outDir: out,
  keep: 'last4',
  format: 'png',
  pdf: { output: 'pdf' },
  docs,
};
for (let i = 0; i < files.length; i++) {
  const t = performance.now();
  await redactFile(engine, i, settings, () => undefined);
  add('whole file (read, analyze, export, check, write)', performance.now() - t);
}
const whole = totals.get('whole file (read, analyze, export, check, write)')!.ms;
console.log(`${files.length} photo(s); outputs in ${out}`);
for (const [key, { calls, ms }] of [...totals].sort((a, b) => b[1].ms - a[1].ms))
  console.log(
    `${(ms / 1000).toFixed(2).padStart(8)} s ${String(Math.round((100 * ms) / whole)).padStart(4)}% ` +
      `${String(calls).padStart(5)} calls ${(ms / calls).toFixed(0).padStart(6)} ms each  ${key}`,
  );
await engine.ocr.terminate();
