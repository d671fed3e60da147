// The single entry point of the engine: the browser worker and the CLI both call analyzeImage, then
// re-derive masks with masksForFindings when the user changes a preset or switches a finding off.
import { detectCardNumbers } from './detect/card-numbers';
import { throwIfAborted } from './detect/abort';
import { toGray } from './image/gray';
import { masksForFinding } from './masks/from-findings';
import type { OcrEngine } from './ocr/types';
import type { Finding, KeepPreset, Mask, ProgressCallback, RgbaImage } from './types';

export interface AnalyzeOptions {
  keep?: KeepPreset;
  signal?: AbortSignal;
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
  const findings = await detectCardNumbers(gray, ocr, {
    signal,
    onProgress: (fraction, message) =>
      onProgress?.({ stage: 'ocr', progress: Math.min(0.99, fraction), message }),
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
