import type { Box, GrayImage } from '../types';

export interface OcrSymbol {
  text: string;
  confidence: number;
  box: Box;
}

export interface OcrWord {
  text: string;
  confidence: number;
  box: Box;
  symbols: OcrSymbol[];
}

export interface OcrLine {
  text: string;
  confidence: number;
  box: Box;
  words: OcrWord[];
}

export interface OcrPage {
  width: number;
  height: number;
  /** Which reader produced the page: the learned recognizer's digits are surer than their CTC scores. */
  engine?: 'learned' | 'tesseract';
  lines: OcrLine[];
}

/** Tesseract page segmentation modes we use: 3 auto page, 6 one block, 7 one line, 11 sparse text. */
export type PageSegMode = 3 | 4 | 6 | 7 | 8 | 11 | 13;

export interface RecognizeOptions {
  psm?: PageSegMode;
  /** Restrict the characters Tesseract may output (e.g. digits only for a number line). */
  whitelist?: string;
  /** Stops the recognition when it fires (the pool ends the busy worker): rejects with AbortError. */
  signal?: AbortSignal;
}

/**
 * What the detectors need from OCR. Injected (tesseract.js in the app and the CLI, fakes in unit
 * tests), so detection logic stays pure and testable.
 */
export interface OcrEngine {
  recognize(image: GrayImage, options?: RecognizeOptions): Promise<OcrPage>;
  terminate(): Promise<void>;
}
