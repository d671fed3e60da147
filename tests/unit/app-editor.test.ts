// Commands and history of the mask editor, in Node: no React, no Konva, no canvas.
import { describe, expect, it } from 'vitest';
import type { Mask } from '../../src/engine/types';
import {
  addMask,
  applyFindingChanges,
  deleteMasks,
  nudgeMasks,
  updateMask,
} from '../../src/app/editor/commands';
import { createDoc } from '../../src/app/editor/doc';
import { normalizeGeometry, normalizeRotation, rectFromPoints } from '../../src/app/editor/geometry';
import {
  canRedo,
  canUndo,
  commit,
  createHistory,
  HISTORY_LIMIT,
  redo,
  undo,
} from '../../src/app/editor/history';

const mask = (id: string, over: Partial<Mask> = {}): Mask => ({
  id,
  x: 10,
  y: 20,
  width: 100,
  height: 30,
  rotation: 0,
  kind: 'manual',
  source: 'manual',
  confidence: 1,
  label: '',
  ...over,
});

const auto = (id: string, findingId: string, x = 0): Mask =>
  mask(id, { kind: 'card-number', source: 'auto', findingId, x, y: 0, width: 10, height: 10 });

describe('geometry', () => {
  it('rounds to whole source pixels and keeps an unrotated mask inside the image', () => {
    expect(normalizeGeometry({ x: -5.4, y: 3.6, width: 50.5, height: 9.49, rotation: 0 }, 200, 100)).toEqual({
      x: 0,
      y: 4,
      width: 51,
      height: 9,
      rotation: 0,
    });
    expect(normalizeGeometry({ x: 190, y: 95, width: 50, height: 20, rotation: 0 }, 200, 100)).toEqual({
      x: 150,
      y: 80,
      width: 50,
      height: 20,
      rotation: 0,
    });
    expect(normalizeGeometry({ x: 0, y: 0, width: 900, height: 0.2, rotation: 0 }, 200, 100)).toMatchObject({
      width: 200,
      height: 2,
    });
  });

  it('keeps a rotated mask whole, with its corner on the image', () => {
    expect(normalizeGeometry({ x: 250, y: -3, width: 80, height: 20, rotation: 30 }, 200, 100)).toEqual({
      x: 199,
      y: 0,
      width: 80,
      height: 20,
      rotation: 30,
    });
  });

  it('normalises rotation into (-180, 180]', () => {
    expect(normalizeRotation(370)).toBe(10);
    expect(normalizeRotation(-190)).toBe(170);
    expect(normalizeRotation(180)).toBe(180);
    expect(normalizeRotation(-0.01)).toBe(0);
    expect(Object.is(normalizeRotation(-0.01), -0)).toBe(false);
  });

  it('builds a box from a drag in any direction', () => {
    expect(rectFromPoints({ x: 50, y: 40 }, { x: 10, y: 60 })).toEqual({
      x: 10,
      y: 40,
      width: 40,
      height: 20,
      rotation: 0,
    });
  });
});

describe('commands', () => {
  const doc = createDoc(400, 300, [mask('a'), mask('b', { x: 200 })]);

  it('returns the same doc when nothing changes, so history records nothing', () => {
    expect(updateMask(doc, 'a', { x: 10.2 })).toBe(doc);
    expect(updateMask(doc, 'missing', { x: 50 })).toBe(doc);
    expect(deleteMasks(doc, ['missing'])).toBe(doc);
    expect(nudgeMasks(doc, [], 1, 0)).toBe(doc);
  });

  it('moves, resizes and rotates one mask and shares the others', () => {
    const next = updateMask(doc, 'a', { x: 30.7, width: 120.2, rotation: 15 });
    expect(next.masks[0]).toMatchObject({ x: 31, width: 120, rotation: 15 });
    expect(next.masks[1]).toBe(doc.masks[1]);
    expect(doc.masks[0].x).toBe(10);
  });

  it('adds normalised masks on top and deletes by id', () => {
    const added = addMask(doc, mask('c', { x: -20.6, width: 40.4 }));
    expect(added.masks.map((m) => m.id)).toEqual(['a', 'b', 'c']);
    expect(added.masks[2]).toMatchObject({ x: 0, width: 40 });
    expect(deleteMasks(added, ['a', 'c']).masks.map((m) => m.id)).toEqual(['b']);
  });

  it('nudges and clamps at the image edge', () => {
    expect(nudgeMasks(doc, ['a'], -10, 1).masks[0]).toMatchObject({ x: 0, y: 21 });
    expect(nudgeMasks(doc, ['a'], -10, 0).masks[0].x).toBe(0);
    expect(nudgeMasks(nudgeMasks(doc, ['a'], -10, 0), ['a'], -10, 0).masks[0].x).toBe(0);
  });

  it("re-derives one finding's auto masks in place and leaves manual and other findings' masks alone", () => {
    const edited = auto('f2-0', 'f2', 77);
    const start = createDoc(400, 300, [auto('f1-0', 'f1'), mask('m'), auto('f1-1', 'f1', 20), edited]);
    const off = applyFindingChanges(start, [{ findingId: 'f1', enabled: false, preset: 'last4', masks: [] }]);
    expect(off.masks.map((m) => m.id)).toEqual(['m', 'f2-0']);
    expect(off.masks[1]).toBe(edited);
    expect(off.choices.f1).toEqual({ enabled: false, preset: 'last4' });

    const on = applyFindingChanges(off, [
      { findingId: 'f1', enabled: true, preset: 'none', masks: [auto('f1-x', 'f1')] },
    ]);
    expect(on.masks.map((m) => m.id)).toEqual(['m', 'f2-0', 'f1-x']);
    const preset = applyFindingChanges(on, [
      {
        findingId: 'f1',
        enabled: true,
        preset: 'first6last4',
        masks: [auto('f1-y', 'f1'), auto('f1-z', 'f1')],
      },
    ]);
    // Replaced where the old masks were, so drawing order is stable.
    expect(preset.masks.map((m) => m.id)).toEqual(['m', 'f2-0', 'f1-y', 'f1-z']);
    expect(applyFindingChanges(preset, [])).toBe(preset);
  });

  it('never removes a manual mask that happens to carry a finding id', () => {
    const start = createDoc(400, 300, [mask('m', { findingId: 'f1' })]);
    const off = applyFindingChanges(start, [{ findingId: 'f1', enabled: false, preset: 'last4', masks: [] }]);
    expect(off.masks.map((m) => m.id)).toEqual(['m']);
  });
});

describe('history', () => {
  it('records one step per commit, undoes and redoes, and drops the redo branch on a new edit', () => {
    const d0 = createDoc(400, 400);
    const d1 = addMask(d0, mask('a'));
    const d2 = updateMask(d1, 'a', { x: 40 });
    let h = commit(commit(createHistory(d0), d1), d2);
    expect(h.past).toHaveLength(2);
    expect(commit(h, h.present)).toBe(h);
    h = undo(h);
    expect(h.present).toBe(d1);
    expect(canRedo(h)).toBe(true);
    h = redo(h);
    expect(h.present).toBe(d2);
    h = undo(undo(h));
    expect(h.present).toBe(d0);
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    const d3 = addMask(d0, mask('z'));
    h = commit(h, d3);
    expect(canRedo(h)).toBe(false);
    expect(redo(h)).toBe(h);
  });

  it('keeps at most HISTORY_LIMIT steps', () => {
    let h = createHistory(0);
    for (let i = 1; i <= HISTORY_LIMIT + 25; i++) h = commit(h, i);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]).toBe(25);
  });
});
