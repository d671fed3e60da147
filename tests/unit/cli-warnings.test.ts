// The CLI's warning for a card with no card number masked (src/cli/redact-file.ts).
import { describe, expect, it } from 'vitest';
import { cardWithoutNumberWarning } from '../../src/cli/redact-file';

describe('cardWithoutNumberWarning', () => {
  const reasons = ['a card-shaped outline (ID-1)'];

  it('asks for the number to be masked by hand on a front', () => {
    const text = cardWithoutNumberWarning(reasons, 'out/a.redacted.png', false);
    expect(text).toMatch(
      /^ {2}warning: looks like a card \(a card-shaped outline \(ID-1\)\) but no card number was found/,
    );
    expect(text).toContain('check out/a.redacted.png and mask the number by hand\n');
    expect(text).not.toContain('backs');
  });

  it('says on a back with its code masked that only the code was masked and backs may print no number', () => {
    const text = cardWithoutNumberWarning(reasons, 'out/b.redacted.png', true);
    expect(text).toMatch(/^ {2}warning: looks like a card .* but no card number was found to mask; /);
    expect(text).toContain('only a security code was masked, as on a card back (many backs print no number)');
    // A front whose owner covered most of the number is taken for a back by the group left in view:
    // the advice covers a number shown in part, in plain words.
    expect(text).toContain(
      'check out/b.redacted.png and, if this side shows a card number or part of one, mask it by hand\n',
    );
    expect(text).not.toContain('"code"');
  });
});
