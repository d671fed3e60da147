// A number found in a page line: which glyphs, what kind, how sure. The statement detectors produce
// these; statement.ts turns them into Findings.
import type { TextLine } from './page-text';

export interface Match {
  line: TextLine;
  indices: number[];
  kind: 'card-number' | 'iban' | 'account-number' | 'security-code';
  confidence: number;
  notes: string[];
  /** The first part of a number wrapped over two lines: hidden whole. */
  head?: boolean;
}
