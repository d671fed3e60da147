// Where the browser build serves pdf.js's data files. vite.config.ts copies them (pdfAssetCopies)
// and the app passes pdfAssetUrls(base) to engine.configurePdf. All same-origin: no CDN.
import type { PdfAssets } from './platform';

/** vite-plugin-static-copy targets for the three folders pdf.js may fetch from. */
export const pdfAssetCopies = [
  { src: 'node_modules/pdfjs-dist/standard_fonts/*', dest: 'pdfjs/standard_fonts' },
  { src: 'node_modules/pdfjs-dist/wasm/*.wasm', dest: 'pdfjs/wasm' },
  { src: 'node_modules/pdfjs-dist/cmaps/*', dest: 'pdfjs/cmaps' },
];

/** Same-origin URLs for the copied folders, given the app's base URL. */
export function pdfAssetUrls(base: string | URL): PdfAssets {
  return {
    standardFontDataUrl: new URL('pdfjs/standard_fonts/', base).href,
    wasmUrl: new URL('pdfjs/wasm/', base).href,
    cMapUrl: new URL('pdfjs/cmaps/', base).href,
  };
}
