// Folding PP-OCRv4's affine blocks and hard-swishes (fold-affine.ts) changes how many passes the
// models make, not what they compute: a small graph with every pattern, and the shipped detector and
// recognizer, give the same outputs folded as they do as shipped.
import { createRequire } from 'node:module';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-web/wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { modelDir } from '../../src/cli/models-node';
import { FOLD_VERSION, foldAffineLayers } from '../../src/engine/learned/fold-affine';
import {
  decodeModel,
  encodeModel,
  type OnnxModel,
  type OnnxNode,
} from '../../src/engine/learned/onnx-format';
import { MODEL_FILES } from '../../src/engine/worker/model-assets';

beforeAll(() => {
  const require = createRequire(import.meta.url);
  ort.env.wasm.wasmPaths = path.dirname(require.resolve('onnxruntime-web/wasm')) + path.sep;
  ort.env.wasm.numThreads = 1;
});

async function run(bytes: Uint8Array, input: Float32Array, dims: number[]): Promise<Float32Array> {
  const session = await ort.InferenceSession.create(bytes, { graphOptimizationLevel: 'all' });
  const out = await session.run({ [session.inputNames[0]]: new ort.Tensor('float32', input, dims) });
  const data = out[session.outputNames[0]].data as Float32Array;
  await session.release();
  return data;
}

const maxDifference = (a: Float32Array, b: Float32Array) => {
  expect(a.length).toBe(b.length);
  return a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);
};

/** Deterministic values in -1..1 shaped like an image: smooth, with some texture. */
function imageLike(n: number, width: number): Float32Array {
  return Float32Array.from({ length: n }, (_, i) => {
    const p = i % (width * 1000);
    return (
      0.8 * Math.sin((p % width) / 7) * Math.cos(Math.floor(p / width) / 5) + 0.2 * Math.sin(i * 12.9898)
    );
  });
}

// --- A small graph holding each pattern, written the way paddle2onnx writes them (opset 11). ---

const tensor = (name: string, dims: number[], values: number[]) => ({
  name,
  dims,
  dataType: 1,
  rawData: new Uint8Array(Float32Array.from(values).buffer),
});
const constant = (name: string, dims: number[], values: number[]): OnnxNode => ({
  input: [],
  output: [name],
  opType: 'Constant',
  attribute: [{ name: 'value', type: 4, t: tensor(name, dims, values) }],
});
const ints = (name: string, v: number[]) => ({ name, type: 7, ints: v });
const conv = (x: string, w: string, b: string | undefined, out: string, k: number, group = 1): OnnxNode => ({
  input: b ? [x, w, b] : [x, w],
  output: [out],
  opType: 'Conv',
  attribute: [
    ints('kernel_shape', [k, k]),
    ints('pads', Array(4).fill((k - 1) / 2)),
    ints('strides', [1, 1]),
    ints('dilations', [1, 1]),
    { name: 'group', type: 2, i: group },
  ],
});
const op = (opType: string, input: string[], out: string): OnnxNode => ({
  input,
  output: [out],
  opType,
  attribute: [],
});
const weights = (n: number, seed: number) =>
  Array.from({ length: n }, (_, i) => Math.sin(seed + i * 1.7) * 0.5);
const value = (name: string, dims: number[]) => ({
  name,
  type: { tensorType: { elemType: 1, shape: { dim: dims.map((d) => ({ dimValue: d })) } } },
});

/**
 * x [1,2,8,8] -> Conv 3x3 -> Mul(s) Add(b) -> hard-swish -> Mul(s) Add(b) -> Conv 1x1 -> Mul(s)
 * Add(b) -> depthwise Conv 3x3 (padded) -> y; and a branch whose Conv output is read twice (left).
 */
function smallModel(): OnnxModel {
  const nodes: OnnxNode[] = [
    constant('w1', [3, 2, 3, 3], weights(54, 1)),
    constant('b1', [3], [0.1, -0.2, 0.05]),
    constant('s1', [1], [1.7]),
    constant('c1', [1], [-0.3]),
    constant('three', [], [3]),
    constant('zero', [], [0]),
    constant('six', [], [6]),
    constant('s2', [1], [0.8]),
    constant('c2', [1], [0.25]),
    constant('w2', [4, 3, 1, 1], weights(12, 2)),
    constant('b2', [4], [0.3, 0, -0.1, 0.2]),
    constant('s3', [1], [1.3]),
    constant('c3', [1], [-0.6]),
    constant('w3', [4, 1, 3, 3], weights(36, 3)),
    constant('w4', [2, 2, 1, 1], [0.5, -1, 2, 0.25]),
    constant('s4', [1], [3]),
    conv('x', 'w1', 'b1', 'conv1', 3),
    op('Mul', ['s1', 'conv1'], 'mul1'),
    op('Add', ['mul1', 'c1'], 'lab1'),
    op('Add', ['lab1', 'three'], 'hs_add'),
    op('Clip', ['hs_add', 'zero', 'six'], 'hs_clip'),
    op('Mul', ['lab1', 'hs_clip'], 'hs_mul'),
    op('Div', ['hs_mul', 'six'], 'hs'),
    op('Mul', ['s2', 'hs'], 'mul2'),
    op('Add', ['mul2', 'c2'], 'lab2'),
    conv('lab2', 'w2', 'b2', 'conv2', 1),
    op('Relu', ['conv2'], 'relu2'),
    op('Mul', ['s3', 'relu2'], 'mul3'),
    op('Add', ['mul3', 'c3'], 'lab3'),
    conv('lab3', 'w3', undefined, 'y', 3, 4),
    // Read twice: nothing here may be folded into the convolution.
    conv('x', 'w4', undefined, 'conv4', 1),
    op('Mul', ['s4', 'conv4'], 'mul4'),
    op('Add', ['conv4', 'mul4'], 'z'),
  ];
  return {
    graph: {
      node: nodes,
      initializer: [],
      input: [value('x', [1, 2, 8, 8])],
      output: [value('y', [1, 4, 8, 8]), value('z', [1, 2, 8, 8])],
    },
    ...({ irVersion: 7, opsetImport: [{ domain: '', version: 11 }] } as object),
  } as OnnxModel;
}

describe('foldAffineLayers on a small graph', () => {
  const original = encodeModel(smallModel());
  const input = imageLike(128, 8);

  it('folds each pattern once and leaves a convolution read twice alone', () => {
    const { counts, bytes } = foldAffineLayers(original);
    expect(counts).toEqual({ convAffine: 1, hardSwish: 1, affineIntoConv: 1, scaleIntoPaddedConv: 1 });
    const ops = decodeModel(bytes)
      .graph.node.filter((n) => n.opType !== 'Constant')
      .map((n) => n.opType);
    expect(ops).toEqual(['Conv', 'HardSigmoid', 'Mul', 'Conv', 'Relu', 'Add', 'Conv', 'Conv', 'Mul', 'Add']);
  });

  it('computes what the original computes', async () => {
    const { bytes } = foldAffineLayers(original);
    const [a, b] = [await run(original, input, [1, 2, 8, 8]), await run(bytes, input, [1, 2, 8, 8])];
    expect(Math.max(...a.map(Math.abs))).toBeGreaterThan(0.1);
    expect(maxDifference(a, b)).toBeLessThan(1e-5);
  });

  it('leaves bytes that are no model, and a model with fields it does not know, as they are', () => {
    const junk = Uint8Array.from({ length: 300 }, (_, i) => (i * 53) & 255);
    expect(foldAffineLayers(junk)).toEqual({
      bytes: junk,
      counts: { convAffine: 0, hardSwish: 0, affineIntoConv: 0, scaleIntoPaddedConv: 0 },
    });
    // ModelProto field 20 (training_info), which onnx-format.ts does not declare: length-delimited, empty.
    const unknown = Uint8Array.from([...original, (20 << 3) | 2, 0]);
    expect(foldAffineLayers(unknown).bytes).toBe(unknown);
  });
});

describe('foldAffineLayers on the shipped PP-OCRv4 models', () => {
  const read = (f: string) => new Uint8Array(readFileSync(path.join(modelDir(), f)));
  const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex').slice(0, 16);

  // The CLI keeps folded copies between runs keyed by FOLD_VERSION (cli/fold-cache.ts): a change to
  // the fold that changes these bytes must raise it (and record the new hashes here), or runs would
  // go on loading copies folded the old way.
  it('folds the shipped files to the bytes recorded for this FOLD_VERSION', () => {
    const folded = {
      version: FOLD_VERSION,
      detector: sha(foldAffineLayers(read(MODEL_FILES.detector)).bytes),
      recognizer: sha(foldAffineLayers(read(MODEL_FILES.recognizer)).bytes),
    };
    expect(folded).toEqual({ version: 1, detector: 'f5d6d97e7d52e1c1', recognizer: '260bbef2bdea3fdb' });
  });

  it('the recognizer reads the same characters with the same probabilities', async () => {
    const shipped = read(MODEL_FILES.recognizer);
    const { bytes, counts } = foldAffineLayers(shipped);
    expect(counts.convAffine).toBeGreaterThanOrEqual(20);
    expect(counts.hardSwish).toBeGreaterThanOrEqual(20);
    expect(bytes.length).toBeLessThan(shipped.length);
    const input = imageLike(3 * 48 * 320, 320);
    const [a, b] = [await run(shipped, input, [1, 3, 48, 320]), await run(bytes, input, [1, 3, 48, 320])];
    expect(maxDifference(a, b)).toBeLessThan(1e-4);
    const classes = 6625;
    const best = (p: Float32Array, t: number) => {
      let k = 0;
      for (let c = 1; c < classes; c++) if (p[t * classes + c] > p[t * classes + k]) k = c;
      return k;
    };
    for (let t = 0; t < a.length / classes; t++) expect(best(b, t)).toBe(best(a, t));
  });

  it('the detector gives the same text probability map', async () => {
    const shipped = read(MODEL_FILES.detector);
    const { bytes, counts } = foldAffineLayers(shipped);
    expect(counts.convAffine).toBeGreaterThanOrEqual(20);
    const input = imageLike(3 * 160 * 224, 224);
    const [a, b] = [await run(shipped, input, [1, 3, 160, 224]), await run(bytes, input, [1, 3, 160, 224])];
    expect(maxDifference(a, b)).toBeLessThan(1e-4);
  });
});
