// The engine core's jobs with real Tesseract: cancelling a job stops its OCR mid-recognition (the
// busy worker is ended and replaced), the job reports 'cancelled', and the pool serves the next job.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeCore } from '../../src/cli/core-node';
import { createNodeOcr } from '../../src/cli/ocr-node';
import type { EngineCore } from '../../src/engine/core/engine-core';
import { toEngineFailure } from '../../src/engine/errors';
import type { TesseractPool } from '../../src/engine/ocr/tesseract';
import { decodeImageNode } from '../../src/engine/platform/node';
import type { JobProgress } from '../../src/engine/types';

describe('engine core jobs', () => {
  let ocr: TesseractPool;
  let core: EngineCore<Uint8Array>;
  /** Called when a recognition is handed to the pool. */
  let onRecognize: () => void = () => undefined;
  beforeAll(async () => {
    ocr = await createNodeOcr(1);
    core = createNodeCore({
      recognize: (image, options) => {
        const page = ocr.recognize(image, options);
        onRecognize();
        return page;
      },
      terminate: () => ocr.terminate(),
    });
  });
  afterAll(() => ocr?.terminate());

  it('cancel(jobId) stops OCR mid-read, reports the job cancelled, and the next job runs', async () => {
    const image = await decodeImageNode(readFileSync('tests/fixtures/ocr/easy-front.jpg'));
    core.addImage('a', image);
    let cancelledWhileReading = false;
    // Tesseract is reading a crop of this job: stop the job there.
    onRecognize = () =>
      setTimeout(() => {
        if (!cancelledWhileReading) cancelledWhileReading = core.cancel('job-a');
      });
    const first = core.analyze('a', { keep: 'last4' }, undefined, 'job-a');
    const failure = await first.then(
      () => undefined,
      (e: unknown) => toEngineFailure(e),
    );
    expect(cancelledWhileReading).toBe(true);
    expect(failure?.code).toBe('cancelled');
    expect(core.jobs.list().find((j) => j.jobId === 'job-a')?.state).toBe('cancelled');
    // The recognition that was running when the job was cancelled was ended, not waited for.
    expect(ocr.restarts).toBeGreaterThanOrEqual(1);

    onRecognize = () => undefined;
    core.addImage('b', image);
    const reports: JobProgress[] = [];
    const second = await core.analyze('b', { keep: 'last4' }, (p) => reports.push(p), 'job-b');
    expect(second.findings.some((f) => f.kind === 'card-number')).toBe(true);
    // Progress stays typed and names its job.
    expect(reports.length).toBeGreaterThan(0);
    expect(new Set(reports.map((p) => p.jobId))).toEqual(new Set(['job-b']));
    expect(reports.every((p) => typeof p.stage === 'string' && p.progress >= 0 && p.progress <= 1)).toBe(
      true,
    );
    expect(core.jobs.list().find((j) => j.jobId === 'job-b')?.state).toBe('done');
  });

  it("close(id) stops the page's job and frees the page", async () => {
    const image = await decodeImageNode(readFileSync('tests/fixtures/ocr/easy-front.jpg'));
    core.addImage('c', image);
    let closed = false;
    const job = core.analyze(
      'c',
      {},
      (p) => {
        if (p.stage === 'ocr' && !closed) {
          closed = true;
          core.close('c');
        }
      },
      'job-c',
    );
    await expect(job).rejects.toMatchObject({ name: 'AbortError' });
    expect(core.isOpen('c')).toBe(false);
    expect(toEngineFailure(await core.exportImage('c', [], 'png').catch((e) => e)).code).toBe('not-open');
  });
});
