// zxing-wasm behind the BarcodeReader interface. zxing-wasm fetches its .wasm from a CDN unless told
// otherwise, which this app must never do: callers pass either the bytes (Node) or a same-origin URL
// (the worker; the build copies node_modules/zxing-wasm/dist/reader/zxing_reader.wasm next to the OCR
// assets).
import { prepareZXingModule, readBarcodes, type ReadResult } from 'zxing-wasm/reader';
import type { GrayImage, Quad } from '../types';
import { ID_BARCODE_FORMATS, type BarcodeHit, type BarcodeReadOptions, type BarcodeReader } from './barcode';

export type ZxingWasmSource = { wasmUrl: string } | { wasmBinary: ArrayBuffer };

export async function createZxingReader(source: ZxingWasmSource): Promise<BarcodeReader> {
  const overrides =
    'wasmBinary' in source
      ? { wasmBinary: source.wasmBinary }
      : { locateFile: (path: string) => (path.endsWith('.wasm') ? source.wasmUrl : path) };
  // Instantiate now, so a missing or blocked wasm fails here with a clear error rather than mid-analysis.
  await prepareZXingModule({ overrides, fireImmediately: true });
  return {
    async read(image: GrayImage, options: BarcodeReadOptions = {}): Promise<BarcodeHit[]> {
      // zxing takes RGBA (duck-typed ImageData) and converts it to luminance itself. One 32-bit write
      // per pixel (grey, opaque; the same on either byte order).
      const rgba = new Uint8ClampedArray(image.width * image.height * 4);
      const px = new Uint32Array(rgba.buffer);
      for (let i = 0; i < image.data.length; i++) px[i] = (image.data[i] * 0x010101) | 0xff000000;
      const results = await readBarcodes(
        { data: rgba, width: image.width, height: image.height } as ImageData,
        {
          formats: [...ID_BARCODE_FORMATS],
          // The quick mode finds print-quality symbols in ~15 ms at 1000 px, cheap enough for every photo;
          // `thorough` (rotations, harder binarization) is kept for pages already known to be documents.
          tryHarder: options.thorough ?? false,
          tryRotate: options.thorough ?? false,
          tryInvert: false,
          tryDownscale: options.thorough ?? false,
          textMode: 'Plain',
          maxNumberOfSymbols: 4,
        },
      );
      return results.filter((r) => r.isValid).map(toHit);
    },
  };
}

function toHit(r: ReadResult): BarcodeHit {
  const p = r.position;
  const corners: Quad = [
    { x: p.topLeft.x, y: p.topLeft.y },
    { x: p.topRight.x, y: p.topRight.y },
    { x: p.bottomRight.x, y: p.bottomRight.y },
    { x: p.bottomLeft.x, y: p.bottomLeft.y },
  ];
  return { format: r.format, text: r.text, corners };
}
