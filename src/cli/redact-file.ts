// One input of `lastfour redact`, start to finish: the engine a run owns (Tesseract, the text models,
// the barcode reader, the node core) and the per-file body (image or PDF, trace, leak check, card
// guard). The in-process run (main.ts) and each worker thread of a parallel run (redact-worker.ts)
// call the same redactFile; only where its stderr text goes differs.
import fs from 'node:fs/promises';
import path from 'node:path';
import { format as formatArgs } from 'node:util';
import { masksForFindings } from '../engine/analyze';
import type { EngineCore } from '../engine/core/engine-core';
import type { BarcodeReader } from '../engine/documents/barcode';
import { createZxingReaderNode } from '../engine/documents/zxing-node';
import { IDENTITY_KINDS } from '../engine/documents/page-kinds';
import { cardWithoutNumber } from '../engine/detect/card-evidence';
import { checkExport, checkReaders, type ExportCheck, type Leak } from '../engine/detect/leak-check';
import {
  directionUncertain,
  lastFourInDoubt,
  lastFourUnread,
  shownInPartFinding,
} from '../engine/detect/last-four-shown';
import { newTrace } from '../engine/detect/trace';
import { errorText, isEngineFailure } from '../engine/error-codes';
import { toEngineFailure, type EngineErrorCode, type EngineFailure } from '../engine/errors';
import type { TextModels } from '../engine/learned/models';
import type { TesseractPool } from '../engine/ocr/tesseract';
import { looksLikePdf } from '../engine/pdf/sniff-pdf';
import { decodeImageNode } from '../engine/platform/node';
import type { Finding, ImageFormat, KeepPreset, Mask } from '../engine/types';
import { createNodeCore } from './core-node';
import { describeKind, enabledFor } from './document-flags';
import { assertFitsMemory } from './memory-budget';
import { loadNodeModels } from './models-node';
import { withOrtWasm } from './ort-wasm';
import { createNodeOcr } from './ocr-node';
import { redactPdfFile } from './redact-pdf';
import { writeTrace } from './trace';
import { writeOutputs } from './write-outputs';
import { findingsAsExported } from '../engine/masks/as-exported';
import {
  cancelledFile,
  failedFile,
  failureText,
  outputName,
  type EngineSettings,
  type FileOutcome,
  type RedactSettings,
} from './run-settings';

const EXT: Record<ImageFormat, string> = { png: 'png', jpeg: 'jpg', webp: 'webp' };

/** The engine one run (or one worker of a parallel run) owns. */
export interface CliEngine {
  ocr: TesseractPool;
  models?: TextModels;
  barcodes: BarcodeReader;
  core: EngineCore<Uint8Array>;
}

/**
 * Starts Tesseract, the text models and the barcode reader (zxing's wasm, read from node_modules,
 * never a CDN) side by side. An OCR engine that cannot start fails the run (its EngineFailure);
 * models that cannot be loaded only give `notice` a line, and Tesseract reads alone.
 */
export async function startCliEngine(
  o: EngineSettings,
  notice?: (line: string) => void,
): Promise<CliEngine | EngineFailure> {
  const [ocr, models, barcodes] = await Promise.all([
    createNodeOcr(o.ocrWorkers, o.ocrLang).catch((e: unknown) => toEngineFailure(e)),
    withOrtWasm(o.ortWasm, () =>
      loadNodeModels(o.modelsDir, { threads: o.ortThreads, runtime: o.modelRuntime, notice }),
    ),
    createZxingReaderNode(),
  ]);
  if (isEngineFailure(ocr)) return ocr;
  // The same engine core as the app's worker: page sources -> analyze -> masks -> render -> encode.
  return { ocr, models, barcodes, core: createNodeCore(ocr) };
}

/**
 * When `signal` fires, the engine stops as the app's Clear all stops it: every running analysis job
 * is aborted (OCR mid-recognition included) and every open page's pixels are dropped.
 */
export function clearOnAbort(engine: CliEngine, signal: AbortSignal): void {
  signal.addEventListener('abort', () => engine.core.clear(), { once: true });
}

/**
 * Redacts input `index` of `s.files` and writes its outputs. Its stderr text (the progress line, the
 * result, warnings, the error line) goes to `say` in the order it is printed today; a failure is
 * reported in the outcome, never thrown. When `signal` fires (with clearOnAbort set up), the file
 * ends as 'cancelled' and none of its outputs is written.
 */
export async function redactFile(
  engine: CliEngine,
  index: number,
  s: RedactSettings,
  say: (text: string) => void,
  signal?: AbortSignal,
): Promise<FileOutcome> {
  const { ocr, models, barcodes, core } = engine;
  const { files, outDir, keep, format, docs } = s;
  const file = files[index];
  const inputs = new Set(files.map((f) => path.resolve(f)));
  const name = outputName(file);
  const outImage = path.join(outDir, `${name}.redacted.${EXT[format]}`);
  const outMasks = path.join(outDir, `${name}.masks.json`);
  if (signal?.aborted) return cancelledFile(file, say);
  say(`[${index + 1}/${files.length}] ${file} ... `);
  const restoreConsole = consoleTo(say);
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
        ...s.pdf,
        kind: docs.pageKind,
        masksFor: (findings) => masksForFindings(findings, {}, enabledFor(findings, docs), keep),
        watermark: docs.watermark,
        signal,
      });
      const found = r.pages.reduce((n, p) => n + p.findings, 0);
      say(`${r.pages.length} page(s), ${found} finding(s), ${r.seconds.toFixed(2)} s\n`);
      for (const p of r.pages) say(`  page ${p.page}: ${describeKind(p.pageKind)}\n`);
      for (const note of r.notes) say(`  note: ${note}\n`);
      return { entry: r, failed: false };
    }
    // A photo too big for the memory the run may use is refused from its header, before decoding.
    if (s.memoryBudget !== undefined) assertFitsMemory(bytes, s.memoryBudget);
    const pageId = `file-${index}`;
    // The decoded pixels are the core's alone (no name here keeps them alive): burned in place by
    // the export, they can be freed before the output is decoded again for the leak check.
    core.addImage(pageId, await decodeImageNode(new Uint8Array(bytes)));
    const trace = s.traceDir ? newTrace() : undefined;
    let result, masks, encoded, traced;
    try {
      // The trace draws on the picture as analysed (the export then burns a copy of it).
      if (trace) traced = await core.source(pageId).pixels();
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
    signal?.throwIfAborted();
    const secs = (performance.now() - t0) / 1000;
    // The independent check: the reader that did not read the numbers (each finding records its
    // reader; both readers when the numbers came from both) looks for numbers in card layout.
    const primary = result.reader ?? 'tesseract';
    const check: ExportCheck = IDENTITY_KINDS.has(result.pageKind?.kind ?? 'other')
      ? { ...checkReaders(result.findings, primary, !!models), leaks: [], repairs: [] }
      : await checkExport(await decodeImageNode(encoded), result.findings, {
          ocr,
          models,
          primary,
          // The lines the analysis found on the page, read again on the export (no second detector run).
          lines: result.textLines?.length ? result.textLines : undefined,
          // Burned in: lines left with too little in view are not read (see LeakCheckOptions.masks).
          masks,
          signal,
        });
    if (check.repairs.length) {
      const repaired = await burnRepairs(core, `${pageId}-repair`, encoded, check, keep, format);
      encoded = repaired.encoded;
      result = { ...result, findings: [...result.findings, ...repaired.findings] };
      masks = [...masks, ...repaired.masks];
    }
    // Written once the export is checked: a file cancelled or failing before here leaves no output.
    // The report carries no more of the numbers than the image shows.
    const doc = {
      file: path.basename(file),
      keep,
      ...result,
      findings: findingsAsExported(result.findings, masks),
      masks,
    };
    const json = `${JSON.stringify(doc, null, 1)}\n`;
    await writeOutputs(
      [
        { file: outImage, data: encoded },
        { file: outMasks, data: json },
      ],
      signal,
    );
    if (s.traceDir && trace && traced)
      await writeTrace(s.traceDir, name, traced, trace, result.findings, masks);
    say(
      `${describeKind(result.pageKind)}: ${result.findings.length} finding(s), ${masks.length} mask(s), ${secs.toFixed(2)} s\n`,
    );
    const { leaks } = check;
    for (const { leak } of check.repairs)
      say(
        `  note: the check of the output read a whole card number the detector missed (${leak.label}, read by ${leak.reader}): masked like the others\n`,
      );
    for (const leak of leaks)
      say(
        // Named with the output's path and the quad's corners in its pixels: with several files in
        // flight a warning is read apart from its progress line.
        `  warning: the output ${outImage} still shows a readable number (${leak.label}, ${leakCount(leak)}, read by ${leak.reader}) in the quad with corners at x,y ${leak.corners.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`).join(' ')} (its pixels)\n`,
      );
    // A number read about equally well both ways round is masked whole: the upload needs its last
    // four shown, and only the user can tell which end they are.
    const unsure = result.findings.filter(directionUncertain).length;
    if (unsure)
      say(
        `  warning: ${unsure} card number(s) read about as well upside down: every digit is masked; check ${outImage} and unmask the last four by hand\n`,
      );
    // The leading groups of a number whose rest is out of sight (an owner's cover, glare): every digit
    // in view is masked, and only the user can tell whether more of the number shows.
    const inPart = result.findings.filter(shownInPartFinding).length;
    if (inPart)
      say(
        `  warning: ${inPart} card number(s) only partly in view (the rest covered or unread): every digit in view is masked; check ${outImage} and mask any other digits of the number by hand\n`,
      );
    // A number whose last four were not read (the photo's or the card's edge cuts it, its digits
    // padded to the brand's length; or the end unreadable): every digit read is masked and the
    // export may show none of the last four an upload asks for.
    const endUnread = keep === 'none' ? 0 : result.findings.filter(lastFourUnread).length;
    if (endUnread) say(lastFourUnreadWarning(endUnread, outImage));
    // A number whose last four were read in part: the four places kept may not all be its digits.
    const endInDoubt = keep === 'none' ? 0 : result.findings.filter(lastFourInDoubt).length;
    if (endInDoubt) say(lastFourInDoubtWarning(endInDoubt, outImage));
    const bare = cardWithoutNumber(result.card, masks);
    if (bare) {
      const codeOnlyBack =
        result.pageKind?.kind === 'card-back' && masks.some((m) => m.kind === 'security-code');
      say(cardWithoutNumberWarning(result.card?.reasons ?? [], outImage, codeOnlyBack));
    }
    const entry = {
      file,
      output: outImage,
      masks: outMasks,
      findings: result.findings.length,
      seconds: secs,
      pageKind: result.pageKind,
      cardWithoutNumber: bare,
      directionUncertain: unsure > 0,
      numberShownInPart: inPart > 0,
      lastFourUnread: endUnread > 0,
      lastFourInDoubt: endInDoubt > 0,
      // reader: the first (or only) reader that checked; readers: every one, in order;
      // findingsReadBy: the readers of the card numbers the choice rests on.
      leakCheck: {
        reader: check.readers[0],
        leaks,
        // Whole card numbers the check read and the run masked (their findings are in the report).
        repaired: check.repairs.map((r) => r.leak),
        readers: check.readers,
        findingsReadBy: check.findingsReadBy,
      },
    };
    const toCheck = [
      ...(leaks.length ? ['a readable number left in the output'] : []),
      ...(bare ? ['looks like a card, but no card number was masked'] : []),
      ...(unsure ? ['read about as well upside down: the last four are masked too'] : []),
      ...(inPart ? ['a card number only partly in view'] : []),
      ...(endUnread ? ['the last four were not read'] : []),
      ...(endInDoubt ? ['part of the last four unread'] : []),
    ];
    return { entry, failed: false, toCheck, masked: masks.length };
  } catch (e) {
    // Whatever the cancelled engine threw (an AbortError, a page it had closed) says 'cancelled'.
    const { code, message } = signal?.aborted
      ? { code: 'cancelled' as const, message: errorText('cancelled') }
      : describe(e);
    say(failureText(file, message));
    return failedFile(file, message, code);
  } finally {
    restoreConsole();
  }
}

/**
 * While a file is redacted, what libraries print on the console (libheif's "Decoding image failed"
 * on a damaged HEIC) is that file's stderr text, in its place: stdout carries only the --json report.
 */
function consoleTo(say: (text: string) => void): () => void {
  const methods = ['log', 'info', 'debug', 'warn', 'error'] as const;
  const saved = methods.map((m) => console[m]);
  for (const m of methods) console[m] = (...args: unknown[]) => say(`${formatArgs(...args)}\n`);
  return () => methods.forEach((m, i) => (console[m] = saved[i]));
}

/**
 * The warning for a card with no card number masked (`cardWithoutNumber`). On a back whose security
 * code is masked it says that only the code was masked and that many backs print no number, so the
 * user looks rather than assumes a miss; the advice to mask a number shown on the side by hand, or
 * the part of one (a front whose owner covered most of the number is taken for a back by the group
 * left in view), stands either way. It says "more than its last four": many backs print the last
 * four on the signature panel, and those stay in view.
 */
export function cardWithoutNumberWarning(
  reasons: readonly string[],
  outImage: string,
  codeOnlyBack: boolean,
): string {
  const head = `  warning: looks like a card (${reasons.join(', ')}) but no card number was found to mask`;
  // A front may print no number at all (some cards carry it on the back alone): "if it shows one".
  if (!codeOnlyBack)
    return (
      `${head}: check ${outImage} and, if it shows a card number, mask it by hand ` +
      `(some cards print the number on the back alone)\n`
    );
  return (
    `${head}; only a security code was masked, as on a card back (many backs print no number): ` +
    `check ${outImage} and, if this side shows more of a card number than its last four, mask it by hand\n`
  );
}

/**
 * How much of a leak reads as digits: "12 digits", or "9 of its 10 glyphs read as digits" when some
 * glyphs of its label read as look-alikes or not at all (the label shows every glyph).
 */
export function leakCount(leak: Pick<Leak, 'label' | 'digits'>): string {
  const glyphs = [...leak.label].length;
  return glyphs === leak.digits
    ? `${leak.digits} digits`
    : `${leak.digits} of its ${glyphs} glyphs read as digits`;
}

/** The warning for `count` card numbers whose last four were not read (`lastFourUnread`). */
export function lastFourUnreadWarning(count: number, outImage: string): string {
  return `  warning: ${count} card number(s) with the last four unread (cut off by an edge, or unreadable): every digit read is masked; check that ${outImage} shows the last four, or that the photo holds the whole number\n`;
}

/** The warning for `count` card numbers with part of their last four unread (`lastFourInDoubt`). */
export function lastFourInDoubtWarning(count: number, outImage: string): string {
  return `  warning: ${count} card number(s) with part of the last four unread: the four glyphs left showing may not all be the card's digits; check ${outImage} and mask by hand any that are not\n`;
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

/**
 * The whole card numbers the check read where the detector found none (`check.repairs`), masked
 * under `keep` before anything is written: burned onto the encoded export as it stands (masks only
 * add black; a JPEG or WebP export is encoded a second time), the leaks they were taken out of
 * `check.leaks`. Returns the new export and the findings and masks to add to the report.
 */
export async function burnRepairs(
  core: EngineCore<Uint8Array>,
  pageId: string,
  encoded: Uint8Array,
  check: ExportCheck,
  keep: KeepPreset,
  format: ImageFormat,
): Promise<{ encoded: Uint8Array; findings: Finding[]; masks: Mask[] }> {
  const findings = check.repairs.map((r) => r.finding);
  const masks = masksForFindings(findings, {}, {}, keep);
  core.addImage(pageId, await decodeImageNode(encoded));
  const burned = await core.exportImage(pageId, masks, format, undefined, true);
  const repaired = new Set(check.repairs.map((r) => r.leak));
  check.leaks = check.leaks.filter((l) => !repaired.has(l));
  return { encoded: burned, findings, masks };
}
