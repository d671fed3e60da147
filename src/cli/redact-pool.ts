// `lastfour redact --jobs K` (K > 1): the files are redacted K at a time, each worker thread with its
// own engine (one Tesseract worker, its share of the cores for onnxruntime, the barcode reader, the
// node core) running the same redactFile as the in-process run. The main thread hands out files,
// prints each file's stderr text in input order (the head file's as it comes, the others' when their
// turn comes) and collects the outcomes in input order, so stderr and --json read as in one thread.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { EngineErrorCode } from '../engine/error-codes';
import {
  cancelledFile,
  failedFile,
  failureText,
  outputName,
  type EngineSettings,
  type FileOutcome,
  type RedactSettings,
  type RunResult,
} from './run-settings';
import type { FromWorker, ToWorker, WorkerData } from './redact-worker';

const WORKER_ENTRY = new URL('./redact-worker.mjs', import.meta.url);
/** How long a worker asked to close may take before it is terminated. */
const CLOSE_GRACE_MS = 10_000;

/** Each file's stderr text in input order: file i's text is printed once every file before it ended. */
class OrderedText {
  private next = 0;
  private readonly held: string[][];
  private readonly ended: boolean[];

  constructor(private readonly count: number) {
    this.held = Array.from({ length: count }, () => []);
    this.ended = new Array<boolean>(count).fill(false);
  }

  say(index: number, text: string): void {
    if (index === this.next) process.stderr.write(text);
    else this.held[index].push(text);
  }

  end(index: number): void {
    this.ended[index] = true;
    while (this.next < this.count) {
      for (const text of this.held[this.next]) process.stderr.write(text);
      this.held[this.next] = [];
      if (!this.ended[this.next]) break;
      this.next++;
    }
  }
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** The file it is redacting. */
  index?: number;
  closing: boolean;
  /** The error that ended it (an uncaught exception, out of memory), if one did. */
  error?: Error;
}

/**
 * Redacts `settings.files` in `jobs` worker threads (never more than there are files). `entry` is the
 * worker's script (redact-worker.mjs; tests give one that crashes). When `signal` fires, the files
 * being read are cancelled in their workers and the files not handed out yet are cancelled here.
 */
export function redactInWorkers(
  settings: RedactSettings,
  engine: EngineSettings,
  jobs: number,
  entry: URL = WORKER_ENTRY,
  signal?: AbortSignal,
): Promise<RunResult> {
  const { files } = settings;
  const count = Math.max(1, Math.min(jobs, files.length));
  const data: WorkerData = {
    settings,
    // One Tesseract worker each (the files are the parallel work), and the cores shared out among
    // the workers for onnxruntime's threads, which otherwise spin against each other.
    engine: {
      ...engine,
      ocrWorkers: 1,
      ortThreads: Math.max(1, Math.floor(os.availableParallelism() / count)),
    },
  };
  const text = new OrderedText(files.length);
  const outcomes: (FileOutcome | undefined)[] = new Array(files.length);
  let finished = 0;
  const pending = files.map((_, i) => i);
  /** Output stems being written: two inputs named alike are redacted one after the other, in order. */
  const writing = new Set<string>();
  const slots = new Set<Slot>();
  const notices: string[] = [];
  let starting = true;
  let startFailure: { message: string; code?: EngineErrorCode } | undefined;
  let closing = false;

  return new Promise<RunResult>((resolve) => {
    const settle = (slot: Slot, outcome: FileOutcome) => {
      const index = slot.index!;
      slot.index = undefined;
      writing.delete(outputName(files[index]));
      outcomes[index] = outcome;
      finished++;
      text.end(index);
    };

    /** The run is cancelled: no file is handed out any more, and the workers stop theirs. */
    const cancel = () => {
      for (const index of pending.splice(0)) {
        outcomes[index] = cancelledFile(files[index], (t) => text.say(index, t));
        finished++;
        text.end(index);
      }
      for (const slot of slots)
        if (slot.index !== undefined && !slot.closing)
          slot.worker.postMessage({ type: 'cancel' } satisfies ToWorker);
      if (finished === files.length) close();
    };

    const dispatch = () => {
      if (signal?.aborted) return cancel();
      if (starting || closing) return;
      for (const slot of slots) {
        if (!slot.ready || slot.closing || slot.index !== undefined) continue;
        const at = pending.findIndex((i) => !writing.has(outputName(files[i])));
        if (at < 0) break;
        const [index] = pending.splice(at, 1);
        writing.add(outputName(files[index]));
        slot.index = index;
        slot.worker.postMessage({ type: 'file', index } satisfies ToWorker);
      }
      // No worker left to hand the rest to (each crashed without a file of its own).
      if (pending.length && ![...slots].some((s) => !s.closing)) {
        for (const index of pending.splice(0)) {
          const message = 'no worker thread was left to read it';
          text.say(index, failureText(files[index], message));
          outcomes[index] = failedFile(files[index], message);
          finished++;
          text.end(index);
        }
      }
      if (finished === files.length) close();
    };

    const close = () => {
      if (closing) return;
      closing = true;
      for (const slot of slots) stop(slot);
      done();
    };

    const stop = (slot: Slot) => {
      if (slot.closing) return;
      slot.closing = true;
      if (slot.ready) slot.worker.postMessage({ type: 'close' } satisfies ToWorker);
      else void slot.worker.terminate();
      setTimeout(() => void slot.worker.terminate(), CLOSE_GRACE_MS).unref();
    };

    const done = () => {
      if (!closing || slots.size) return;
      // A cancelled run reports its files (each cancelled or done), not why its workers stopped.
      if (startFailure && !signal?.aborted) resolve({ failure: startFailure });
      else resolve({ outcomes: outcomes as FileOutcome[] });
    };

    /** Every first worker is ready or gone: print the notices once, then hand out files. */
    const begin = () => {
      if (!starting || [...slots].some((s) => !s.ready && !s.closing)) return;
      starting = false;
      for (const line of notices) process.stderr.write(line);
      if (startFailure || ![...slots].some((s) => s.ready)) {
        startFailure ??= { message: 'no worker thread could start' };
        close();
        return;
      }
      dispatch();
    };

    const spawn = () => {
      // Its stderr (Tesseract's own "Estimating resolution as ..." lines) is not passed straight on:
      // it goes with the text of the file the worker is reading, as it lands in one thread.
      const worker = new Worker(entry, { workerData: data, stderr: true });
      const slot: Slot = { worker, ready: false, closing: false };
      slots.add(slot);
      worker.stderr.setEncoding('utf8');
      worker.stderr.on('data', (chunk: string) => {
        if (slot.index !== undefined) text.say(slot.index, chunk);
        else process.stderr.write(chunk);
      });
      worker.on('message', (m: FromWorker) => {
        switch (m.type) {
          case 'notice':
            // The same notice from every worker is printed once (a late one at once).
            if (!notices.includes(m.line)) {
              notices.push(m.line);
              if (!starting) process.stderr.write(m.line);
            }
            break;
          case 'ready':
            slot.ready = true;
            if (starting) begin();
            else dispatch();
            break;
          case 'failed':
            // The engine could not start (OCR assets missing...): the run fails as in one thread. A
            // fresh worker that cannot start (after a crash) is only dropped.
            if (starting) startFailure ??= { message: m.message, code: m.code };
            stop(slot);
            if (starting) begin();
            else dispatch();
            break;
          case 'say':
            text.say(m.index, m.text);
            break;
          case 'done':
            settle(slot, m.outcome);
            dispatch();
            break;
          case 'closed':
            void worker.terminate();
            break;
        }
      });
      worker.on('error', (e) => (slot.error = e));
      worker.on('exit', (code) => {
        slots.delete(slot);
        const crashed = !slot.closing;
        slot.closing = true;
        if (crashed) {
          const why = slot.error ? slot.error.message : `exit code ${code}`;
          if (slot.index !== undefined) {
            // The file it was reading is reported like any failed file; the others go on, in a
            // fresh worker.
            const index = slot.index;
            const message = `the worker thread reading it stopped (${why})`;
            text.say(index, failureText(files[index], message));
            settle(slot, failedFile(files[index], message));
            if (pending.length && !closing) spawn();
          } else if (starting && !slot.ready) {
            process.stderr.write(`lastfour: a worker thread could not start (${why})\n`);
          }
        }
        if (starting) begin();
        else dispatch();
        done();
      });
    };

    signal?.addEventListener('abort', cancel, { once: true });
    for (let i = 0; i < count; i++) spawn();
  });
}
