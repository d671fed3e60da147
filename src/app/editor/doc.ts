// The editable state of one page: its masks (auto and manual) and the user's choices per finding.
// Plain immutable data, so history can keep whole snapshots cheaply (unchanged masks are shared).
import type { Finding, KeepPreset, Mask } from '../../engine/types';

export interface FindingChoice {
  enabled: boolean;
  preset: KeepPreset;
}

export interface Doc {
  /** Source-pixel size of the page; every mask is clamped to it. */
  readonly width: number;
  readonly height: number;
  /** Drawing order: later masks are on top. */
  readonly masks: readonly Mask[];
  /** Keyed by Finding.id. A finding missing here has not been touched: it follows its defaults. */
  readonly choices: Readonly<Record<string, FindingChoice>>;
  /**
   * Numbers the user marked with the number tool: findings like the detector's, but part of the edit
   * history, so undo takes one away with its masks and redo brings it back.
   */
  readonly marked?: readonly Finding[];
}

export function createDoc(width: number, height: number, masks: readonly Mask[] = []): Doc {
  return { width, height, masks, choices: {} };
}

export function findMask(doc: Doc, id: string): Mask | undefined {
  return doc.masks.find((m) => m.id === id);
}
