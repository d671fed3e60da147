import { sniffImageType } from '../image/sniff';

/**
 * A PDF header at the start, or in the first 1 KB of a file that is no known image: the spec
 * allows bytes before "%PDF-" (some mail gateways and scanners add them) and pdf.js accepts them.
 */
export function looksLikePdf(head: Uint8Array): boolean {
  const type = sniffImageType(head);
  if (type === 'pdf') return true;
  return type === 'unknown' && String.fromCharCode(...head.subarray(0, 1024)).includes('%PDF-');
}
