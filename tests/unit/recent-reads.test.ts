import { describe, expect, it } from 'vitest';
import { forgetRecentReads, learnedLineOcr } from '../../src/engine/learned/line-reader';
import type { TextModels } from '../../src/engine/learned/models';
import { RecentReads } from '../../src/engine/learned/recent-reads';
import type { OcrPage } from '../../src/engine/ocr/types';
import type { GrayImage } from '../../src/engine/types';

const crop = (fill: number, width = 20): GrayImage => ({
  width,
  height: 10,
  data: new Uint8Array(width * 10).fill(fill),
});

const page = (text: string): OcrPage => ({
  width: 20,
  height: 10,
  engine: 'learned',
  lines: [{ text, confidence: 1, box: { x0: 0, y0: 0, x1: 20, y1: 10 }, words: [] }],
});

/** Text models whose recognizer reads every crop as "1" and counts its runs. */
function countingModels(): TextModels & { runs: number } {
  const models = {
    runs: 0,
    alphabet: ['1', ' '],
    detect: () => Promise.reject(new Error('not used')),
    recognize: async () => {
      models.runs++;
      return { steps: 2, classes: 3, probs: new Float32Array([0, 1, 0, 1, 0, 0]), inputWidth: 16 };
    },
  };
  return models;
}

describe('recent reads', () => {
  it('reads a crop once and answers the same pixels from memory, each time with a copy of its own', async () => {
    const recent = new RecentReads();
    let reads = 0;
    const read = async () => page(`read ${++reads}`);
    const a = await recent.read(crop(7), '', read);
    a.lines[0].text = 'changed by a caller';
    const b = await recent.read({ ...crop(7) }, '', read);
    expect(reads).toBe(1);
    expect(b.lines[0].text).toBe('read 1');
  });

  it('reads again for other pixels, another size or another whitelist', async () => {
    const recent = new RecentReads();
    let reads = 0;
    const read = async () => page(`read ${++reads}`);
    await recent.read(crop(7), '', read);
    const other = crop(7);
    other.data[57] = 8;
    expect((await recent.read(other, '', read)).lines[0].text).toBe('read 2');
    expect((await recent.read(crop(7, 10), '', read)).lines[0].text).toBe('read 3');
    expect((await recent.read(crop(7), '0123456789', read)).lines[0].text).toBe('read 4');
    expect(reads).toBe(4);
  });

  it('forgets the oldest crop past its size, and a reading that failed', async () => {
    const recent = new RecentReads(2);
    let reads = 0;
    const read = async () => page(`read ${++reads}`);
    await recent.read(crop(1), '', read);
    await recent.read(crop(2), '', read);
    await recent.read(crop(3), '', read);
    await recent.read(crop(1), '', read);
    expect(reads).toBe(4);
    await expect(recent.read(crop(9), '', () => Promise.reject(new Error('aborted')))).rejects.toThrow(
      'aborted',
    );
    expect((await recent.read(crop(9), '', read)).lines[0].text).toBe('read 5');
  });

  it('is shared by every learned line reader of one set of models', async () => {
    const models = countingModels();
    const img = crop(200, 16);
    await learnedLineOcr(models).recognize(img);
    await learnedLineOcr(models).recognize({ ...img, data: img.data.slice() });
    expect(models.runs).toBe(1);
  });

  it("keeps no crop once its job ends: forgetting the models' memory reads the crop again", async () => {
    const models = countingModels();
    const img = crop(200, 16);
    await learnedLineOcr(models).recognize(img);
    forgetRecentReads(models);
    await learnedLineOcr(models).recognize(img);
    expect(models.runs).toBe(2);
  });
});
