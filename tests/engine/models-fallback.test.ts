// A missing or damaged model file gives a clear error, and the CLI goes on with Tesseract alone: the
// card is still redacted, and stderr says why the learned stage is off.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { scoreImage, type GroundTruth } from '../../bench/score';
import { main } from '../../src/cli/main';
import { loadNodeModels, modelDir, nodeModelSource } from '../../src/cli/models-node';
import { loadTextModels, ModelLoadError } from '../../src/engine/learned/models';
import { decodeImageNode } from '../../src/engine/platform/node';
import { createCanvas } from '@napi-rs/canvas';
import type { GrayImage } from '../../src/engine/types';

const dir = mkdtempSync(join(tmpdir(), 'lastfour-models-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the model folder with one file replaced by garbage (or left out). */
function brokenModels(file: string, bytes?: Uint8Array): string {
  const out = mkdtempSync(join(dir, 'models-'));
  for (const f of ['ch_PP-OCRv4_det_infer.onnx', 'ch_PP-OCRv4_rec_infer.onnx', 'ppocr_keys_v1.txt']) {
    if (f === file) {
      if (bytes) writeFileSync(join(out, f), bytes);
    } else copyFileSync(join(modelDir(), f), join(out, f));
  }
  return out;
}

describe('text models that cannot be loaded', () => {
  it('a damaged detector gives ModelLoadError naming the model', async () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 37) & 255);
    const source = nodeModelSource(brokenModels('ch_PP-OCRv4_det_infer.onnx', garbage));
    const err = await loadTextModels(source).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelLoadError);
    expect((err as Error).message).toMatch(/text detector model is damaged or not a model/);
  });

  it('a missing recognizer gives ModelLoadError saying it could not be read', async () => {
    const err = await loadTextModels(nodeModelSource(brokenModels('ch_PP-OCRv4_rec_infer.onnx'))).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ModelLoadError);
    expect((err as Error).message).toMatch(/text recognizer model could not be read/);
  });

  it('a folder without the direction classifier still loads; the classifier is then off', async () => {
    // brokenModels copies the detector, recognizer and dictionary only.
    const models = await loadTextModels(nodeModelSource(brokenModels('none'), 1));
    expect(models.classifyDirection).toBeUndefined();
    expect(typeof models.recognize).toBe('function');
  }, 60_000);

  it('a damaged direction classifier is left off the same way', async () => {
    const out = brokenModels('none');
    writeFileSync(join(out, 'ch_ppocr_mobile_v2.0_cls_infer.onnx'), new Uint8Array(2048).fill(7));
    const models = await loadTextModels(nodeModelSource(out, 1));
    expect(models.classifyDirection).toBeUndefined();
  }, 60_000);

  it('the shipped classifier calls printed words upright, and the same crop turned half round not', async () => {
    const models = await loadTextModels(nodeModelSource(modelDir(), 1));
    const canvas = createCanvas(300, 48);
    const g = canvas.getContext('2d');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, 300, 48);
    g.fillStyle = '#000';
    g.font = '30px sans-serif';
    g.fillText('VALID THRU', 8, 36);
    const rgba = g.getImageData(0, 0, 300, 48).data;
    const upright: GrayImage = { width: 300, height: 48, data: new Uint8Array(300 * 48) };
    for (let i = 0; i < upright.data.length; i++) upright.data[i] = rgba[4 * i];
    const turned: GrayImage = { ...upright, data: upright.data.slice().reverse() };
    expect(await models.classifyDirection!(upright)).toBeGreaterThan(0.9);
    expect(await models.classifyDirection!(turned)).toBeLessThan(0.1);
  }, 60_000);

  it('the CLI says so and still redacts the card with Tesseract alone', async () => {
    const fixtures = resolve(__dirname, '../fixtures/cards');
    const gt = JSON.parse(readFileSync(join(fixtures, 's7-012-easy-front.json'), 'utf8')) as GroundTruth;
    const models = brokenModels('ch_PP-OCRv4_det_infer.onnx', new Uint8Array(100));
    const stderr: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr.push(String(chunk));
      return true;
    });
    let code: number;
    try {
      code = await main(['redact', join(fixtures, gt.file), '--out', dir, '--models', models]);
    } finally {
      spy.mockRestore();
    }
    expect(code).toBe(0);
    expect(stderr.join('')).toMatch(
      /notice \[model-missing\]: The text models could not be loaded .*damaged.*Tesseract alone/,
    );
    const original = await decodeImageNode(new Uint8Array(readFileSync(join(fixtures, gt.file))));
    const out = await decodeImageNode(
      new Uint8Array(readFileSync(join(dir, 's7-012-easy-front.redacted.png'))),
    );
    const s = scoreImage(gt, original, out);
    expect({ hidden: s.hidden, kept: s.kept }).toEqual({ hidden: s.toHide, kept: s.toKeep });
  }, 120_000);

  it('a native build that loads but cannot open the models gives way to WebAssembly, saying why', async () => {
    // As onnxruntime-node would on a CPU or system it was not built for: the package loads, and
    // every session it opens fails.
    const failing = {
      InferenceSession: {
        create: () => Promise.reject(new Error('Illegal instruction: this CPU lacks AVX (simulated)')),
      },
      Tensor: class {},
    };
    const notices: string[] = [];
    const models = await loadNodeModels(modelDir(), {
      threads: 1,
      notice: (line) => notices.push(line),
      loadNative: () => failing,
    });
    expect(models?.runtime).toBe('wasm');
    expect(typeof models?.recognize).toBe('function');
    expect(notices).toEqual([
      "lastfour: notice: onnxruntime-node could not open the models: Illegal instruction: this CPU lacks AVX (simulated); the text models run on onnxruntime-web's WebAssembly (slower; --model-runtime wasm chooses it without this notice)\n",
    ]);
  }, 60_000);

  it('a native build that cannot load gives way to WebAssembly the same way; asked for, no notice', async () => {
    const notices: string[] = [];
    const unloadable = () => {
      throw new Error('libonnxruntime.so.1: cannot open shared object file');
    };
    const models = await loadNodeModels(modelDir(), {
      threads: 1,
      notice: (l) => notices.push(l),
      loadNative: unloadable,
    });
    expect(models?.runtime).toBe('wasm');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^lastfour: notice: onnxruntime-node could not be loaded: libonnxruntime/);
    const asked: string[] = [];
    const wasm = await loadNodeModels(modelDir(), {
      threads: 1,
      runtime: 'wasm',
      notice: (l) => asked.push(l),
      loadNative: unloadable,
    });
    expect(wasm?.runtime).toBe('wasm');
    expect(asked).toEqual([]);
  }, 60_000);

  it('a damaged model file is reported as damaged whichever build opens it, not as the native build', async () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 37) & 255);
    const notices: string[] = [];
    const models = await loadNodeModels(brokenModels('ch_PP-OCRv4_det_infer.onnx', garbage), {
      threads: 1,
      notice: (l) => notices.push(l),
    });
    expect(models).toBeUndefined();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/notice \[model-missing\]: .*text detector model is damaged or not a model/);
  }, 60_000);
});
