// PP-OCRv4's detector and recognizer (PPLCNetV3 backbones, exported by paddle2onnx) follow each
// convolution with a learnable affine block (x * scale + bias, two scalars), a hard-swish written
// out as four operators (x * clip(x + 3, 0, 6) / 6), and often a second affine block. onnxruntime
// fuses none of them: its Conv+Mul fusion wants the constant as the Mul's second input, and
// paddle2onnx writes it first. Each is a pass over the whole feature map (a third of the detector's
// operator time in onnxruntime's profile). This rewrites the graph to the same arithmetic in fewer
// passes, exact but for float rounding (outputs agree to about 1e-5, tests/engine/fold-affine.test.ts;
// a detector run about 9% and a recognizer run about 5% faster in Node):
//   Conv -> Mul(s) -> Add(b)           => Conv with weights s*W, bias s*B + b
//   Add(3) -> Clip(0, 6) -> Mul -> Div(6) => x * HardSigmoid(x; alpha 1/6, beta 1/2)
//   Mul(s) -> Add(b) -> 1x1 Conv       => Conv with weights s*W, bias B + b * sum(W) (no padding)
//   Mul(s) -> Add(b) -> padded Conv    => Add(b / s) -> Conv with weights s*W (zero padding stays zero)
// Node only (it reads the file with protobufjs, see onnx-format.ts): the CLI folds the models as it
// loads them, the build folds the copies the app serves (vite.config.ts).
import {
  decodeModel,
  encodeModel,
  int64,
  type OnnxGraph,
  type OnnxNode,
  type OnnxTensor,
} from './onnx-format';

/**
 * Which fold this file does. A change that alters the folded bytes of any model must raise it: the
 * CLI's cache of folded models (cli/fold-cache.ts) keys its copies by it. tests/engine/fold-affine.test.ts
 * pins the folded shipped models' hashes to it, so a change that forgets fails there.
 */
export const FOLD_VERSION = 1;

/** How many of each pattern were rewritten. */
export interface FoldCounts {
  convAffine: number;
  hardSwish: number;
  affineIntoConv: number;
  scaleIntoPaddedConv: number;
}

/**
 * The model file with its affine blocks and hard-swishes folded (see above), and what was folded.
 * A file that is no ONNX model, or that holds fields onnx-format.ts does not declare, comes back
 * unchanged with every count 0 (folding only saves time; the model is valid as it is).
 */
export function foldAffineLayers(bytes: Uint8Array): { bytes: Uint8Array; counts: FoldCounts } {
  const counts: FoldCounts = { convAffine: 0, hardSwish: 0, affineIntoConv: 0, scaleIntoPaddedConv: 0 };
  let model;
  try {
    model = decodeModel(bytes);
  } catch {
    return { bytes, counts };
  }
  const g = new GraphEdit(model.graph);
  counts.convAffine = g.foldConvAffine();
  counts.hardSwish = g.foldHardSwish();
  counts.affineIntoConv = g.foldAffineIntoConv();
  counts.scaleIntoPaddedConv = g.foldScaleIntoPaddedConv();
  if (Object.values(counts).every((n) => n === 0)) return { bytes, counts };
  g.dropUnusedConstants();
  return { bytes: encodeModel(model), counts };
}

const FLOAT = 1;
const TENSOR_ATTRIBUTE = 4;
const FLOAT_ATTRIBUTE = 1;

function floats(t: OnnxTensor): Float32Array {
  if (t.rawData && t.rawData.length) {
    // raw_data is little-endian float32; copied, as protobufjs's bytes may be a view into the file
    // at any offset (`new Uint8Array(view)` copies; a Node Buffer's slice() would not).
    const copy = new Uint8Array(t.rawData);
    return new Float32Array(copy.buffer, 0, copy.length / 4);
  }
  return Float32Array.from(t.floatData ?? []);
}

class GraphEdit {
  /** Constant nodes' and initializers' float32 tensors by name. */
  private readonly constants = new Map<string, OnnxTensor>();
  private made = 0;

  constructor(private readonly graph: OnnxGraph) {
    for (const t of graph.initializer) if (t.name) this.constants.set(t.name, t);
    for (const n of graph.node)
      if (n.opType === 'Constant') {
        const t = n.attribute.find((a) => a.name === 'value')?.t;
        if (t) this.constants.set(n.output[0], t);
      }
  }

  private consumers(): Map<string, OnnxNode[]> {
    const c = new Map<string, OnnxNode[]>();
    for (const n of this.graph.node) for (const i of n.input) c.set(i, [...(c.get(i) ?? []), n]);
    return c;
  }

  /** The one node reading `name`, when exactly one does and it is no graph output. */
  private only(c: Map<string, OnnxNode[]>, name: string, op: string): OnnxNode | undefined {
    const users = c.get(name) ?? [];
    if (users.length !== 1 || users[0].opType !== op) return undefined;
    return this.graph.output.some((o) => o.name === name) ? undefined : users[0];
  }

  private weights(name: string): Float32Array | undefined {
    const t = this.constants.get(name);
    return t && t.dataType === FLOAT ? floats(t) : undefined;
  }

  /** A float32 constant holding one value (a convolution's weights are not copied out to tell). */
  private scalar(name: string): number | undefined {
    const t = this.constants.get(name);
    const one = t?.rawData?.length ? t.rawData.length === 4 : t?.floatData?.length === 1;
    const v = one ? this.weights(name) : undefined;
    return v?.[0];
  }

  /** The operand of a binary node that is not `x`. */
  private static other(n: OnnxNode, x: string): string {
    return n.input[0] === x ? n.input[1] : n.input[0];
  }

  private constant(values: Float32Array, dims: number[]): string {
    const name = `lastfour_folded_${this.made++}`;
    const t: OnnxTensor = { name, dims, dataType: FLOAT, rawData: new Uint8Array(values.slice().buffer) };
    this.constants.set(name, t);
    this.graph.node.unshift({
      input: [],
      output: [name],
      opType: 'Constant',
      attribute: [{ name: 'value', type: TENSOR_ATTRIBUTE, t }],
    });
    return name;
  }

  /**
   * One rewrite over the graph: `fold` looks at each node (with the readers of every value as the
   * pass began) and, where it rewrote, returns the nodes it left without a use. Returns how many.
   */
  private pass(fold: (node: OnnxNode, c: Map<string, OnnxNode[]>) => OnnxNode[] | undefined): number {
    const c = this.consumers();
    const dead = new Set<OnnxNode>();
    let n = 0;
    // Over the nodes as the pass began: a rewrite adds its new constants to the graph's front.
    for (const node of [...this.graph.node]) {
      if (dead.has(node)) continue;
      const gone = fold(node, c);
      if (!gone) continue;
      for (const d of gone) dead.add(d);
      n++;
    }
    this.graph.node = this.graph.node.filter((x) => !dead.has(x));
    return n;
  }

  private convWeights(conv: OnnxNode) {
    const t = this.constants.get(conv.input[1]);
    const w = this.weights(conv.input[1]);
    if (!t || !w) return undefined;
    const dims = t.dims.map(int64);
    const bias = conv.input[2] ? this.weights(conv.input[2]) : new Float32Array(dims[0]);
    return bias && bias.length === dims[0] ? { w, dims, bias } : undefined;
  }

  foldConvAffine(): number {
    return this.pass((conv, c) => {
      if (conv.opType !== 'Conv' || conv.input.length < 2) return undefined;
      const mul = this.only(c, conv.output[0], 'Mul');
      const s = mul && this.scalar(GraphEdit.other(mul, conv.output[0]));
      const cw = this.convWeights(conv);
      if (!mul || s === undefined || !cw) return undefined;
      const add = this.only(c, mul.output[0], 'Add');
      const b = add ? this.scalar(GraphEdit.other(add, mul.output[0])) : undefined;
      const last = add && b !== undefined ? add : mul;
      conv.input = [
        conv.input[0],
        this.constant(
          cw.w.map((v) => v * s),
          cw.dims,
        ),
        this.constant(
          cw.bias.map((v) => v * s + (b ?? 0)),
          [cw.dims[0]],
        ),
      ];
      conv.output = [last.output[0]];
      return last === add ? [mul, add] : [mul];
    });
  }

  foldHardSwish(): number {
    return this.pass((add, c) => {
      if (add.opType !== 'Add') return undefined;
      const x = add.input.find((i) => this.scalar(i) === undefined);
      if (!x || this.scalar(GraphEdit.other(add, x)) !== 3) return undefined;
      const clip = this.only(c, add.output[0], 'Clip');
      if (!clip) return undefined;
      // Clip's bounds: attributes up to opset 10, inputs from 11.
      const bound = (k: 'min' | 'max', i: number) =>
        clip.input[i] ? this.scalar(clip.input[i]) : clip.attribute.find((a) => a.name === k)?.f;
      if (bound('min', 1) !== 0 || bound('max', 2) !== 6) return undefined;
      const mul = this.only(c, clip.output[0], 'Mul');
      if (!mul || GraphEdit.other(mul, clip.output[0]) !== x) return undefined;
      const div = this.only(c, mul.output[0], 'Div');
      if (!div || div.input[0] !== mul.output[0] || this.scalar(div.input[1]) !== 6) return undefined;
      add.opType = 'HardSigmoid';
      add.input = [x];
      add.attribute = [
        { name: 'alpha', type: FLOAT_ATTRIBUTE, f: 1 / 6 },
        { name: 'beta', type: FLOAT_ATTRIBUTE, f: 0.5 },
      ];
      mul.input = [x, add.output[0]];
      mul.output = [div.output[0]];
      return [clip, div];
    });
  }

  /** Mul(s) -> Add(b) whose one reader is a Conv reading it as its data: the pair and its scalars. */
  private affineBefore(c: Map<string, OnnxNode[]>, mul: OnnxNode) {
    if (mul.opType !== 'Mul') return undefined;
    const h = mul.input.find((i) => this.scalar(i) === undefined);
    const s = h === undefined ? undefined : this.scalar(GraphEdit.other(mul, h));
    if (h === undefined || s === undefined || s === 0) return undefined;
    const add = this.only(c, mul.output[0], 'Add');
    const b = add && this.scalar(GraphEdit.other(add, mul.output[0]));
    if (!add || b === undefined) return undefined;
    const convs = c.get(add.output[0]) ?? [];
    if (!convs.length || convs.some((n) => n.opType !== 'Conv' || n.input[0] !== add.output[0]))
      return undefined;
    if (this.graph.output.some((o) => o.name === add.output[0])) return undefined;
    return { h, s, add, b, convs };
  }

  foldAffineIntoConv(): number {
    return this.pass((mul, c) => {
      const a = this.affineBefore(c, mul);
      if (!a || a.convs.length !== 1) return undefined;
      const conv = a.convs[0];
      const cw = this.convWeights(conv);
      const group = int64(conv.attribute.find((x) => x.name === 'group')?.i ?? 1);
      const pads = conv.attribute.find((x) => x.name === 'pads')?.ints?.map(int64) ?? [];
      // Only a plain 1x1 convolution sees no padding, where a bias folds exactly.
      if (!cw || group !== 1 || cw.dims.length !== 4 || cw.dims[2] !== 1 || cw.dims[3] !== 1)
        return undefined;
      if (pads.some((p) => p !== 0)) return undefined;
      const [out, inputs] = cw.dims;
      const bias = new Float32Array(out);
      for (let o = 0; o < out; o++) {
        let sum = 0;
        for (let i = 0; i < inputs; i++) sum += cw.w[o * inputs + i];
        bias[o] = cw.bias[o] + a.b * sum;
      }
      conv.input = [
        a.h,
        this.constant(
          cw.w.map((v) => v * a.s),
          cw.dims,
        ),
        this.constant(bias, [out]),
      ];
      return [mul, a.add];
    });
  }

  foldScaleIntoPaddedConv(): number {
    return this.pass((mul, c) => {
      const a = this.affineBefore(c, mul);
      const weights = a?.convs.map((conv) => this.convWeights(conv));
      if (!a || !weights || weights.some((cw) => !cw)) return undefined;
      for (const [k, conv] of a.convs.entries()) {
        const cw = weights[k]!;
        conv.input = [
          conv.input[0],
          this.constant(
            cw.w.map((v) => v * a.s),
            cw.dims,
          ),
          ...conv.input.slice(2),
        ];
      }
      a.add.input = [a.h, this.constant(new Float32Array([a.b / a.s]), [1])];
      return [mul];
    });
  }

  dropUnusedConstants() {
    const c = this.consumers();
    // Older files list their initializers as graph inputs too: those stay.
    const outputs = new Set([...this.graph.output, ...this.graph.input].map((o) => o.name));
    this.graph.node = this.graph.node.filter(
      (n) => n.opType !== 'Constant' || c.has(n.output[0]) || outputs.has(n.output[0]),
    );
    this.graph.initializer = this.graph.initializer.filter(
      (t) => !t.name || c.has(t.name) || outputs.has(t.name),
    );
  }
}
