// Item bookkeeping, finding grouping, export names and the post-export leak rule.
import { describe, expect, it } from 'vitest';
import type { Finding, Mask } from '../../src/engine/types';
import { addMask } from '../../src/app/editor/commands';
import { createDoc } from '../../src/app/editor/doc';
import { baseName, redactedName, uniqueNames } from '../../src/app/export/names';
import { readableLeaks } from '../../src/app/export/verify';
import { choiceOf, groupFindings, maskedText } from '../../src/app/session/findings';
import {
  detected,
  editItem,
  initialState,
  maskCount,
  pendingItem,
  redoItem,
  removeItem,
  replaceItem,
  undoItem,
  type AppState,
} from '../../src/app/session/items';
import { errorMessage, progressChanged } from '../../src/app/session/progress';
import { errorText } from '../../src/engine/error-codes';

const finding = (id: string, over: Partial<Finding> = {}): Finding => ({
  id,
  kind: 'card-number',
  text: '4100426619836990',
  glyphs: [],
  confidence: 0.9,
  keepable: true,
  enabledByDefault: true,
  ...over,
});

const manual = (id: string): Mask => ({
  id,
  x: 1,
  y: 1,
  width: 10,
  height: 10,
  rotation: 0,
  kind: 'manual',
  source: 'manual',
  confidence: 1,
  label: '',
});

describe('items', () => {
  it('goes from detecting to ready; edits are undoable but detection itself is not', () => {
    let s: AppState = { ...initialState, items: [pendingItem('a', 'card.jpg')], selectedId: 'a' };
    expect(editItem(s, 'a', (d) => addMask(d, manual('m')))).toBe(s); // not ready yet
    s = detected(s, 'a', [finding('f')], createDoc(100, 100, [manual('auto')]));
    expect(s.items[0].status).toBe('ready');
    expect(maskCount(s.items[0])).toBe(1);
    expect(undoItem(s, 'a')).toBe(s);
    s = editItem(s, 'a', (d) => addMask(d, manual('m')));
    expect(maskCount(s.items[0])).toBe(2);
    s = undoItem(s, 'a');
    expect(maskCount(s.items[0])).toBe(1);
    s = redoItem(s, 'a');
    expect(maskCount(s.items[0])).toBe(2);
  });

  it('replaces a file by its pages in place and keeps a sensible selection on removal', () => {
    let s: AppState = {
      ...initialState,
      items: [pendingItem('a', 'a.jpg'), pendingItem('pdf', 'b.pdf'), pendingItem('c', 'c.jpg')],
      selectedId: 'pdf',
    };
    s = replaceItem(s, 'pdf', [pendingItem('pdf#1', 'b.pdf'), pendingItem('pdf#2', 'b.pdf')]);
    expect(s.items.map((i) => i.id)).toEqual(['a', 'pdf#1', 'pdf#2', 'c']);
    expect(s.selectedId).toBe('pdf#1');
    s = removeItem(s, 'pdf#1');
    expect(s.selectedId).toBe('pdf#2');
    s = removeItem(removeItem(removeItem(s, 'pdf#2'), 'c'), 'a');
    expect(s.selectedId).toBeNull();
  });

  it('reports progress changes worth a render and words errors for the user', () => {
    expect(progressChanged(null, 0)).toBe(true);
    expect(progressChanged(0.5, 0.504)).toBe(false);
    expect(progressChanged(0.5, 0.52)).toBe(true);
    expect(progressChanged(0.995, 1)).toBe(true);
    // Failures cross the worker as { code, message, params }: the words come from the one table.
    const input = { code: 'not-an-image', message: 'ignored: the table has the words' };
    expect(errorMessage(input)).toBe(errorText('not-an-image'));
    expect(errorMessage(input)).toMatch(/^Not a supported file\./);
    const big = { code: 'too-large', message: '', params: { width: 10000, height: 10000 } };
    expect(errorMessage(big)).toMatch(/10000×10000 \(100 megapixels\); the limit is 64 megapixels/);
    expect(errorMessage(new Error('boom'))).toBe('Could not process this file: boom');
  });
});

describe('findings', () => {
  it('shows only the last four, and groups by category in order of appearance', () => {
    expect(maskedText(finding('f'))).toBe('•••• 6990');
    // Hidden whole in the export (a code, the repeat of the first four): no digits on screen either.
    expect(maskedText(finding('c', { kind: 'security-code', text: '749', keepable: false }))).toBe('••••');
    expect(maskedText(finding('r', { text: '4000', keepable: false }))).toBe('••••');
    const groups = groupFindings([
      finding('a'),
      finding('m', { kind: 'mrz', keepable: false, enabledByDefault: false }),
      finding('b'),
      finding('d', { kind: 'date-of-birth' }),
    ]);
    expect(groups.map((g) => [g.category, g.findings.map((f) => f.id)])).toEqual([
      ['card-number', ['a', 'b']],
      ['id-document', ['m', 'd']],
    ]);
  });

  it('uses a finding default until the user chooses', () => {
    const doc = createDoc(10, 10);
    expect(choiceOf(doc, finding('s', { enabledByDefault: false }))).toEqual({
      enabled: false,
      preset: 'last4',
    });
    expect(choiceOf({ ...doc, choices: { s: { enabled: true, preset: 'none' } } }, finding('s'))).toEqual({
      enabled: true,
      preset: 'none',
    });
  });
});

describe('export names and checks', () => {
  it('names files <name>-redacted.png, PDF pages <name>-page<N>-redacted.png', () => {
    expect(redactedName('card.front.JPG', 'png')).toBe('card.front-redacted.png');
    expect(redactedName('scan.pdf', 'png', { index: 2, count: 5 })).toBe('scan-page3-redacted.png');
    expect(redactedName('photo.heic', 'jpeg', { index: 0, count: 1 })).toBe('photo-redacted.jpg');
    expect(baseName('.hidden')).toBe('.hidden');
    expect(baseName('C:\\x\\y.png')).toBe('y');
    expect(uniqueNames(['a.png', 'b.png', 'a.png', 'a.png'])).toEqual([
      'a.png',
      'b.png',
      'a (2).png',
      'a (3).png',
    ]);
  });

  it('warns only for card-number runs with 8 or more digits read', () => {
    expect(readableLeaks([finding('a', { text: '6990' })])).toEqual([]);
    expect(readableLeaks([finding('b', { text: '4100??????6990' })])).toHaveLength(1);
    expect(readableLeaks([finding('c', { kind: 'iban', text: 'DE89370400440532013000' })])).toEqual([]);
  });
});

describe('watermark and protected PDFs', () => {
  it('adds a watermark only when switched on with a recipient', async () => {
    const { watermarkOptions } = await import('../../src/app/export/watermark');
    expect(watermarkOptions({ enabled: false, recipient: 'Bank', purpose: '' })).toBeUndefined();
    expect(watermarkOptions({ enabled: true, recipient: '  ', purpose: 'KYC' })).toBeUndefined();
    expect(watermarkOptions({ enabled: true, recipient: 'Bank', purpose: 'KYC' })?.text).toMatch(
      /^Copy for Bank - KYC - \d{4}-\d{2}-\d{2}$/,
    );
  });

  it('asks for a password only for protected PDFs, and shows their message as is', async () => {
    const { needsPassword } = await import('../../src/app/session/progress');
    const locked = { code: 'pdf-password', message: '' };
    expect(needsPassword(locked)).toBe(true);
    expect(needsPassword({ code: 'pdf-wrong-password', message: '' })).toBe(true);
    expect(errorMessage(locked)).toBe('This PDF is protected by a password. Enter the password to open it.');
    expect(needsPassword(new Error('x'))).toBe(false);
    expect(needsPassword({ code: 'pdf-damaged', message: '' })).toBe(false);
  });
});
