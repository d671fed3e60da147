// The single entry point of the engine: the browser worker and the CLI both call analyzeImage, then
// re-derive masks with masksForFindings when the user changes a preset or switches a finding off.
import { detectCardNumbersDetailed } from './detect/card-numbers';
import { detectRepeatedPrefix } from './detect/repeated-prefix';
import { detectSecurityCode } from './detect/security-code';
import { throwIfAborted } from './detect/abort';
import { detectDocumentFindings, type DocumentOptions } from './documents/document-findings';
import { darkestChannel, toGray } from './image/gray';
import { masksForFinding } from './masks/from-findings';
import type { OcrEngine } from './ocr/types';
import type { Finding, KeepPreset, Mask, ProgressCallback, RgbaImage } from './types';

export interface AnalyzeOptions {
  keep?: KeepPreset;
  signal?: AbortSignal;
  /** Diagnostics: one line per OCR reading. */
  debug?: (message: string) => void;
  /** ID/passport/licence/statement detection (documents/): barcode reader, forcing the document pass. */
  documents?: Omit<DocumentOptions, 'signal' | 'onProgress'>;
}

export interface AnalyzeResult {
  width: number;
  height: number;
  findings: Finding[];
  masks: Mask[];
}

export async function analyzeImage(
  image: RgbaImage,
  ocr: OcrEngine,
  options: AnalyzeOptions = {},
  onProgress?: ProgressCallback,
): Promise<AnalyzeResult> {
  const { signal } = options;
  throwIfAborted(signal);
  onProgress?.({ stage: 'detect', progress: 0, message: 'Looking for number lines' });
  const gray = toGray(image);
  const numbers = await detectCardNumbersDetailed(gray, ocr, {
    signal,
    debug: options.debug,
    neutral: () => darkestChannel(image),
    onProgress: (fraction, message) =>
      onProgress?.({ stage: 'ocr', progress: Math.min(0.85, fraction * 0.85), message }),
  });
  const cardFindings: Finding[] = numbers.map((n) => n.finding);
  throwIfAborted(signal);
  if (numbers.length > 0) {
    onProgress?.({ stage: 'ocr', progress: 0.86, message: 'Looking for a security code' });
    // The code on a back and a small repeat of the first four on a front, read side by side.
    const [code, prefix] = await Promise.all([
      detectSecurityCode(gray, ocr, numbers[0], options.debug, undefined, signal),
      detectRepeatedPrefix(gray, ocr, numbers[0], signal),
    ]);
    if (prefix) cardFindings.push(prefix);
    if (code) cardFindings.push(code);
  }
  throwIfAborted(signal);
  // Documents: a cheap layout check first, so card photos skip the page OCR pass (see documents/).
  // Returns the merged list: card readings inside an MRZ or an IBAN give way to the document finding.
  const findings = await detectDocumentFindings(gray, ocr, cardFindings, {
    ...options.documents,
    signal,
    onProgress: (fraction, message) =>
      onProgress?.({ stage: 'ocr', progress: 0.9 + fraction * 0.09, message }),
  });
  throwIfAborted(signal);
  const masks = masksForFindings(findings, {}, {}, options.keep ?? 'last4');
  onProgress?.({ stage: 'detect', progress: 1, message: `${findings.length} finding(s)` });
  return { width: image.width, height: image.height, findings, masks };
}

/**
 * Auto masks for the findings under their presets. A finding missing from `enabled` follows its
 * enabledByDefault; one missing from `presets` gets `defaultPreset`. Every mask carries findingId.
 */
export function masksForFindings(
  findings: Finding[],
  presets: Record<string, KeepPreset>,
  enabled: Record<string, boolean>,
  defaultPreset: KeepPreset = 'last4',
): Mask[] {
  const masks: Mask[] = [];
  for (const f of findings) {
    if (!(enabled[f.id] ?? f.enabledByDefault)) continue;
    masks.push(...masksForFinding(f, presets[f.id] ?? defaultPreset));
  }
  return masks;
}
