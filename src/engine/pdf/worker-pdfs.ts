// pdf.js in the browser worker: same-origin asset folders and the platform, loaded on first use.
// (Open PDFs, their pages and their analysis now live in the engine core: core/engine-core.ts.)
import { checkAssets, type PdfAssets, type PdfPlatform } from './platform';
import { pdfAssetUrls } from './assets';

let assets: PdfAssets | undefined;
let platform: Promise<PdfPlatform> | undefined;

/** Same-origin folders for pdf.js's fonts, wasm and cmaps (see assets.ts). */
export function configurePdf(a: PdfAssets): void {
  assets = checkAssets(a);
  platform = undefined;
}

export function workerPdfPlatform(): Promise<PdfPlatform> {
  // Unconfigured: assume the production layout, pdfjs/ next to index.html, one level above the
  // worker chunk in assets/. The app should call configurePdf (dev serves the worker elsewhere).
  assets ??= pdfAssetUrls(new URL('../', self.location.href));
  const a = assets;
  platform ??= import('./platform-worker').then((m) => m.createWorkerPdfPlatform(a));
  platform.catch(() => (platform = undefined));
  return platform;
}
