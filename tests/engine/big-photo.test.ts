// A photo over the canvas limit through the Node engine core: analysed at the working size, burned
// and encoded at full resolution, never through a canvas over 16,777,216 pixels.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeCore } from '../../src/cli/core-node';
import { loadNodeModels } from '../../src/cli/models-node';
import { createNodeOcr } from '../../src/cli/ocr-node';
import type { TextModels } from '../../src/engine/learned/models';
import type { EngineCore } from '../../src/engine/core/engine-core';
import { workingScale } from '../../src/engine/core/working-size';
import { toEngineFailure } from '../../src/engine/errors';
import { largestCanvas, MAX_CANVAS_PIXELS, resetCanvasRecord } from '../../src/engine/image/canvas-limit';
import type { TesseractPool } from '../../src/engine/ocr/tesseract';
import { decodeImageNode } from '../../src/engine/platform/node';
import { scoreImage } from '../../bench/score';
import { bigCardPhoto } from '../support/big-photo';

const W = 5712; // an iPhone's default 24 MP: 5712 x 4284, over the canvas limit
const H = 4284;

describe(`a ${W}x${H} photo`, () => {
  let ocr: TesseractPool;
  let core: EngineCore<Uint8Array>;
  let models: TextModels | undefined;
  beforeAll(async () => {
    [ocr, models] = await Promise.all([createNodeOcr(2), loadNodeModels()]);
    core = createNodeCore(ocr);
  });
  afterAll(() => ocr?.terminate());

  it('is read at the working size and exported whole at full size, every canvas within the limit', async () => {
    expect(W * H).toBeGreaterThan(MAX_CANVAS_PIXELS);
    expect(workingScale(W, H)).toBeLessThan(1);
    const { jpeg, gt } = await bigCardPhoto(W, H);
    resetCanvasRecord();
    const image = await decodeImageNode(jpeg);
    expect([image.width, image.height]).toEqual([W, H]);
    core.addImage('big', image);
    const result = await core.analyze('big', { keep: 'last4', models });
    expect([result.width, result.height]).toEqual([W, H]);
    const number = result.findings.find((f) => f.kind === 'card-number');
    expect(number?.text.replace(/\D/g, '')).toBe(gt.number!.replace(/\D/g, ''));

    const png = await core.exportImage('big', result.masks, 'png');
    const out = await decodeImageNode(png);
    expect([out.width, out.height]).toEqual([W, H]);
    const score = scoreImage(gt, image, out);
    expect(score.ok, JSON.stringify({ leaked: score.leaked, lost: score.lost })).toBe(true);

    // A watermarked JPEG too: the watermark is painted in bands like everything else.
    const watermark = { text: 'Copy for Test Bank - KYC - 2026-11-30' };
    const jpg = await decodeImageNode(await core.exportImage('big', result.masks, 'jpeg', watermark));
    expect([jpg.width, jpg.height]).toEqual([W, H]);
    expect(largestCanvas().pixels).toBeGreaterThan(0);
    expect(largestCanvas().pixels).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);

    // WebP has no encoder here without a canvas that size: a clear refusal, never a blank file.
    const webp = await core.exportImage('big', result.masks, 'webp').catch((e: unknown) => e);
    expect(toEngineFailure(webp).code).toBe('export-too-large');
    expect(toEngineFailure(webp).message).toMatch(/Export it as PNG or JPEG/);
    core.close('big');
  });
});
