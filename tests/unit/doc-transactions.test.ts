import { describe, expect, it } from 'vitest';
import { masksForFindings } from '../../src/engine/analyze';
import { findTransactions, isTransactionRow, visualRows } from '../../src/engine/documents/transactions';
import { line } from './doc-lines';

// A statement as tesseract returns it: each table column a separate block, so rows arrive split.
function table() {
  const rows = ['01.10.2025', '03.10.2025', '05.10.2025', '07.10.2025'];
  const lines = [
    line('Ms Maria Sample', 0),
    line('Statement date 31.10.2025', 0, 600),
    line('Opening balance 1,204.55', 60),
  ];
  rows.forEach((d, i) => {
    const y = 200 + i * 40;
    lines.push(
      line(d, y, 20),
      line(['COFFEE', 'GROCERY', 'RAIL', 'CINEMA'][i], y, 200),
      line(`-${10 + i}.50`, y, 600),
      line(`${900 - i}.25`, y, 800),
    );
  });
  lines.push(line('Thank you for banking with us', 600));
  return lines;
}

describe('transactions', () => {
  it('tells transaction rows from header lines', () => {
    expect(isTransactionRow('01.10.2025  COFFEE HOUSE  -158.73  1045.82')).toBe(true);
    expect(isTransactionRow('12 Oct  Supermarket  -54.20')).toBe(true);
    expect(isTransactionRow('Statement date 31.10.2025')).toBe(false);
    expect(isTransactionRow('Opening balance 1,204.55')).toBe(false);
  });

  it('rebuilds rows from column blocks', () => {
    const rows = visualRows(table());
    expect(rows.filter((r) => isTransactionRow(r.text))).toHaveLength(4);
  });

  it('is one switched-off finding whose mask is an upright rectangle over the rows only', () => {
    const tx = findTransactions(table())!;
    expect(tx.kind).toBe('transactions');
    expect(tx.enabledByDefault).toBe(false);
    expect(masksForFindings([tx], {}, {})).toHaveLength(0);
    const masks = masksForFindings([tx], {}, { [tx.id]: true });
    expect(masks).toHaveLength(1);
    const m = masks[0];
    expect(Math.abs(m.rotation)).toBeLessThan(0.01);
    expect(m.y).toBeGreaterThan(60 + 20); // below "Opening balance"
    expect(m.y).toBeLessThan(200);
    expect(m.y + m.height).toBeGreaterThan(320 + 20);
    expect(m.y + m.height).toBeLessThan(600);
    expect(m.x).toBeLessThanOrEqual(20);
    expect(m.x + m.width).toBeGreaterThanOrEqual(860);
  });

  it('needs at least three rows', () => {
    expect(findTransactions(table().slice(0, 3 + 4 * 2))).toBeUndefined();
  });
});

describe('categories', () => {
  it('switches a whole kind on without touching the others', async () => {
    const { enabledForKinds } = await import('../../src/engine/documents/categories');
    const tx = findTransactions(table())!;
    const other = { ...tx, id: 'iban-1', kind: 'iban' as const, enabledByDefault: true };
    expect(enabledForKinds([tx, other], { transactions: true })).toEqual({ [tx.id]: true });
    expect(enabledForKinds([tx, other], { iban: false, transactions: false })).toEqual({
      [tx.id]: false,
      'iban-1': false,
    });
  });
});
