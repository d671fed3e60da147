// "Hide transactions": one finding covering the rows of a statement's transaction table, so a user can
// prove name, address, statement date and account while keeping their spending private. Off by default.
import type { Box, Finding, Quad } from '../types';
import { quadOf, unionBox, type TextLine } from './page-text';

// Month names; OCR often loses the last letter of a small "Oct", so two letters will do in a row that
// must also hold an amount.
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|ja|fe|ma|ap|ju|au|se|oc|no|de)[a-z]*\\.?';
const DATE_RE = new RegExp(
  `(?<![\\d.,])(?:\\d{1,2}[./-]\\d{1,2}(?:[./-]\\d{2,4})?|\\d{1,2}\\s${MONTH}|${MONTH}\\s\\d{1,2}|\\d{4}-\\d{2}-\\d{2})(?![\\d,]|\\.\\d)`,
  'i',
);
// Money: 2 decimals, optional sign, currency and thousands separators (1,204.55 / 1.204,55 / -54.20).
const AMOUNT_RE = /(?<![\d/])[-+−]?\s?[$€£]?\s?\d{1,3}(?:[,.' ]\d{3})*[.,]\d{2}(?![\d/.])/g;

interface Row {
  lines: TextLine[];
  box: Box;
  text: string;
}

/** Page lines side by side at the same height form one visual row (tesseract splits table columns). */
export function visualRows(lines: readonly TextLine[]): Row[] {
  const sorted = [...lines].sort((a, b) => (a.box.y0 + a.box.y1) / 2 - (b.box.y0 + b.box.y1) / 2);
  const rows: Row[] = [];
  for (const l of sorted) {
    const cy = (l.box.y0 + l.box.y1) / 2;
    const h = l.box.y1 - l.box.y0;
    // Same row: the boxes overlap vertically by most of the smaller one (cells of a row may use
    // different type sizes, as in app screenshots).
    const row = rows.find((r) => {
      const overlap = Math.min(r.box.y1, l.box.y1) - Math.max(r.box.y0, l.box.y0);
      return (
        overlap > 0.6 * Math.min(h, r.box.y1 - r.box.y0) && Math.abs((r.box.y0 + r.box.y1) / 2 - cy) < 0.6 * h
      );
    });
    if (row) {
      row.lines.push(l);
      row.box = unionBox([row.box, l.box]);
    } else rows.push({ lines: [l], box: { ...l.box }, text: '' });
  }
  for (const r of rows) {
    r.lines.sort((a, b) => a.box.x0 - b.box.x0);
    r.text = r.lines.map((l) => l.text).join('  ');
  }
  return rows.sort((a, b) => a.box.y0 - b.box.y0);
}

export function isTransactionRow(text: string): boolean {
  const date = DATE_RE.exec(text);
  if (!date) return false;
  // The amount must be another token than the date itself.
  const rest =
    text.slice(0, date.index) + ' '.repeat(date[0].length) + text.slice(date.index + date[0].length);
  return (rest.match(AMOUNT_RE) ?? []).length >= 1;
}

/**
 * The transaction table: the longest run of rows that each hold a date and an amount, allowing a wrapped
 * description line between them. Returns one finding whose glyph quads cover each row at full table width.
 */
export function findTransactions(lines: readonly TextLine[], id = 'doc-transactions-0'): Finding | undefined {
  const rows = visualRows(lines);
  const isTx = rows.map((r) => isTransactionRow(r.text));
  let best: Row[] = [];
  let cur: Row[] = [];
  let gapRows: Row[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (isTx[i]) {
      const prev = cur[cur.length - 1];
      const pitch = prev ? rows[i].box.y0 - prev.box.y0 : 0;
      const h = rows[i].box.y1 - rows[i].box.y0;
      if (prev && (gapRows.length > 1 || pitch > 5 * h)) {
        if (cur.length > best.length) best = cur;
        cur = [];
      } else cur.push(...gapRows);
      gapRows = [];
      cur.push(rows[i]);
    } else if (cur.length) gapRows.push(rows[i]);
  }
  if (cur.length > best.length) best = cur;
  const txCount = best.filter((r) => isTransactionRow(r.text)).length;
  if (txCount < 3) return undefined;
  const x0 = Math.min(...best.map((r) => r.box.x0));
  const x1 = Math.max(...best.map((r) => r.box.x1));
  // Each row split into a left and a right half, listed down the left side and back up the right: the
  // first and last glyphs then sit side by side on the top row, so the mask frame derived from glyph order
  // is horizontal and one opaque rectangle covers the table, not a tilted one.
  const mid = (x0 + x1) / 2;
  const left: Quad[] = best.map((r) => quadOf({ x0, y0: r.box.y0, x1: mid, y1: r.box.y1 }));
  const right: Quad[] = best.map((r) => quadOf({ x0: mid, y0: r.box.y0, x1, y1: r.box.y1 })).reverse();
  const glyphs = [...left, ...right];
  return {
    id,
    kind: 'transactions',
    text: '▤'.repeat(glyphs.length),
    glyphs,
    confidence: 0.8,
    keepable: false,
    enabledByDefault: false,
    notes: [`${txCount} transaction rows`, 'hides dates, descriptions and amounts of the table'],
  };
}
