// `lastfour redact statement.pdf --out dir`: every page is analysed (text layer when the PDF has
// one, OCR for scans), then written as <name>.redacted.pdf (a new PDF of page pictures only) and/or
// <name>.page-<n>.redacted.png, with <name>.masks.json listing each page's findings and masks.
import path from 'node:path';
import type { AnalyzeResult } from '../engine/analyze';
import { sourceMethod } from '../engine/core/analyze-page';
import type { EngineCore } from '../engine/core/engine-core';
import type { PageClassification, PageKind } from '../engine/documents/page-kind';
import type { Finding, KeepPreset, Mask } from '../engine/types';
import type { WatermarkOptions } from '../engine/watermark/watermark';
import { writeOutputs, type Output } from './write-outputs';
import { findingsAsExported } from '../engine/masks/as-exported';
import type { PdfOutput } from './run-settings';

export interface PdfRedactOptions {
  file: string;
  bytes: Uint8Array;
  outDir: string;
  keep: KeepPreset;
  output: PdfOutput;
  password?: string;
  /** The engine core (createNodeCore): opens the PDF's pages, analyses and renders them. */
  core: EngineCore<Uint8Array>;
  /** Resolved input paths: an output that would overwrite one is refused. */
  inputs: Set<string>;
  /** The masks to burn for a page's findings (the switched-on suggestion categories, the preset). */
  masksFor?: (findings: Finding[]) => Mask[];
  /** Burned over each page after its masks: the watermark for ID copies. */
  watermark?: WatermarkOptions;
  /** --kind: what every page is (the classifier is skipped). */
  kind?: PageKind;
  /** The run's cancellation: nothing of the file is written once it fires. */
  signal?: AbortSignal;
}

export interface PdfRedactReport {
  file: string;
  outputs: string[];
  masks: string;
  pages: {
    page: number;
    method: 'text' | 'ocr';
    findings: number;
    masks: number;
    pageKind?: PageClassification;
  }[];
  notes: string[];
  seconds: number;
}

/** An output of the file, refused when it would overwrite an input. */
function output(file: string, data: Uint8Array | string, inputs: Set<string>): Output {
  if (inputs.has(path.resolve(file))) throw new Error(`the output ${file} would overwrite an input`);
  return { file, data };
}

export async function redactPdfFile(o: PdfRedactOptions): Promise<PdfRedactReport> {
  const t0 = performance.now();
  const name = path.basename(o.file).replace(/\.[^.]+$/, '');
  const fileId = `pdf:${o.file}`;
  const { doc, pages: opened } = await o.core.openPdf(fileId, o.bytes, o.password);
  try {
    // Every output is written at the end, all together (write-outputs.ts): a file cancelled or
    // failing half-way leaves none of them.
    const written: Output[] = [];
    const pages: PdfRedactReport['pages'] = [];
    const results: (AnalyzeResult & { page: number; label: string })[] = [];
    for (const { id, info } of opened) {
      const analyzed = await o.core.analyze(id, { keep: o.keep, kind: o.kind });
      const r = o.masksFor ? { ...analyzed, masks: o.masksFor(analyzed.findings) } : analyzed;
      results.push({ page: info.index + 1, label: info.label, ...r });
      pages.push({
        page: info.index + 1,
        method: sourceMethod(o.core.source(id)),
        findings: r.findings.length,
        masks: r.masks.length,
        pageKind: r.pageKind,
      });
      if (o.output !== 'pdf') {
        const png = path.join(o.outDir, `${name}.page-${info.index + 1}.redacted.png`);
        written.push(output(png, await o.core.exportImage(id, r.masks, 'png', o.watermark), o.inputs));
      }
    }
    if (o.output !== 'png') {
      const pdf = path.join(o.outDir, `${name}.redacted.pdf`);
      const masksByPage = Object.fromEntries(opened.map((p, i) => [p.id, results[i].masks]));
      const bytes = await o.core.exportPdf(
        opened.map((p) => p.id),
        masksByPage,
        o.watermark,
      );
      written.unshift(output(pdf, bytes, o.inputs));
    }
    const masks = path.join(o.outDir, `${name}.masks.json`);
    // The report carries no more of the numbers than the pages show.
    const shown = results.map((r) => ({ ...r, findings: findingsAsExported(r.findings, r.masks) }));
    const json = { file: path.basename(o.file), keep: o.keep, notes: doc.notes, pages: shown };
    const outputs = written.map((w) => w.file);
    written.push(output(masks, `${JSON.stringify(json, null, 1)}\n`, o.inputs));
    await writeOutputs(written, o.signal);
    return {
      file: o.file,
      outputs,
      masks,
      pages,
      notes: doc.notes,
      seconds: (performance.now() - t0) / 1000,
    };
  } finally {
    o.core.close(fileId);
  }
}
