import { defaultClientConditions, defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { viteStaticCopy } from 'vite-plugin-static-copy';
import { pdfAssetCopies } from './src/engine/pdf/assets.ts';
import { MODEL_FILES, modelAssetCopies } from './src/engine/worker/model-assets.ts';
import { foldAffineLayers } from './src/engine/learned/fold-affine.ts';

// Every OCR asset is copied out of node_modules into the build and served from our own origin:
// tesseract.js never reaches for its CDN defaults. Only the LSTM builds of the core are copied,
// since we always run the LSTM engine (OEM 1) with the LSTM-only "best_int" English model, and
// only two of those: the app names the SIMD build (or, without WebAssembly SIMD, the plain one)
// as an explicit file, so tesseract.js never picks its relaxed-SIMD build.
export const ocrAssets = [
  { src: 'node_modules/tesseract.js/dist/worker.min.js', dest: 'ocr' },
  { src: 'node_modules/tesseract.js-core/tesseract-core-simd-lstm.wasm.js', dest: 'ocr/core' },
  { src: 'node_modules/tesseract.js-core/tesseract-core-lstm.wasm.js', dest: 'ocr/core' },
  { src: 'node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz', dest: 'ocr/lang' },
  // The barcode reader (zxing-wasm) for ID and licence barcodes.
  { src: 'node_modules/zxing-wasm/dist/reader/zxing_reader.wasm', dest: 'ocr' },
];

/**
 * Copied but not precached, to keep the offline bundle small: the plain (no-SIMD) OCR core only
 * browsers without WebAssembly SIMD need (every current one has it), and pdf.js's CJK character maps.
 * Both are cached at run time the first time they are used.
 */
const notPrecached = ['**/ocr/core/tesseract-core-lstm.wasm.js', '**/pdfjs/cmaps/**'];

/**
 * Nothing but our own origin. 'wasm-unsafe-eval' lets the OCR core and onnxruntime-web compile their
 * WebAssembly; blob: and data: cover the editor's image URLs and downloads. The same policy goes in a
 * <meta> tag (for any static host) and in response headers (which is what governs Web Workers and the
 * service worker).
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self' blob: data:",
  "img-src 'self' blob: data:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "manifest-src 'self'",
].join('; ');

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

const folded: string[] = [MODEL_FILES.detector, MODEL_FILES.recognizer];
function foldedCopy<T extends { src: string }>(target: T) {
  if (!folded.some((f) => target.src.endsWith(`/${f}`))) return target;
  return {
    ...target,
    transform: {
      encoding: 'buffer' as const,
      handler: (content: Buffer) => Buffer.from(foldAffineLayers(new Uint8Array(content)).bytes),
    },
  };
}

function cspMetaTag(): Plugin {
  return {
    name: 'lastfour-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  base: './',
  plugins: [
    react(),
    // The text models and onnxruntime-web's wasm go to models/ and ort/ (src/engine/worker/model-assets.ts).
    // The detector and recognizer are served with their affine blocks folded (fold-affine.ts), as the
    // CLI loads them: the worker cannot fold them itself (protobufjs needs eval, the CSP forbids it).
    viteStaticCopy({ targets: [...ocrAssets, ...pdfAssetCopies, ...modelAssetCopies.map(foldedCopy)] }),
    cspMetaTag(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/*.png', 'favicon.svg'],
      manifest: {
        name: 'LastFour — redact card photos offline',
        short_name: 'LastFour',
        description:
          'Mask every digit of a card number except the last four, offline. Your photos never leave this device.',
        theme_color: '#0f3d3e',
        background_color: '#f4f1e8',
        display: 'standalone',
        start_url: './',
        scope: './',
        // Web Share Target: "Share" on a photo or PDF in the gallery opens LastFour with it. The POST is
        // answered by public/share-target-sw.js, which hands the files to the page in memory.
        share_target: {
          action: './share-target',
          method: 'POST',
          enctype: 'multipart/form-data',
          params: {
            title: 'title',
            text: 'text',
            files: [{ name: 'files', accept: ['image/*', 'application/pdf', '.heic', '.heif'] }],
          },
        },
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Workbox's default is 2 MiB; the largest files are onnxruntime-web's wasm (14.2 MB) and the
        // text recognizer (10.8 MB), then the OCR core (3.9 MB) and language data (3 MB).
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        globPatterns: [
          '**/*.{js,mjs,css,html,png,svg,ico,wasm,gz,webmanifest,json,pfb,ttf}',
          'models/*.{onnx,txt}',
        ],
        globIgnores: ['**/node_modules/**', ...notPrecached],
        runtimeCaching: [
          {
            urlPattern: ({ url }) => /\/(ocr\/core|pdfjs\/cmaps)\//.test(url.pathname),
            handler: 'CacheFirst',
            options: { cacheName: 'lastfour-optional-assets' },
          },
        ],
        // Runs before Workbox's handlers, so the share target's POST is answered there.
        importScripts: ['share-target-sw.js'],
        clientsClaim: true,
        cleanupOutdatedCaches: true,
        navigateFallback: 'index.html',
      },
    }),
  ],
  // onnxruntime-web's "extern wasm" build: it imports its glue from ort.env.wasm.wasmPaths (our ort/
  // folder) instead of carrying a `new URL('….wasm', import.meta.url)` that would make Vite emit a
  // second, hashed copy of the 14 MB wasm.
  resolve: { conditions: ['onnxruntime-web-use-extern-wasm', ...defaultClientConditions] },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false },
  server: { headers: securityHeaders },
  preview: { port: 4173, strictPort: true, headers: securityHeaders },
});
