// The engine core with Node's platform: Skia (@napi-rs/canvas) encodes and paints the watermark's
// text, pdf.js runs from node_modules. The CLI, the tests and the benchmarks drive this.
import { EngineCore } from '../engine/core/engine-core';
import type { OcrEngine } from '../engine/ocr/types';
import type { PdfPlatform } from '../engine/pdf/platform';
import { createNodePdfPlatform } from '../engine/pdf/platform-node';
import { encodeImageNode } from '../engine/platform/node';
import { nodeTextPainter } from '../engine/watermark/painter-node';

export function createNodeCore(ocr: OcrEngine): EngineCore<Uint8Array> {
  let pdf: Promise<PdfPlatform> | undefined;
  return new EngineCore<Uint8Array>(
    {
      pdf: () => (pdf ??= createNodePdfPlatform()),
      encode: (image, format) => encodeImageNode(image, format),
      painter: nodeTextPainter,
    },
    async () => ocr,
  );
}
