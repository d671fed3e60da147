import { describe, expect, it } from 'vitest';
import { runSummary } from '../../src/cli/run-summary';
import { failedFile, type FileOutcome } from '../../src/cli/run-settings';

const ok = (file: string): FileOutcome => ({ entry: { file }, failed: false, flagged: false, toCheck: [] });

describe('runSummary', () => {
  it('says nothing after one file: its own lines say it all', () => {
    expect(runSummary(['a.jpg'], [ok('a.jpg')])).toBe('');
  });

  it('counts the files and says none was flagged', () => {
    expect(runSummary(['a.jpg', 'b.jpg'], [ok('a.jpg'), ok('b.jpg')])).toBe(
      'lastfour: 2 files: 2 redacted; no output flagged\n',
    );
  });

  it('names each file that failed or needs a look, with why, in input order', () => {
    const files = ['a.jpg', 'b.jpg', 'c.jpg', 'd.pdf'];
    const outcomes: FileOutcome[] = [
      {
        entry: { file: 'a.jpg' },
        failed: false,
        flagged: true,
        toCheck: ['a card number only partly in view', 'the last four were not read'],
      },
      ok('b.jpg'),
      failedFile('c.jpg', 'not an image this app can read'),
      { entry: { file: 'd.pdf' }, failed: false, flagged: true },
    ];
    expect(runSummary(files, outcomes)).toBe(
      [
        'lastfour: 4 files: 3 redacted, 1 failed; check 2 outputs by eye:',
        '  a.jpg: a card number only partly in view; the last four were not read',
        '  c.jpg: failed (not an image this app can read)',
        '  d.pdf: flagged',
        '',
      ].join('\n'),
    );
  });
});
