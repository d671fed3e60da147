// PDF and HEIC figures: node --import tsx bench/pdf.ts
//   - seconds per page, text path (pdf.js text layer) and OCR path (scanned page through tesseract)
//   - memory for a 20-page statement: open, analyse, export (process RSS and JS heap)
//   - bytes the browser must serve (and the service worker precache) for PDF and HEIC support
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { createNodeOcr } from '../src/cli/ocr-node';
import { PdfDocument } from '../src/engine/pdf/pdf-document';
import { analyzePdfPage, exportRedactedPdf } from '../src/engine/core/pdf-pages';
import { createNodePdfPlatform } from '../src/engine/pdf/platform-node';
import { decodeImageNode } from '../src/engine/platform/node';

const root = join(import.meta.dirname, '..');
const fixture = (p: string) => new Uint8Array(readFileSync(join(root, 'tests/fixtures', p)));
const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
const noOcr = () => Promise.reject(new Error('no OCR on text pages'));

async function timePdf(bytes: Uint8Array, getOcr: Parameters<typeof analyzePdfPage>[2], label: string) {
  const platform = await createNodePdfPlatform();
  const t0 = performance.now();
  const doc = await PdfDocument.open(platform, bytes);
  const tOpen = performance.now() - t0;
  let render = 0;
  let analyze = 0;
  const masks = [];
  for (const p of doc.pages) {
    const a = performance.now();
    await doc.render(p.index);
    const b = performance.now();
    const r = await analyzePdfPage(doc, p.index, getOcr, {});
    analyze += performance.now() - b;
    render += b - a;
    masks.push({ index: p.index, masks: r.masks });
  }
  const e = performance.now();
  const out = await exportRedactedPdf(doc, masks);
  const tExport = performance.now() - e;
  const total = performance.now() - t0;
  const n = doc.pages.length;
  console.log(
    `${label}: ${n} page(s); per page ${secs(total / n)} total (open ${secs(tOpen / n)}, render ${secs(render / n)}, ` +
      `analyse ${secs(analyze / n)}, export ${secs(tExport / n)}); output ${mb(out.length)}`,
  );
  await doc.close();
}

async function twentyPages(): Promise<Uint8Array> {
  const src = await PDFDocument.load(fixture('pdf/statement-text.pdf'));
  const out = await PDFDocument.create();
  while (out.getPageCount() < 20) {
    for (const p of await out.copyPages(src, [0, 1])) if (out.getPageCount() < 20) out.addPage(p);
  }
  return out.save();
}

function dirSize(dir: string, filter = (_: string) => true): number {
  return readdirSync(dir)
    .filter(filter)
    .reduce((s, f) => s + statSync(join(dir, f)).size, 0);
}

async function main() {
  console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
  // Warm up pdf.js (module load, standard font data) so per-page figures are steady-state.
  await timePdf(fixture('pdf/statement-text.pdf'), noOcr, 'warm-up (text)');
  await timePdf(fixture('pdf/statement-text.pdf'), noOcr, 'text path, statement-text.pdf');

  const ocr = await createNodeOcr(2);
  await timePdf(fixture('pdf/statement-scanned.pdf'), async () => ocr, 'OCR path, statement-scanned.pdf');

  const heic = fixture('heic/card-irot.heic');
  const h0 = performance.now();
  await decodeImageNode(heic);
  console.log(`HEIC decode (libheif wasm, 1078x689, first call incl. init): ${secs(performance.now() - h0)}`);
  const h1 = performance.now();
  await decodeImageNode(heic);
  console.log(`HEIC decode (warm): ${secs(performance.now() - h1)}`);
  await ocr.terminate();

  // Memory: a 20-page text statement, every page rendered, analysed and exported.
  globalThis.gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed + m.arrayBuffers);
  };
  const timer = setInterval(sample, 20);
  const bytes = await twentyPages();
  const t = performance.now();
  const doc = await PdfDocument.open(await createNodePdfPlatform(), bytes);
  const masks = [];
  for (const p of doc.pages) {
    await doc.render(p.index);
    sample();
    masks.push({ index: p.index, masks: (await analyzePdfPage(doc, p.index, noOcr, {})).masks });
  }
  const out = await exportRedactedPdf(doc, masks);
  sample();
  clearInterval(timer);
  console.log(
    `20-page statement (${mb(bytes.length)} in, ${mb(out.length)} out, ${secs(performance.now() - t)}): ` +
      `RSS ${mb(before.rss)} -> peak ${mb(peakRss)} (+${mb(peakRss - before.rss)}); ` +
      `JS heap+ArrayBuffers ${mb(before.heapUsed + before.arrayBuffers)} -> peak ${mb(peakHeap)}`,
  );
  await doc.close();

  // What the browser must serve for PDF/HEIC (sizes on disk before gzip; Vite minifies the JS
  // chunks, so the .min files stand in for the emitted chunks).
  const req = createRequire(import.meta.url);
  const pdfjs = dirname(req.resolve('pdfjs-dist/package.json'));
  const heicTo = join(dirname(req.resolve('heic-to')), 'csp/heic-to.min.js');
  const rows: [string, number][] = [
    ['pdf.js (legacy/build/pdf.min.mjs) chunk', statSync(join(pdfjs, 'legacy/build/pdf.min.mjs')).size],
    [
      'pdf.js worker (legacy/build/pdf.worker.min.mjs) chunk',
      statSync(join(pdfjs, 'legacy/build/pdf.worker.min.mjs')).size,
    ],
    ['pdfjs/standard_fonts/*', dirSize(join(pdfjs, 'standard_fonts'))],
    ['pdfjs/wasm/*.wasm', dirSize(join(pdfjs, 'wasm'), (f) => f.endsWith('.wasm'))],
    ['pdfjs/cmaps/* (CJK only; optional to precache)', dirSize(join(pdfjs, 'cmaps'))],
    ['heic-to/csp chunk (libheif wasm inlined)', statSync(heicTo).size],
  ];
  for (const [k, v] of rows) console.log(`  ${k.padEnd(52)} ${mb(v)}`);
  const all = rows.reduce((s, [, v]) => s + v, 0);
  console.log(`  ${'total'.padEnd(52)} ${mb(all)} (without cmaps ${mb(all - rows[4][1])})`);
}

await main();
