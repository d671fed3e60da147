// The two onnxruntime builds run the same graphs to the same numbers: the CLI's native one
// (onnxruntime-node) and the app's WebAssembly one (onnxruntime-web). The CLI's masks are the masks
// the app would burn: on a real card photo both builds give the same masks, and the detector's
// probability map and the recognizer's CTC output agree to float rounding. (The app's own runs of the
// WebAssembly build are the browser tests'.)
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { modelDir, nodeModelSource } from '../../src/cli/models-node';
import { nativeOnnxRuntime } from '../../src/cli/onnx-runtime';
import { createNodeOcr } from '../../src/cli/ocr-node';
import { analyzeImage } from '../../src/engine/analyze';
import { burnMasks } from '../../src/engine/burn/burn';
import { toGray } from '../../src/engine/image/gray';
import { loadTextModels, type TextModels } from '../../src/engine/learned/models';
import { decodeImageNode } from '../../src/engine/platform/node';
import type { RgbaImage } from '../../src/engine/types';

const PHOTO = path.resolve(__dirname, '../fixtures/real-cards/bcandido_gold_mastercard_tilted_scene.jpg');

let image: RgbaImage;
const models: Record<'native' | 'wasm', TextModels | undefined> = { native: undefined, wasm: undefined };

// Required in CI; elsewhere a platform without onnxruntime-node's binaries skips this file, loudly.
const nativeMissing = nativeOnnxRuntime() instanceof Error && !process.env.CI;
if (nativeMissing) console.warn('WARNING: onnxruntime-node cannot load here: its tests are skipped');

beforeAll(async () => {
  if (nativeMissing) return;
  image = await decodeImageNode(new Uint8Array(fs.readFileSync(PHOTO)));
  models.native = await loadTextModels(nodeModelSource(modelDir(), 1, 'native'));
  models.wasm = await loadTextModels(nodeModelSource(modelDir(), 1, 'wasm'));
}, 120_000);

const maxDiff = (a: Float32Array, b: Float32Array) => {
  expect(a.length).toBe(b.length);
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
};

describe.skipIf(nativeMissing)('onnxruntime-node and onnxruntime-web on the same models', () => {
  it('each says which build it is', () => {
    expect(models.native!.runtime).toBe('native');
    expect(models.wasm!.runtime).toBe('wasm');
  });

  it("the detector's probability map and the recognizer's output agree to float rounding", async () => {
    const [a, b] = [await models.native!.detect(image, 960), await models.wasm!.detect(image, 960)];
    expect([a.width, a.height]).toEqual([b.width, b.height]);
    expect(maxDiff(a.data, b.data)).toBeLessThan(1e-3);
    const gray = toGray(image);
    const band = { width: gray.width, height: 48, data: gray.data.subarray(0, gray.width * 48) };
    const [r, s] = [await models.native!.recognize(band), await models.wasm!.recognize(band)];
    expect([r.steps, r.classes, r.inputWidth]).toEqual([s.steps, s.classes, s.inputWidth]);
    expect(maxDiff(r.probs, s.probs)).toBeLessThan(1e-3);
  }, 60_000);

  it('a real card photo gets the same masks on both', async () => {
    const ocr = await createNodeOcr(2);
    try {
      const [a, b] = [
        await analyzeImage(image, ocr, { models: models.native }),
        await analyzeImage(image, ocr, { models: models.wasm }),
      ];
      expect(a.masks.length).toBeGreaterThan(0);
      const what = (r: typeof a) => r.masks.map((m) => `${m.kind} ${m.label}`);
      expect(what(a)).toEqual(what(b));
      // The burned pixels, not the floats behind them (a mask's confidence differs in its 6th digit).
      expect(
        Buffer.from(burnMasks(image, a.masks).data).equals(Buffer.from(burnMasks(image, b.masks).data)),
      ).toBe(true);
    } finally {
      await ocr.terminate();
    }
  }, 180_000);
});
