// Jobs: each analysis runs under an id with its own AbortController, so the app can stop the work
// of a photo it no longer shows (Remove, Clear all, a re-detect that replaces it). The record of
// recent jobs is what the worker reports back ("job 3 cancelled"), for the app's tests and tools.
import { isAbortError, toEngineFailure, type EngineErrorCode } from '../errors';

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobRecord {
  jobId: string;
  /** The page the job works on. */
  pageId: string;
  state: JobState;
  /** performance.now() at start and end, milliseconds. */
  startedMs: number;
  endedMs?: number;
  /** Why a failed job failed. */
  code?: EngineErrorCode;
}

/** The most job records kept (the oldest are dropped first). */
const KEEP_RECORDS = 100;

export class JobRegistry {
  private readonly running = new Map<string, { controller: AbortController; record: JobRecord }>();
  private readonly records: JobRecord[] = [];
  private next = 0;

  /** A fresh id for callers that do not name their jobs. */
  newId(): string {
    return `job-${++this.next}`;
  }

  /**
   * Runs `work` as job `jobId` on page `pageId`. If the job is cancelled, `work`'s signal fires and
   * the returned promise rejects with an AbortError (the record says 'cancelled'). A job id already
   * running is cancelled first: the new job replaces it.
   */
  async run<T>(jobId: string, pageId: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.cancel(jobId);
    const controller = new AbortController();
    const record: JobRecord = { jobId, pageId, state: 'running', startedMs: performance.now() };
    this.records.push(record);
    if (this.records.length > KEEP_RECORDS) this.records.splice(0, this.records.length - KEEP_RECORDS);
    this.running.set(jobId, { controller, record });
    try {
      const out = await work(controller.signal);
      controller.signal.throwIfAborted();
      record.state = 'done';
      return out;
    } catch (e) {
      const cancelled = controller.signal.aborted && (isAbortError(e) || e === controller.signal.reason);
      record.state = cancelled ? 'cancelled' : 'failed';
      if (!cancelled) record.code = toEngineFailure(e).code;
      throw e;
    } finally {
      record.endedMs = performance.now();
      if (this.running.get(jobId)?.record === record) this.running.delete(jobId);
    }
  }

  /** Stops job `jobId` if it is running; true when there was one to stop. */
  cancel(jobId: string): boolean {
    const job = this.running.get(jobId);
    if (!job) return false;
    job.controller.abort();
    return true;
  }

  /** Stops every job on the given pages. */
  cancelPages(pageIds: Iterable<string>): number {
    const ids = new Set(pageIds);
    let n = 0;
    for (const [jobId, job] of this.running) if (ids.has(job.record.pageId) && this.cancel(jobId)) n++;
    return n;
  }

  cancelAll(): number {
    let n = 0;
    for (const jobId of [...this.running.keys()]) if (this.cancel(jobId)) n++;
    return n;
  }

  /** The recent jobs, oldest first (copies). */
  list(): JobRecord[] {
    return this.records.map((r) => ({ ...r }));
  }
}
