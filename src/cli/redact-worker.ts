// A worker thread of a parallel `lastfour redact` run (redact-pool.ts): it starts its own engine,
// then redacts the files the main thread hands it, one at a time, with the same redactFile as the
// in-process run. Its stderr text goes back to the main thread as messages, which prints every
// file's text in input order. Run from the CLI's bundle (bin/cli-bundle.mjs), where it is bundled as
// redact-worker.mjs beside the pool; from the sources, through redact-worker.mjs (tsx registered).
import { parentPort, workerData } from 'node:worker_threads';
import { isEngineFailure, type EngineErrorCode } from '../engine/error-codes';
import { clearOnAbort, redactFile, startCliEngine, type CliEngine } from './redact-file';
import type { EngineSettings, FileOutcome, RedactSettings } from './run-settings';

export interface WorkerData {
  settings: RedactSettings;
  engine: EngineSettings;
}

/** Main thread -> worker. */
export type ToWorker = { type: 'file'; index: number } | { type: 'cancel' } | { type: 'close' };

/** Worker -> main thread. */
export type FromWorker =
  | { type: 'notice'; line: string }
  | { type: 'ready' }
  | { type: 'failed'; message: string; code: EngineErrorCode }
  | { type: 'say'; index: number; text: string }
  | { type: 'done'; index: number; outcome: FileOutcome }
  | { type: 'closed' };

const port = parentPort;
if (!port) throw new Error('redact-worker runs as a worker thread');
const post = (m: FromWorker) => port.postMessage(m);
const { settings, engine: engineSettings } = workerData as WorkerData;

const engine = await startCliEngine(engineSettings, (line) => post({ type: 'notice', line }));
if (isEngineFailure(engine)) {
  post({ type: 'failed', message: engine.message, code: engine.code });
} else {
  const ready: CliEngine = engine;
  // The run's cancellation (Ctrl-C in the main thread) stops this engine as Clear all does.
  const cancelled = new AbortController();
  clearOnAbort(ready, cancelled.signal);
  // Files come one at a time: the next is sent when this one is done.
  port.on('message', (m: ToWorker) => {
    if (m.type === 'file') {
      const say = (text: string) => post({ type: 'say', index: m.index, text });
      void redactFile(ready, m.index, settings, say, cancelled.signal).then((outcome) =>
        post({ type: 'done', index: m.index, outcome }),
      );
    } else if (m.type === 'cancel') {
      cancelled.abort();
    } else if (m.type === 'close') {
      void ready.ocr.terminate().finally(() => post({ type: 'closed' }));
    }
  });
  post({ type: 'ready' });
}
