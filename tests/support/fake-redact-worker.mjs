// A stand-in for src/cli/redact-worker.mjs that speaks the same messages without an engine, for the
// pool's unit test (tests/unit/redact-pool.test.ts). What it does with a file depends on its name:
// "slow" takes 400 ms (others 20 ms), "crash" throws in the worker (an uncaught exception), "exit"
// ends the thread. --ocr-lang "missing" makes the engine fail to start, as OCR assets that are not
// there do. Each file holds a lock on its output stem while it runs: two at once is reported.
import fs from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

const { settings, engine } = workerData;
const post = (m) => parentPort.postMessage(m);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

post({
  type: 'notice',
  line: `notice: ${engine.ocrWorkers} ocr worker(s), ${engine.ortThreads} thread(s)\n`,
});
if (engine.ocrLang === 'missing') {
  post({ type: 'failed', message: 'The OCR engine could not be loaded.', code: 'ocr-assets-missing' });
} else {
  parentPort.on('message', async (m) => {
    if (m.type === 'close') return post({ type: 'closed' });
    if (m.type === 'cancel') return;
    const file = settings.files[m.index];
    const say = (text) => post({ type: 'say', index: m.index, text });
    say(`[${m.index + 1}/${settings.files.length}] ${file} ... `);
    if (file.includes('crash')) throw new Error('simulated crash');
    if (file.includes('exit')) process.exit(9);
    const lock = path.join(settings.outDir, `${path.basename(file).replace(/\.[^.]+$/, '')}.lock`);
    let overlap = false;
    try {
      fs.writeFileSync(lock, file, { flag: 'wx' });
    } catch {
      overlap = true;
    }
    await sleep(file.includes('slow') ? 400 : 20);
    fs.writeFileSync(path.join(settings.outDir, 'written.log'), `${file}\n`, { flag: 'a' });
    if (!overlap) fs.rmSync(lock);
    say(`done${overlap ? ' (overlap)' : ''}\n`);
    say(`  note: ${path.basename(file)}\n`);
    post({ type: 'done', index: m.index, outcome: { entry: { file }, failed: false } });
  });
  post({ type: 'ready' });
}
