// Keyboard shortcuts as data: the key handler, the help panel and the tests all read this one table.
export type ShortcutAction =
  | 'undo'
  | 'redo'
  | 'delete'
  | 'nudge-left'
  | 'nudge-right'
  | 'nudge-up'
  | 'nudge-down'
  | 'select-tool'
  | 'draw-tool'
  | 'number-tool'
  | 'add-mask'
  | 'next-mask'
  | 'previous-mask'
  | 'deselect'
  | 'zoom-in'
  | 'zoom-out'
  | 'zoom-fit'
  | 'peek'
  | 'pan'
  | 'help';

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

interface Shortcut {
  action: ShortcutAction;
  /** The keys as the help panel shows them; the action's words are the catalogue's shortcut.<action>. */
  keys: string;
  test(e: KeyInput, mod: boolean): boolean;
}

const plain = (e: KeyInput, mod: boolean) => !mod && !e.altKey;
const key = (e: KeyInput, ...names: string[]) => names.includes(e.key) || names.includes(e.key.toLowerCase());

export const SHORTCUTS: readonly Shortcut[] = [
  {
    action: 'undo',
    keys: 'Ctrl/⌘ Z',
    test: (e, mod) => mod && !e.shiftKey && key(e, 'z'),
  },
  {
    action: 'redo',
    keys: 'Shift Ctrl/⌘ Z, Ctrl Y',
    test: (e, mod) => mod && ((e.shiftKey && key(e, 'z')) || (!e.shiftKey && key(e, 'y'))),
  },
  {
    action: 'delete',
    keys: 'Delete, Backspace',
    test: (e, mod) => plain(e, mod) && key(e, 'Delete', 'Backspace'),
  },
  {
    action: 'nudge-left',
    keys: '← → ↑ ↓',
    test: (e, mod) => plain(e, mod) && e.key === 'ArrowLeft',
  },
  {
    action: 'nudge-right',
    keys: '',
    test: (e, mod) => plain(e, mod) && e.key === 'ArrowRight',
  },
  { action: 'nudge-up', keys: '', test: (e, mod) => plain(e, mod) && e.key === 'ArrowUp' },
  {
    action: 'nudge-down',
    keys: '',
    test: (e, mod) => plain(e, mod) && e.key === 'ArrowDown',
  },
  {
    action: 'select-tool',
    keys: 'V',
    test: (e, mod) => plain(e, mod) && key(e, 'v'),
  },
  {
    action: 'draw-tool',
    keys: 'R',
    test: (e, mod) => plain(e, mod) && key(e, 'r'),
  },
  {
    action: 'number-tool',
    keys: 'N',
    test: (e, mod) => plain(e, mod) && key(e, 'n'),
  },
  {
    action: 'add-mask',
    keys: 'M',
    test: (e, mod) => plain(e, mod) && key(e, 'm'),
  },
  {
    action: 'next-mask',
    keys: ']',
    test: (e, mod) => plain(e, mod) && e.key === ']',
  },
  {
    action: 'previous-mask',
    keys: '[',
    test: (e, mod) => plain(e, mod) && e.key === '[',
  },
  {
    action: 'deselect',
    keys: 'Esc',
    test: (e) => e.key === 'Escape',
  },
  {
    action: 'zoom-in',
    keys: '+',
    test: (e, mod) => plain(e, mod) && key(e, '+', '='),
  },
  {
    action: 'zoom-out',
    keys: '−',
    test: (e, mod) => plain(e, mod) && key(e, '-', '_'),
  },
  {
    action: 'zoom-fit',
    keys: '0',
    test: (e, mod) => plain(e, mod) && e.key === '0',
  },
  {
    action: 'peek',
    keys: 'O (hold)',
    test: (e, mod) => plain(e, mod) && key(e, 'o'),
  },
  {
    action: 'pan',
    keys: 'Space (hold)',
    test: (e, mod) => plain(e, mod) && e.key === ' ',
  },
  { action: 'help', keys: '?', test: (e) => e.key === '?' },
];

/** The one action a key press means, or null. `isMac` picks ⌘ over Ctrl as the command modifier. */
export function matchShortcut(e: KeyInput, isMac = false): ShortcutAction | null {
  const mod = isMac ? e.metaKey : e.ctrlKey;
  const hits = SHORTCUTS.filter((s) => s.test(e, mod));
  // Two matches would be a bug in the table: do nothing rather than guess (excalidraw's rule).
  return hits.length === 1 ? hits[0].action : null;
}

/** Typing in a form field must never trigger editor shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  // Outside a DOM (unit tests) there is nothing to type into.
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'range', 'file'].includes(type);
}

export const NUDGE: Record<string, [number, number]> = {
  'nudge-left': [-1, 0],
  'nudge-right': [1, 0],
  'nudge-up': [0, -1],
  'nudge-down': [0, 1],
};
