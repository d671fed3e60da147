// Real pipeline, real OCR (tesseract.js in Node) on the project's own card fixtures; thresholds on
// accuracy only, never on timings.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImageScore } from '../../bench/score';
import { masksForFindings, type AnalyzeResult } from '../../src/engine/analyze';
import { CUT_SHORT_NOTE } from '../../src/engine/detect/last-four-shown';
import { readCases, runCases } from './support/card-fixtures';

const dir = path.resolve(__dirname, '../fixtures/cards');
const cases = readCases(dir);
let scores = new Map<string, ImageScore>();
let results = new Map<string, AnalyzeResult>();

beforeAll(async () => {
  ({ scores, results } = await runCases(dir, cases));
}, 900_000);

describe('card numbers and security codes on fixture photos', () => {
  it('has fixtures to run on', () => {
    expect(cases.length).toBeGreaterThanOrEqual(6);
  });

  it('redacts every easy card completely and keeps its last four', () => {
    for (const gt of cases.filter((c) => c.tier === 'easy')) {
      const s = scores.get(gt.file)!;
      expect({ file: gt.file, ok: s.ok }).toEqual({ file: gt.file, ok: true });
    }
  });

  // Held-out generator photos that once failed, one per kind of failure: the small repeat of the first
  // four merged into the number's detector region (hx-001) or only 5 px tall (hx-054), an embossed Amex
  // at 40 degrees whose recognizer boxes lag its glyphs (hx-031), and a back whose code the detector
  // missed beside the panel's last four (hx-041); from a second generator seed, a repeat the
  // whole-photo detector placed half over (hx2-022) and a panel code split off as its own line (hx2-038);
  // seeds 5 and 6: a vertical card turned 270 degrees (hx5-025), a 10 px repeat too blurred to read
  // (hx5-036), a panel "1234567" read without the space before the code, on a back with no number (hx6-047);
  // seed 2 again: fine print read as nothing upright and as look-alike letters upside down passed for a
  // 19-digit number, and the code was never looked for (hx2-047); a back upside down whose dropped
  // reading was read again the wrong way round in the other polarity (hx3-041); seed 7: a back whose
  // fine print ("call 1 800 711...") read as a number with unread digits, so the panel ("6097 119")
  // was looked for by that number's last four and its code left in view (hx7-046); seed 10: a back whose
  // phone line the detector split from its label ("ce 1 (800) 7114787") read as a number, so its
  // panel's code was looked for by the phone number's last four (hx10-046); seed 4: an embossed Amex
  // upside down whose last four start inside its last group, where the reader's boxes of the last
  // hidden digit and the first kept one met over the kept digit's faint edge (hx4-033); seed 17: a
  // silver emboss turned -117 degrees whose 16 px repeat sits in a glare spot, where the enlarged
  // strip's detector saw no print until the ground of a strip in glare was flattened (hx17-008); seed
  // 10: a white repeat on a grey card that the strip's detector saw only inverted (hx10-019); seed 18:
  // a faint repeat above a line the whole-photo detector saw under the first digit ("MEMBER SINCE"),
  // taken for the repeat's place until a line that far down left the strip to be looked at (hx18-034);
  // seed 41 (a fresh helper's set): a back printing its number, turned 125 degrees, whose phone line read
  // upside down set the photo's way round, so the number was read from the wrong end (hx41-044), and
  // a vertical card whose first two groups the detector boxed as one line (hx41-026).
  it.each([
    'hx-001-flat-front.jpg',
    'hx-054-tiny-front.jpg',
    'hx-031-amex-front.jpg',
    'hx-041-back-back.jpg',
    'hx2-022-white-front.jpg',
    'hx2-038-back-back.jpg',
    'hx5-025-vertical-front.jpg',
    'hx5-036-long19-front.jpg',
    'hx6-047-back-back.jpg',
    'hx2-047-back-back.jpg',
    'hx3-041-back-back.jpg',
    'hx7-046-back-back.jpg',
    'hx10-046-back-back.jpg',
    'hx4-033-amex-front.jpg',
    'hx17-008-flat-front.jpg',
    'hx10-019-white-front.jpg',
    'hx18-034-long19-front.jpg',
    'hx41-044-back-back.jpg',
    'hx41-026-vertical-front.jpg',
  ])('%s: fully redacted, the last four kept', (file) => {
    const s = scores.get(file)!;
    expect({ file, ok: s.ok, codeHidden: s.codeHidden }).toEqual({
      file,
      ok: true,
      codeHidden: s.codeDigits,
    });
  });

  // Seed 11: a number the frame cuts after 11 digits is masked whole and said to be cut; Luhn speaks
  // of a whole number only, so its finding gives no Luhn verdict ("Luhn: fails" read as a misreading).
  it('hx11-048-cut-front.jpg: a number cut by the frame, masked whole, with no Luhn verdict', () => {
    const file = 'hx11-048-cut-front.jpg';
    expect(scores.get(file)?.ok).toBe(true);
    const cut = results.get(file)!.findings.filter((f) => f.notes?.includes(CUT_SHORT_NOTE));
    expect(cut).toHaveLength(1);
    expect(cut[0].notes!.filter((n) => n.startsWith('Luhn'))).toEqual([]);
  });

  // Seed 10: a dark card with no repeat, its ground's grain a speck 0.07 of the number's glyph height
  // in the enlarged strip under the number, once masked as an unread repeat (REPEAT_BAND.stripMinHeight).
  it("hx10-002-flat-front.jpg: no repeat made of a dark card's grain", () => {
    const file = 'hx10-002-flat-front.jpg';
    expect(scores.get(file)?.ok).toBe(true);
    const repeats = results.get(file)!.findings.filter((f) => f.notes?.some((n) => /printed again/.test(n)));
    expect(repeats).toEqual([]);
  });

  it('succeeds on most images across tiers, tilts and turns', () => {
    const ok = [...scores.values()].filter((s) => s.ok).length;
    expect(ok).toBeGreaterThanOrEqual(Math.ceil(cases.length * 0.9));
  });

  it('hides nearly every digit that must be hidden', () => {
    const all = [...scores.values()];
    const hidden = all.reduce((n, s) => n + s.hidden, 0);
    const toHide = all.reduce((n, s) => n + s.toHide, 0);
    expect(hidden / toHide).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps every last-four digit visible', () => {
    const all = [...scores.values()];
    const kept = all.reduce((n, s) => n + s.kept, 0);
    const toKeep = all.reduce((n, s) => n + s.toKeep, 0);
    expect(kept).toBe(toKeep);
  });

  it('hides the security code on card backs', () => {
    const backs = [...scores.values()].filter((s) => s.codeDigits > 0);
    const hidden = backs.filter((s) => s.codeHidden === s.codeDigits).length;
    expect(hidden).toBeGreaterThanOrEqual(Math.ceil(backs.length * 0.9));
  });

  it('masks little beyond the digits', () => {
    const all = [...scores.values()];
    expect(all.reduce((n, s) => n + s.overMaskPct, 0) / all.length).toBeLessThan(1);
  });

  it('returns findings whose presets re-derive masks without OCR', () => {
    const withNumber = [...results.values()].find((r) => r.findings.some((f) => f.kind === 'card-number'))!;
    const card = withNumber.findings.find((f) => f.kind === 'card-number')!;
    expect(card.glyphs.length).toBe(card.text.length);
    expect(card.text.length).toBeGreaterThanOrEqual(12);
    const none = masksForFindings(withNumber.findings, { [card.id]: 'none' }, {});
    const last4 = masksForFindings(withNumber.findings, {}, {});
    expect(none.filter((m) => m.findingId === card.id).length).toBeGreaterThan(0);
    expect(last4.every((m) => m.findingId)).toBe(true);
    const off = masksForFindings(withNumber.findings, {}, { [card.id]: false });
    expect(off.some((m) => m.findingId === card.id)).toBe(false);
  });
});
