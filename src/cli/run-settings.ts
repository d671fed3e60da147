// What a `lastfour redact` run is, as plain data: its settings, each file's outcome, and the names
// its outputs take. The main thread of a parallel run starts no engine and imports only this (and
// the pool), so its worker threads start without waiting for the engine's modules to load here
// (about half a second of a run's start).
import os from 'node:os';
import path from 'node:path';
import { errorText, type EngineErrorCode } from '../engine/error-codes';
import { ocrPoolSize } from '../engine/ocr/pool-size';
import type { ImageFormat, KeepPreset } from '../engine/types';
import type { DocumentFlags } from './document-flags';
import type { ModelRuntimeChoice } from './onnx-runtime';
import type { OrtWasm } from './ort-wasm';

/** What a PDF's redaction is written as (--pdf-output). */
export type PdfOutput = 'pdf' | 'png' | 'both';
export const PDF_OUTPUTS: PdfOutput[] = ['pdf', 'png', 'both'];

/** What a run does to every file: plain data, the same in the main thread and in a worker. */
export interface RedactSettings {
  /** Every input of the run, in order (the progress line's count, and outputs never overwrite one). */
  files: string[];
  outDir: string;
  keep: KeepPreset;
  format: ImageFormat;
  pdf: { output: PdfOutput; password?: string };
  docs: DocumentFlags;
  traceDir?: string;
  /** Bytes one photo's pictures may take (--max-memory; memory-budget.ts); unchecked when absent. */
  memoryBudget?: number;
}

/** How big an engine to start: Tesseract workers and onnxruntime threads, and where assets are. */
export interface EngineSettings {
  ocrWorkers?: number;
  ortThreads?: number;
  modelsDir?: string;
  ocrLang?: string;
  /** onnxruntime's WebAssembly compiled once for a parallel run's workers (ort-wasm.ts). */
  ortWasm?: OrtWasm;
  /** The onnxruntime build for the text models (--model-runtime; onnx-runtime.ts). */
  modelRuntime?: ModelRuntimeChoice;
}

/** One file's result: its entry in the --json report, and how it counts towards the exit code. */
export interface FileOutcome {
  entry: unknown;
  /** The file could not be redacted (exit code 1). */
  failed: boolean;
  /**
   * Why the output needs a look by eye, a few words each: a card without a number mask, a leak in the
   * output, a number in doubt (the end-of-run summary lists them; exit code 3 with --strict).
   */
  toCheck?: string[];
  /** How many masks the output image has burned in (a photo's; undefined for a PDF). */
  masked?: number;
}

/** A run's result: every file's outcome in input order, or why no engine could start. */
export type RunResult =
  { outcomes: FileOutcome[] } | { failure: { message: string; code?: EngineErrorCode } };

/** The outcome of a file that could not be redacted: its report entry, as the error line says it. */
export function failedFile(file: string, message: string, code?: EngineErrorCode): FileOutcome {
  return { entry: { file, error: message, ...(code && { code }) }, failed: true };
}

/** Whether an output needs a look by eye (`toCheck` says why): exit code 3 with --strict. */
export const flagged = (o: FileOutcome): boolean => !!o.toCheck?.length;

/**
 * What ends a file's progress line ("[i/n] file ... ") when it fails: the word failed on that line,
 * so no line is left hanging, then the reason on a line of its own.
 */
export function failureText(file: string, message: string): string {
  return `failed\nlastfour: ${file}: ${message}\n`;
}

/** The outcome of a file whose run was cancelled before it ended: nothing of it is written. */
export function cancelledFile(file: string, say: (text: string) => void): FileOutcome {
  const message = errorText('cancelled');
  say(`lastfour: ${file}: ${message}\n`);
  return failedFile(file, message, 'cancelled');
}

/** The stem every output of `file` is named after (<stem>.redacted.png, <stem>.masks.json...). */
export function outputName(file: string): string {
  return path.basename(file).replace(/\.[^.]+$/, '');
}

/** The OCR pool for this machine: its cores, bounded by its memory, as in the app (ocrPoolSize). */
export function nodePoolSize(): number {
  return ocrPoolSize({ cores: os.availableParallelism(), memoryGb: os.totalmem() / 2 ** 30 });
}
