// After export the engine re-reads the output. A card-number-like run with 8 or more digits still
// readable means a mask missed something: the user must be told, not reassured.
import type { Finding } from '../../engine/types';

export const LEAK_MIN_DIGITS = 8;

export function readableLeaks(findings: readonly Finding[]): Finding[] {
  return findings.filter(
    (f) => f.kind === 'card-number' && (f.text.match(/\d/g)?.length ?? 0) >= LEAK_MIN_DIGITS,
  );
}
