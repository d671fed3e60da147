// The CLI's warning for a card with no card number masked (src/cli/redact-file.ts).
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types';
import {
  cardWithoutNumberWarning,
  lastFourInDoubtWarning,
  lastFourUnreadWarning,
  leakCount,
} from '../../src/cli/redact-file';
import {
  CUT_SHORT_NOTE,
  lastFourInDoubt,
  lastFourUnread,
  PART_SHOWN_NOTE,
  UNCERTAIN_DIRECTION_NOTE,
} from '../../src/engine/detect/last-four-shown';

describe('cardWithoutNumberWarning', () => {
  const reasons = ['a card-shaped outline (ID-1)'];

  it('asks for the number to be masked by hand on a front', () => {
    const text = cardWithoutNumberWarning(reasons, 'out/a.redacted.png', false);
    expect(text).toMatch(
      /^ {2}warning: looks like a card \(a card-shaped outline \(ID-1\)\) but no card number was found/,
    );
    expect(text).toContain('check out/a.redacted.png and, if it shows a card number, mask it by hand');
    // A front that prints no number (the number on the back alone) is told apart from a miss.
    expect(text).toContain('(some cards print the number on the back alone)\n');
    expect(text).not.toContain('backs');
  });

  it('says on a back with its code masked that only the code was masked and backs may print no number', () => {
    const text = cardWithoutNumberWarning(reasons, 'out/b.redacted.png', true);
    expect(text).toMatch(/^ {2}warning: looks like a card .* but no card number was found to mask; /);
    expect(text).toContain('only a security code was masked, as on a card back (many backs print no number)');
    // A front whose owner covered most of the number is taken for a back by the group left in view:
    // the advice covers a number shown in part, in plain words, and does not ask for the last four a
    // back's signature panel prints to be hidden.
    expect(text).toContain(
      'check out/b.redacted.png and, if this side shows more of a card number than its last four, mask it by hand\n',
    );
    expect(text).not.toContain('"code"');
  });
});

describe('lastFourUnread', () => {
  const card = (text: string) =>
    ({ id: 'c', kind: 'card-number', text, box: { x0: 0, y0: 0, x1: 1, y1: 1 } }) as unknown as Finding;

  it('is a card number whose last four glyphs were not read (a 12-digit run padded to 16)', () => {
    expect(lastFourUnread(card('123456789012????'))).toBe(true);
    expect(lastFourUnread(card('4111111111111111'))).toBe(false);
    // One of the last four read: that glyph shows in the export.
    expect(lastFourUnread(card('41111111111111?1'))).toBe(false);
    expect(lastFourUnread({ ...card('123????'), kind: 'security-code' } as Finding)).toBe(false);
    // A number shown in part (its first groups only) has a warning of its own.
    expect(lastFourUnread({ ...card('41111111????????'), notes: [PART_SHOWN_NOTE] } as Finding)).toBe(false);
    // Eleven digits run into the frame's edge: the last four are out of the photo, though no glyph
    // of the finding is unread.
    expect(lastFourUnread({ ...card('54127534567'), notes: [CUT_SHORT_NOTE] } as Finding)).toBe(true);
    expect(lastFourUnreadWarning(1, 'out/c.redacted.png')).toMatch(
      /^ {2}warning: 1 card number\(s\) with the last four unread .*check that out\/c\.redacted\.png shows the last four/,
    );
  });
});

describe('lastFourInDoubt', () => {
  const card = (text: string, notes?: string[]) =>
    ({
      id: 'c',
      kind: 'card-number',
      text,
      notes,
      box: { x0: 0, y0: 0, x1: 1, y1: 1 },
    }) as unknown as Finding;

  it('is a card number with one to three of its last four unread', () => {
    // A panel's last digits read into the halftone dots beside it: "000?" kept in view.
    expect(lastFourInDoubt(card('440218876000000?'))).toBe(true);
    expect(lastFourInDoubt(card('4111111111111?1?'))).toBe(true);
    expect(lastFourInDoubt(card('4111111111?1?1?1'))).toBe(true);
    // Read whole, or unread only before the last four: the four kept are read digits.
    expect(lastFourInDoubt(card('4111111111111111'))).toBe(false);
    expect(lastFourInDoubt(card('41??111111111111'))).toBe(false);
    // All four unread, shown in part, or of uncertain direction: masked whole, warned of elsewhere.
    expect(lastFourInDoubt(card('123456789012????'))).toBe(false);
    expect(lastFourInDoubt(card('41111111???1????', [PART_SHOWN_NOTE]))).toBe(false);
    expect(lastFourInDoubt(card('888888888888888?', [UNCERTAIN_DIRECTION_NOTE]))).toBe(false);
    expect(lastFourInDoubt({ ...card('12?'), kind: 'security-code' } as Finding)).toBe(false);
    expect(lastFourInDoubtWarning(2, 'out/d.redacted.png')).toMatch(
      /^ {2}warning: 2 card number\(s\) with part of the last four unread: .*check out\/d\.redacted\.png and mask by hand any that are not\n$/,
    );
  });
});

describe('leakCount', () => {
  it('counts the digits, and says so when some glyphs of the label were not read as digits', () => {
    expect(leakCount({ label: '••••••••••••1111', digits: 16 })).toBe('16 digits');
    // A glyph read as a look-alike ('l' for 1) shows in the label but is no digit read.
    expect(leakCount({ label: '••••••3220', digits: 9 })).toBe('9 of its 10 glyphs read as digits');
  });
});
