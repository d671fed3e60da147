// Real pipeline (learned text models, then Tesseract), on real specimen cards: each must be fully
// redacted with its last four kept.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImageScore } from '../../bench/score';
import { readCases, runCases } from './support/card-fixtures';

const dir = path.resolve(__dirname, '../fixtures/real-cards');
const cases = readCases(dir);
let scores = new Map<string, ImageScore>();

beforeAll(async () => {
  ({ scores } = await runCases(dir, cases));
}, 900_000);

describe('real specimen cards', () => {
  it('has fixtures to run on', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases.map((c) => c.file))('%s: every digit hidden but the last four, which stay', (file) => {
    const s = scores.get(file)!;
    expect({ hidden: s.hidden, kept: s.kept }).toEqual({ hidden: s.toHide, kept: s.toKeep });
  });
});
