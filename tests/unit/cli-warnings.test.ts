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

  it('says on a back with its code masked that the side may print no number', () => {
    const text = cardWithoutNumberWarning(reasons, 'out/b.redacted.png', true);
    expect(text).toMatch(/^ {2}warning: looks like a card .* but no card number was found/);
    expect(text).toContain('its security code is masked; many backs print no number');
    expect(text).toContain('mask the number by hand if this side prints one');
    // A front whose owner covered part of the number is taken for a back by a group left in view.
    expect(text).toContain('on a front, the masked "code" may be a group of its number)\n');
  });
});
