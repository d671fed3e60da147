import { describe, expect, it } from 'vitest';
import { runSummary } from '../../src/cli/run-summary';
import { failedFile, type FileOutcome } from '../../src/cli/run-settings';

const done = (file: string, masked = 1, toCheck: string[] = []): FileOutcome => ({
  entry: { file, output: `out/${file}.redacted.png` },
  failed: false,
  toCheck,
  masked,
});

describe('runSummary', () => {
  it('says nothing after one file: its own lines say it all', () => {
    expect(runSummary(['a.jpg'], [done('a.jpg')])).toBe('');
  });

  it('counts the files and says none needs a look', () => {
    expect(runSummary(['a.jpg', 'b.jpg'], [done('a.jpg'), done('b.jpg')])).toBe(
      'lastfour: 2 files: 2 redacted; nothing flagged\n',
    );
  });

  it('names each output to look at, with why, and each input that failed, in input order', () => {
    const files = ['a.jpg', 'b.jpg', 'c.jpg', 'd.jpg', 'e.pdf'];
    const outcomes: FileOutcome[] = [
      done('a.jpg', 1, ['a card number only partly in view', 'the last four were not read']),
      done('b.jpg'),
      failedFile('c.jpg', 'not an image this app can read'),
      // Nothing masked and nothing flagged: a number the detector missed leaves no other trace.
      done('d.jpg', 0),
      { entry: { file: 'e.pdf', outputs: ['out/e.redacted.pdf'] }, failed: false },
    ];
    expect(runSummary(files, outcomes)).toBe(
      [
        'lastfour: 5 files: 4 redacted (1 with nothing masked), 1 failed; look at 2 by eye:',
        '  out/a.jpg.redacted.png: a card number only partly in view; the last four were not read',
        '  c.jpg: failed (not an image this app can read)',
        '  out/d.jpg.redacted.png: nothing masked (no number found)',
        '',
      ].join('\n'),
    );
  });

  it('counts an output flagged with nothing masked once', () => {
    const outcomes = [done('a.jpg'), done('b.jpg', 0, ['looks like a card, but no card number was masked'])];
    expect(runSummary(['a.jpg', 'b.jpg'], outcomes)).toBe(
      [
        'lastfour: 2 files: 2 redacted (1 with nothing masked); look at 1 by eye:',
        '  out/b.jpg.redacted.png: looks like a card, but no card number was masked',
        '',
      ].join('\n'),
    );
  });
});
