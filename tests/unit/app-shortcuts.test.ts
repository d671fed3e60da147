// Shortcuts are data: every key maps to at most one action, and the help panel lists them.
import { describe, expect, it } from 'vitest';
import { matchShortcut, SHORTCUTS, type KeyInput } from '../../src/app/editor/shortcuts';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('shortcuts', () => {
  it('maps undo and redo with Ctrl on PCs and ⌘ on Macs', () => {
    expect(matchShortcut(key('z', { ctrlKey: true }))).toBe('undo');
    expect(matchShortcut(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(matchShortcut(key('y', { ctrlKey: true }))).toBe('redo');
    expect(matchShortcut(key('z', { metaKey: true }), true)).toBe('undo');
    expect(matchShortcut(key('z', { metaKey: true, shiftKey: true }), true)).toBe('redo');
    expect(matchShortcut(key('z', { metaKey: true }), false)).toBeNull();
  });

  it('maps editing keys, and plain letters only without modifiers', () => {
    expect(matchShortcut(key(' '))).toBe('pan');
    expect(matchShortcut(key(' ', { ctrlKey: true }))).toBeNull();
    expect(matchShortcut(key('Delete'))).toBe('delete');
    expect(matchShortcut(key('Backspace'))).toBe('delete');
    expect(matchShortcut(key('ArrowLeft', { shiftKey: true }))).toBe('nudge-left');
    expect(matchShortcut(key('r'))).toBe('draw-tool');
    expect(matchShortcut(key('n'))).toBe('number-tool');
    expect(matchShortcut(key('N', { shiftKey: true }))).toBe('number-tool');
    expect(matchShortcut(key('m'))).toBe('add-mask');
    expect(matchShortcut(key('v'))).toBe('select-tool');
    expect(matchShortcut(key('o'))).toBe('peek');
    expect(matchShortcut(key('?', { shiftKey: true }))).toBe('help');
    expect(matchShortcut(key('v', { ctrlKey: true }))).toBeNull(); // paste stays paste
    expect(matchShortcut(key('x'))).toBeNull();
  });

  it('never matches two actions for one key press', () => {
    const keys = [
      'z',
      'y',
      'Delete',
      'Backspace',
      'ArrowUp',
      'v',
      'r',
      'n',
      'm',
      ']',
      '[',
      'Escape',
      '+',
      '=',
      '-',
      '0',
      'o',
      '?',
    ];
    for (const k of keys)
      for (const mods of [{}, { shiftKey: true }, { ctrlKey: true }, { ctrlKey: true, shiftKey: true }]) {
        const hits = SHORTCUTS.filter((s) => s.test(key(k, mods), !!(mods as KeyInput).ctrlKey));
        expect(hits.length, `${k} ${JSON.stringify(mods)}`).toBeLessThanOrEqual(1);
      }
  });
});
