// HEIC/HEIF in Node (CLI, tests): the very libheif build heic-to runs in the browser (its
// libheif-without-unsafe-eval.js, libheif 1.22.2 with the wasm inlined), so Node and browser decode
// identically without a second decoder dependency. heic-to only exports its browser wrapper, and the
// library file is an ES module that calls require() in Node, so we evaluate it as CommonJS.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import vm from 'node:vm';
import { InputError, assertImageSize } from '../errors';
import type { RgbaImage } from '../types';
import { readHeicSize } from './heic-size';

interface HeifImage {
  get_width(): number;
  get_height(): number;
  display(
    target: { data: Uint8ClampedArray; width: number; height: number },
    done: (r: unknown) => void,
  ): void;
  free(): void;
}
interface Libheif {
  HeifDecoder: new () => { decode(bytes: Uint8Array): HeifImage[]; decoder?: unknown };
  heif_context_free(ctx: unknown): void;
}

let libheif: Libheif | undefined;

function loadLibheif(): Libheif {
  if (libheif) return libheif;
  const require = createRequire(import.meta.url);
  const file = join(dirname(require.resolve('heic-to')), '../src/lib/libheif-without-unsafe-eval.js');
  const source = readFileSync(file, 'utf8').replace(
    /export default buildLibheif\s*;?\s*$/,
    'module.exports = buildLibheif;',
  );
  const module = { exports: {} as unknown };
  const wrapper = vm.runInThisContext(
    `(function (module, exports, require, __dirname, __filename) {${source}\n})`,
    {
      filename: file,
    },
  ) as (...args: unknown[]) => void;
  wrapper(module, module.exports, require, dirname(file), file);
  libheif = (module.exports as () => Libheif)();
  return libheif;
}

export async function decodeHeicNode(bytes: Uint8Array): Promise<RgbaImage> {
  const size = readHeicSize(bytes);
  // Refuse a decompression bomb from the declared size, before libheif allocates its pixels.
  if (size) assertImageSize(size.width, size.height);
  const lib = loadLibheif();
  const decoder = new lib.HeifDecoder();
  let images: HeifImage[] = [];
  try {
    images = decoder.decode(bytes);
    // heic-to shows the first (primary) image; so do we.
    const img = images[0];
    if (!img) throw new InputError('heic-damaged');
    // Size after irot/clap, which is what display() produces.
    const width = img.get_width();
    const height = img.get_height();
    assertImageSize(width, height);
    const target = { data: new Uint8ClampedArray(width * height * 4).fill(255), width, height };
    const out = await new Promise<unknown>((resolve) => img.display(target, resolve));
    if (!out) throw new InputError('heic-damaged');
    return target;
  } catch (e) {
    throw e instanceof InputError ? e : new InputError('heic-damaged');
  } finally {
    for (const i of images) i.free();
    if (decoder.decoder) lib.heif_context_free(decoder.decoder);
  }
}
